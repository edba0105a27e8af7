"""The feed job: poll every configured feed, ingest its items, keep each feed's health record.

Scheduling is the caller's: ``schaatsbot run`` puts :meth:`FeedPoller.poll_once` on PTB's JobQueue (or
APScheduler) and asks :meth:`FeedPoller.next_delay` when to run it again. Database work is synchronous
SQLModel and runs in a worker thread so the event loop stays free.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import col, func, select

from jobs.feedread import FeedItem, FeedRead, read_feed
from jobs.fetch import DEFAULT_USER_AGENT, FetchError, FetchResult, fetch, is_local, make_client
from jobs.ingest import NOT_SKATING, IngestResult, ingest_item
from jobs.ports import Messenger
from schaatsbot.settings import Settings
from storage.articles import content_hash, known_hashes
from storage.changes import RaceChange
from storage.db import new_session
from storage.feeds import get_or_create_feed, mark_alerted, record_failure, record_success, record_warning
from storage.models import Feed, Race, utcnow
from storage.races import LOCAL_TZ

log = logging.getLogger(__name__)

ReportStatus = Literal["ok", "not_modified", "error", "backoff"]
ChangesHook = Callable[[list[RaceChange]], Awaitable[None] | None]
JITTER = 0.1  # +-10 % on every delay, so many bots never poll in lockstep


@dataclass(slots=True)
class FeedReport:
    """What one poll of one feed did."""

    url: str
    name: str
    status: ReportStatus
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    items: list[IngestResult] = field(default_factory=list)
    consecutive_failures: int = 0

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def changes(self) -> list[RaceChange]:
        return [change for item in self.items for change in item.changes]

    def summary(self) -> str:
        if self.status == "error":
            return f"{self.name}: error ({self.consecutive_failures}x): {self.error}"
        if self.status == "backoff":
            return f"{self.name}: backing off after {self.consecutive_failures} failures"
        if self.status == "not_modified":
            return f"{self.name}: not modified"
        counts = ", ".join(f"{self.count(s)} {s}" for s in ("new", "changed", "unchanged", "skipped"))
        return f"{self.name}: {len(self.items)} items ({counts})"


def feed_name(source: str) -> str:
    """A short name for logs and the health record: 'nossportschaatsen', 'Sport (nu.nl)', 'feed.xml'."""
    if is_local(source):
        return Path(urlparse(source).path if source.startswith("file:") else source).name or source
    parsed = urlparse(source)
    tail = [part for part in parsed.path.split("/") if part]
    host = parsed.netloc.rpartition("@")[2].removeprefix("www.").removeprefix("feeds.")  # no user:password
    return (f"{tail[-1]} ({host})" if tail and "nos.nl" not in host else (tail[-1] if tail else host)) or source


def is_skating_feed(source: str) -> bool:
    """A dedicated skating feed: every item counts. Any other feed is filtered by topic."""
    name = source.lower()
    return "schaats" in name or "skating" in name


class FeedPoller:
    """Polls the configured feeds (``settings.feed_urls``); one failing feed never stops the others."""

    def __init__(
        self,
        *,
        engine: Engine,
        settings: Settings,
        messenger: Messenger | None = None,
        on_changes: ChangesHook | None = None,
        client: httpx.AsyncClient | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.messenger = messenger
        self.on_changes = on_changes
        self._client = client
        self._own_client = client is None
        self._rng = rng or random.Random()
        self._retry_at: dict[str, dt.datetime] = {}  # per feed: no request before this (back-off)
        self._failures: dict[str, int] = {}
        self._live_until: dt.datetime | None = None
        self._logged: set[tuple[str, str]] = set()
        # (feed, guid) -> content hash of items a general feed carried that are not about skating: they are
        # not stored, so without this every poll would look each of them up and run the topic check again.
        self._not_skating: dict[tuple[str, str], str] = {}
        self._lock = asyncio.Lock()  # a slow poll and the next scheduled one never overlap

    # --- the job ------------------------------------------------------------------------------------------

    async def poll_once(self) -> list[FeedReport]:
        """Poll every configured feed once, oldest item first within a feed."""
        async with self._lock:
            reports = []
            for source in self.settings.feed_urls:
                try:
                    report = await self.poll_feed(source)
                except Exception as exc:  # a bug for one feed must not stop the others
                    log.exception("polling %s failed unexpectedly", feed_name(source))
                    report = FeedReport(source, feed_name(source), "error", error=f"internal error: {exc}")
                if report.count("new") or report.count("changed"):
                    log.info("%s; %d race changes", report.summary(), len(report.changes))
                reports.append(report)
            try:
                self._live_until = await asyncio.to_thread(self._live_until_from_db)
            except Exception:
                log.exception("cannot read the live window from the database")
            return reports

    async def poll_feed(self, source: str) -> FeedReport:
        """Fetch one feed (unless it is backing off), ingest its items and update its health record."""
        name = feed_name(source)
        now = utcnow()
        retry_at = self._retry_at.get(source)
        if retry_at is not None and now < retry_at:
            return FeedReport(source, name, "backoff", consecutive_failures=self._failures.get(source, 0))
        feed = await asyncio.to_thread(self._feed_row, source, name)
        try:
            fetched = await self._fetch(source, feed)
            read, unchanged, not_skating = (None, set(), set()) if fetched.status == "not_modified" else (
                await asyncio.to_thread(self._read, source, fetched.body, name, now))
            if read is not None and not read.is_feed:
                raise FetchError("http", "not a feed (no RSS or Atom found in the response)")
        except FetchError as exc:
            return await self._failed(source, name, str(exc))
        report = FeedReport(source, name, "not_modified" if read is None else "ok")
        if read is not None:
            report.warnings = self._warnings(source, name, read)
            await self._ingest_items(source, read, unchanged, not_skating, report)
        await asyncio.to_thread(self._record_success, source, name, fetched, read, report.warnings)
        await self._recovered(source, name, feed)
        return report

    async def _ingest_items(self, source: str, read: FeedRead, unchanged: set[str], not_skating: set[str],
                            report: FeedReport) -> None:
        """Ingest what is new or changed, oldest first, into ``report``; one bad item never stops the rest."""
        for item in reversed(read.items):  # feeds list newest first; notify in the order things happened
            if item.guid in unchanged:
                report.items.append(IngestResult(item.guid, item.title, "unchanged"))
                continue
            if item.guid in not_skating:
                report.items.append(IngestResult(item.guid, item.title, "skipped", reason=NOT_SKATING))
                continue
            try:
                result = await self._ingest(item, skating_only=not is_skating_feed(source))
            except Exception as exc:  # e.g. the database stayed locked: the item is retried next poll
                log.exception("feed %s: ingesting item %s failed", report.name, item.guid)
                report.warnings.append(f"item {item.guid} not stored: {exc.__class__.__name__}: {exc}")
                result = IngestResult(item.guid, item.title, "skipped", reason=f"error: {exc}")
            report.items.append(result)
            self._remember_skip(source, item, result)
            if result.changes:
                await self._notify_changes(list(result.changes))

    async def _recovered(self, source: str, name: str, feed: Feed) -> None:
        """After a good poll: forget the back-off, and say so when the feed had been failing."""
        was_failing = max(self._failures.pop(source, 0), feed.consecutive_failures)
        self._retry_at.pop(source, None)
        if was_failing >= self.settings.feed_alert_after_failures:
            await self._tell_admin(f"Feed {name} werkt weer (na {was_failing} mislukte pogingen).")
        if was_failing:
            log.info("feed %s recovered after %d failures", name, was_failing)
            self._logged = {key for key in self._logged if key[0] != source or key[1].startswith("warn:")}

    def next_delay(self) -> float:
        """Seconds until the next poll: live or normal interval with jitter, longer when every feed backs off."""
        base = float(self.settings.poll_interval_live_seconds if self.is_live() else
                     self.settings.poll_interval_seconds)
        delay = base * (1 + self._rng.uniform(-JITTER, JITTER))
        sources = list(self.settings.feed_urls)
        if sources and all(source in self._retry_at for source in sources):
            soonest = min(self._retry_at[source] for source in sources)
            delay = max(delay, (soonest - utcnow()).total_seconds())
        return max(1.0, delay)

    def is_live(self, now: dt.datetime | None = None) -> bool:
        """During a competition: races recorded in the last hours, or a configured schedule window."""
        now = now or utcnow()
        if self._live_until is not None and now < self._live_until:
            return True
        return any(start <= now < end for start, end in _schedule(self.settings.live_schedule))

    async def aclose(self) -> None:
        if self._client is not None and self._own_client:
            await self._client.aclose()
            self._client = None

    # --- pieces -------------------------------------------------------------------------------------------

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = make_client(timeout=self.settings.feed_timeout_seconds,
                                       max_redirects=self.settings.feed_max_redirects,
                                       user_agent=self.settings.feed_user_agent or DEFAULT_USER_AGENT)
        return self._client

    async def _fetch(self, source: str, feed: Feed) -> FetchResult:
        # httpx times each read; a server dripping bytes slowly is stopped by this overall deadline.
        deadline = self.settings.feed_timeout_seconds * 3
        try:
            async with asyncio.timeout(deadline):
                return await fetch(source, client=self._http(), max_bytes=self.settings.feed_max_bytes,
                                   etag=feed.etag, last_modified=feed.last_modified)
        except TimeoutError as exc:
            raise FetchError("timeout", f"timed out (no complete response within {deadline:g} s)") from exc

    async def _ingest(self, item: FeedItem, *, skating_only: bool) -> IngestResult:
        return await asyncio.to_thread(ingest_item, engine=self.engine, item=item, skating_only=skating_only)

    async def _notify_changes(self, changes: list[RaceChange]) -> None:
        if self.on_changes is None:
            return
        try:
            outcome = self.on_changes(changes)
            if inspect.isawaitable(outcome):
                await outcome
        except Exception:
            log.exception("the on_changes hook failed")

    async def _failed(self, source: str, name: str, error: str) -> FeedReport:
        failures = await asyncio.to_thread(self._record_failure, source, name, error)
        self._failures[source] = failures
        backoff = min(float(self.settings.feed_backoff_max_seconds),
                      self.settings.poll_interval_seconds * 2.0 ** (failures - 1))
        # The first failure retries at the next poll; from the second on the feed waits, doubling.
        if failures > 1:
            self._retry_at[source] = utcnow() + dt.timedelta(seconds=backoff)
        self._log_once(source, f"error:{error}", logging.WARNING,
                       "feed %s failed (%d in a row): %s", name, failures, error)
        if failures == self.settings.feed_alert_after_failures or (
                failures > self.settings.feed_alert_after_failures and await asyncio.to_thread(
                    self._not_alerted, source)):
            sent = await self._tell_admin(f"Feed {name} faalt al {failures} keer achter elkaar: {error}")
            if sent:
                await asyncio.to_thread(self._mark_alerted, source)
        return FeedReport(source, name, "error", error=error, consecutive_failures=failures)

    def _warnings(self, source: str, name: str, read: FeedRead) -> list[str]:
        warnings = ([read.malformed] if read.malformed else []) + read.notes
        if read.is_feed and not read.items:
            warnings.append("the feed has no items")
        for warning in warnings:
            self._log_once(source, f"warn:{warning}", logging.WARNING, "feed %s: %s", name, warning)
        return warnings

    def _remember_skip(self, source: str, item: FeedItem, result: IngestResult) -> None:
        if result.status != "skipped" or result.reason != NOT_SKATING:
            return
        if len(self._not_skating) > 5000:  # a general feed rotates through a few hundred items a week
            self._not_skating.clear()
        self._not_skating[(source, item.guid)] = content_hash(item.title, item.text)

    def _log_once(self, source: str, key: str, level: int, message: str, *args: object) -> None:
        """The first occurrence at ``level``, repeats at DEBUG: a feed broken for a day logs one line."""
        first = (source, key) not in self._logged
        if len(self._logged) > 5000:  # distinct warnings pile up over months (one per undated item)
            self._logged.clear()
        self._logged.add((source, key))
        log.log(level if first else logging.DEBUG, message, *args)

    async def _tell_admin(self, text: str) -> bool:
        if self.messenger is None:
            return False
        try:
            await self.messenger.send_admin(text)
            return True
        except Exception:
            log.exception("could not tell the admin chat")
            return False

    # --- database (worker thread) -------------------------------------------------------------------------

    def _read(self, source: str, body: bytes, name: str, now: dt.datetime) -> tuple[FeedRead, set[str], set[str]]:
        """The feed's items, the guids whose text is already stored (one query for the whole feed), and the
        guids whose text was already found not to be about skating."""
        read = read_feed(body, feed_name=name, fetched_at=now)
        with new_session(self.engine) as session:
            known = known_hashes(session=session, guids=[item.guid for item in read.items])
        unchanged, not_skating = set(), set()
        for item in read.items:
            digest = content_hash(item.title, item.text)
            if item.guid in known and digest in known[item.guid][1]:
                unchanged.add(item.guid)
            elif item.guid not in known and self._not_skating.get((source, item.guid)) == digest:
                not_skating.add(item.guid)
        return read, unchanged, not_skating

    def _feed_row(self, source: str, name: str) -> Feed:
        with new_session(self.engine) as session:
            feed = get_or_create_feed(session=session, url=source, name=name)
            session.commit()
            return feed

    def _record_success(self, source: str, name: str, fetched: FetchResult, read: FeedRead | None,
                        warnings: Sequence[str]) -> None:
        with new_session(self.engine) as session:
            feed = get_or_create_feed(session=session, url=source, name=name)
            record_success(session=session, feed=feed, etag=fetched.etag, last_modified=fetched.last_modified,
                           items_seen=len(read.items) if read else 0)
            if warnings:
                record_warning(session=session, feed=feed, warning="; ".join(warnings), count=len(warnings))
            session.commit()

    def _record_failure(self, source: str, name: str, error: str) -> int:
        with new_session(self.engine) as session:
            feed = get_or_create_feed(session=session, url=source, name=name)
            record_failure(session=session, feed=feed, error=error)
            session.commit()
            return feed.consecutive_failures

    def _not_alerted(self, source: str) -> bool:
        with new_session(self.engine) as session:
            feed = session.exec(select(Feed).where(Feed.url == source)).first()
            return feed is not None and feed.alerted_at is None

    def _mark_alerted(self, source: str) -> None:
        with new_session(self.engine) as session:
            feed = session.exec(select(Feed).where(Feed.url == source)).first()
            if feed is not None:
                mark_alerted(session=session, feed=feed)
                session.commit()

    def _live_until_from_db(self) -> dt.datetime | None:
        """The end of the competition window: LIVE_WINDOW_HOURS after the last race recorded as current."""
        with new_session(self.engine) as session:
            # Only races of these days: a feed replaying old reports is no competition.
            recent = (utcnow() - dt.timedelta(days=1)).date()
            latest = session.exec(select(func.max(Race.updated_at)).where(
                col(Race.historical).is_(False), col(Race.date) >= recent)).first()
        if latest is None:
            return None
        if latest.tzinfo is None:
            latest = latest.replace(tzinfo=dt.UTC)
        return latest + dt.timedelta(hours=self.settings.live_window_hours)


def _schedule(windows: Sequence[str]) -> list[tuple[dt.datetime, dt.datetime]]:
    """LIVE_SCHEDULE windows as aware datetimes (Amsterdam time when they carry no offset)."""
    out = []
    for window in windows:
        start_text, _, end_text = window.partition("/")
        start, end = dt.datetime.fromisoformat(start_text), dt.datetime.fromisoformat(end_text)
        out.append((start if start.tzinfo else start.replace(tzinfo=LOCAL_TZ),
                    end if end.tzinfo else end.replace(tzinfo=LOCAL_TZ)))
    return out
