"""The schema on a real SQLite file: creation, upgrades, constraints, bad URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

from storage import models
from storage.db import DatabaseError, current_revision, make_engine, new_session, open_database, upgrade


def test_migrations_create_every_table_and_match_the_models(engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(engine) -> None:
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_upgrade_keeps_the_data_of_an_existing_database(db_url: str) -> None:
    engine = open_database(db_url)
    with new_session(engine) as session:
        session.add(models.Chat(id=-1001234567890, type="supergroup", title="Schaatsclub"))
        session.commit()
    engine.dispose()

    engine = open_database(db_url)  # a second start upgrades again: a no-op that keeps the rows
    upgrade(engine)
    assert current_revision(engine) is not None
    with new_session(engine) as session:
        chat = session.get(models.Chat, -1001234567890)
        assert chat is not None and chat.title == "Schaatsclub"


def test_upgrade_from_an_empty_file_and_from_base(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    assert current_revision(engine) is None
    upgrade(engine, "base")
    upgrade(engine)
    assert "races" in inspect(engine).get_table_names()


def test_unique_keys_hold(session) -> None:
    session.add(models.Competition(key="world_cup|long_track|tomaszow|2021-2022", kind="world_cup",
                                   discipline="long_track"))
    session.commit()
    session.add(models.Competition(key="world_cup|long_track|tomaszow|2021-2022", kind="world_cup",
                                   discipline="long_track"))
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()

    session.add(models.Article(guid="2275239", feed="nos", title="t", content_hash="h", text="x"))
    session.commit()
    session.add(models.Article(guid="2275239", feed="nos-algemeen", title="t", content_hash="h", text="x"))
    with pytest.raises(IntegrityError):
        session.commit()


def test_a_chat_id_beyond_32_bits_round_trips(session) -> None:
    session.add(models.Chat(id=-1009876543210, type="supergroup"))
    session.commit()
    assert session.get(models.Chat, -1009876543210) is not None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "not a database URL"),
        ("sqlite:////no/such/folder/x.db", "does not exist"),
        ("nosuchdialect://x", "no driver"),
    ],
)
def test_a_bad_database_url_gives_one_clear_line(url: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message):
        open_database(url)
