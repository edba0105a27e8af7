"""The fake Bot API server speaks enough Telegram for a real PTB Bot and Application."""

from __future__ import annotations

import pytest
from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats, Update
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from tests.bot.fake_bot_api import (
    ApiCall,
    ApiError,
    FakeBotApi,
    blocked,
    chat_not_found,
    group_message,
    migrated,
    private_message,
    retry_after,
)


def _bot(api: FakeBotApi) -> Bot:
    return Bot(api.token, base_url=api.base_url, base_file_url=api.base_file_url)


async def test_send_and_edit_are_recorded(fake_api: FakeBotApi) -> None:
    async with _bot(fake_api) as bot:
        first = await bot.send_message(1001, "één <b>500</b>", parse_mode="HTML")
        second = await bot.send_message(1001, "twee")
        edited = await bot.edit_message_text("drie", chat_id=1001, message_id=second.message_id)
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text("drie", chat_id=1001, message_id=second.message_id)
    assert (first.message_id, second.message_id) == (1, 2)
    assert not isinstance(edited, bool) and edited.text == "drie"
    assert fake_api.texts(1001) == ["één <b>500</b>", "twee"]
    assert fake_api.sent(1001)[0].params["parse_mode"] == "HTML"
    assert (fake_api.message(1001, 2) or {})["text"] == "drie"


async def test_injected_errors_become_ptb_exceptions(fake_api: FakeBotApi) -> None:
    fake_api.fail(blocked(), chat_id=5)
    fake_api.fail(chat_not_found(), chat_id=6)
    fake_api.fail(migrated(-1009), chat_id=-7)
    fake_api.fail(retry_after(3), method="sendMessage", chat_id=8, times=1)
    async with _bot(fake_api) as bot:
        with pytest.raises(Forbidden, match="blocked"):
            await bot.send_message(5, "x")
        with pytest.raises(BadRequest, match="(?i)chat not found"):
            await bot.send_message(6, "x")
        with pytest.raises(ChatMigrated) as migration:
            await bot.send_message(-7, "x")
        with pytest.raises(RetryAfter):
            await bot.send_message(8, "x")
        await bot.send_message(8, "x")  # only once
    assert migration.value.new_chat_id == -1009
    assert [c.status for c in fake_api.calls("sendMessage", chat_id=8)] == [429, 200]


async def test_rules_see_every_call_in_order(fake_api: FakeBotApi) -> None:
    seen: list[str] = []

    def one_per_chat(call: ApiCall) -> ApiError | None:
        if call.method != "sendMessage":
            return None
        seen.append(str(call.chat_id))
        return retry_after(1) if seen.count(str(call.chat_id)) > 1 else None

    fake_api.add_rule(one_per_chat)
    async with _bot(fake_api) as bot:
        await bot.send_message(1, "a")
        await bot.send_message(2, "a")
        with pytest.raises(RetryAfter):
            await bot.send_message(1, "b")
    assert seen == ["1", "2", "1"]


async def test_commands_members_and_chats(fake_api: FakeBotApi) -> None:
    fake_api.set_member_status(-100, 1001, "administrator")
    scope = BotCommandScopeAllPrivateChats()
    async with _bot(fake_api) as bot:
        await bot.set_my_commands([BotCommand("podium", "Podium")], scope=scope, language_code="en")
        assert [c.command for c in await bot.get_my_commands(scope=scope, language_code="en")] == ["podium"]
        assert await bot.get_my_commands(scope=scope) == ()
        assert (await bot.get_chat_member(-100, 1001)).status == "administrator"
        assert (await bot.get_chat_member(-100, 1002)).status == "member"
        assert (await bot.get_chat(-1001234)).type == "supergroup"


async def test_application_polls_updates_over_http(fake_api: FakeBotApi) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"echo {update.effective_message.text}")

    app = (Application.builder().token(fake_api.token).base_url(fake_api.base_url)
           .base_file_url(fake_api.base_file_url).build())
    app.add_handler(MessageHandler(filters.TEXT, echo))
    fake_api.push_update(private_message("hallo", user_id=42))
    fake_api.push_update(group_message("dag", chat_id=-55))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        await fake_api.wait_for_calls("sendMessage", count=2)
        await app.updater.stop()
        await app.stop()
    assert fake_api.texts(42) == ["echo hallo"]
    assert fake_api.texts(-55) == ["echo dag"]
    assert fake_api.calls("deleteWebhook")
