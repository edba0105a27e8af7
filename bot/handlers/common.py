"""What every handler shares: who is asking, in which language, and how a :class:`Reply` is sent."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core import ChatKind, Reply, Request, parse_command_line, run_command
from bot.i18n import Lang, language_for
from storage.db import new_session

log = logging.getLogger(__name__)

ENGINE = "engine"  # bot_data key of the SQLAlchemy engine
SETTINGS = "settings"  # bot_data key of the Settings
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # the NOS link would otherwise fill the screen
T = TypeVar("T")


def lang_of(update: Update) -> Lang:
    user = update.effective_user
    return language_for(user.language_code if user else None)


def chat_kind_of(update: Update) -> ChatKind:
    chat = update.effective_chat
    return "private" if chat is None or chat.type == ChatType.PRIVATE else "group"


def open_session(context: ContextTypes.DEFAULT_TYPE) -> Session:
    engine: Engine = context.bot_data[ENGINE]
    return new_session(engine)


async def run_core(context: ContextTypes.DEFAULT_TYPE, call: Callable[[Session], T]) -> T:
    """``call`` with a fresh session in a worker thread: a slow query (or a rebuilt name index) never
    holds up the other chats' updates on the event loop."""
    engine: Engine = context.bot_data[ENGINE]

    def work() -> T:
        with new_session(engine) as session:
            return call(session)

    return await asyncio.to_thread(work)


def request_from(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Request | None:
    """The core's view of a command message; None when the message is not a command."""
    message = update.effective_message
    parsed = parse_command_line(message.text or "") if message else None
    if parsed is None:
        return None
    command, args = parsed
    return Request(
        command=command, args=args, lang=lang_of(update), chat_kind=chat_kind_of(update),
        chat_id=update.effective_chat.id if update.effective_chat else None,
        user_id=update.effective_user.id if update.effective_user else None,
    )


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in reply.buttons]
    )


async def send_reply(message: Message, reply: Reply) -> list[Message]:
    """Answer ``message`` with ``reply``: split at 4096, buttons under the last part.

    In groups the first part quotes the question, so the asker finds the answer among the chatter.
    """
    chunks = reply.chunks()
    in_group = message.chat.type != ChatType.PRIVATE
    sent = []
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        sent.append(await message.reply_text(
            chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_markup=keyboard(reply) if last else None, do_quote=in_group and index == 0,
        ))
    return sent


async def replace_reply(message: Message, reply: Reply) -> None:
    """Put ``reply`` in place of a message of ours (after a button press); overflow goes in new messages."""
    chunks = reply.chunks() or [""]
    try:
        await message.edit_text(chunks[0], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                reply_markup=keyboard(reply) if len(chunks) == 1 else None)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():  # a double press changes nothing: fine
            raise
    for index, chunk in enumerate(chunks[1:], start=2):
        await message.get_bot().send_message(
            message.chat_id, chunk, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_markup=keyboard(reply) if index == len(chunks) else None,
        )


async def answer_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Run the message's command through the core and send the reply (nothing when the core is silent)."""
    request = request_from(update, context)
    if request is None or update.effective_message is None:
        return
    reply = await run_core(context, lambda session: run_command(session=session, request=request))
    if reply is not None:
        await send_reply(update.effective_message, reply)
