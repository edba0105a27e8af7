"""Tracks where the bot can write: added to or removed from a chat, blocked or unblocked, group migrated.

Runs in the tracking group (it never answers). Removal and blocking deactivate the chat (its follows are
kept for a return); being added back reactivates it; a group that becomes a supergroup takes its follows
and queued notifications to the new id.
"""

from __future__ import annotations

import logging

from telegram import ChatMember, ChatMemberUpdated, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import BaseHandler, ChatMemberHandler, ContextTypes, MessageHandler, filters

from bot.handlers.common import open_session
from bot.i18n import language_for
from storage.chats import deactivate_chat, get_chat, migrate_chat, upsert_chat

log = logging.getLogger(__name__)

PRESENT = frozenset({ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER})


def _present(member: ChatMember) -> bool:
    if member.status == ChatMemberStatus.RESTRICTED:
        return bool(getattr(member, "is_member", False))
    return member.status in PRESENT


async def bot_membership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """my_chat_member: the bot was added, removed, blocked or unblocked."""
    change: ChatMemberUpdated | None = update.my_chat_member
    if change is None:
        return
    chat = change.chat
    was, now = _present(change.old_chat_member), _present(change.new_chat_member)
    title = chat.title if chat.type != ChatType.PRIVATE else None
    with open_session(context) as session:
        if now:
            known = get_chat(session=session, chat_id=chat.id)
            language = None if known is not None and known.language else language_for(
                change.from_user.language_code if change.from_user else None)
            upsert_chat(session=session, chat_id=chat.id, type=chat.type, title=title, language=language,
                        reactivate=True)
            log.info("bot is in chat %s (%s) now", chat.id, chat.type)
        elif was or get_chat(session=session, chat_id=chat.id) is not None:
            reason = "blocked" if chat.type == ChatType.PRIVATE else f"removed ({change.new_chat_member.status})"
            deactivate_chat(session=session, chat_id=chat.id, reason=reason)
            log.info("bot left chat %s: %s", chat.id, reason)
        session.commit()


async def group_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A basic group became a supergroup: its follows move to the new chat id."""
    message = update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        old, new = message.chat_id, message.migrate_to_chat_id
    elif message.migrate_from_chat_id:
        old, new = message.migrate_from_chat_id, message.chat_id
    else:
        return
    with open_session(context) as session:
        moved = migrate_chat(session=session, old_chat_id=old, new_chat_id=new)
        session.commit()
    log.info("chat %s migrated to %s (%d follows moved)", old, new, moved)


HANDLERS: list[BaseHandler] = [
    ChatMemberHandler(bot_membership, ChatMemberHandler.MY_CHAT_MEMBER),
    MessageHandler(filters.StatusUpdate.MIGRATE, group_migrated),
]
