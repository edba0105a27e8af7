"""The small interface through which jobs push messages; ``bot/sender.py`` implements it (issue 6)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from storage.outbox import ClaimedNotification

Outcome = Literal["sent", "retry_after", "chat_gone", "migrated", "transient", "rejected"]


@dataclass(frozen=True, slots=True)
class SendResult:
    """What became of one send; build it with the class methods."""

    outcome: Outcome
    message_id: int | None = None
    retry_after: float | None = None
    new_chat_id: int | None = None
    error: str | None = None

    @classmethod
    def sent(cls, message_id: int | None) -> SendResult:
        return cls("sent", message_id=message_id)

    @classmethod
    def flood_wait(cls, seconds: float) -> SendResult:
        """Telegram said "retry after": no attempt is lost, the row waits ``seconds``."""
        return cls("retry_after", retry_after=seconds, error=f"retry after {seconds:g} s")

    @classmethod
    def chat_gone(cls, error: str) -> SendResult:
        """Blocked, kicked, deactivated or "chat not found": the chat is deactivated."""
        return cls("chat_gone", error=error)

    @classmethod
    def migrated(cls, new_chat_id: int) -> SendResult:
        return cls("migrated", new_chat_id=new_chat_id, error=f"migrated to {new_chat_id}")

    @classmethod
    def transient(cls, error: str) -> SendResult:
        """Network trouble, a 5xx, a bad request: retried with back-off, failed after N attempts."""
        return cls("transient", error=error)

    @classmethod
    def rejected(cls, error: str) -> SendResult:
        """Can never succeed (Telegram refused the message itself, the race is gone): failed at once."""
        return cls("rejected", error=error)


class Messenger(Protocol):
    async def send_admin(self, text: str) -> None:
        """Tell the operator's chat (ADMIN_CHAT_ID) something; a no-op when none is configured."""

    async def send_notification(self, notification: ClaimedNotification) -> SendResult:
        """Render and send one claimed outbox row; never raises for Telegram or network errors."""
        ...
