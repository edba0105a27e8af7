"""The one error handler: log with context, tell the user briefly, report to the admin chat.

Nothing that reaches a chat contains a stack trace or the token: the user gets a fixed sentence, the admin
the exception's type and first line, token-redacted and escaped.
"""

from __future__ import annotations

import html
import logging
import traceback

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.handlers.common import SETTINGS, lang_of
from bot.i18n import t
from schaatsbot.logs import redact_token

log = logging.getLogger(__name__)

ADMIN_REPORT_LIMIT = 600


def describe_update(update: object) -> str:
    """'update 17, chat 1001, "/podium 1000m"' — what the log and the admin need to find the case."""
    if not isinstance(update, Update):
        return "no update"
    parts = [f"update {update.update_id}"]
    if update.effective_chat:
        parts.append(f"chat {update.effective_chat.id} ({update.effective_chat.type})")
    message = update.effective_message
    if message and message.text:
        text = message.text if len(message.text) <= 80 else message.text[:79] + "…"
        parts.append(repr(text))
    elif update.callback_query and update.callback_query.data:
        parts.append(f"button {update.callback_query.data!r}")
    return ", ".join(parts)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure, apologise in the chat it came from, and tell ADMIN_CHAT_ID."""
    error = context.error
    settings = context.bot_data.get(SETTINGS)
    token = settings.token if settings is not None else None
    where = describe_update(update)
    trace = "".join(traceback.format_exception(error)) if error else "no exception"
    log.error("error handling %s:\n%s", where, redact_token(trace, token))

    if isinstance(update, Update) and update.effective_chat and (update.effective_message or update.callback_query):
        try:
            await context.bot.send_message(update.effective_chat.id, t(lang_of(update), "error"))
        except TelegramError:
            log.warning("could not tell chat %s about the error", update.effective_chat.id)

    admin = settings.admin_chat_id if settings is not None else None
    if admin:
        first_line = (str(error).strip().splitlines() or [""])[0] if error else ""
        summary = redact_token(f"{type(error).__name__}: {first_line}", token)[:ADMIN_REPORT_LIMIT]
        text = f"⚠️ <b>Fout</b> bij {html.escape(redact_token(where, token))}\n<code>{html.escape(summary)}</code>"
        try:
            await context.bot.send_message(admin, text, parse_mode=ParseMode.HTML)
        except TelegramError:
            log.warning("could not send the error report to the admin chat")
