"""Fixtures for bot tests: the fake Bot API server on 127.0.0.1 and a real Application polling it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram.ext import Application

from bot.app import build_application
from schaatsbot.settings import Settings
from tests.bot.fake_bot_api import ApiCall, FakeBotApi
from tests.factories import seed_season

ADMIN_CHAT = 999


@pytest.fixture
def fake_api() -> Iterator[FakeBotApi]:
    """A started fake Bot API server; stopped (and its long polls woken) after the test."""
    with FakeBotApi() as api:
        yield api


def settings_for(api: FakeBotApi, db_url: str, **overrides: object) -> Settings:
    """Settings that point the bot at ``api``; no .env file and no environment leak in."""
    values: dict[str, Any] = dict(
        telegram_bot_token=api.token, telegram_base_url=api.base_url, telegram_base_file_url=api.base_file_url,
        database_url=db_url, admin_chat_id=ADMIN_CHAT,
    )
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def season(session: Session) -> dict[str, int]:
    """The shared test season (tests/factories.py), committed; race ids by name."""
    return seed_season(session)


@dataclass
class RunningBot:
    """A real Application polling the fake server, and a way to talk to it as a user would."""

    app: Application
    api: FakeBotApi

    async def send(self, update: dict, *, replies: int = 1, method: str = "sendMessage") -> list[ApiCall]:
        """Push ``update`` and wait until the bot has answered ``replies`` times in that chat."""
        chat_id = _chat_of(update)
        before = len([c for c in self.api.calls(method, chat_id=chat_id) if c.status])
        self.api.push_update(update)
        calls = await self.api.wait_for_calls(method, chat_id=chat_id, count=before + replies)
        return calls[before:]

    async def texts(self, update: dict, *, replies: int = 1) -> list[str]:
        return [call.params["text"] for call in await self.send(update, replies=replies)]


def _chat_of(update: dict) -> int:
    body = update.get("message") or update.get("callback_query", {}).get("message") or {}
    return body["chat"]["id"]


@pytest.fixture
async def running_bot(fake_api: FakeBotApi, engine: Engine, db_url: str) -> AsyncIterator[RunningBot]:
    """build_application() against the fake server, started and polling getUpdates over HTTP."""
    app = build_application(settings_for(fake_api, db_url), engine)
    async with app:
        if app.post_init:  # run_polling() would call it; tests start the parts by hand
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield RunningBot(app, fake_api)
        finally:
            await app.updater.stop()
            await app.stop()
