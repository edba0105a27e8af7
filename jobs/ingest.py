"""One feed item -> stored article -> parsed races -> recorded races and notifications, in one transaction.

Idempotent: an item whose text is unchanged does nothing. A parser failure never loses the article: it is
stored with ``parse_status="failed"`` and the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.engine import Engine

import parsing
from jobs.feedread import FeedItem
from parsing.topic import is_skating
from storage import outbox
from storage.articles import get_article, set_parse_status, upsert_article
from storage.changes import RaceChange
from storage.db import new_session
from storage.models import Article
from storage.races import record_races

log = logging.getLogger(__name__)

IngestStatus = Literal["new", "changed", "unchanged", "skipped"]
NOT_SKATING = "not about skating"  # the reason of an item a general feed carries about another sport
Parser = Callable[[parsing.Article], parsing.ParseResult]


@dataclass(frozen=True, slots=True)
class IngestResult:
    guid: str
    title: str
    status: IngestStatus
    version: int | None = None
    parse_status: str | None = None  # parsed | no_races | failed (new and changed items only)
    reason: str | None = None  # why skipped, why no races, why the parse failed
    races: tuple[parsing.Race, ...] = ()
    changes: tuple[RaceChange, ...] = field(default=())


def ingest_item(*, engine: Engine, item: FeedItem, skating_only: bool = False,
                parse: Parser | None = None) -> IngestResult:
    """Store ``item``; when it is new or changed, parse it and record its races (one commit)."""
    parse = parse or parsing.parse_article
    with new_session(engine) as session:
        known = get_article(session=session, guid=item.guid) is not None
        if skating_only and not known and not is_skating(item.title, item.text):
            return IngestResult(item.guid, item.title, "skipped", reason=NOT_SKATING)
        # An undated item keeps the fetch time of its first sighting as its date.
        published = item.published if item.dated or not known else None
        stored = upsert_article(session=session, guid=item.guid, feed=item.feed, title=item.title,
                                text=item.text, html=item.html or None, url=item.url, published=published)
        article = stored.article
        if stored.status in ("unchanged", "stale"):
            reason = "an older version came back" if stored.status == "stale" else None
            session.rollback()
            return IngestResult(item.guid, item.title, "unchanged", version=stored.previous_version, reason=reason)
        status: IngestStatus = stored.status  # type: ignore[assignment]
        try:
            result = parse(parsing.Article(title=item.title, text=item.html or item.text,
                                           published=article.published, url=item.url))
        except Exception as exc:  # the parser is pure code: any bug in it must not stop the job
            log.exception("parser failed on article %s (%s)", item.guid, item.feed)
            set_parse_status(session=session, article=article, status="failed",
                             reason=f"parser error: {exc.__class__.__name__}: {exc}")
            session.commit()
            return IngestResult(item.guid, item.title, status, article.version, "failed", _reason(exc))
        try:
            changes = record_races(session=session, article=article, races=result.races)
            outbox.enqueue_notifications(session=session, changes=changes)
            parse_status = "parsed" if result.races else "no_races"
            set_parse_status(session=session, article=article, status=parse_status, reason=result.reason)
            session.commit()
        except Exception as exc:
            session.rollback()
            log.exception("recording the races of article %s (%s) failed", item.guid, item.feed)
            _store_failed(engine, item, f"recording races failed: {_reason(exc)}")
            return IngestResult(item.guid, item.title, status, None, "failed", _reason(exc), result.races)
        return IngestResult(item.guid, item.title, status, article.version, parse_status, result.reason,
                            result.races, tuple(changes))


def _store_failed(engine: Engine, item: FeedItem, reason: str) -> None:
    """Keep the article (its new text) even though its races could not be recorded."""
    with new_session(engine) as session:
        stored = upsert_article(session=session, guid=item.guid, feed=item.feed, title=item.title,
                                text=item.text, html=item.html or None, url=item.url, published=item.published)
        article: Article = stored.article
        set_parse_status(session=session, article=article, status="failed", reason=reason)
        session.commit()


def _reason(exc: BaseException) -> str:
    return f"{exc.__class__.__name__}: {exc}"[:300]
