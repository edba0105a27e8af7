"""/volg, /ontvolg, /gevolgd and chat tracking, through a real Application polling a fake Bot API server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlmodel import select
from telegram.ext import Application

from bot.app import build_application
from schaatsbot.settings import Settings
from storage.chats import get_chat
from storage.db import new_session
from storage.models import Subscription
from tests import notify_data as data
from tests.bot.fake_bot_api import (
    FakeBotApi,
    callback_query,
    group_message,
    group_migrated,
    my_chat_member,
    private_message,
)

GROUP = -1001234567890
ANONYMOUS_ADMIN = {"id": 1087968824, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}


@pytest.fixture
async def app(fake_api: FakeBotApi, engine) -> AsyncIterator[Application]:
    with new_session(engine) as session:
        for name in ("Kai Verbij", "Jutta Leerdam", "Jesper Leerdam", "Kjeld Nuis"):
            data.skater(session, name)
        session.commit()
    settings = Settings(_env_file=None, telegram_bot_token=fake_api.token,  # type: ignore[call-arg]
                        telegram_base_url=fake_api.base_url, telegram_base_file_url=fake_api.base_file_url,
                        max_subscriptions_per_chat=3)
    application = build_application(settings, engine)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


async def ask(api: FakeBotApi, update: dict, chat_id: int) -> str:
    """Push an update and return the bot's next message in ``chat_id``."""
    before = len(api.sent(chat_id))
    api.push_update(update)
    await api.wait_for_calls("sendMessage", chat_id=chat_id, count=before + 1)
    return api.texts(chat_id)[before]


async def press(api: FakeBotApi, chat_id: int, data_prefix: str, *, user_id: int, message: dict | None = None,
                language_code: str = "nl") -> dict:
    """Press the first button starting with ``data_prefix`` on the bot's last message; the answerCallbackQuery."""
    message = message or api.sent(chat_id)[-1].result
    rows = message["reply_markup"]["inline_keyboard"]
    button = next(b for row in rows for b in row if b["callback_data"].startswith(data_prefix))
    before = len(api.calls("answerCallbackQuery"))
    api.push_update(callback_query(message, button["callback_data"], user_id=user_id,
                                   language_code=language_code))
    [*_, answer] = await api.wait_for_calls("answerCallbackQuery", count=before + 1)
    return answer.params


def targets(engine, chat_id: int) -> list[str]:
    with new_session(engine) as session:
        return sorted(session.exec(select(Subscription.target).where(Subscription.chat_id == chat_id)).all())


async def test_follow_list_and_unfollow_in_a_private_chat(fake_api, app, engine) -> None:
    reply = await ask(fake_api, private_message("/volg Kai Verbij", user_id=42), 42)
    assert reply.startswith("✅ Gevolgd: Kai Verbij 🇳🇱.")
    assert (await ask(fake_api, private_message("/volg verbij", user_id=42), 42)).startswith(
        "Dat wordt hier al gevolgd")
    assert "massastart vrouwen" in await ask(fake_api, private_message("/volg massastart dames", user_id=42), 42)
    assert "alle podia" in await ask(fake_api, private_message("/volg alles", user_id=42), 42)
    limit = await ask(fake_api, private_message("/volg 500m", user_id=42), 42)
    assert "al 3 dingen" in limit and "/ontvolg" in limit
    listing = await ask(fake_api, private_message("/gevolgd", user_id=42), 42)
    assert listing.splitlines()[1:4] == ["• alle podia", "• massastart vrouwen", "• Kai Verbij 🇳🇱"]
    with new_session(engine) as session:
        kai = data.skater(session, "Kai Verbij")
    await press(fake_api, 42, f"ontvolg:skater:{kai.id}", user_id=42)
    await fake_api.wait_for_calls("editMessageText", chat_id=42)
    assert targets(engine, 42) == ["all", "distance:long_track:mass_start:women"]
    assert "Niet meer gevolgd: alle podia" in await ask(fake_api, private_message("/ontvolg alles", user_id=42), 42)
    with new_session(engine) as session:
        chat = get_chat(session=session, chat_id=42)
        assert chat is not None and chat.type == "private" and chat.language == "nl"


async def test_english_commands_and_picking_one_of_several_skaters(fake_api, app, engine) -> None:
    reply = await ask(fake_api, private_message("/follow Leerdam", user_id=43, language_code="en"), 43)
    assert reply == "Which skater do you want to follow for “Leerdam”?"
    await press(fake_api, 43, "volg:", user_id=43, language_code="en")
    [edit] = await fake_api.wait_for_calls("editMessageText", chat_id=43)
    assert edit.params["text"].startswith("✅ Following Je")  # Jesper or Jutta, whichever came first
    assert len(targets(engine, 43)) == 1
    assert "Nothing is followed" not in await ask(
        fake_api, private_message("/following", user_id=43, language_code="en"), 43)
    unknown = await ask(fake_api, private_message("/follow Zzyzx Qwrtp", user_id=43, language_code="en"), 43)
    assert unknown == "I don't know a skater like “Zzyzx Qwrtp”."


async def test_only_group_admins_change_follows_and_anyone_may_ask(fake_api, app, engine) -> None:
    fake_api.set_member_status(GROUP, 7, "administrator")
    refused = await ask(fake_api, group_message("/volg@SchaatsTestBot alles", chat_id=GROUP, user_id=8), GROUP)
    assert refused.startswith("In een groep bepalen alleen de beheerders")
    assert targets(engine, GROUP) == []
    assert (await ask(fake_api, group_message("/volg alles", chat_id=GROUP, user_id=7), GROUP)).startswith("✅")
    assert targets(engine, GROUP) == ["all"]
    # Anyone may list; a member's press on a remove button is refused with an alert.
    assert "alle podia" in await ask(fake_api, group_message("/gevolgd", chat_id=GROUP, user_id=8), GROUP)
    answer = await press(fake_api, GROUP, "ontvolg:all", user_id=8)
    assert answer.get("show_alert") is True and "beheerders" in answer["text"]
    assert targets(engine, GROUP) == ["all"]
    await press(fake_api, GROUP, "ontvolg:all", user_id=7)
    await fake_api.wait_for_calls("editMessageText", chat_id=GROUP)
    assert targets(engine, GROUP) == []
    with new_session(engine) as session:
        chat = get_chat(session=session, chat_id=GROUP)
        assert chat is not None and chat.type == "supergroup" and chat.title == "Schaatsclub"


async def test_an_anonymous_admin_may_change_follows(fake_api, app, engine) -> None:
    update = group_message("/volg 500m", chat_id=GROUP, user_id=ANONYMOUS_ADMIN["id"])
    update["message"]["from"] = ANONYMOUS_ADMIN
    update["message"]["sender_chat"] = {"id": GROUP, "type": "supergroup", "title": "Schaatsclub"}
    assert (await ask(fake_api, update, GROUP)).startswith("✅ Gevolgd: 500 m.")
    assert targets(engine, GROUP) == ["distance:long_track:500m"]
    # A linked channel posting into the group is not an administrator of it.
    channel = group_message("/volg alles", chat_id=GROUP, user_id=777000)
    channel["message"]["sender_chat"] = {"id": -1009999, "type": "channel", "title": "Kanaal"}
    assert (await ask(fake_api, channel, GROUP)).startswith("In een groep bepalen alleen")


async def test_the_bot_removed_blocked_and_back(fake_api, app, engine) -> None:
    fake_api.set_member_status(GROUP, 7, "administrator")
    await ask(fake_api, group_message("/volg alles", chat_id=GROUP, user_id=7), GROUP)
    await ask(fake_api, private_message("/volg alles", user_id=44), 44)
    fake_api.push_update(my_chat_member(GROUP, old_status="member", new_status="left"))
    fake_api.push_update(my_chat_member(44, old_status="member", new_status="kicked", chat_type="private",
                                        user_id=44))
    await ask(fake_api, private_message("/gevolgd", user_id=45), 45)  # updates are handled in order
    with new_session(engine) as session:
        group, user = get_chat(session=session, chat_id=GROUP), get_chat(session=session, chat_id=44)
        assert group is not None and not group.active and group.deactivated_reason == "removed (left)"
        assert user is not None and not user.active and user.deactivated_reason == "blocked"
    assert targets(engine, GROUP) == ["all"]  # kept for a return
    fake_api.push_update(my_chat_member(GROUP, old_status="left", new_status="member"))
    await ask(fake_api, private_message("/gevolgd", user_id=45), 45)
    with new_session(engine) as session:
        group = get_chat(session=session, chat_id=GROUP)
        assert group is not None and group.active


async def test_a_migrated_group_keeps_its_follows(fake_api, app, engine) -> None:
    old = -4242
    fake_api.set_member_status(old, 7, "creator")
    await ask(fake_api, group_message("/volg Kai Verbij", chat_id=old, user_id=7, chat_type="group"), old)
    fake_api.push_update(group_migrated(old, GROUP))
    reply = await ask(fake_api, group_message("/gevolgd", chat_id=GROUP, user_id=8), GROUP)
    assert "Kai Verbij" in reply
    assert targets(engine, old) == [] and len(targets(engine, GROUP)) == 1
    with new_session(engine) as session:
        chat = get_chat(session=session, chat_id=old)
        assert chat is not None and chat.migrated_to == GROUP


async def test_the_menu_lists_the_follow_commands(fake_api, app) -> None:
    from bot.menu import set_command_menu

    await set_command_menu(app.bot)  # post_init runs only under run_polling
    names = {c["command"] for commands in fake_api.commands.values() for c in commands}
    assert {"volg", "ontvolg", "gevolgd", "follow", "unfollow", "following"} <= names
