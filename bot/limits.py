"""Telegram's send limits, kept on our side so that a broadcast never meets a 429.

Telegram allows about 30 messages a second overall, one a second per chat and 20 a minute per group.
:class:`SendLimiter` is the interface the sender uses; :class:`LocalSendLimiter` keeps the counts in this
process. When several processes send, a shared implementation (a token bucket in Redis or in a database
row) can replace it without touching the sender.

Overall, at most ``per_second`` messages go out in any ``1 + margin`` seconds: a sliding-window counter
on Telegram's side then never sees more than ``per_second`` in one second, as long as network jitter stays
under ``margin`` seconds. Within that, messages are spaced evenly (bursts queue behind busy connections and
arrive bunched); a late wake-up may catch up by a few messages. At 30/s: at most 28.8 a second (96 %).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Protocol

CATCH_UP = 3


class SendLimiter(Protocol):
    async def acquire(self, chat_id: int, *, group: bool) -> None:
        """Wait until one message to ``chat_id`` may be sent, and count it."""

    def penalize(self, chat_id: int, seconds: float) -> None:
        """Telegram answered "retry after ``seconds``" for this chat: hold it (and briefly everyone) back."""


class LocalSendLimiter:
    """In-process limits: even spacing overall, a minimum gap per chat, a sliding minute per group."""

    def __init__(
        self,
        *,
        per_second: float = 30.0,
        chat_interval: float = 1.0,
        group_per_minute: int = 20,
        margin: float = 0.04,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.window = 1.0 + margin
        self.window_count = max(1, int(per_second))
        self.interval = self.window / self.window_count if per_second > 0 else 0.0
        self.chat_interval = chat_interval * (1 + margin)
        self.group_per_minute = group_per_minute
        self.group_window = 60.0 * (1 + margin)
        self._clock = clock
        self._sleep = sleep
        self._next_global = 0.0
        self._chat_next: dict[int, float] = {}
        self._group_sent: dict[int, deque[float]] = {}
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._acquired = 0
        self._global_lock = asyncio.Lock()
        self._released: deque[float] = deque()

    async def acquire(self, chat_id: int, *, group: bool) -> None:
        lock = self._chat_locks.setdefault(chat_id, asyncio.Lock())
        async with lock:
            while (wait := self._chat_wait(chat_id, group)) > 0:
                await self._sleep(wait)
            # The overall gap is measured from when the previous message was really let through: a
            # late wake-up (a busy loop) then slows us down instead of bunching the next messages.
            async with self._global_lock:
                window_bound = False
                while (wait := self._global_wait()) > 0:
                    window_bound = wait > self._next_global - self._clock()
                    await self._sleep(wait)
                scheduled, now = self._next_global, self._clock()
                # A late wake-up (timer granularity, a busy loop) keeps the cadence by catching up a little,
                # never more than CATCH_UP messages back to back; after the window rule held us, start afresh.
                base = now if window_bound else max(scheduled, now - CATCH_UP * self.interval)
                self._next_global = base + self.interval
                self._released.append(now)
            self._chat_next[chat_id] = now + self.chat_interval
            if group:
                self._group_sent.setdefault(chat_id, deque()).append(now)
        self._acquired += 1
        if self._acquired % 1000 == 0:
            self._sweep()

    def penalize(self, chat_id: int, seconds: float) -> None:
        now = self._clock()
        self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0), now + seconds)
        # A 429 usually means the whole bot went too fast: a short breather for everyone.
        self._next_global = max(self._next_global, now + min(seconds, 1.0))

    def _global_wait(self) -> float:
        now = self._clock()
        wait = self._next_global - now
        released = self._released
        while released and released[0] <= now - self.window:
            released.popleft()
        if len(released) >= self.window_count:
            wait = max(wait, released[0] + self.window - now)
        return wait

    def _chat_wait(self, chat_id: int, group: bool) -> float:
        now = self._clock()
        wait = self._chat_next.get(chat_id, 0.0) - now
        if group:
            sent = self._group_sent.get(chat_id)
            if sent:
                while sent and sent[0] <= now - self.group_window:
                    sent.popleft()
                if len(sent) >= self.group_per_minute:
                    wait = max(wait, sent[0] + self.group_window - now)
        return wait

    def _sweep(self) -> None:
        # Keep memory flat over many chats: a chat whose gap and group minute have passed needs no state.
        now = self._clock()
        for chat_id in [c for c, lock in self._chat_locks.items() if not lock.locked()]:
            sent = self._group_sent.get(chat_id)
            if self._chat_next.get(chat_id, 0.0) <= now and (not sent or sent[-1] <= now - self.group_window):
                self._chat_locks.pop(chat_id, None)
                self._chat_next.pop(chat_id, None)
                self._group_sent.pop(chat_id, None)


class NoLimits:
    """A limiter that never waits (tests that are not about limits)."""

    async def acquire(self, chat_id: int, *, group: bool) -> None:
        return None

    def penalize(self, chat_id: int, seconds: float) -> None:
        return None
