"""Everything no command handler took: a hint in private chats, silence in groups.

Registered last in its group, after every command (also the notifications' ones).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, ContextTypes, MessageHandler, filters

from bot.core import Request, plain_message, run_command
from bot.handlers.common import chat_kind_of, lang_of, request_from, run_core, send_reply

PRIVATE_TEXT = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT


async def plain_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private message without a command gets a short hint."""
    reply = plain_message(lang=lang_of(update), chat_kind=chat_kind_of(update))
    if reply is not None and update.effective_message is not None:
        await send_reply(update.effective_message, reply)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private /command the bot does not know gets a pointer to /hulp."""
    request = request_from(update, context) or Request(command="", lang=lang_of(update))
    reply = await run_core(context, lambda session: run_command(session=session, request=request))
    if reply is not None and update.effective_message is not None:
        await send_reply(update.effective_message, reply)


HANDLERS: list[BaseHandler] = [
    MessageHandler(PRIVATE_TEXT & filters.COMMAND, unknown_command),
    MessageHandler(PRIVATE_TEXT & ~filters.COMMAND, plain_text),
]
