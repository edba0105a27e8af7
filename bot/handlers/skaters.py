"""/schaatser (/skater): a skater's latest results; buttons when the name fits several skaters."""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, ContextTypes

from bot.core import SKATER_CALLBACK, run_callback
from bot.handlers.common import answer_command, lang_of, replace_reply, run_core
from bot.handlers.start import NEW_MESSAGES


async def skater(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/schaatser <naam>: look the skater up forgivingly and show the latest results."""
    await answer_command(update, context)


async def skater_chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pick-a-skater button: the question message becomes the chosen skater's results."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    await query.answer()
    data, lang = query.data, lang_of(update)
    reply = await run_core(context, lambda session: run_callback(session=session, data=data, lang=lang))
    if reply is not None and query.message is not None and query.message.is_accessible:
        await replace_reply(query.message, reply)  # type: ignore[arg-type]


HANDLERS: list[BaseHandler] = [
    CommandHandler(["schaatser", "skater"], skater, filters=NEW_MESSAGES),
    CallbackQueryHandler(skater_chosen, pattern=f"^{re.escape(SKATER_CALLBACK)}"),
]
