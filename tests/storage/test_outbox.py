"""The outbox on a real SQLite file: what gets enqueued, claiming, recording, crash recovery."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy.dialects import postgresql
from sqlmodel import select

from storage import outbox
from storage.models import Notification, utcnow
from tests import notify_data as data

NOW = dt.datetime(2021, 11, 14, 15, 0, tzinfo=dt.UTC)


def rows(session) -> list[Notification]:
    session.expire_all()
    return list(session.exec(select(Notification).order_by(Notification.id)).all())


def test_a_new_race_gives_one_row_per_following_chat_with_every_reason(session) -> None:
    data.follow_skater(session, 1, "Kai Verbij")
    data.follow_skater(session, 1, "Hein Otterspeer")
    data.follow_distance(session, 1, "1000m")
    data.follow_all(session, 2)
    data.follow_skater(session, 3, "Jorrit Bergsma")  # not in this race
    race = data.race(session)
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race)]) == 2
    session.commit()
    got = rows(session)
    assert [(r.chat_id, r.kind, r.revision, r.status) for r in got] == [
        (1, "podium", 0, "pending"), (2, "podium", 0, "pending")]
    reasons = json.loads(got[0].reasons)
    assert reasons["distance"] is True
    assert [(s["name"], s["rank"], s["time"]) for s in reasons["skaters"]] == [
        ("Hein Otterspeer", 1, 6867), ("Kai Verbij", 6, 6914)]


def test_enqueueing_twice_writes_nothing_new(session) -> None:
    data.follow_all(session, 2)
    race = data.race(session)
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race)]) == 1
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race)]) == 0
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race, "placings_changed")]) == 0
    session.commit()
    assert len(rows(session)) == 1


def test_history_and_day_old_races_never_notify(session) -> None:
    data.follow_all(session, 2)
    historical = data.race(session, historical=True, key="h")
    now = utcnow()
    old = data.race(session, date=(now - dt.timedelta(days=3)).date(), key="old", first_seen_at=now)
    assert outbox.enqueue_notifications(session=session, changes=[data.change(historical),
                                                                   data.change(old)]) == 0
    yesterday = data.race(session, date=(now - dt.timedelta(days=1)).date(), key="yesterday", first_seen_at=now)
    assert outbox.enqueue_notifications(session=session, changes=[data.change(yesterday)]) == 1


def test_late_placings_reach_new_followers_only_while_the_race_is_fresh(session) -> None:
    race = data.race(session, placings=data.PODIUM_1000[:3])
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race)]) == 0
    data.follow_skater(session, 4, "Kai Verbij")
    data.set_placings(session, race, data.PODIUM_1000)  # a later article adds Kai Verbij's 6th place
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race, "placings_changed")]) == 1
    data.follow_skater(session, 5, "Kai Verbij")
    week_later = utcnow() + dt.timedelta(days=7)
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race, "placings_changed")],
                                        now=week_later) == 0


def test_a_changed_podium_corrects_only_chats_that_had_the_podium(session) -> None:
    data.follow_all(session, 1)
    data.follow_all(session, 2)
    race = data.race(session)
    outbox.enqueue_notifications(session=session, changes=[data.change(race)])
    session.commit()
    [first, _second] = outbox.claim_batch(session=session, worker="w", limit=1, now=NOW) + [None]
    assert first is not None and first.chat_id == 1
    outbox.mark_sent(session=session, notification_id=first.id, message_id=77, claim=first.claim)
    session.commit()
    # The article is edited: Krol and Otterspeer swap.
    swapped = (data.PODIUM_1000[1], data.PODIUM_1000[0], *data.PODIUM_1000[2:])
    data.set_placings(session, race, swapped)
    race.podium_revision += 1
    session.add(race)
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race, "podium_changed")]) == 1
    assert outbox.enqueue_notifications(session=session, changes=[data.change(race, "podium_changed")]) == 0
    session.commit()
    got = [(r.chat_id, r.kind, r.revision) for r in rows(session)]
    # Chat 2 still waits for its podium, which will show the corrected one: no correction for it.
    assert got == [(1, "podium", 0), (2, "podium", 0), (1, "correction", 1)]
    claimed = outbox.claim_batch(session=session, worker="w", limit=10, now=NOW)
    correction = next(c for c in claimed if c.kind == "correction")
    assert correction.previous_message_id == 77


def test_claiming_is_exclusive_and_skips_rows_not_yet_due(session) -> None:
    for chat_id in range(1, 6):
        data.follow_all(session, chat_id)
    race = data.race(session)
    outbox.enqueue_notifications(session=session, changes=[data.change(race)])
    session.commit()
    a = outbox.claim_batch(session=session, worker="a", limit=2, now=NOW)
    b = outbox.claim_batch(session=session, worker="b", limit=10, now=NOW)
    assert [c.chat_id for c in a] == [1, 2] and [c.chat_id for c in b] == [3, 4, 5]
    assert all(c.attempts == 1 for c in a + b)
    outbox.mark_retry(session=session, notification_id=a[0].id, error="timeout",
                      next_attempt_at=NOW + dt.timedelta(minutes=1), claim=a[0].claim)
    outbox.mark_retry(session=session, notification_id=a[1].id, error="flood", next_attempt_at=NOW,
                      claim=a[1].claim, count_attempt=False)
    session.commit()
    again = outbox.claim_batch(session=session, worker="c", limit=10, now=NOW)
    assert [(c.chat_id, c.attempts) for c in again] == [(2, 1)]  # the flood wait cost no attempt
    later = outbox.claim_batch(session=session, worker="c", limit=10, now=NOW + dt.timedelta(minutes=2))
    assert [(c.chat_id, c.attempts) for c in later] == [(1, 2)]


def test_only_the_claim_holder_records_an_outcome(session) -> None:
    data.follow_all(session, 1)
    outbox.enqueue_notifications(session=session, changes=[data.change(data.race(session))])
    session.commit()
    [row] = outbox.claim_batch(session=session, worker="a", limit=5, now=NOW)
    assert outbox.release_stale(session=session, lease=dt.timedelta(minutes=5),
                                now=NOW + dt.timedelta(minutes=6)) == 1
    session.commit()
    [again] = outbox.claim_batch(session=session, worker="b", limit=5, now=NOW + dt.timedelta(minutes=6))
    assert not outbox.mark_sent(session=session, notification_id=row.id, message_id=1, claim=row.claim)
    assert outbox.mark_sent(session=session, notification_id=again.id, message_id=2, claim=again.claim)
    session.commit()
    assert [(r.status, r.message_id, r.attempts) for r in rows(session)] == [("sent", 2, 2)]


def test_release_stale_keeps_the_callers_own_claims(session) -> None:
    data.follow_all(session, 1)
    outbox.enqueue_notifications(session=session, changes=[data.change(data.race(session))])
    session.commit()
    outbox.claim_batch(session=session, worker="me~1", limit=5, now=NOW)
    later = NOW + dt.timedelta(hours=1)
    assert outbox.release_stale(session=session, lease=dt.timedelta(minutes=5), now=later,
                                keep_worker="me~1") == 0
    assert outbox.release_stale(session=session, lease=dt.timedelta(minutes=5), now=later,
                                keep_worker="other") == 1


def test_deactivating_a_chat_fails_its_queued_rows(session) -> None:
    from storage.chats import deactivate_chat

    data.follow_all(session, 1)
    data.follow_all(session, 2)
    outbox.enqueue_notifications(session=session, changes=[data.change(data.race(session))])
    deactivate_chat(session=session, chat_id=1, reason="blocked")
    session.commit()
    assert [(r.chat_id, r.status) for r in rows(session)] == [(1, "failed"), (2, "pending")]


def test_the_claim_uses_skip_locked_on_postgresql() -> None:
    statement = outbox.claim_statement(dialect="postgresql", claim="w/1", limit=5, now=NOW)
    sql = str(statement.compile(dialect=postgresql.dialect()))
    assert "FOR UPDATE SKIP LOCKED" in sql and sql.startswith("UPDATE notifications")
