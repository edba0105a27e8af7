"""The notification outbox: rows written in the transaction that records a race, sent later.

Life of a row: ``pending`` -> (claimed atomically) ``sending`` -> ``sent`` | ``pending`` again (retry) |
``failed``. The unique constraint (chat, race, kind, revision) makes enqueueing idempotent, and claiming
with one UPDATE (plus ``FOR UPDATE SKIP LOCKED`` on PostgreSQL) lets several senders share a database.
A sender that dies leaves its rows in ``sending``; :func:`release_stale` hands them back after a lease, so
at most the one message in flight at the crash is sent twice.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, insert, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from storage.changes import RaceChange
from storage.models import Chat, Notification, Race, Result, utcnow
from storage.subscriptions import followers_of_race

MAX_AGE = dt.timedelta(days=1)
PODIUM, CORRECTION = "podium", "correction"
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


@dataclass(frozen=True, slots=True)
class ClaimedNotification:
    """A claimed outbox row, detached from the session: what a sender needs."""

    id: int
    chat_id: int
    race_id: int
    kind: str
    revision: int
    reasons: dict[str, Any]
    attempts: int
    claim: str
    previous_message_id: int | None = None  # corrections: the podium message they correct
    chat_type: str | None = None  # from the chats table, so the sender needs no query per message
    chat_language: str | None = None


# --- enqueue ----------------------------------------------------------------------------------------------


def enqueue_notifications(*, session: Session, changes: Sequence[RaceChange],
                          now: dt.datetime | None = None) -> int:
    """Write one outbox row per (following chat, race) for these changes, in the caller's transaction.

    Returns how many rows were written. The caller commits, so a race and its notifications land together.
    """
    now = now or utcnow()
    latest: dict[int, RaceChange] = {}
    for change in changes:
        previous = latest.get(change.race_id)
        # A race first seen in this very ingest has no earlier podium to correct: "new" wins.
        if previous is None or (previous.kind != "new" and _rank(change) >= _rank(previous)):
            latest[change.race_id] = change
    written = 0
    for change in latest.values():
        if change.historical or _too_old_when_first_seen(change):
            continue
        race = session.get(Race, change.race_id)
        if race is None or race.historical:
            continue
        if change.kind == "podium_changed":
            written += _enqueue_corrections(session=session, race=race, now=now)
        if change.kind == "new" or _as_utc(change.first_seen_at) >= now - MAX_AGE:
            written += _enqueue_podiums(session=session, race=race, now=now)
    return written


def _rank(change: RaceChange) -> int:
    return {"new": 3, "podium_changed": 2}.get(change.kind, 1)


def _too_old_when_first_seen(change: RaceChange) -> bool:
    """A race whose date lies more than a day before it was first seen is old news."""
    day = change.race_date
    if day is None and change.article_published is not None:
        day = _as_utc(change.article_published).date()
    if day is None:
        return False
    return day < (_as_utc(change.first_seen_at) - MAX_AGE).date()


def _as_utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _has_podium(session: Session, race_id: int) -> bool:
    return session.exec(select(Result.id).where(Result.race_id == race_id, col(Result.rank).is_not(None),
                                                col(Result.rank) <= 3).limit(1)).first() is not None


def _enqueue_podiums(*, session: Session, race: Race, now: dt.datetime) -> int:
    """A podium row for every following chat that has none for this race yet (whatever its revision)."""
    assert race.id is not None
    if not _has_podium(session, race.id):
        return 0  # nothing to show yet: a later article with the podium enqueues it
    followers = followers_of_race(session=session, race_id=race.id)
    if not followers:
        return 0
    have = set(session.exec(select(Notification.chat_id).where(Notification.race_id == race.id,
                                                               Notification.kind == PODIUM)).all())
    rows = [_row(chat_id, race, PODIUM, reasons.to_json(), now)
            for chat_id, reasons in followers.items() if chat_id not in have]
    return _insert_ignoring_duplicates(session, rows)


def _enqueue_corrections(*, session: Session, race: Race, now: dt.datetime) -> int:
    """A correction for every chat whose podium message (sent or in flight) showed an older podium."""
    assert race.id is not None
    podiums = session.exec(select(Notification).where(
        Notification.race_id == race.id, Notification.kind == PODIUM,
        col(Notification.status).in_([SENT, SENDING]), Notification.revision < race.podium_revision,
    )).all()
    if not podiums:
        return 0
    rows = [_row(p.chat_id, race, CORRECTION, json.loads(p.reasons or "{}"), now) for p in podiums]
    return _insert_ignoring_duplicates(session, rows)


def _row(chat_id: int, race: Race, kind: str, reasons: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    return {"chat_id": chat_id, "race_id": race.id, "kind": kind, "revision": race.podium_revision,
            "reasons": json.dumps(reasons, ensure_ascii=False), "status": PENDING, "attempts": 0,
            "created_at": now}


_INSERT_CHUNK = 500  # rows per INSERT: well under SQLite's limit of bound parameters


def _insert_ignoring_duplicates(session: Session, rows: list[dict[str, Any]]) -> int:
    """INSERT ... ON CONFLICT DO NOTHING (SQLite and PostgreSQL), so a concurrent enqueue is harmless."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    # Both dialects' Insert offer on_conflict_do_nothing(); they share no base type that declares it.
    dialect_insert: Callable[[type[Notification]], Any]
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert
        dialect_insert = postgresql_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert
        dialect_insert = sqlite_insert
    else:  # pragma: no cover - other databases: rows were filtered above, a race here raises
        session.execute(insert(Notification), rows)
        return len(rows)
    written = 0
    for start in range(0, len(rows), _INSERT_CHUNK):
        statement = (dialect_insert(Notification).values(rows[start:start + _INSERT_CHUNK])
                     .on_conflict_do_nothing().returning(col(Notification.id)))
        # Count what RETURNING gives back: rowcount is -1 for such inserts on PostgreSQL.
        written += len(session.execute(statement).all())
    return written


# --- claim and record -------------------------------------------------------------------------------------


def new_claim_token(worker: str) -> str:
    """A token unique to one claimed batch of one worker."""
    return f"{worker}/{uuid.uuid4().hex[:12]}"


def claim_batch(*, session: Session, worker: str, limit: int, now: dt.datetime | None = None
                ) -> list[ClaimedNotification]:
    """Atomically move up to ``limit`` due pending rows to ``sending`` for ``worker``, and commit.

    A correction waits while its chat's podium message for the race is still pending or in flight, so a
    chat never reads the correction first.
    """
    now = now or utcnow()
    claim = new_claim_token(worker)
    session.execute(claim_statement(dialect=session.get_bind().dialect.name, claim=claim, limit=limit, now=now))
    session.commit()
    rows = session.exec(select(Notification).where(Notification.claimed_by == claim,
                                                   Notification.status == SENDING)
                        .order_by(col(Notification.id))).all()
    previous = _podium_message_ids(session, [r for r in rows if r.kind == CORRECTION])
    chats = {chat.id: chat for chat in session.exec(
        select(Chat).where(col(Chat.id).in_({row.chat_id for row in rows})))} if rows else {}
    return [_claimed(row, claim, previous.get((row.chat_id, row.race_id)), chats.get(row.chat_id))
            for row in rows]


def claim_statement(*, dialect: str, claim: str, limit: int, now: dt.datetime) -> Any:
    """The one UPDATE that claims due rows (exposed so tests can check the PostgreSQL form)."""
    earlier = aliased(Notification)
    podium_unsent = exists().where(
        col(earlier.chat_id) == col(Notification.chat_id), col(earlier.race_id) == col(Notification.race_id),
        col(earlier.kind) == PODIUM, col(earlier.status).in_([PENDING, SENDING]),
    )
    due = (
        select(Notification.id)
        .where(Notification.status == PENDING)
        .where((col(Notification.next_attempt_at).is_(None)) | (col(Notification.next_attempt_at) <= now))
        .where(~and_(col(Notification.kind) == CORRECTION, podium_unsent))
        .order_by(col(Notification.id))
        .limit(limit)
    )
    if dialect == "postgresql":
        # Concurrent senders skip each other's locked rows instead of waiting for them.
        due = due.with_for_update(skip_locked=True)
    return (
        update(Notification)
        .where(col(Notification.id).in_(due.scalar_subquery()), col(Notification.status) == PENDING)
        .values(status=SENDING, claimed_by=claim, claimed_at=now, attempts=Notification.attempts + 1)
        .execution_options(synchronize_session=False)
    )


def _podium_message_ids(session: Session, corrections: list[Notification]) -> dict[tuple[int, int], int]:
    if not corrections:
        return {}
    out: dict[tuple[int, int], int] = {}
    for row in corrections:
        message_id = session.exec(select(Notification.message_id).where(
            Notification.chat_id == row.chat_id, Notification.race_id == row.race_id,
            Notification.kind == PODIUM, col(Notification.message_id).is_not(None),
        ).order_by(col(Notification.id).desc())).first()
        if message_id is not None:
            out[(row.chat_id, row.race_id)] = message_id
    return out


def _claimed(row: Notification, claim: str, previous_message_id: int | None, chat: Chat | None
             ) -> ClaimedNotification:
    assert row.id is not None
    return ClaimedNotification(id=row.id, chat_id=row.chat_id, race_id=row.race_id, kind=row.kind,
                               revision=row.revision, reasons=json.loads(row.reasons or "{}"),
                               attempts=row.attempts, claim=claim, previous_message_id=previous_message_id,
                               chat_type=chat.type if chat else None,
                               chat_language=chat.language if chat else None)


def _mine(notification_id: int, claim: str | None) -> list[Any]:
    # A row whose lease expired may have been re-claimed by another sender: only the holder records.
    conditions: list[Any] = [Notification.id == notification_id, Notification.status == SENDING]
    if claim is not None:
        conditions.append(Notification.claimed_by == claim)
    return conditions


def mark_sent(*, session: Session, notification_id: int, message_id: int | None, claim: str | None = None,
              now: dt.datetime | None = None) -> bool:
    result = session.execute(update(Notification).where(*_mine(notification_id, claim)).values(
        status=SENT, message_id=message_id, sent_at=now or utcnow(), last_error=None))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def mark_retry(*, session: Session, notification_id: int, error: str, next_attempt_at: dt.datetime,
               claim: str | None = None, count_attempt: bool = True) -> bool:
    """Back to pending, due at ``next_attempt_at``; a flood-wait (``count_attempt=False``) costs no attempt."""
    values: dict[str, Any] = {"status": PENDING, "last_error": error[:500], "next_attempt_at": next_attempt_at,
                              "claimed_by": None, "claimed_at": None}
    if not count_attempt:
        values["attempts"] = Notification.attempts - 1
    result = session.execute(update(Notification).where(*_mine(notification_id, claim)).values(**values))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def mark_failed(*, session: Session, notification_id: int, error: str, claim: str | None = None) -> bool:
    result = session.execute(update(Notification).where(*_mine(notification_id, claim)).values(
        status=FAILED, last_error=error[:500]))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def release_stale(*, session: Session, lease: dt.timedelta, now: dt.datetime | None = None,
                  keep_worker: str | None = None) -> int:
    """Rows left in ``sending`` longer than ``lease`` (their sender died) become pending again.

    ``keep_worker``: the caller's own worker id, whose claims are alive however old they are.
    """
    cutoff = (now or utcnow()) - lease
    conditions: list[Any] = [Notification.status == SENDING, col(Notification.claimed_at) < cutoff]
    if keep_worker is not None:
        conditions.append(~col(Notification.claimed_by).startswith(f"{keep_worker}/", autoescape=True))
    result = session.execute(
        update(Notification)
        .where(*conditions)
        .values(status=PENDING, claimed_by=None, claimed_at=None,
                last_error="sender lease expired (crash or stop while sending)")
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def cancel_pending_for_chat(*, session: Session, chat_id: int, error: str) -> int:
    """The chat cannot be reached: its queued rows fail now instead of being tried in vain."""
    result = session.execute(update(Notification).where(
        col(Notification.chat_id) == chat_id, col(Notification.status) == PENDING).values(status=FAILED,
                                                                                last_error=error[:500]))
    return int(result.rowcount)  # type: ignore[attr-defined]


def retarget_pending(*, session: Session, old_chat_id: int, new_chat_id: int) -> int:
    """Queued rows (pending, or in flight to the old id) follow a migrated group to its new id."""
    rows = session.exec(select(Notification).where(Notification.chat_id == old_chat_id,
                                                   col(Notification.status).in_([PENDING, SENDING]))).all()
    moved = 0
    for row in rows:
        clash = session.exec(select(Notification.id).where(
            Notification.chat_id == new_chat_id, Notification.race_id == row.race_id,
            Notification.kind == row.kind, Notification.revision == row.revision)).first()
        if clash is not None:
            row.status, row.last_error = FAILED, f"superseded after migration to {new_chat_id}"
        else:
            row.chat_id = new_chat_id
            moved += 1
        session.add(row)
    # Podium rows already sent move too, so a later correction reaches the group under its new id.
    for row in session.exec(select(Notification).where(Notification.chat_id == old_chat_id,
                                                       Notification.status == SENT)).all():
        clash = session.exec(select(Notification.id).where(
            Notification.chat_id == new_chat_id, Notification.race_id == row.race_id,
            Notification.kind == row.kind, Notification.revision == row.revision)).first()
        if clash is None:
            row.chat_id = new_chat_id
            row.message_id = None  # the old chat's message ids mean nothing in the new one
            session.add(row)
    session.flush()
    return moved


def outbox_counts(*, session: Session) -> dict[str, int]:
    """Rows per status: for the operator and the tests."""
    from sqlalchemy import func

    rows = session.exec(select(Notification.status, func.count()).group_by(col(Notification.status))).all()
    return {status: int(count) for status, count in rows}
