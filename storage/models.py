"""SQLModel tables. Alembic (``storage/migrations``) owns the schema; keep both in step
(``tests/storage/test_migrations.py`` fails when they drift).

Identity: rows that the domain identifies by content (a competition, a race, a skater) carry a ``key``
column built by ``storage.keys`` with a unique index, because NULL-able columns in a composite unique
constraint do not prevent duplicates in SQL.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Feed(SQLModel, table=True):
    """A polled feed and its health record."""

    __tablename__ = "feeds"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)
    name: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: dt.datetime | None = None
    last_success_at: dt.datetime | None = None
    last_error_at: dt.datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    total_failures: int = 0
    items_seen: int = 0
    alerted_at: dt.datetime | None = None  # when the admin chat was last told about this feed's failures
    # Problems that did not stop the poll (malformed XML read loosely, items without guid or date).
    last_warning_at: dt.datetime | None = None
    last_warning: str | None = None
    total_warnings: int = 0


class Article(SQLModel, table=True):
    """One news item, identified by its guid (for NOS: the numeric article id)."""

    __tablename__ = "articles"

    id: int | None = Field(default=None, primary_key=True)
    guid: str = Field(unique=True)
    feed: str
    url: str | None = None
    title: str
    published: dt.datetime | None = Field(default=None, index=True)
    content_hash: str
    html: str | None = Field(default=None, sa_column=Column(Text))
    text: str = Field(sa_column=Column(Text, nullable=False))
    version: int = 1
    parse_status: str = "pending"  # pending | parsed | no_races | failed
    parse_reason: str | None = None
    first_seen_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class ArticleVersion(SQLModel, table=True):
    """Every text an article has had: NOS edits reports in place."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.id", index=True)
    version: int
    content_hash: str
    title: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    fetched_at: dt.datetime = Field(default_factory=utcnow)


class Competition(SQLModel, table=True):
    __tablename__ = "competitions"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    kind: str  # parsing.model.COMPETITIONS
    discipline: str
    venue: str | None = None
    season: str | None = None  # "2021-2022"
    start_date: dt.date | None = None
    end_date: dt.date | None = None


class Race(SQLModel, table=True):
    """One race, however many articles report it."""

    __tablename__ = "races"
    # The bot's "latest race at this distance" walks this index newest-first and stops early.
    __table_args__ = (Index("ix_races_distance_date", "distance", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    competition_id: int = Field(foreign_key="competitions.id", index=True)
    distance: str = Field(index=True)
    gender: str | None = None
    round: int | None = None
    division: str | None = None
    date: dt.date | None = Field(default=None, index=True)
    historical: bool = False
    podium_revision: int = 0  # bumped whenever the podium (ranks 1-3) changes
    podium_hash: str | None = None
    first_seen_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Skater(SQLModel, table=True):
    __tablename__ = "skaters"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)  # folded full name
    name: str
    country: str | None = None
    gender: str | None = None


class SkaterAlias(SQLModel, table=True):
    """Folded spellings a skater is looked up by (surname, transliterations, ...)."""

    __tablename__ = "skater_aliases"
    __table_args__ = (UniqueConstraint("skater_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    skater_id: int = Field(foreign_key="skaters.id", index=True)
    alias: str = Field(index=True)


class Result(SQLModel, table=True):
    """One placing in one race: a skater, or a team (a country) in team events."""

    __tablename__ = "results"
    __table_args__ = (UniqueConstraint("race_id", "entrant_key"),)

    id: int | None = Field(default=None, primary_key=True)
    race_id: int = Field(foreign_key="races.id", index=True)
    entrant_key: str  # "skater:<id>" or "team:<IOC>"
    skater_id: int | None = Field(default=None, foreign_key="skaters.id", index=True)
    team_name: str | None = None
    members: str | None = None  # JSON list of names, team events only
    country: str | None = None
    rank: int | None = None
    time_hundredths: int | None = None
    time_stated: bool = False
    points: int | None = None
    article_id: int | None = Field(default=None, foreign_key="articles.id")
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Chat(SQLModel, table=True):
    __tablename__ = "chats"

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    type: str = "private"  # private | group | supergroup | channel
    title: str | None = None
    language: str | None = None  # "nl" | "en"
    active: bool = True
    deactivated_reason: str | None = None
    migrated_to: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Subscription(SQLModel, table=True):
    """A chat follows a skater, a distance, or everything."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("chat_id", "target"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    kind: str  # skater | distance | all
    target: str  # "skater:<id>", "distance:<code>", "all"
    skater_id: int | None = Field(default=None, foreign_key="skaters.id", index=True)
    distance: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Notification(SQLModel, table=True):
    """Outbox row: written in the transaction that records a race, sent later, claimed atomically."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("chat_id", "race_id", "kind", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    race_id: int = Field(foreign_key="races.id", index=True)
    kind: str  # podium | correction
    revision: int = 0  # the race's podium_revision this message reports
    reasons: str | None = None  # JSON: why this chat gets it (followed skaters, distance, all)
    status: str = Field(default="pending", index=True)  # pending | sending | sent | failed
    attempts: int = 0
    next_attempt_at: dt.datetime | None = None
    claimed_by: str | None = None
    claimed_at: dt.datetime | None = None
    message_id: int | None = None
    last_error: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    sent_at: dt.datetime | None = None
