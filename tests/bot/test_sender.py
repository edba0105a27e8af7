"""Notifications end to end: feed item -> ingest (record_races + outbox) -> OutboxDispatcher ->
TelegramMessenger -> a fake Bot API server on 127.0.0.1, with its error injection.

The parser is replaced by a fixed ParseResult (the parser has its own tests); everything after it is real.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from sqlmodel import select
from telegram import Bot

import parsing
from bot.limits import NoLimits
from bot.sender import TelegramMessenger
from jobs.feedread import FeedItem
from jobs.ingest import ingest_item
from jobs.notify import OutboxDispatcher
from schaatsbot.settings import Settings
from storage.chats import get_chat
from storage.db import new_session
from storage.models import Notification, Subscription, utcnow
from tests import notify_data as data
from tests.bot.fake_bot_api import FakeBotApi, blocked, chat_not_found, migrated, retry_after, server_error

PODIUM = (("Hein Otterspeer", "NED", 6867), ("Thomas Krol", "NED", 6869), ("Kjeld Nuis", "NED", 6883),
          ("Laurent Dubreuil", "CAN", 6890), ("Håvard Lorentzen", "NOR", 6901), ("Tatsuya Shinhama", "JPN", 6910),
          ("Kai Verbij", "NED", 6914))


def parsed_race(placings=PODIUM, *, distance: str = "1000m", historical: bool = False,
                day: dt.date | None = None) -> parsing.Race:
    return parsing.Race(
        discipline="long_track", competition="world_cup", distance=distance, gender="men",
        venue="Tomaszów Mazowiecki", date=day or utcnow().date(), historical=historical,
        placings=tuple(parsing.Placing(rank=i, name=n, country=c, time=t, time_stated=True)
                       for i, (n, c, t) in enumerate(placings, start=1)),
    )


def ingest(engine, races: tuple[parsing.Race, ...], *, guid: str = "2400001", text: str = "v1") -> None:
    item = FeedItem(guid=guid, title="Otterspeer wint 1000 meter", url=f"https://nos.nl/l/{guid}",
                    published=utcnow(), html=f"<p>{text}</p>", text=text, feed="nos")
    result = ingest_item(engine=engine, item=item, parse=lambda _article: parsing.ParseResult(races=races))
    assert result.parse_status == "parsed" or result.status == "unchanged", result


def follow(engine, chat_id: int, name: str | None = None, *, distance: str | None = None,
           everything: bool = False, chat_type: str = "private", language: str = "nl") -> None:
    with new_session(engine) as session:
        if name:
            data.follow_skater(session, chat_id, name, chat_type=chat_type, language=language)
        if distance:
            data.follow_distance(session, chat_id, distance, chat_type=chat_type, language=language)
        if everything:
            data.follow_all(session, chat_id, chat_type=chat_type, language=language)


@pytest.fixture
async def bot(fake_api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(fake_api.token, base_url=fake_api.base_url, base_file_url=fake_api.base_file_url) as bot:
        yield bot


@pytest.fixture
def settings(fake_api: FakeBotApi) -> Settings:
    return Settings(_env_file=None, telegram_bot_token=fake_api.token, admin_chat_id=999)  # type: ignore[call-arg]


def dispatcher(engine, bot: Bot, settings: Settings, **kwargs) -> OutboxDispatcher:
    messenger = TelegramMessenger(bot, engine, settings, limiter=NoLimits())
    return OutboxDispatcher(engine=engine, messenger=messenger, **kwargs)


def outbox_rows(engine) -> list[Notification]:
    with new_session(engine) as session:
        return list(session.exec(select(Notification).order_by(Notification.id)).all())


async def test_followers_of_a_skater_get_the_podium_once(engine, fake_api, bot, settings) -> None:
    follow(engine, 1001, "Kai Verbij")
    follow(engine, 1002, "Kai Verbij", language="en")
    follow(engine, 1003, "Jutta Leerdam")  # not in this race
    ingest(engine, (parsed_race(),))
    ingest(engine, (parsed_race(),))  # the same item again changes nothing
    sender = dispatcher(engine, bot, settings)
    assert await sender.drain() == 2
    assert await sender.drain() == 0
    [dutch] = fake_api.texts(1001)
    assert "🥇 Hein Otterspeer 🇳🇱 1.08,67" in dutch and "🥉 Kjeld Nuis" in dutch
    assert dutch.rstrip().endswith("Kai Verbij werd 7e in 1.09,14")
    [english] = fake_api.texts(1002)
    assert "1:08.67" in english and "Kai Verbij finished 7th in 1:09.14" in english
    assert fake_api.texts(1003) == []
    assert [(r.status, r.message_id is not None) for r in outbox_rows(engine)] == [("sent", True)] * 2


async def test_one_message_per_chat_combining_every_reason(engine, fake_api, bot, settings) -> None:
    follow(engine, 1001, "Kai Verbij", distance="1000m", everything=True)
    follow(engine, 1001, "Tatsuya Shinhama")
    follow(engine, 1001, "Thomas Krol")
    ingest(engine, (parsed_race(),))
    await dispatcher(engine, bot, settings).drain()
    [text] = fake_api.texts(1001)
    lines = text.splitlines()
    assert lines[-2:] == ["Tatsuya Shinhama werd 6e in 1.09,10", "Kai Verbij werd 7e in 1.09,14"]
    assert "Thomas Krol werd" not in text  # on the podium: already shown there


async def test_an_edited_article_with_a_changed_podium_sends_one_correction(engine, fake_api, bot, settings) -> None:
    follow(engine, 1001, everything=True)
    ingest(engine, (parsed_race(),), text="v1")
    sender = dispatcher(engine, bot, settings)
    await sender.drain()
    swapped = (PODIUM[1], PODIUM[0], *PODIUM[2:])  # NOS corrects the report: Krol won
    ingest(engine, (parsed_race(swapped),), text="v2")
    ingest(engine, (parsed_race(swapped),), text="v2")
    await sender.drain()
    first, correction = fake_api.texts(1001)
    assert "🥇 Hein Otterspeer" in first
    assert correction.startswith("✏️ <b>Correctie</b> · 1000 m mannen")
    assert "🥇 Thomas Krol 🇳🇱 1.08,69" in correction
    # The earlier message is brought up to date as well.
    original = fake_api.message(1001, fake_api.sent(1001)[0].result["message_id"])
    assert original is not None and "🥇 Thomas Krol" in original["text"] and "Gecorrigeerd" in original["text"]
    assert await sender.drain() == 0


async def test_history_and_old_races_never_notify(engine, fake_api, bot, settings) -> None:
    follow(engine, 1001, everything=True)
    ingest(engine, (parsed_race(historical=True, day=dt.date(2018, 2, 14)),), guid="1")
    ingest(engine, (parsed_race(distance="1500m", day=utcnow().date() - dt.timedelta(days=5)),), guid="2")
    assert outbox_rows(engine) == []
    assert await dispatcher(engine, bot, settings).drain() == 0


async def test_a_blocked_user_is_deactivated(engine, fake_api, bot, settings) -> None:
    follow(engine, 1001, everything=True)
    follow(engine, 1002, everything=True)
    fake_api.fail(blocked(), method="sendMessage", chat_id=1001)
    ingest(engine, (parsed_race(),), guid="1")
    await dispatcher(engine, bot, settings).drain()
    assert len(fake_api.texts(1002)) == 1
    with new_session(engine) as session:
        chat = get_chat(session=session, chat_id=1001)
        assert chat is not None and not chat.active and "blocked" in (chat.deactivated_reason or "")
    assert [(r.chat_id, r.status) for r in outbox_rows(engine)] == [(1001, "failed"), (1002, "sent")]
    ingest(engine, (parsed_race(distance="1500m"),), guid="2")  # later races skip the blocked chat
    assert [r.chat_id for r in outbox_rows(engine)][2:] == [1002]


async def test_chat_not_found_deactivates_too(engine, fake_api, bot, settings) -> None:
    follow(engine, -2001, everything=True, chat_type="group")
    fake_api.fail(chat_not_found(), method="sendMessage", chat_id=-2001)
    ingest(engine, (parsed_race(),))
    await dispatcher(engine, bot, settings).drain()
    with new_session(engine) as session:
        chat = get_chat(session=session, chat_id=-2001)
        assert chat is not None and not chat.active


async def test_a_migrated_group_keeps_its_follows_and_gets_the_message(engine, fake_api, bot, settings) -> None:
    follow(engine, -3001, "Kai Verbij", chat_type="group")
    fake_api.fail(migrated(-1003001), method="sendMessage", chat_id=-3001)
    ingest(engine, (parsed_race(),))
    await dispatcher(engine, bot, settings).drain()
    assert len(fake_api.texts(-1003001)) == 1 and "Kai Verbij werd 7e" in fake_api.texts(-1003001)[0]
    with new_session(engine) as session:
        assert session.exec(select(Subscription.chat_id)).all() == [-1003001]
        old = get_chat(session=session, chat_id=-3001)
        assert old is not None and old.migrated_to == -1003001


async def test_flood_waits_and_server_errors_are_retried_not_dropped(engine, fake_api, bot, settings) -> None:
    follow(engine, 1001, everything=True)
    follow(engine, 1002, everything=True)
    fake_api.fail(retry_after(3), method="sendMessage", chat_id=1001, times=1)
    fake_api.fail(server_error(), method="sendMessage", chat_id=1002, times=1)
    ingest(engine, (parsed_race(),))
    clock = [utcnow()]
    sender = dispatcher(engine, bot, settings, clock=lambda: clock[0])
    assert await sender.drain() == 2
    assert fake_api.texts() == []
    clock[0] += dt.timedelta(minutes=5)
    assert await sender.drain() == 2
    assert len(fake_api.texts(1001)) == 1 and len(fake_api.texts(1002)) == 1
    rows = outbox_rows(engine)
    assert [(r.status, r.attempts) for r in rows] == [("sent", 1), ("sent", 2)]  # a flood wait costs nothing


async def test_a_restart_after_a_crash_between_two_sends_neither_loses_nor_repeats(
        engine, fake_api, bot, settings) -> None:
    for chat_id in (1001, 1002, 1003):
        follow(engine, chat_id, everything=True)
    ingest(engine, (parsed_race(),))
    clock = [utcnow()]
    crashed = dispatcher(engine, bot, settings, clock=lambda: clock[0])
    rows = await asyncio.to_thread(crashed._claim, 10)
    await crashed._send_one(rows[0])  # sent and recorded; the process dies before the next send
    del crashed

    restarted = dispatcher(engine, bot, settings, clock=lambda: clock[0])
    assert await restarted.drain() == 0  # the dead sender's claims are still leased
    clock[0] += dt.timedelta(seconds=settings.notify_lease_seconds + 1)
    assert await restarted.drain() == 2
    assert [len(fake_api.texts(c)) for c in (1001, 1002, 1003)] == [1, 1, 1]
    assert {r.status for r in outbox_rows(engine)} == {"sent"}


async def test_admin_messages_take_the_same_path(engine, fake_api, bot, settings) -> None:
    messenger = TelegramMessenger(bot, engine, settings, limiter=NoLimits())
    await messenger.send_admin("feed nos: 3 failures <b>not html</b>")
    assert fake_api.texts(999) == ["feed nos: 3 failures <b>not html</b>"]
    assert "parse_mode" not in fake_api.sent(999)[0].params
