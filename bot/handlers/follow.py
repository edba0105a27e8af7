"""/volg (/follow), /ontvolg (/unfollow), /gevolgd (/following) and their buttons.

In groups only administrators may change what the group follows (checked with getChatMember; an anonymous
administrator writes as the group itself, ``message.sender_chat``); anyone may ask what is followed.
"""

from __future__ import annotations

import logging
import re

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes, filters

from bot.core import Reply
from bot.follows import (
    FOLLOW_CALLBACK,
    FOLLOW_COMMANDS,
    LIST_COMMANDS,
    UNFOLLOW_CALLBACK,
    UNFOLLOW_COMMANDS,
    ChatContext,
    changes_follows,
    ft,
    run_follow_callback,
    run_follow_command,
)
from bot.handlers.common import SETTINGS, lang_of, open_session, replace_reply, request_from, send_reply
from schaatsbot.settings import Settings

log = logging.getLogger(__name__)

ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})
NEW_COMMANDS = filters.UpdateType.MESSAGE  # not edited messages: an edit must not follow twice


async def may_change_follows(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Private chats: always. Groups: the group's administrators (also anonymous ones), nobody else."""
    chat = update.effective_chat
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    message = update.message  # a command (not a button press)
    if message is not None and message.sender_chat is not None:
        # An anonymous administrator posts as the group itself; a linked channel posts as the channel.
        return message.sender_chat.id == chat.id
    user = update.effective_user
    if user is None:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        log.warning("getChatMember failed for chat %s: %s", chat.id, exc)
        return False
    return member.status in ADMIN_STATUSES


def _chat_context(update: Update) -> ChatContext:
    chat = update.effective_chat
    assert chat is not None
    title = chat.title or chat.full_name if chat.type != ChatType.PRIVATE else None
    return ChatContext(id=chat.id, type=chat.type, title=title)


def _limit(context: ContextTypes.DEFAULT_TYPE) -> int:
    settings: Settings | None = context.bot_data.get(SETTINGS)
    return settings.max_subscriptions_per_chat if settings is not None else 50


async def follow_commands(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every follow command: check rights when it changes something, run the core, reply."""
    request = request_from(update, context)
    message = update.effective_message
    if request is None or message is None or update.effective_chat is None:
        return
    if changes_follows(request.command, request.args) and not await may_change_follows(update, context):
        await send_reply(message, Reply(ft(request.lang, "admins_only")))
        return
    with open_session(context) as session:
        reply = run_follow_command(session=session, request=request, chat=_chat_context(update),
                                   limit=_limit(context))
        session.commit()
    await send_reply(message, reply)


async def follow_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pick-a-skater or unfollow button: only those who may change follows may press it."""
    query = update.callback_query
    if query is None or query.data is None or update.effective_chat is None:
        return
    lang = lang_of(update)
    if not await may_change_follows(update, context):
        await query.answer(ft(lang, "admins_only"), show_alert=True)
        return
    await query.answer()
    with open_session(context) as session:
        reply = run_follow_callback(session=session, data=query.data, lang=lang, chat=_chat_context(update),
                                    limit=_limit(context))
        session.commit()
    if isinstance(query.message, Message):
        await replace_reply(query.message, reply)


HANDLERS: list[BaseHandler] = [
    CommandHandler(sorted(FOLLOW_COMMANDS | UNFOLLOW_COMMANDS | LIST_COMMANDS), follow_commands,
                   filters=NEW_COMMANDS),
    CallbackQueryHandler(follow_button,
                         pattern=f"^(?:{re.escape(FOLLOW_CALLBACK)}|{re.escape(UNFOLLOW_CALLBACK)})"),
]
