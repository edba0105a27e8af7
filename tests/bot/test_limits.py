"""The send limiter on a virtual clock: spacing overall, per chat and per group, and pauses after a 429.

Virtual time makes these exact and instant; the real-time behaviour against a limit-enforcing server is
measured by benchmarks/fanout.py.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Awaitable

from bot.limits import LocalSendLimiter
from tests.bot.fake_bot_api import ApiCall
from tests.bot.limited_bot_api import TelegramLimits


class VirtualClock:
    """Time that only moves when every task waits: then it jumps to the earliest wake-up."""

    def __init__(self) -> None:
        self.now = 0.0
        self._waiters: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (self.now + max(seconds, 0.0), next(self._seq), future))
        await future

    async def run(self, *jobs: Awaitable[None]) -> None:
        tasks = [asyncio.ensure_future(job) for job in jobs]
        while not all(task.done() for task in tasks):
            for _ in range(20):  # let every runnable task reach its next wait
                await asyncio.sleep(0)
            if self._waiters:
                at, _, future = heapq.heappop(self._waiters)
                self.now = max(self.now, at)
                future.set_result(None)
        for task in tasks:
            task.result()


def limiter(clock: VirtualClock, **kwargs) -> LocalSendLimiter:
    return LocalSendLimiter(clock=clock, sleep=clock.sleep, **kwargs)


async def sends(clock: VirtualClock, lim: LocalSendLimiter, chats: list[int]) -> list[tuple[float, int]]:
    """Acquire once per entry of ``chats`` (concurrently); the virtual time each was let through."""
    out: list[tuple[float, int]] = []

    async def one(chat_id: int) -> None:
        await lim.acquire(chat_id, group=chat_id < 0)
        out.append((clock.now, chat_id))

    await clock.run(*(one(chat_id) for chat_id in chats))
    return sorted(out)


def max_in_window(times: list[float], window: float) -> int:
    best, start = 0, 0
    for end, at in enumerate(times):
        while times[start] <= at - window:
            start += 1
        best = max(best, end - start + 1)
    return best


async def test_many_chats_go_out_evenly_just_under_the_overall_limit() -> None:
    clock = VirtualClock()
    times = [t for t, _ in await sends(clock, limiter(clock, per_second=30), list(range(1, 301)))]
    assert max_in_window(times, 1.0) <= 30
    rate = (len(times) - 1) / (times[-1] - times[0])
    assert 0.9 * 30 <= rate <= 30


async def test_per_chat_gaps_and_other_chats_in_between() -> None:
    clock = VirtualClock()
    got = await sends(clock, limiter(clock), [5, 5, 5, 6, 7])
    chat5 = [t for t, c in got if c == 5]
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(chat5))
    assert all(t < chat5[1] for t, c in got if c != 5)  # the others do not wait for chat 5


async def test_a_group_gets_at_most_twenty_a_minute() -> None:
    clock = VirtualClock()
    times = [t for t, _ in await sends(clock, limiter(clock), [-100] * 25)]
    assert max_in_window(times, 60.0) <= 20
    assert times[19] - times[0] < 25  # the first twenty at about one a second
    assert times[20] - times[0] >= 60.0


async def test_retry_after_holds_the_chat_back_and_gives_everyone_a_breather() -> None:
    clock = VirtualClock()
    lim = limiter(clock)
    await sends(clock, lim, [1, 2])
    lim.penalize(1, 10)
    start = clock.now
    got = await sends(clock, lim, [1, 2])
    at = {c: t for t, c in got}
    assert at[1] - start >= 10
    assert 1.0 <= at[2] - start < 2.0


def test_the_enforcing_server_rule_counts_like_telegram() -> None:
    rule = TelegramLimits(per_second=3, chat_interval=1.0, group_per_minute=2)

    def call(chat_id: int, at: float) -> bool:
        return rule(ApiCall("sendMessage", {"chat_id": chat_id}, at)) is None

    assert [call(c, 0.1 * c) for c in (1, 2, 3, 4)] == [True, True, True, False]
    assert call(4, 1.15) and not call(4, 1.5)  # per chat: one a second
    assert call(-9, 2.0) and call(-9, 3.1) and not call(-9, 4.2)  # per group: two a minute
    assert rule.refused == 3 and rule.reasons == {"overall": 1, "chat": 1, "group": 1}
