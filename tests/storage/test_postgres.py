"""The same storage code on a real PostgreSQL server (``DATABASE_URL=postgresql://...``).

The server comes from ``tests/pg.py``: a throwaway cluster whose time zone is Europe/Amsterdam, or the one
``SCHAATSBOT_TEST_POSTGRES_URL`` names; without either (or with ``SCHAATSBOT_TEST_POSTGRES=off``) these
tests are skipped. Where behaviour must not depend on the database, a test runs the same steps on SQLite
(the ``engine`` fixture) and compares.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import email.utils
import itertools
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import BigInteger, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import Session, SQLModel, col, select

from jobs.feedread import FeedItem, read_feed
from jobs.ingest import ingest_item
from jobs.notify import OutboxDispatcher
from jobs.ports import SendResult
from parsing.model import Placing
from parsing.model import Race as ParsedRace
from storage import models, outbox, queries
from storage.articles import article_versions, get_article, upsert_article
from storage.changes import RaceChange
from storage.db import (
    DatabaseError,
    alembic_config,
    current_revision,
    make_engine,
    new_session,
    open_database,
    upgrade,
)
from storage.models import Article, Chat, Competition, Notification, Race, Result, Skater, SkaterAlias
from storage.races import record_races
from storage.skaters import clear_cache, find_skaters
from storage.subscriptions import Follow, follow
from tests import factories
from tests.conftest import SHARED
from tests.pg import SERVER_TIMEZONE, PgServer, unavailable, with_settings

if (_reason := unavailable()) is not None:
    pytest.skip(_reason, allow_module_level=True)

CORPUS = SHARED / "corpus"
REPO = Path(__file__).resolve().parents[2]
BIG_CHAT = -1009876543210  # a supergroup id: beyond 32 bits


@pytest.fixture
def pg_session(pg_engine: Engine) -> Iterator[Session]:
    with new_session(pg_engine) as session:
        yield session


def backend(request: pytest.FixtureRequest, name: str) -> Engine:
    """The migrated engine of one backend: ``sqlite`` (a file) or ``postgresql`` (this test's database)."""
    return request.getfixturevalue("engine" if name == "sqlite" else "pg_engine")


# --- schema ------------------------------------------------------------------------------------------------


def test_migrations_create_every_table_and_match_the_models(pg_engine: Engine) -> None:
    assert set(SQLModel.metadata.tables) <= set(inspect(pg_engine).get_table_names())
    with pg_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == [], f"models and migrations differ on PostgreSQL: {diff}"


def test_chat_ids_are_bigint_and_datetimes_timestamptz(pg_engine: Engine) -> None:
    columns = {(table, c["name"]): c["type"] for table in ("chats", "subscriptions", "notifications")
               for c in inspect(pg_engine).get_columns(table)}
    for key in (("chats", "id"), ("chats", "migrated_to"), ("subscriptions", "chat_id"),
                ("notifications", "chat_id")):
        assert isinstance(columns[key], BigInteger), key
    with pg_engine.connect() as conn:
        kinds = set(conn.execute(text(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name IN ('published', 'claimed_at', 'first_seen_at')"
        )).scalars())
    assert kinds == {"timestamp with time zone"}  # one instant, whatever the session's time zone


def test_upgrade_from_empty_down_to_base_and_up_again_keeps_working(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        head = current_revision(engine)
        assert head is not None
        with new_session(engine) as session:
            session.add(models.Chat(id=BIG_CHAT, type="supergroup", title="Schaatsclub"))
            session.commit()
        upgrade(engine)  # a second start: a no-op that keeps the rows
        with new_session(engine) as session:
            assert session.get(models.Chat, BIG_CHAT).title == "Schaatsclub"  # type: ignore[union-attr]
        command.downgrade(alembic_config(engine), "base")
        assert not set(SQLModel.metadata.tables) & set(inspect(engine).get_table_names())
        upgrade(engine)
        assert current_revision(engine) == head
    finally:
        engine.dispose()


def test_processes_starting_at_once_on_an_empty_database_all_come_up(pg_url: str, cli_env: dict[str, str]
                                                                    ) -> None:
    """Every entry point migrates on start; with several processes only one may create the tables."""
    env = {**cli_env, "DATABASE_URL": _plain_postgresql(pg_url)}
    starts = [subprocess.Popen([sys.executable, "-m", "schaatsbot.cli", "db", "upgrade"], env=env, cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    failures = [err[-400:] for err in (p.communicate(timeout=120)[1] for p in starts) if err]
    assert [p.returncode for p in starts] == [0, 0, 0], failures
    engine = make_engine(pg_url)
    try:
        assert current_revision(engine) is not None
    finally:
        engine.dispose()


def test_a_postgres_scheme_url_and_a_missing_database_give_clear_answers(pg_url: str) -> None:
    url = make_url(pg_url)
    # Hosting platforms hand out postgres://...; SQLAlchemy only knows postgresql://.
    engine = open_database(url.set(drivername="postgres").render_as_string(hide_password=False))
    try:
        assert engine.dialect.name == "postgresql" and current_revision(engine) is not None
    finally:
        engine.dispose()
    with pytest.raises(DatabaseError, match="cannot upgrade the database") as raised:
        open_database(url.set(database="no_such_database_here").render_as_string(hide_password=False))
    assert "\n" not in str(raised.value)


# --- constraints -------------------------------------------------------------------------------------------


def test_unique_keys_hold_and_the_session_recovers(pg_session: Session) -> None:
    key = "world_cup|long_track|tomaszow|2021-2022"
    pg_session.add(Competition(key=key, kind="world_cup", discipline="long_track"))
    pg_session.commit()
    pg_session.add(Competition(key=key, kind="world_cup", discipline="long_track"))
    with pytest.raises(IntegrityError):
        pg_session.commit()
    pg_session.rollback()  # PostgreSQL aborts the whole transaction: the session must roll back to go on

    pg_session.add(Article(guid="2275239", feed="nos", title="t", content_hash="h", text="x"))
    pg_session.commit()
    pg_session.add(Article(guid="2275239", feed="nos-algemeen", title="t", content_hash="h", text="x"))
    with pytest.raises(IntegrityError):
        pg_session.commit()
    pg_session.rollback()

    skater = Skater(key="kjeld nuis", name="Kjeld Nuis")
    pg_session.add(skater)
    pg_session.flush()
    pg_session.add_all([SkaterAlias(skater_id=skater.id, alias="nuis"),  # type: ignore[arg-type]
                        SkaterAlias(skater_id=skater.id, alias="nuis")])  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        pg_session.commit()
    pg_session.rollback()
    assert pg_session.exec(select(Competition)).one().key == key


def test_foreign_keys_are_enforced(pg_session: Session) -> None:
    pg_session.add(Result(race_id=424242, entrant_key="team:NED"))
    with pytest.raises(IntegrityError):
        pg_session.commit()


def test_a_chat_id_beyond_32_bits_round_trips(pg_session: Session) -> None:
    pg_session.add(Chat(id=BIG_CHAT, type="supergroup", migrated_to=BIG_CHAT - 1))
    pg_session.commit()
    assert follow(session=pg_session, chat_id=BIG_CHAT, what=Follow.everything(), limit=10) == "added"
    pg_session.commit()
    pg_session.expire_all()
    chat = pg_session.get(Chat, BIG_CHAT)
    assert chat is not None and chat.migrated_to == BIG_CHAT - 1
    assert pg_session.exec(select(models.Subscription.chat_id)).one() == BIG_CHAT


# --- time zones --------------------------------------------------------------------------------------------

AMSTERDAM_EVENING = dt.datetime(2021, 11, 14, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
UTC_EVENING = dt.datetime(2021, 11, 14, 22, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize("zone", ["Europe/Amsterdam", "Asia/Kathmandu", "America/St_Johns"])
def test_aware_datetimes_round_trip_as_utc_whatever_the_session_time_zone(pg_url: str, zone: str) -> None:
    engine = open_database(with_settings(pg_url, TimeZone=zone))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW TimeZone")).scalar() == zone
        with new_session(engine) as session:
            stored = upsert_article(session=session, guid="2405123", feed="nos", title="t", text="x",
                                    published=AMSTERDAM_EVENING, now=UTC_EVENING).article
            session.commit()
            article_id = stored.id
        with new_session(engine) as session:
            back = session.get(Article, article_id)
            assert back is not None
            assert back.published == UTC_EVENING and back.published.utcoffset() == dt.timedelta(0)
            assert back.first_seen_at == UTC_EVENING and back.first_seen_at.tzinfo is not None
            # Comparisons in SQL are by instant too, with aware parameters in any offset.
            found = session.exec(select(Article.id).where(Article.published == AMSTERDAM_EVENING)).all()
            assert found == [article_id]
            assert session.exec(select(Article.id).where(col(Article.published) > UTC_EVENING)).all() == []
            # What the server holds is the UTC instant, not the wall clock of the session's zone.
            wall = session.execute(text("SELECT published AT TIME ZONE 'UTC' FROM articles")).scalar()
            assert wall == UTC_EVENING.replace(tzinfo=None)
    finally:
        engine.dispose()


def test_a_naive_datetime_is_refused_rather_than_guessed(pg_session: Session) -> None:
    """Python-side datetimes are aware UTC (DEVELOPERS.md); a naive one is a bug, so it fails loudly."""
    pg_session.add(Article(guid="1", feed="nos", title="t", content_hash="h", text="x",
                           published=dt.datetime(2021, 11, 14, 22, 30)))
    with pytest.raises(StatementError, match="timezone"):
        pg_session.commit()


def test_release_stale_and_due_times_compare_instants_in_a_non_utc_session(pg_url: str) -> None:
    engine = open_database(with_settings(pg_url, TimeZone="Pacific/Kiritimati"))  # UTC+14
    try:
        with new_session(engine) as session:
            race = _race(session)
            session.add_all([_pending(race, 1), _pending(race, 2, next_attempt_at=UTC_EVENING)])
            session.commit()
            # Due at 22:30 UTC: not due one minute earlier (given in Amsterdam time), due at 22:30.
            early = AMSTERDAM_EVENING - dt.timedelta(minutes=1)
            assert [c.chat_id for c in outbox.claim_batch(session=session, worker="a", limit=10, now=early)] == [1]
            assert [c.chat_id for c in outbox.claim_batch(session=session, worker="a", limit=10,
                                                          now=AMSTERDAM_EVENING)] == [2]
            lease = dt.timedelta(minutes=5)
            assert outbox.release_stale(session=session, lease=lease, now=UTC_EVENING + lease) == 1
            assert outbox.release_stale(session=session, lease=lease,
                                        now=UTC_EVENING + lease + dt.timedelta(seconds=1)) == 1
            session.commit()
    finally:
        engine.dispose()


# --- ingest ------------------------------------------------------------------------------------------------


def _corpus(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


def _rss(items: list[tuple[str, dict[str, Any], dt.datetime | None]]) -> bytes:
    """An RSS 2.0 body in the shape of feeds.nos.nl: guid and link https://nos.nl/l/<id>, HTML in CDATA."""
    body = []
    for guid, article, published in items:
        when = published or dt.datetime.fromisoformat(article["published"])
        body.append(
            f"<item><title>{escape(article['title'])}</title><link>https://nos.nl/l/{guid}</link>"
            f'<guid isPermaLink="true">https://nos.nl/l/{guid}</guid>'
            f"<pubDate>{email.utils.format_datetime(when)}</pubDate>"
            f"<description><![CDATA[{article['html']}]]></description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>NOS Sport Schaatsen'
            "</title><link>https://nos.nl/sport</link>" + "".join(body) + "</channel></rss>").encode()


def _feed_items(items: list[tuple[str, dict[str, Any], dt.datetime | None]]) -> list[FeedItem]:
    read = read_feed(_rss(items), feed_name="nossportschaatsen", fetched_at=dt.datetime.now(dt.UTC))
    assert read.is_feed and read.malformed is None
    return read.items


def _snapshot(engine: Engine) -> dict[str, Any]:
    """Everything ingest stored, by content (no timestamps of the run), comparable across backends."""
    with new_session(engine) as session:
        skaters = {s.id: s.key for s in session.exec(select(Skater))}
        return {
            "articles": sorted((a.guid, a.title, a.published, a.version, a.parse_status, a.content_hash)
                               for a in session.exec(select(Article))),
            "versions": sorted((v.article_id, v.version, v.content_hash)
                               for v in session.exec(select(models.ArticleVersion))),
            "competitions": sorted((c.key, c.kind, c.discipline, c.venue, c.season, c.start_date, c.end_date)
                                   for c in session.exec(select(Competition))),
            "races": sorted((r.key, r.distance, r.gender, r.round, r.division, r.date, r.historical,
                             r.podium_revision, r.podium_hash) for r in session.exec(select(Race))),
            "results": sorted((r.race_id, r.entrant_key, skaters.get(r.skater_id), r.team_name, r.country,
                               r.rank, r.time_hundredths, r.time_stated, r.points)
                              for r in session.exec(select(Result))),
            "skaters": sorted((s.key, s.name, s.country, s.gender) for s in session.exec(select(Skater))),
            "aliases": sorted((skaters[a.skater_id], a.alias) for a in session.exec(select(SkaterAlias))),
            "notifications": sorted((n.chat_id, n.race_id, n.kind, n.revision, n.status)
                                    for n in session.exec(select(Notification))),
        }


def _ingest_reports(engine: Engine, now: dt.datetime) -> list[tuple[str, str, str | None, int]]:
    """Two real 2019 NOS reports of one World Cup, then a report published ``now`` and edited in place."""
    with new_session(engine) as session:
        session.add(Chat(id=BIG_CHAT, type="supergroup"))
        follow(session=session, chat_id=BIG_CHAT, what=Follow.everything(), limit=10)
        session.commit()
    first = _feed_items([("2405555", _corpus("synthetic/syn-032-stavanger-takagi-1000m-nuis.json"), now),
                         ("2275243", _corpus("nos2019/nos-2019-03-09-2275243.json"), None),
                         ("2275239", _corpus("nos2019/nos-2019-03-09-2275239.json"), None)])
    edited = _feed_items([("2405555", _corpus("synthetic/syn-032-stavanger-takagi-1000m-nuis-v2.json"), now)])
    done: list[tuple[str, str, str | None, int]] = []
    for item in [*reversed(first), *edited, *first]:  # oldest first, as the poller does; then a re-poll
        result = ingest_item(engine=engine, item=item)
        done.append((result.guid, result.status, result.parse_status, len(result.races)))
    return done


def test_a_real_nos_feed_item_is_ingested_on_postgresql_exactly_as_on_sqlite(
        request: pytest.FixtureRequest) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=10)
    runs = {name: _ingest_reports(backend(request, name), now) for name in ("sqlite", "postgresql")}
    assert runs["postgresql"] == runs["sqlite"]
    statuses = [(guid, status) for guid, status, _, _ in runs["postgresql"]]
    assert statuses == [("2275239", "new"), ("2275243", "new"), ("2405555", "new"), ("2405555", "changed"),
                        ("2405555", "unchanged"), ("2275243", "unchanged"), ("2275239", "unchanged")]
    assert runs["postgresql"][0][3] > 0, "the parser found no race in a real NOS report"
    snapshots = {name: _snapshot(backend(request, name)) for name in ("sqlite", "postgresql")}
    assert snapshots["postgresql"] == snapshots["sqlite"]
    published = {guid: when for guid, _, when, *_ in snapshots["postgresql"]["articles"]}
    assert published["2275239"] == dt.datetime(2019, 3, 9, 20, 24, 4, tzinfo=dt.UTC)
    assert len(snapshots["postgresql"]["versions"]) == 4 and snapshots["postgresql"]["results"]


def _fixed_podium(*names: str) -> Callable[[Any], Any]:
    import parsing

    def parse(article: parsing.Article) -> parsing.ParseResult:
        placings = tuple(Placing(rank, name, "NED", time=6700 + rank) for rank, name in enumerate(names, 1))
        return parsing.ParseResult(races=(ParsedRace("long_track", "world_cup", "1000m", "men", placings,
                                                     venue="Heerenveen"),))
    return parse


def test_record_races_and_the_outbox_in_one_postgresql_transaction(pg_engine: Engine) -> None:
    """Deterministic races (a stand-in parser): new race, podium change, enqueued podium and correction."""
    with new_session(pg_engine) as session:
        session.add(Chat(id=BIG_CHAT, type="supergroup", language="nl"))
        follow(session=session, chat_id=BIG_CHAT, what=Follow.everything(), limit=10)
        session.commit()
    published = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    item = FeedItem(guid="2641101", title="Nuis wint 1.000 meter", url="https://nos.nl/l/2641101",
                    published=published, html="<p>Nuis won.</p>", text="Nuis won.", feed="nossportschaatsen")
    first = ingest_item(engine=pg_engine, item=item, parse=_fixed_podium("Kjeld Nuis", "Thomas Krol", "Kai Verbij"))
    assert [c.kind for c in first.changes] == ["new"] and first.parse_status == "parsed"
    with new_session(pg_engine) as session:
        [claimed] = outbox.claim_batch(session=session, worker="w", limit=10)
        assert (claimed.chat_id, claimed.kind, claimed.chat_type) == (BIG_CHAT, "podium", "supergroup")
        assert outbox.mark_sent(session=session, notification_id=claimed.id, message_id=9, claim=claimed.claim)
        session.commit()
    edited = dataclasses.replace(item, text="Krol won.", html="<p>Krol won.</p>")
    second = ingest_item(engine=pg_engine, item=edited,
                         parse=_fixed_podium("Thomas Krol", "Kjeld Nuis", "Kai Verbij"))
    assert [(c.kind, c.podium_revision) for c in second.changes] == [("podium_changed", 1)]
    with new_session(pg_engine) as session:
        [correction] = outbox.claim_batch(session=session, worker="w", limit=10)
        assert (correction.kind, correction.revision, correction.previous_message_id) == ("correction", 1, 9)
        article = get_article(session=session, guid="2641101")
        assert article is not None and [v.version for v in article_versions(
            session=session, article_id=article.id or 0)] == [1, 2]


def test_record_races_twice_in_one_session_is_idempotent(pg_session: Session) -> None:
    article = factories.make_article(pg_session, published=UTC_EVENING)
    races = _fixed_podium("Kjeld Nuis", "Thomas Krol")(None).races
    assert [c.kind for c in record_races(session=pg_session, article=article, races=races)] == ["new"]
    assert record_races(session=pg_session, article=article, races=races) == []
    pg_session.commit()
    assert len(pg_session.exec(select(Result)).all()) == 2


# --- read queries ------------------------------------------------------------------------------------------

SKATER_QUERIES = ("nuis", "Kjeld Nuis", "koelizjnikov", "Kulizhnikov", "otters", "Leerdan", "SCHULTING",
                  "ter mors", "dubreuil laurent", "xyz")


def _read_everything(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Every read query the bot uses, on a seeded season."""
    monkeypatch.setattr(factories, "_guids", itertools.count(2_400_000))  # the same article ids each time
    with new_session(engine) as session:
        ids = factories.seed_season(session)
    clear_cache()
    with new_session(engine) as session:
        skater_ids = sorted(s.id for s in session.exec(select(Skater)) if s.id is not None)
        return {
            "podiums": {(distance, gender, discipline): queries.latest_podiums(
                session=session, distance=distance, gender=gender, discipline=discipline)
                for distance in ("500m", "1000m", "1500m", "mass_start", "team_pursuit", "relay", "5000m")
                for gender in (None, "men", "women") for discipline in (None, "short_track")},
            "all_placings": queries.latest_podiums(session=session, distance="1000m", top=None),
            "races": {name: queries.race_results(session=session, race_id=race_id) for name, race_id in ids.items()},
            "weekend": queries.latest_weekend(session=session),
            "weekend_before": queries.latest_weekend(session=session, today=dt.date(2021, 11, 8)),
            "skaters": {skater_id: (queries.get_skater(session=session, skater_id=skater_id),
                                    queries.skater_results(session=session, skater_id=skater_id))
                        for skater_id in skater_ids},
            "has_results": queries.has_results(session=session),
            "find": {q: find_skaters(session=session, query=q) for q in SKATER_QUERIES},
        }


def test_the_read_queries_answer_on_postgresql_as_on_sqlite(request: pytest.FixtureRequest,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {name: _read_everything(backend(request, name), monkeypatch) for name in ("sqlite", "postgresql")}
    pg = answers["postgresql"]
    for part in pg:
        assert pg[part] == answers["sqlite"][part], part
    [latest] = pg["podiums"][("1000m", "men", None)]
    assert [p.name for p in latest.placings] == ["Hein Otterspeer", "Thomas Krol", "Kjeld Nuis"]
    assert latest.article is not None and latest.article.url == factories.ARTICLE_URL
    assert [day.date for day in pg["weekend"]] == [dt.date(2021, 11, 12), dt.date(2021, 11, 13),
                                                   dt.date(2021, 11, 14)]
    assert pg["weekend_before"][0].races[0].race.venue == "Stavanger"
    assert pg["find"]["Kulizhnikov"][0].name == "Pavel Koelizjnikov"
    assert pg["find"]["xyz"] == []


# --- the outbox with several senders -----------------------------------------------------------------------


def _race(session: Session) -> Race:
    competition = factories.make_competition(session, start_date=dt.date(2021, 11, 12),
                                             end_date=dt.date(2021, 11, 14))
    return factories.make_race(session, competition=competition, distance="1000m", gender="men",
                               date=dt.date(2021, 11, 14), placings=[factories.P("Kjeld Nuis", "NED", "1:07.98")])


def _pending(race: Race, chat_id: int, *, next_attempt_at: dt.datetime | None = None) -> Notification:
    assert race.id is not None
    return Notification(chat_id=chat_id, race_id=race.id, kind=outbox.PODIUM, revision=0, status=outbox.PENDING,
                        next_attempt_at=next_attempt_at, reasons="{}")


def test_concurrent_claimers_never_claim_the_same_row(pg_engine: Engine) -> None:
    rows = 300
    with new_session(pg_engine) as session:
        race = _race(session)
        session.add_all(_pending(race, BIG_CHAT - n) for n in range(rows))
        session.commit()
    start = threading.Barrier(3)
    claimed: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def sender(worker: str) -> None:
        mine: list[int] = []
        try:
            with new_session(pg_engine) as session:
                session.connection()  # connected before the start, so all three really race
                start.wait()
                while batch := outbox.claim_batch(session=session, worker=worker, limit=7):
                    mine += [c.id for c in batch]
                    for c in batch:
                        outbox.mark_sent(session=session, notification_id=c.id, message_id=1, claim=c.claim)
                    session.commit()
        except BaseException as exc:  # surfaced in the main thread below
            errors.append(exc)
        claimed[worker] = mine

    threads = [threading.Thread(target=sender, args=(f"sender-{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    every = [row for ids in claimed.values() for row in ids]
    assert len(every) == len(set(every)) == rows, {w: len(ids) for w, ids in claimed.items()}
    assert sum(1 for ids in claimed.values() if ids) >= 2  # they did share the work
    with new_session(pg_engine) as session:
        assert outbox.outbox_counts(session=session) == {outbox.SENT: rows}
        assert {n.attempts for n in session.exec(select(Notification))} == {1}


class _RecordingMessenger:
    """Stands in for Telegram only: notes every send (from any thread) and says it was delivered."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, int]] = []
        self._lock = threading.Lock()

    async def send_admin(self, text: str) -> None:
        return None

    async def send_notification(self, notification: outbox.ClaimedNotification) -> SendResult:
        await asyncio.sleep(0)  # let the other sends of this dispatcher interleave
        with self._lock:
            self.sent.append((notification.claim, notification.id))
            return SendResult.sent(len(self.sent))


def test_two_dispatchers_sharing_the_database_send_every_row_once(pg_engine: Engine) -> None:
    """Two OutboxDispatchers, each on its own thread and event loop as two processes would be."""
    rows = 200
    with new_session(pg_engine) as session:
        race = _race(session)
        session.add_all(_pending(race, BIG_CHAT - n) for n in range(rows))
        session.commit()
    messenger = _RecordingMessenger()
    start = threading.Barrier(2)
    handled: dict[str, int] = {}

    def process(name: str) -> None:
        dispatcher = OutboxDispatcher(engine=pg_engine, messenger=messenger, worker_id=name, batch_size=9)
        start.wait()
        handled[name] = asyncio.run(dispatcher.drain())

    threads = [threading.Thread(target=process, args=(name,)) for name in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    ids = [notification_id for _, notification_id in messenger.sent]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == rows == sum(handled.values())
    with new_session(pg_engine) as session:
        assert outbox.outbox_counts(session=session) == {outbox.SENT: rows}


def test_a_claim_skips_rows_another_transaction_holds(pg_engine: Engine) -> None:
    """SKIP LOCKED: a sender does not wait for rows another one has locked but not yet committed."""
    with new_session(pg_engine) as session:
        race = _race(session)
        session.add_all([_pending(race, 1), _pending(race, 2)])
        session.commit()
    with new_session(pg_engine) as holder, new_session(pg_engine) as other:
        statement = outbox.claim_statement(dialect="postgresql", claim="holder/1", limit=1,
                                           now=dt.datetime.now(dt.UTC))
        holder.execute(statement)  # claims chat 1, transaction left open
        other.execute(text("SET LOCAL lock_timeout = '5s'"))  # a wait would fail the test, not hang it
        got = outbox.claim_batch(session=other, worker="other", limit=10)
        assert [c.chat_id for c in got] == [2]
        holder.commit()
    with new_session(pg_engine) as session:
        owners = dict(session.exec(select(Notification.chat_id, Notification.claimed_by)).all())
    assert owners[1] == "holder/1" and owners[2].startswith("other/")  # type: ignore[union-attr]


def test_stale_claims_are_released_and_their_late_outcome_ignored(pg_session: Session) -> None:
    race = _race(pg_session)
    pg_session.add_all([_pending(race, 1), _pending(race, 2)])
    pg_session.commit()
    lease = dt.timedelta(minutes=5)
    [dead] = outbox.claim_batch(session=pg_session, worker="dead", limit=1, now=UTC_EVENING)
    [alive] = outbox.claim_batch(session=pg_session, worker="alive", limit=1, now=UTC_EVENING)
    later = UTC_EVENING + lease + dt.timedelta(seconds=1)
    assert outbox.release_stale(session=pg_session, lease=lease, now=later, keep_worker="alive") == 1
    pg_session.commit()
    [again] = outbox.claim_batch(session=pg_session, worker="next", limit=10, now=later)
    assert again.id == dead.id and again.attempts == 2
    assert not outbox.mark_sent(session=pg_session, notification_id=dead.id, message_id=1, claim=dead.claim)
    assert outbox.mark_sent(session=pg_session, notification_id=again.id, message_id=2, claim=again.claim)
    assert outbox.mark_sent(session=pg_session, notification_id=alive.id, message_id=3, claim=alive.claim)
    pg_session.commit()
    assert outbox.outbox_counts(session=pg_session) == {outbox.SENT: 2}


def _change(race: Race) -> RaceChange:
    """A race just seen for the first time."""
    now = dt.datetime.now(dt.UTC)
    return RaceChange(race_id=race.id or 0, kind="new", podium_revision=0, historical=False,
                      race_date=now.date(), first_seen_at=now)


def test_concurrent_enqueues_of_one_race_write_each_row_once(pg_engine: Engine) -> None:
    """Two ingests that record the same race at once: ON CONFLICT DO NOTHING, not a crash."""
    with new_session(pg_engine) as session:
        race = _race(session)
        session.add(Chat(id=BIG_CHAT, type="supergroup"))
        follow(session=session, chat_id=BIG_CHAT, what=Follow.everything(), limit=10)
        session.commit()
    change = _change(race)
    with new_session(pg_engine) as first:
        outbox.enqueue_notifications(session=first, changes=[change])  # not committed yet
        written: list[int] = []

        def second() -> None:
            with new_session(pg_engine) as session:
                written.append(outbox.enqueue_notifications(session=session, changes=[change]))
                session.commit()

        thread = threading.Thread(target=second)
        thread.start()
        assert _someone_waits_for_a_lock(pg_engine), "the second enqueue did not wait for the first"
        first.commit()
        thread.join(timeout=30)
    assert len(written) == 1  # the second one finished, without an error
    with new_session(pg_engine) as session:
        assert outbox.outbox_counts(session=session) == {outbox.PENDING: 1}


def test_enqueue_counts_the_rows_it_wrote(pg_session: Session) -> None:
    """Counted from RETURNING: an INSERT's rowcount is -1 on PostgreSQL (found here, fixed in the outbox)."""
    race = _race(pg_session)
    pg_session.add(Chat(id=BIG_CHAT, type="supergroup"))
    follow(session=pg_session, chat_id=BIG_CHAT, what=Follow.everything(), limit=10)
    pg_session.commit()
    assert outbox.enqueue_notifications(session=pg_session, changes=[_change(race)]) == 1
    assert outbox.enqueue_notifications(session=pg_session, changes=[_change(race)]) == 0


def _someone_waits_for_a_lock(engine: Engine) -> bool:
    """Whether another session of this database is (or within a few seconds becomes) blocked on a lock."""
    with engine.connect() as conn:
        for _ in range(200):
            waiting = conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")).scalar()
            if waiting:
                return True
            conn.execute(text("SELECT pg_sleep(0.02)"))
            conn.rollback()  # pg_stat_activity is a snapshot per transaction
    return False


def test_the_console_answers_from_postgresql(pg_url: str, pg_engine: Engine, cli_env: dict[str, str]) -> None:
    """``DATABASE_URL=postgresql://...`` is all it takes for the ``schaatsbot`` command."""
    with new_session(pg_engine) as session:
        factories.seed_season(session)
    env = {**cli_env, "DATABASE_URL": _plain_postgresql(pg_url)}
    answer = subprocess.run([sys.executable, "-m", "schaatsbot.cli", "console"], input="/podium 1000m mannen\n",
                            env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.splitlines()[:4] == [
        "🏁 1000 m mannen · Wereldbeker Tomaszów Mazowiecki · zo 14 nov 2021",
        "🥇 Hein Otterspeer 🇳🇱 1.08,67",
        "🥈 Thomas Krol 🇳🇱 1.08,69",
        "🥉 Kjeld Nuis 🇳🇱 1.08,83",
    ]


@pytest.fixture
def cli_env() -> dict[str, str]:
    """The environment for a CLI subprocess, without the caller's Telegram, database and feed settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "FEED_"))}


def _plain_postgresql(url: str) -> str:
    """``postgresql://...``: the URL as an operator writes it, no driver named."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_the_fixture_gives_each_test_its_own_database(pg_engine: Engine, pg_url: str, pg_server: PgServer
                                                     ) -> None:
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM races")).scalar() == 0
        assert conn.execute(text("SELECT current_database()")).scalar() == make_url(pg_url).database
        assert str(conn.execute(text("SELECT current_schema()")).scalar()).startswith("test_")
        if pg_server.own_cluster:  # every test here also runs with a session time zone other than UTC
            assert conn.execute(text("SHOW TimeZone")).scalar() == SERVER_TIMEZONE
