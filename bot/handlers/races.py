"""/podium, /uitslag (/results) and /weekend: what happened on the ice."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes

from bot.handlers.common import answer_command
from bot.handlers.start import NEW_MESSAGES


async def podium(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/podium [afstand] [mannen|vrouwen]: the latest podium, or every podium of the latest weekend."""
    await answer_command(update, context)


async def results(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/uitslag <afstand> [mannen|vrouwen]: every known placing of the latest race."""
    await answer_command(update, context)


async def weekend(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/weekend: the latest competition weekend, by day."""
    await answer_command(update, context)


HANDLERS: list[BaseHandler] = [
    CommandHandler("podium", podium, filters=NEW_MESSAGES),
    CommandHandler(["uitslag", "results"], results, filters=NEW_MESSAGES),
    CommandHandler("weekend", weekend, filters=NEW_MESSAGES),
]
