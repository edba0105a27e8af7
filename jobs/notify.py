"""Outbox dispatch: claim pending notifications, send them through a Messenger, record what happened.

Each outcome is written as soon as its send returns, so a crash loses nothing and repeats at most what was in
flight. Several dispatchers (threads, processes) may share one database: claims are atomic and every
instance tags its claims with its own id, so it never releases rows it is still sending.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import random
import socket
import uuid
from collections import Counter
from collections.abc import Callable, Iterable

from sqlalchemy.engine import Engine

from jobs.ports import Messenger, SendResult
from schaatsbot.settings import Settings
from storage import outbox
from storage.chats import deactivate_chat, migrate_chat
from storage.db import new_session
from storage.models import utcnow
from storage.outbox import ClaimedNotification

log = logging.getLogger(__name__)

DEFAULT_LEASE = dt.timedelta(minutes=10)


class OutboxDispatcher:
    """Sends the outbox. ``run_forever`` in the bot process; ``dispatch_once`` in tests and scripts."""

    def __init__(
        self,
        *,
        engine: Engine,
        messenger: Messenger,
        worker_id: str | None = None,
        batch_size: int = 100,
        max_in_flight: int = 200,
        max_attempts: int = 5,
        lease: dt.timedelta = DEFAULT_LEASE,
        poll_interval: float = 5.0,
        backoff_base: float = 2.0,
        backoff_cap: float = 600.0,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.messenger = messenger
        # The instance part keeps claims apart even when two processes are given the same worker id.
        base = worker_id or f"{socket.gethostname()}-{os.getpid()}"
        self.worker_id = f"{base}~{uuid.uuid4().hex[:6]}"
        self.batch_size = batch_size
        self.max_in_flight = max(max_in_flight, 1)
        self._refill_at = max(1, min(batch_size, self.max_in_flight) // 2)
        self.max_attempts = max(max_attempts, 1)
        self.lease = lease
        self.poll_interval = poll_interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.clock = clock
        self.stats: Counter[str] = Counter()
        self._wake = asyncio.Event()
        self._stopping = False
        self._last_release: dt.datetime | None = None

    @classmethod
    def from_settings(cls, *, engine: Engine, messenger: Messenger, settings: Settings,
                      worker_id: str | None = None) -> OutboxDispatcher:
        """The dispatcher ``schaatsbot run`` starts: attempts and lease from the settings."""
        return cls(engine=engine, messenger=messenger, worker_id=worker_id,
                   max_attempts=settings.notify_max_attempts,
                   lease=dt.timedelta(seconds=settings.notify_lease_seconds))

    # --- public ------------------------------------------------------------------------------------------

    def wake(self) -> None:
        """Something was enqueued: look now instead of at the next interval (safe from any thread)."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if self._loop is not None and running is not self._loop:
            self._loop.call_soon_threadsafe(self._wake.set)
        else:
            self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self.wake()

    async def dispatch_once(self, limit: int | None = None) -> int:
        """Claim one batch, send it (per chat in order, chats concurrently), record outcomes; returns its size."""
        await asyncio.to_thread(self._release_stale)
        rows = await asyncio.to_thread(self._claim, limit or self.batch_size)
        if rows:
            await asyncio.gather(*(self._send_chat(chat_rows) for chat_rows in _by_chat(rows)))
        return len(rows)

    async def drain(self, max_rounds: int = 1000) -> int:
        """Dispatch until nothing is due; returns how many rows were handled."""
        total = 0
        for _ in range(max_rounds):
            handled = await self.dispatch_once()
            if not handled:
                break
            total += handled
        return total

    async def run_forever(self) -> None:
        """Keep up to ``max_in_flight`` rows sending; claim more as sends finish, on wake() or every interval."""
        self._loop = asyncio.get_running_loop()
        in_flight: set[asyncio.Task[None]] = set()
        log.info("outbox dispatcher %s started", self.worker_id)
        try:
            while not self._stopping:
                self._wake.clear()
                rows: list[ClaimedNotification] = []
                free = self.max_in_flight - len(in_flight)
                # Refill in chunks: claiming one row per finished send would cost a write per message.
                if free > 0 and (not in_flight or free >= self._refill_at):
                    try:
                        await asyncio.to_thread(self._release_stale_now_and_then)
                        rows = await asyncio.to_thread(self._claim, min(free, self.batch_size))
                    except Exception:  # a locked or unreachable database must not end the loop
                        log.exception("outbox: claiming failed; trying again in %s s", self.poll_interval)
                for chat_rows in _by_chat(rows):
                    in_flight.add(asyncio.create_task(self._send_chat(chat_rows)))
                if rows and len(in_flight) < self.max_in_flight:
                    continue  # there may be more due right now
                waiter = asyncio.create_task(self._wake.wait())
                done, _ = await asyncio.wait(in_flight | {waiter}, timeout=self.poll_interval,
                                             return_when=asyncio.FIRST_COMPLETED)
                waiter.cancel()
                in_flight -= done
        finally:
            if in_flight:
                # Let what is in flight finish and be recorded, so a clean stop leaves no duplicates.
                await asyncio.gather(*in_flight, return_exceptions=True)
            log.info("outbox dispatcher %s stopped (%s)", self.worker_id, dict(self.stats))

    # --- sending -----------------------------------------------------------------------------------------

    async def _send_chat(self, rows: list[ClaimedNotification]) -> None:
        for row in rows:
            await self._send_one(row)

    async def _send_one(self, row: ClaimedNotification) -> None:
        try:
            result = await self.messenger.send_notification(row)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug in rendering must not lose the row: it is retried, then failed
            log.exception("outbox: sending notification %s to chat %s raised", row.id, row.chat_id)
            result = SendResult.transient(f"{exc.__class__.__name__}: {exc}")
        try:
            await asyncio.to_thread(self._record, row, result)
        except Exception:
            # The row stays "sending" and comes back after the lease: at worst one duplicate.
            log.exception("outbox: could not record the outcome of notification %s", row.id)
            self.stats["record_errors"] += 1

    # --- database (worker threads) -------------------------------------------------------------------------

    def _claim(self, limit: int) -> list[ClaimedNotification]:
        with new_session(self.engine) as session:
            return outbox.claim_batch(session=session, worker=self.worker_id, limit=limit, now=self.clock())

    def _release_stale(self) -> int:
        with new_session(self.engine) as session:
            released = outbox.release_stale(session=session, lease=self.lease, now=self.clock(),
                                            keep_worker=self.worker_id)
            session.commit()
        self._last_release = self.clock()
        if released:
            log.warning("outbox: %d notifications were left sending by a stopped sender; retrying them",
                        released)
            self.stats["released"] += released
        return released

    def _release_stale_now_and_then(self) -> None:
        if self._last_release is None or self.clock() - self._last_release >= self.lease / 4:
            self._release_stale()

    def _record(self, row: ClaimedNotification, result: SendResult) -> None:
        now = self.clock()
        with new_session(self.engine) as session:
            mine = {"session": session, "notification_id": row.id, "claim": row.claim}
            if result.outcome == "sent":
                outbox.mark_sent(**mine, message_id=result.message_id, now=now)  # type: ignore[arg-type]
                self.stats["sent"] += 1
            elif result.outcome == "retry_after":
                wait = max(float(result.retry_after or 1), 0.0)
                outbox.mark_retry(**mine, error=result.error or "retry after",  # type: ignore[arg-type]
                                  next_attempt_at=now + dt.timedelta(seconds=wait), count_attempt=False)
                self.stats["flood_wait"] += 1
            elif result.outcome == "chat_gone":
                outbox.mark_failed(**mine, error=f"chat gone: {result.error}")  # type: ignore[arg-type]
                deactivate_chat(session=session, chat_id=row.chat_id, reason=result.error or "chat gone")
                log.info("outbox: chat %s is gone (%s); deactivated", row.chat_id, result.error)
                self.stats["chat_gone"] += 1
            elif result.outcome == "migrated" and result.new_chat_id is not None:
                migrate_chat(session=session, old_chat_id=row.chat_id, new_chat_id=result.new_chat_id)
                # migrate_chat moved this row to the new id; it goes out again at once, at no attempt's cost.
                outbox.mark_retry(**mine, error=result.error or "migrated",  # type: ignore[arg-type]
                                  next_attempt_at=now, count_attempt=False)
                log.info("outbox: chat %s migrated to %s", row.chat_id, result.new_chat_id)
                self.stats["migrated"] += 1
            elif result.outcome == "rejected":
                outbox.mark_failed(**mine, error=f"rejected: {result.error}")  # type: ignore[arg-type]
                log.error("outbox: notification %s to chat %s rejected: %s", row.id, row.chat_id, result.error)
                self.stats["failed"] += 1
            else:
                self._record_transient(session, row, result, now)
            session.commit()

    def _record_transient(self, session, row: ClaimedNotification, result: SendResult,  # type: ignore[no-untyped-def]
                          now: dt.datetime) -> None:
        error = result.error or result.outcome
        if row.attempts >= self.max_attempts:
            outbox.mark_failed(session=session, notification_id=row.id, claim=row.claim,
                               error=f"gave up after {row.attempts} attempts: {error}")
            log.error("outbox: notification %s to chat %s failed after %d attempts: %s",
                      row.id, row.chat_id, row.attempts, error)
            self.stats["failed"] += 1
            return
        delay = self.backoff(row.attempts)
        outbox.mark_retry(session=session, notification_id=row.id, claim=row.claim, error=error,
                          next_attempt_at=now + dt.timedelta(seconds=delay))
        log.warning("outbox: notification %s to chat %s failed (%s); retry %d in %.0f s",
                    row.id, row.chat_id, error, row.attempts, delay)
        self.stats["retried"] += 1

    def backoff(self, attempts: int) -> float:
        """Exponential back-off with jitter: 2, 4, 8 ... seconds, capped."""
        delay = min(self.backoff_cap, self.backoff_base ** max(attempts, 1))
        return delay * random.uniform(0.8, 1.2)

    _loop: asyncio.AbstractEventLoop | None = None


def _by_chat(rows: Iterable[ClaimedNotification]) -> list[list[ClaimedNotification]]:
    """Rows grouped per chat, in claim order: one chat's messages go out one after another."""
    groups: dict[int, list[ClaimedNotification]] = {}
    for row in rows:
        groups.setdefault(row.chat_id, []).append(row)
    return list(groups.values())
