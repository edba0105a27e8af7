"""Shared fixtures: a real SQLite file per test, migrated to head."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.db import new_session, open_database

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# PostgreSQL fixtures (pg_url, pg_engine): a throwaway server, or a skip; see tests/pg.py.
pytest_plugins = ["tests.pg"]


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'schaatsbot.db'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_database(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with new_session(engine) as session:
        yield session
