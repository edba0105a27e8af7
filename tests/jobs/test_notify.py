"""The outbox dispatcher with a scripted Messenger: outcomes, retries, crash recovery, run_forever.

(The same dispatcher against the real Telegram sender and a fake Bot API server: tests/bot/test_sender.py.)
"""

from __future__ import annotations

import asyncio
import datetime as dt

from sqlmodel import select

from jobs.notify import OutboxDispatcher
from jobs.ports import SendResult
from storage import outbox
from storage.chats import get_chat
from storage.db import new_session
from storage.models import Notification, Subscription
from storage.outbox import ClaimedNotification
from tests import notify_data as data


class ScriptedMessenger:
    """A Messenger whose answers per chat the test decides; records what it was asked to send."""

    def __init__(self, answers: dict[int, list[SendResult]] | None = None) -> None:
        self.answers = answers or {}
        self.sent: list[ClaimedNotification] = []
        self.admin: list[str] = []
        self._ids = 100

    async def send_admin(self, text: str) -> None:
        self.admin.append(text)

    async def send_notification(self, notification: ClaimedNotification) -> SendResult:
        queue = self.answers.get(notification.chat_id)
        if queue:
            answer = queue.pop(0)
            if answer.outcome != "sent":
                return answer
        self.sent.append(notification)
        self._ids += 1
        return SendResult.sent(self._ids)


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2021, 11, 14, 15, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def statuses(engine) -> list[tuple[int, str, str | None]]:
    with new_session(engine) as session:
        rows = session.exec(select(Notification).order_by(Notification.id)).all()
        return [(r.chat_id, r.status, r.last_error) for r in rows]


def enqueue_race_for(engine, *chat_ids: int) -> None:
    with new_session(engine) as session:
        for chat_id in chat_ids:
            data.follow_all(session, chat_id)
        race = data.race(session)
        outbox.enqueue_notifications(session=session, changes=[data.change(race)])
        session.commit()


async def test_each_follower_gets_the_podium_once(engine) -> None:
    enqueue_race_for(engine, 1, 2, 3)
    messenger = ScriptedMessenger()
    dispatcher = OutboxDispatcher(engine=engine, messenger=messenger)
    assert await dispatcher.drain() == 3
    assert await dispatcher.drain() == 0
    assert sorted(n.chat_id for n in messenger.sent) == [1, 2, 3]
    assert [s for _, s, _ in statuses(engine)] == ["sent"] * 3


async def test_transient_errors_back_off_and_fail_after_max_attempts(engine) -> None:
    enqueue_race_for(engine, 1)
    clock = Clock()
    messenger = ScriptedMessenger({1: [SendResult.transient("NetworkError: boom")] * 3})
    dispatcher = OutboxDispatcher(engine=engine, messenger=messenger, max_attempts=3, clock=clock)
    for _ in range(3):
        assert await dispatcher.dispatch_once() == 1
        assert await dispatcher.dispatch_once() == 0  # not due yet: backing off
        clock.now += dt.timedelta(hours=1)
    [(_, status, error)] = statuses(engine)
    assert status == "failed" and "gave up after 3 attempts: NetworkError: boom" in (error or "")
    assert dispatcher.stats["failed"] == 1 and dispatcher.stats["retried"] == 2


async def test_flood_wait_costs_no_attempt(engine) -> None:
    enqueue_race_for(engine, 1)
    clock = Clock()
    messenger = ScriptedMessenger({1: [SendResult.flood_wait(30)] * 5})
    dispatcher = OutboxDispatcher(engine=engine, messenger=messenger, max_attempts=2, clock=clock)
    for _ in range(5):
        assert await dispatcher.dispatch_once() == 1
        clock.now += dt.timedelta(seconds=31)
    assert await dispatcher.dispatch_once() == 1
    assert [s for _, s, _ in statuses(engine)] == ["sent"]


async def test_a_gone_chat_is_deactivated_and_its_queue_cancelled(engine) -> None:
    enqueue_race_for(engine, 1, 2)
    messenger = ScriptedMessenger({1: [SendResult.chat_gone("Forbidden: bot was blocked by the user")]})
    dispatcher = OutboxDispatcher(engine=engine, messenger=messenger)
    await dispatcher.drain()
    assert [(c, s) for c, s, _ in statuses(engine)] == [(1, "failed"), (2, "sent")]
    with new_session(engine) as session:
        chat = get_chat(session=session, chat_id=1)
        assert chat is not None and not chat.active and "blocked" in (chat.deactivated_reason or "")


async def test_a_migrated_group_gets_the_message_under_its_new_id(engine) -> None:
    enqueue_race_for(engine, -5)
    messenger = ScriptedMessenger({-5: [SendResult.migrated(-1005)]})
    dispatcher = OutboxDispatcher(engine=engine, messenger=messenger)
    await dispatcher.drain()
    assert [n.chat_id for n in messenger.sent] == [-1005]
    assert [(c, s) for c, s, _ in statuses(engine)] == [(-1005, "sent")]
    with new_session(engine) as session:
        assert session.exec(select(Subscription.chat_id)).all() == [-1005]


async def test_a_crash_between_two_sends_neither_loses_nor_repeats(engine) -> None:
    enqueue_race_for(engine, 1, 2, 3)
    clock = Clock()
    first = ScriptedMessenger()
    crashed = OutboxDispatcher(engine=engine, messenger=first, clock=clock, worker_id="a")
    # The first process claims the batch, sends chat 1's message, then dies before sending the others.
    rows = await asyncio.to_thread(crashed._claim, 10)
    await crashed._send_one(rows[0])
    del crashed

    second = ScriptedMessenger()
    restarted = OutboxDispatcher(engine=engine, messenger=second, clock=clock, worker_id="a")
    assert await restarted.drain() == 0  # the dead process's claims are still within their lease
    clock.now += dt.timedelta(minutes=11)
    assert await restarted.drain() == 2
    assert [n.chat_id for n in first.sent] == [1]
    assert sorted(n.chat_id for n in second.sent) == [2, 3]
    assert [s for _, s, _ in statuses(engine)] == ["sent"] * 3


async def test_a_messenger_that_raises_does_not_lose_the_row(engine) -> None:
    enqueue_race_for(engine, 1)

    class Broken(ScriptedMessenger):
        async def send_notification(self, notification: ClaimedNotification) -> SendResult:
            raise RuntimeError("renderer bug")

    dispatcher = OutboxDispatcher(engine=engine, messenger=Broken())
    await dispatcher.dispatch_once()
    [(_, status, error)] = statuses(engine)
    assert status == "pending" and "renderer bug" in (error or "")


async def test_run_forever_sends_on_wake_and_stops_cleanly(engine) -> None:
    messenger = ScriptedMessenger()
    dispatcher = OutboxDispatcher(engine=engine, messenger=messenger, poll_interval=30)
    task = asyncio.create_task(dispatcher.run_forever())
    await asyncio.sleep(0.05)
    enqueue_race_for(engine, 1, 2)
    dispatcher.wake()
    for _ in range(400):
        if len(messenger.sent) == 2:
            break
        await asyncio.sleep(0.01)
    dispatcher.stop()
    await asyncio.wait_for(task, 5)
    assert sorted(n.chat_id for n in messenger.sent) == [1, 2]


async def test_two_dispatchers_on_one_database_send_each_row_once(engine) -> None:
    enqueue_race_for(engine, *range(1, 41))
    first, second = ScriptedMessenger(), ScriptedMessenger()
    a = OutboxDispatcher(engine=engine, messenger=first, batch_size=7, worker_id="a")
    b = OutboxDispatcher(engine=engine, messenger=second, batch_size=5, worker_id="b")
    handled = await asyncio.gather(a.drain(), b.drain())
    assert sum(handled) == 40
    chats = [n.chat_id for n in first.sent + second.sent]
    assert sorted(chats) == list(range(1, 41))  # every chat once, none twice
    assert first.sent and second.sent
