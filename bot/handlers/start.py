"""/start, /help and /hulp: what the bot does, with examples."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, filters

from bot.handlers.common import answer_command

NEW_MESSAGES = filters.UpdateType.MESSAGE  # an edited command is not asked again


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain the bot, in the user's language."""
    await answer_command(update, context)


HANDLERS: list[BaseHandler] = [CommandHandler(["start", "help", "hulp"], help_command, filters=NEW_MESSAGES)]
