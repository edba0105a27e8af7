"""The small interface through which jobs push messages; ``bot/sender.py`` implements it (issue 6)."""

from __future__ import annotations

from typing import Protocol


class Messenger(Protocol):
    async def send_admin(self, text: str) -> None:
        """Tell the operator's chat (ADMIN_CHAT_ID) something; a no-op when none is configured."""
