"""A rule for :class:`tests.bot.fake_bot_api.FakeBotApi` that enforces Telegram's send limits.

Like Telegram, it answers 429 "retry after" when a bot sends more than ``per_second`` messages in any
one-second window, two messages to one chat within ``chat_interval`` seconds, or more than
``group_per_minute`` messages to one group (negative chat id) in any minute. Refused calls do not count.
Used by ``benchmarks/fanout.py`` and the limiter tests.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

from tests.bot.fake_bot_api import ApiCall, ApiError, retry_after

LIMITED_METHODS = frozenset({"sendMessage", "editMessageText"})


@dataclass
class TelegramLimits:
    per_second: int = 30
    chat_interval: float = 1.0
    group_per_minute: int = 20
    accepted: int = 0
    refused: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    _recent: deque[float] = field(default_factory=deque)
    _chat_last: dict[str, float] = field(default_factory=dict)
    _group_recent: dict[str, deque[float]] = field(default_factory=dict)

    def __call__(self, call: ApiCall) -> ApiError | None:
        if call.method not in LIMITED_METHODS:
            return None
        now, chat = call.at, str(call.chat_id)
        while self._recent and self._recent[0] <= now - 1.0:
            self._recent.popleft()
        if len(self._recent) >= self.per_second:
            return self._refuse("overall", 1.0 - (now - self._recent[0]))
        last = self._chat_last.get(chat)
        if last is not None and now - last < self.chat_interval:
            return self._refuse("chat", self.chat_interval - (now - last))
        group = self._group_recent.setdefault(chat, deque()) if chat.startswith("-") else None
        if group is not None:
            while group and group[0] <= now - 60.0:
                group.popleft()
            if len(group) >= self.group_per_minute:
                return self._refuse("group", 60.0 - (now - group[0]))
            group.append(now)
        self._recent.append(now)
        self._chat_last[chat] = now
        self.accepted += 1
        return None

    def _refuse(self, reason: str, wait: float) -> ApiError:
        self.refused += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1
        return retry_after(max(1, math.ceil(wait)))
