"""Notification outbox (issue 6 fills this in)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from storage.changes import RaceChange


def enqueue_notifications(*, session: Session, changes: Sequence[RaceChange]) -> int:
    """Write one outbox row per (following chat, race) for these changes, in the caller's transaction.

    Returns how many rows were written. The caller commits, so a race and its notifications land together.
    """
    return 0
