"""Wires the Telegram application: handlers in explicit groups, one error handler, the command menu.

Groups run in order and every group gets a chance at each update; within a group the first matching
handler wins. So: group -1 tracks chats (membership, migrations) without stopping anything, group 0 answers
commands and buttons and ends with the fallback for everything else.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from telegram.ext import Application, BaseHandler

from bot.handlers import (  # notifications (issue 6)
    errors,
    fallback,
    follow,
    membership,
    races,
    skaters,
    start,
)
from bot.handlers.common import ENGINE, SETTINGS
from bot.menu import set_command_menu
from schaatsbot.settings import Settings

TRACKING = -1  # sees every update first; must not answer
COMMANDS = 0  # commands, buttons, then the fallback


def handler_groups() -> list[tuple[int, BaseHandler]]:
    """Every handler with its group, in registration order."""
    return [
        *((COMMANDS, h) for h in start.HANDLERS),
        *((COMMANDS, h) for h in races.HANDLERS),
        *((COMMANDS, h) for h in skaters.HANDLERS),
        *((TRACKING, h) for h in membership.HANDLERS),  # notifications (issue 6)
        *((COMMANDS, h) for h in follow.HANDLERS),
        *((COMMANDS, h) for h in fallback.HANDLERS),  # keep last: it takes whatever no command took
    ]


async def _post_init(application: Application) -> None:
    await set_command_menu(application.bot)


def build_application(settings: Settings, engine: Engine) -> Application:
    """The bot, ready for ``run_polling`` (or ``initialize``/``start`` in tests)."""
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    application = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .post_init(_post_init)
        .build()
    )
    application.bot_data[ENGINE] = engine
    application.bot_data[SETTINGS] = settings
    for group, handler in handler_groups():
        application.add_handler(handler, group)
    application.add_error_handler(errors.on_error)
    return application
