"""``schaatsbot run``: the bot and its scheduled jobs; without a token, the jobs and a console."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import logging
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the CLI stays quick to start: heavy imports happen inside the command
    from sqlalchemy.engine import Engine
    from telegram.ext import Application, CallbackContext, JobQueue

    from schaatsbot.settings import Settings

log = logging.getLogger("schaatsbot.run")
POLL_JOB = "feed-poll"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "run",
        help="run the bot and the scheduled jobs (feed polling, notifications)",
        description="Run the Telegram bot, the feed job and the notification dispatcher. Without "
        "TELEGRAM_BOT_TOKEN it runs the feed job only and offers the console on standard input.",
    )
    parser.add_argument("--no-console", action="store_true",
                        help="without a token: do not read commands from standard input")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from schaatsbot.logs import setup_logging
    from schaatsbot.settings import get_settings
    from storage.db import open_database

    settings = get_settings()
    setup_logging(settings.log_level, settings.token)
    engine = open_database(settings.database_url)
    if settings.token:
        return run_with_telegram(settings, engine)
    print(
        "Geen TELEGRAM_BOT_TOKEN ingesteld: schaatsbot draait zonder Telegram. De feed wordt gevolgd en "
        f"opgeslagen in {engine.url.render_as_string()}.\n"
        "No TELEGRAM_BOT_TOKEN set: running without Telegram; the feed job runs and stores what it finds.\n"
        + ("" if args.no_console else "Typ een commando, bijvoorbeeld /podium 1000m of /hulp (Ctrl-D stopt de console).\n"),
        file=sys.stderr, flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_without_telegram(settings, engine, console=not args.no_console))
    return 0


def run_with_telegram(settings: Settings, engine: Engine) -> int:
    """PTB's Application drives everything: its JobQueue (APScheduler) polls, a task sends the outbox."""
    from telegram import Update

    application = build_telegram_runtime(settings, engine)
    log.info("schaatsbot starts: polling %d feed(s)", len(settings.feed_urls))
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


def build_telegram_runtime(settings: Settings, engine: Engine) -> Application:
    """The bot with the feed job and the outbox dispatcher attached to its start and stop hooks."""
    from bot.app import build_application
    from bot.sender import TelegramMessenger
    from jobs.notify import OutboxDispatcher
    from jobs.poller import FeedPoller

    application = build_application(settings, engine)
    messenger = TelegramMessenger(application.bot, engine, settings)
    dispatcher = OutboxDispatcher.from_settings(engine=engine, messenger=messenger, settings=settings)
    poller = FeedPoller(engine=engine, settings=settings, messenger=messenger,
                        on_changes=lambda _changes: dispatcher.wake())

    async def poll_job(context: CallbackContext) -> None:
        try:
            await poller.poll_once()  # it logs what it found and counts failures in the health record
        finally:  # re-arm whatever happened: the interval changes with live weekends and back-off
            _job_queue(context.job_queue).run_once(poll_job, when=poller.next_delay(), name=POLL_JOB)

    chained_init, chained_shutdown = application.post_init, application.post_shutdown
    tasks: list[asyncio.Task[None]] = []

    async def post_init(app: Application) -> None:
        if chained_init:
            await chained_init(app)
        _job_queue(app.job_queue).run_once(poll_job, when=0, name=POLL_JOB)
        # Our own task rather than app.create_task: post_init runs before the app counts as running.
        tasks.append(asyncio.create_task(dispatcher.run_forever(), name="outbox-dispatcher"))

    async def post_shutdown(app: Application) -> None:
        dispatcher.stop()
        for task in tasks:
            try:
                await asyncio.wait_for(task, timeout=10)
            except (TimeoutError, asyncio.CancelledError):
                log.warning("the outbox dispatcher did not stop in time; pending rows stay in the outbox")
        await poller.aclose()
        if chained_shutdown:
            await chained_shutdown(app)

    application.post_init = post_init
    application.post_shutdown = post_shutdown
    return application


def _job_queue(job_queue: JobQueue[Any] | None) -> JobQueue[Any]:
    """The Application's JobQueue; PTB leaves it None when installed without the job-queue extra."""
    if job_queue is None:
        raise RuntimeError("python-telegram-bot has no JobQueue: install python-telegram-bot[job-queue]")
    return job_queue


async def run_without_telegram(settings: Settings, engine: Engine, *, console: bool) -> None:
    """The feed job on a plain APScheduler, and the console on standard input when asked."""
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from jobs.poller import FeedPoller

    poller = FeedPoller(engine=engine, settings=settings)
    scheduler = AsyncIOScheduler(timezone=dt.UTC)

    def arm(delay: float) -> None:
        run_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=delay)
        scheduler.add_job(poll, "date", run_date=run_at, id=POLL_JOB, replace_existing=True)

    async def poll() -> None:
        try:
            await poller.poll_once()
        finally:
            arm(poller.next_delay())

    scheduler.start()
    await poll()  # the first poll before the console, so its first answer already knows the news
    try:
        if console and await _console(engine):
            return  # the user ended the console: stop
        await asyncio.Event().wait()  # jobs only, until Ctrl-C
    finally:
        scheduler.shutdown(wait=False)
        await poller.aclose()


async def _console(engine: Engine) -> bool:
    """Runs the console in a thread (input() blocks); True when an interactive user ended it."""
    from schaatsbot.commands.console import run_console

    await asyncio.to_thread(run_console, engine, sys.stdin, sys.stdout)
    return sys.stdin.isatty()
