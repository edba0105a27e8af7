"""The one send path for every message the bot pushes (notifications, admin reports).

:class:`TelegramMessenger` implements ``jobs.ports.Messenger``. Every push waits for the send limiter
(``bot.limits``), goes out as HTML in parts of at most 4096 characters, and comes back as a
:class:`~jobs.ports.SendResult` instead of an exception: Telegram's "retry after" pauses the chat, a blocked
user or a vanished chat becomes ``chat_gone``, a group that became a supergroup becomes ``migrated``, network
trouble becomes ``transient``. The outbox dispatcher turns those into database state; nothing is dropped
without a log line and a counter.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
import warnings
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from sqlalchemy.engine import Engine
from telegram import Bot, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from bot.i18n import Lang
from bot.limits import LocalSendLimiter, SendLimiter
from bot.notifications import render_corrected_original, render_correction, render_podium_notification
from bot.render import split_message
from jobs.ports import SendResult
from schaatsbot.settings import Settings
from storage.chats import GROUP_TYPES
from storage.db import new_session
from storage.outbox import CORRECTION, ClaimedNotification
from storage.queries import RaceResults, race_results

log = logging.getLogger(__name__)

# Bad Request texts that mean the bot can no longer write to the chat at all.
_GONE_MARKERS = ("chat not found", "have no rights to send", "not enough rights to send", "bot was kicked",
                 "group chat was deactivated", "user is deactivated", "peer_id_invalid", "chat_write_forbidden")
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
RESULTS_TTL = 2.0  # seconds a race's results serve a fan-out before they are read again


@dataclass(frozen=True, slots=True)
class Composed:
    """A notification rendered for its chat."""

    text: str
    group: bool
    edit_text: str | None = None  # corrections: the earlier podium message, updated


def limiter_from_settings(settings: Settings) -> LocalSendLimiter:
    return LocalSendLimiter(per_second=settings.send_rate_per_second,
                            chat_interval=settings.send_chat_interval_seconds,
                            group_per_minute=settings.send_group_per_minute)


class TelegramMessenger:
    """Pushes messages through one Bot, within Telegram's limits, and reports each outcome."""

    def __init__(self, bot: Bot, engine: Engine, settings: Settings, *, limiter: SendLimiter | None = None
                 ) -> None:
        self.bot = bot
        self.engine = engine
        self.admin_chat_id = settings.admin_chat_id
        self.limiter = limiter or limiter_from_settings(settings)
        self.stats: Counter[str] = Counter()
        self._results_cache: dict[tuple[int, int], tuple[float, RaceResults | None]] = {}
        self._results_locks: dict[tuple[int, int], asyncio.Lock] = {}

    # --- Messenger ---------------------------------------------------------------------------------------

    async def send_admin(self, text: str) -> None:
        """Plain text to ADMIN_CHAT_ID (no HTML, so callers need not escape); failures are logged."""
        if self.admin_chat_id is None:
            return
        result = await self.send_text(self.admin_chat_id, text, html=False)
        if result.outcome != "sent":
            log.warning("could not tell the admin chat (%s): %s", result.outcome, result.error)

    async def send_notification(self, notification: ClaimedNotification) -> SendResult:
        try:
            results = await self._race_results(notification.race_id, notification.revision)
            composed = None if results is None else compose(notification, results)
        except Exception as exc:
            log.exception("rendering notification %s failed", notification.id)
            return SendResult.transient(f"render: {exc.__class__.__name__}: {exc}")
        if composed is None:
            return SendResult.rejected(f"race {notification.race_id} not found")
        result = await self.send_text(notification.chat_id, composed.text, group=composed.group)
        if result.outcome == "sent" and composed.edit_text and notification.previous_message_id:
            await self._edit_quietly(notification.chat_id, notification.previous_message_id,
                                     composed.edit_text, group=composed.group)
        return result

    async def _race_results(self, race_id: int, revision: int) -> RaceResults | None:
        """The race as /podium reads it; one query serves a whole fan-out (cached for a moment per podium
        revision, so a correction always reads the corrected podium)."""
        key = (race_id, revision)
        lock = self._results_locks.setdefault(key, asyncio.Lock())
        async with lock:
            cached = self._results_cache.get(key)
            now = time.monotonic()
            if cached is not None and now - cached[0] < RESULTS_TTL:
                return cached[1]
            results = await asyncio.to_thread(self._load_results, race_id)
            self._results_cache[key] = (time.monotonic(), results)
            for stale in [k for k, (at, _) in self._results_cache.items() if now - at >= RESULTS_TTL]:
                self._results_cache.pop(stale, None)
                self._results_locks.pop(stale, None)
            return results

    def _load_results(self, race_id: int) -> RaceResults | None:
        with new_session(self.engine) as session:
            return race_results(session=session, race_id=race_id)

    # --- the send path -------------------------------------------------------------------------------------

    async def send_text(self, chat_id: int, text: str, *, group: bool | None = None, html: bool = True
                        ) -> SendResult:
        """Send ``text`` (split at 4096) to one chat; the result of the first part that did not go out, or
        ``sent`` with the first part's message id."""
        first_id: int | None = None
        for part in split_message(text) or [text]:
            result = await self._call(chat_id, group, partial(
                self.bot.send_message, chat_id=chat_id, text=part, parse_mode=ParseMode.HTML if html else None,
                link_preview_options=NO_PREVIEW))
            if result.outcome != "sent":
                return result
            first_id = first_id if first_id is not None else result.message_id
        return SendResult.sent(first_id)

    async def _edit_quietly(self, chat_id: int, message_id: int, text: str, *, group: bool) -> None:
        result = await self._call(chat_id, group, lambda: self.bot.edit_message_text(
            chat_id=chat_id, message_id=message_id, text=split_message(text)[0], parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW))
        if result.outcome != "sent":
            # The correction itself went out; an edit that fails (message too old, deleted) changes nothing.
            log.info("could not edit message %s in chat %s: %s", message_id, chat_id, result.error)

    async def _call(self, chat_id: int, group: bool | None,
                    call: Callable[[], Awaitable[Message | bool]]) -> SendResult:
        """One Bot API call within the limits, its exceptions mapped to a SendResult."""
        await self.limiter.acquire(chat_id, group=chat_id < 0 if group is None else group)
        try:
            answer = await call()
        except RetryAfter as exc:
            seconds = _retry_seconds(exc)
            self.limiter.penalize(chat_id, seconds)
            self.stats["retry_after"] += 1
            log.warning("Telegram asks to wait %.0f s before writing to chat %s again", seconds, chat_id)
            return SendResult.flood_wait(seconds)
        except ChatMigrated as exc:
            self.stats["migrated"] += 1
            return SendResult.migrated(int(exc.new_chat_id))
        except Forbidden as exc:
            self.stats["chat_gone"] += 1
            return SendResult.chat_gone(exc.message)
        except BadRequest as exc:
            if any(marker in exc.message.lower() for marker in _GONE_MARKERS):
                self.stats["chat_gone"] += 1
                return SendResult.chat_gone(exc.message)
            self.stats["rejected"] += 1
            log.error("Telegram refused a message to chat %s: %s", chat_id, exc.message)
            return SendResult.rejected(exc.message)
        except (NetworkError, TelegramError) as exc:  # TimedOut is a NetworkError; a 5xx a TelegramError
            self.stats["transient"] += 1
            return SendResult.transient(f"{exc.__class__.__name__}: {exc.message}")
        self.stats["sent"] += 1
        return SendResult.sent(answer.message_id if isinstance(answer, Message) else None)


def compose(notification: ClaimedNotification, results: RaceResults) -> Composed:
    """A notification rendered for its chat, in the chat's language."""
    lang: Lang = "en" if notification.chat_language == "en" else "nl"
    if notification.chat_type is not None:
        group = notification.chat_type in GROUP_TYPES
    else:
        group = notification.chat_id < 0
    reasons = notification.reasons
    if notification.kind == CORRECTION:
        return Composed(render_correction(results, reasons, lang), group,
                        edit_text=render_corrected_original(results, reasons, lang))
    return Composed(render_podium_notification(results, reasons, lang), group)


def _retry_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns that retry_after turns from int into timedelta; accept both, quietly.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)
