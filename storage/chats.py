"""Chats the bot knows: their type, title and language, and whether messages can still reach them.

A chat that blocks the bot, removes it, or cannot be found is deactivated rather than deleted: its follows
stay, so that re-adding (or unblocking) the bot brings them back, but no notification is sent meanwhile.
"""

from __future__ import annotations

from sqlmodel import Session

from storage.models import Chat, utcnow

GROUP_TYPES = frozenset({"group", "supergroup"})


def get_chat(*, session: Session, chat_id: int) -> Chat | None:
    return session.get(Chat, chat_id)


def upsert_chat(
    *,
    session: Session,
    chat_id: int,
    type: str | None = None,
    title: str | None = None,
    language: str | None = None,
    reactivate: bool = False,
) -> Chat:
    """Create or refresh a chat row; only given fields change. ``reactivate`` clears a deactivation."""
    chat = session.get(Chat, chat_id)
    now = utcnow()
    if chat is None:
        chat = Chat(id=chat_id, type=type or "private", title=title, language=language,
                    created_at=now, updated_at=now)
        session.add(chat)
        session.flush()
        return chat
    if type:
        chat.type = type
    if title is not None:
        chat.title = title
    if language:
        chat.language = language
    if reactivate and not chat.active and chat.migrated_to is None:
        chat.active = True
        chat.deactivated_reason = None
    chat.updated_at = now
    session.add(chat)
    session.flush()
    return chat


def deactivate_chat(*, session: Session, chat_id: int, reason: str) -> bool:
    """Stop sending to this chat (blocked, removed, not found) and cancel what is queued for it.

    Returns True when the chat was active before. Its follows are kept for a later reactivation.
    """
    from storage.outbox import cancel_pending_for_chat  # outbox imports chats' callers; avoid a cycle

    chat = session.get(Chat, chat_id)
    was_active = True
    if chat is None:
        chat = Chat(id=chat_id, type="private", active=False, deactivated_reason=reason)
    else:
        was_active = chat.active
        chat.active = False
        chat.deactivated_reason = reason
        chat.updated_at = utcnow()
    session.add(chat)
    session.flush()
    cancel_pending_for_chat(session=session, chat_id=chat_id, error=f"chat deactivated: {reason}")
    return was_active


def reactivate_chat(*, session: Session, chat_id: int, type: str | None = None,
                    title: str | None = None) -> Chat:
    """The bot is back in the chat (re-added, unblocked): its kept follows count again."""
    return upsert_chat(session=session, chat_id=chat_id, type=type, title=title, reactivate=True)


def migrate_chat(*, session: Session, old_chat_id: int, new_chat_id: int) -> int:
    """A group became a supergroup: move its follows and queued notifications to the new id.

    Idempotent (Telegram reports a migration twice: to the old and the new chat). Returns how many follows
    moved.
    """
    from storage.outbox import retarget_pending
    from storage.subscriptions import move_subscriptions

    old = session.get(Chat, old_chat_id)
    new = session.get(Chat, new_chat_id)
    now = utcnow()
    if new is None:
        new = Chat(id=new_chat_id, type="supergroup", created_at=now, updated_at=now)
    if old is not None:
        new.title = new.title or old.title
        new.language = new.language or old.language
        old.active = False
        old.deactivated_reason = "migrated"
        old.migrated_to = new_chat_id
        old.updated_at = now
        session.add(old)
    new.type = "supergroup"
    new.active = True
    new.deactivated_reason = None
    new.updated_at = now
    session.add(new)
    session.flush()
    moved = move_subscriptions(session=session, old_chat_id=old_chat_id, new_chat_id=new_chat_id)
    retarget_pending(session=session, old_chat_id=old_chat_id, new_chat_id=new_chat_id)
    return moved
