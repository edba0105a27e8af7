"""The real feed job against a real HTTP server on 127.0.0.1, checked in the database afterwards."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from jobs.poller import FeedPoller, feed_name, is_skating_feed
from parsing.model import Placing, Race
from schaatsbot.settings import Settings
from storage.db import new_session
from storage.feeds import list_feeds
from storage.models import Article, ArticleVersion, Feed, utcnow
from storage.races import record_races
from tests.jobs.feed_server import FeedServer, Item, Reply, feed_xml

SKATING = "/nossportschaatsen"
GENERAL = "/nossportalgemeen"

REPORT = Item("2641101", "Leerdam wint 1.000 meter bij wereldbeker in Heerenveen", (
    "Jutta Leerdam heeft de 1.000 meter gewonnen bij de wereldbeker in Heerenveen. Ze klokte 1.13,20.",
    "Femke Kok werd tweede in 1.13,58. Miho Takagi uit Japan werd derde in 1.13,71.",
))
REPORT_V2 = Item("2641101", "Leerdam wint 1.000 meter bij wereldbeker in Heerenveen", (
    "Jutta Leerdam heeft de 1.000 meter gewonnen bij de wereldbeker in Heerenveen. Ze klokte 1.13,20.",
    "Miho Takagi uit Japan werd tweede in 1.13,58. Femke Kok werd derde in 1.13,71.",
))
NEWS = Item("2641090", "Schaatsploeg presenteert nieuwe sponsor", (
    "De schaatsploeg heeft een nieuwe hoofdsponsor gevonden voor de komende drie seizoenen.",
), pub_date="Sat, 7 Nov 2026 10:12:40 +0100")
LATER = Item("2641120", "Roest wint 5.000 meter in Thialf", (
    "Patrick Roest heeft de 5.000 meter gewonnen bij de wereldbeker in Heerenveen in 6.05,12.",
), pub_date="Sat, 7 Nov 2026 17:40:02 +0100")
FOOTBALL = Item("2641130", "Heerenveen wint van Ajax", (
    "SC Heerenveen won in de Eredivisie met 2-1 van Ajax.",
))


class Admin:
    """A Messenger that keeps what the admin chat would have been told."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    async def send_admin(self, text: str) -> None:
        self.texts.append(text)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


def settings_for(*urls: str, **extra) -> Settings:  # type: ignore[no-untyped-def]
    values = {"feed_urls": list(urls), "feed_timeout_seconds": 0.5, "feed_max_bytes": 1_000_000,
              "poll_interval_seconds": 120, "poll_interval_live_seconds": 30, "live_schedule": []}
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def poller_for(engine: Engine, *urls: str, messenger: Admin | None = None, **extra) -> FeedPoller:  # type: ignore[no-untyped-def]
    return FeedPoller(engine=engine, settings=settings_for(*urls, **extra), messenger=messenger,
                      rng=random.Random(4))


def articles(engine: Engine) -> dict[str, Article]:
    with new_session(engine) as session:
        return {a.guid: a for a in session.exec(select(Article))}


def feed_row(engine: Engine, url: str) -> Feed:
    with new_session(engine) as session:
        return session.exec(select(Feed).where(Feed.url == url)).one()


async def test_versions_of_a_feed_over_time(engine: Engine, server: FeedServer) -> None:
    url = server.url(SKATING)
    poller = poller_for(engine, url)
    try:
        server.script(SKATING, Reply(body=feed_xml(REPORT, NEWS), etag='"v1"'))
        [report] = await poller.poll_once()
        assert report.status == "ok" and [(i.guid, i.status) for i in report.items] == [
            ("2641090", "new"), ("2641101", "new")]  # oldest first
        stored = articles(engine)
        assert set(stored) == {"2641090", "2641101"}
        assert stored["2641101"].feed.startswith("nossportschaatsen") and stored["2641101"].parse_status in (
            "parsed", "no_races")
        assert stored["2641101"].published == dt.datetime(2026, 11, 7, 15, 5, 12, tzinfo=dt.UTC)

        # unchanged feed: the server answers 304 to our ETag
        [report] = await poller.poll_once()
        assert report.status == "not_modified" and report.items == []
        assert server.hits(SKATING)[-1].headers["if-none-match"] == '"v1"'

        # the report is edited, a new item arrives, the old news item drops off the feed
        server.script(SKATING, Reply(body=feed_xml(LATER, REPORT_V2), etag='"v2"'))
        [report] = await poller.poll_once()
        assert [(i.guid, i.status) for i in report.items] == [("2641101", "changed"), ("2641120", "new")]
        stored = articles(engine)
        assert set(stored) == {"2641090", "2641101", "2641120"}  # the removed item is kept
        assert stored["2641101"].version == 2 and "Miho Takagi uit Japan werd tweede" in stored["2641101"].text
        with new_session(engine) as session:
            versions = session.exec(select(ArticleVersion).where(
                ArticleVersion.article_id == stored["2641101"].id)).all()
        assert [v.version for v in versions] == [1, 2]

        # a 500 is counted and loses nothing
        server.script(SKATING, Reply(status=500, body=b"Internal Server Error"))
        [report] = await poller.poll_once()
        assert report.status == "error" and "HTTP 500" in (report.error or "")
        health = feed_row(engine, url)
        assert (health.consecutive_failures, health.total_failures) == (1, 1)
        assert health.last_error and "500" in health.last_error and len(articles(engine)) == 3

        # the feed suddenly returns every old item again, in their old versions, without validators
        server.script(SKATING, Reply(body=feed_xml(REPORT, NEWS)))
        [report] = await poller.poll_once()
        assert [(i.guid, i.status) for i in report.items] == [("2641090", "unchanged"), ("2641101", "unchanged")]
        assert articles(engine)["2641101"].version == 2
        health = feed_row(engine, url)
        assert health.consecutive_failures == 0 and health.total_failures == 1 and health.last_success_at
        assert health.items_seen == 2 + 2 + 2

        # the same feed twice: nothing changes
        before = {g: (a.version, a.content_hash, a.updated_at) for g, a in articles(engine).items()}
        [report] = await poller.poll_once()
        assert {i.status for i in report.items} == {"unchanged"}
        assert {g: (a.version, a.content_hash, a.updated_at) for g, a in articles(engine).items()} == before
    finally:
        await poller.aclose()


async def test_gzip_and_last_modified(engine: Engine, server: FeedServer) -> None:
    server.script(SKATING, Reply(body=feed_xml(REPORT), gzip=True, last_modified="Sat, 07 Nov 2026 15:06:00 GMT"))
    poller = poller_for(engine, server.url(SKATING))
    try:
        assert (await poller.poll_once())[0].count("new") == 1
        assert (await poller.poll_once())[0].status == "not_modified"
        assert feed_row(engine, server.url(SKATING)).last_modified == "Sat, 07 Nov 2026 15:06:00 GMT"
    finally:
        await poller.aclose()


@pytest.mark.parametrize(("reply", "error"), [
    (Reply(body=feed_xml(REPORT), delay=1.5), "timed out"),
    (Reply(body=feed_xml(REPORT, NEWS, LATER), drip=0.3), "no complete response"),
    (Reply(stream_bytes=10_000_000, declare_length=False), "exceeds the cap"),
    (Reply(status=302, headers={"Location": SKATING}), "too many redirects"),
    (Reply(body=b"<html><body>Onderhoud</body></html>"), "not a feed"),
    (Reply(status=503), "HTTP 503"),
])
async def test_each_failure_is_counted_in_the_health_record(engine: Engine, server: FeedServer,
                                                            reply: Reply, error: str) -> None:
    server.script(SKATING, Reply(body=feed_xml(REPORT)))
    poller = poller_for(engine, server.url(SKATING))
    try:
        await poller.poll_once()
        server.script(SKATING, reply)
        [report] = await poller.poll_once()
        assert report.status == "error" and error in (report.error or "")
        health = feed_row(engine, server.url(SKATING))
        assert health.consecutive_failures == 1 and error in (health.last_error or "")
        assert set(articles(engine)) == {"2641101"}
    finally:
        await poller.aclose()


async def test_malformed_xml_empty_feed_and_items_without_guid_or_date(engine: Engine, server: FeedServer) -> None:
    broken = feed_xml(REPORT, LATER).replace(b"</channel>", b"<item><title>half & kapot</title></channel>")
    undated = Item("2641140", "Zonder datum", ("Patrick Roest schaatste een training in Thialf.",), pub_date=None,
                   with_guid=False)
    server.script(SKATING, Reply(body=broken), Reply(body=feed_xml()), Reply(body=feed_xml(undated)))
    poller = poller_for(engine, server.url(SKATING))
    try:
        [report] = await poller.poll_once()
        assert report.status == "ok" and {"2641101", "2641120"} <= {i.guid for i in report.items}
        assert any("malformed XML" in w for w in report.warnings)
        [report] = await poller.poll_once()
        assert report.status == "ok" and report.items == [] and report.warnings == ["the feed has no items"]
        [report] = await poller.poll_once()
        assert [i.guid for i in report.items] == ["2641140"]
        health = feed_row(engine, server.url(SKATING))
        assert health.consecutive_failures == 0 and health.total_warnings >= 3
        assert "no date" in (health.last_warning or "")
        undated_article = articles(engine)["2641140"]
        assert undated_article.published is not None  # the fetch time
    finally:
        await poller.aclose()


async def test_one_failing_feed_never_stops_the_others_and_the_admin_is_told(engine: Engine,
                                                                            server: FeedServer) -> None:
    server.script("/kapot", Reply(status=500))
    server.script(SKATING, Reply(body=feed_xml(REPORT)))
    admin = Admin()
    poller = poller_for(engine, server.url("/kapot"), server.url(SKATING), "/does/not/exist.xml",
                        messenger=admin, feed_alert_after_failures=2)
    try:
        reports = await poller.poll_once()
        assert [r.status for r in reports] == ["error", "ok", "error"]
        assert "2641101" in articles(engine) and admin.texts == []
        reports = await poller.poll_once()
        assert [r.consecutive_failures for r in reports if r.status == "error"] == [2, 2]
        assert len(admin.texts) == 2 and "kapot" in admin.texts[0] and "2 keer" in admin.texts[0]
        assert feed_row(engine, server.url("/kapot")).alerted_at is not None
        # now backing off: no request goes out, and the admin is not told again
        hits = len(server.hits("/kapot"))
        reports = await poller.poll_once()
        assert reports[0].status == "backoff" and len(server.hits("/kapot")) == hits and len(admin.texts) == 2
        # recovery is reported once
        poller._retry_at.clear()
        server.script("/kapot", Reply(body=feed_xml(LATER)))
        reports = await poller.poll_once()
        assert reports[0].status == "ok" and "werkt weer" in admin.texts[-1]
        assert feed_row(engine, server.url("/kapot")).alerted_at is None
    finally:
        await poller.aclose()


async def test_a_general_feed_keeps_only_skating_items(engine: Engine, server: FeedServer) -> None:
    server.script(GENERAL, Reply(body=feed_xml(FOOTBALL, REPORT, title="NOS Sport")))
    poller = poller_for(engine, server.url(GENERAL))
    try:
        [report] = await poller.poll_once()
        assert {(i.guid, i.status) for i in report.items} == {("2641130", "skipped"), ("2641101", "new")}
        assert set(articles(engine)) == {"2641101"}
    finally:
        await poller.aclose()


async def test_a_local_file_is_polled_directly(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "nossportschaatsen.xml"
    path.write_bytes(feed_xml(REPORT, NEWS))
    poller = poller_for(engine, str(path))
    try:
        [report] = await poller.poll_once()
        assert report.count("new") == 2 and report.name == "nossportschaatsen.xml"
        [report] = await poller.poll_once()
        assert report.count("unchanged") == 2
        with new_session(engine) as session:
            assert [f.name for f in list_feeds(session=session)] == ["nossportschaatsen.xml"]
    finally:
        await poller.aclose()


def test_names_and_dedicated_feeds() -> None:
    assert feed_name("https://feeds.nos.nl/nossportschaatsen") == "nossportschaatsen"
    assert feed_name("https://www.nu.nl/rss/Sport") == "Sport (nu.nl)"
    assert feed_name("https://bot:geheim@www.example.nl/rss/schaatsen") == "schaatsen (example.nl)"
    assert feed_name("http://") == "http://"  # a broken FEED_URLS entry still has a name in logs and feeds
    assert is_skating_feed("https://feeds.nos.nl/nossportschaatsen")
    assert not is_skating_feed("https://feeds.nos.nl/nossportalgemeen")


async def test_next_delay_normal_live_and_backoff(engine: Engine, server: FeedServer) -> None:
    poller = poller_for(engine, server.url("/kapot"))
    assert 108 <= poller.next_delay() <= 132 and not poller.is_live()

    now = utcnow()
    window = f"{(now - dt.timedelta(hours=1)).isoformat()}/{(now + dt.timedelta(hours=1)).isoformat()}"
    scheduled = poller_for(engine, server.url("/kapot"), live_schedule=[window])
    assert scheduled.is_live() and 27 <= scheduled.next_delay() <= 33

    # races recorded in the last hours make it live after the next poll
    server.script("/kapot", Reply(status=500))
    with new_session(engine) as session:
        from storage.articles import upsert_article

        doc = upsert_article(session=session, guid="1", feed="t", title="t", text="t", published=now).article
        record_races(session=session, article=doc, races=[Race("long_track", "world_cup", "500m", "women",
                                                               (Placing(1, "Femke Kok"),), venue="Heerenveen")])
        session.commit()
    try:
        await poller.poll_once()
        assert poller.is_live() and 27 <= poller.next_delay() <= 33
        # every feed failing: exponential back-off, capped
        await poller.poll_once()
        assert poller.next_delay() >= 200
        for _ in range(8):
            poller._retry_at.clear()
            await poller.poll_once()
        assert 1700 <= poller.next_delay() <= 1800
    finally:
        await poller.aclose()


# --- through the real parser ---------------------------------------------------------------------------------

FOURTH = Item("2641125", "Beune vierde op de kilometer", (
    "Jutta Leerdam won de 1.000 meter bij de wereldbeker in Heerenveen. Joy Beune werd vierde in 1.14,02.",
), pub_date="Sat, 7 Nov 2026 18:15:00 +0100")


def podium_of_race(engine: Engine, distance: str, gender: str) -> list[tuple[int | None, str]]:
    from storage.models import Race as RaceRow
    from storage.models import Result, Skater

    with new_session(engine) as session:
        race = session.exec(select(RaceRow).where(RaceRow.distance == distance, RaceRow.gender == gender)).one()
        rows = session.exec(select(Result, Skater).join(Skater, Skater.id == Result.skater_id)
                            .where(Result.race_id == race.id)).all()
    return sorted((result.rank, skater.name) for result, skater in rows)


async def test_reports_edits_and_merges_end_to_end_through_the_parser(engine: Engine, server: FeedServer) -> None:
    """An edited report corrects the podium (one podium change); a second article adds a placing."""
    calls: list[list[tuple[str, int]]] = []

    async def on_changes(changes) -> None:  # type: ignore[no-untyped-def]
        calls.append([(c.kind, c.podium_revision) for c in changes])

    poller = FeedPoller(engine=engine, settings=settings_for(server.url(SKATING)), on_changes=on_changes)
    try:
        server.script(SKATING, Reply(body=feed_xml(REPORT, NEWS)))
        [report] = await poller.poll_once()
        report_item = next(i for i in report.items if i.guid == "2641101")
        assert report_item.parse_status == "parsed" and [r.distance for r in report_item.races] == ["1000m"]
        assert podium_of_race(engine, "1000m", "women") == [(1, "Jutta Leerdam"), (2, "Femke Kok"),
                                                             (3, "Miho Takagi")]
        assert calls == [[("new", 0)]]
        assert articles(engine)["2641090"].parse_status == "no_races"

        server.script(SKATING, Reply(body=feed_xml(REPORT_V2, NEWS)))
        [report] = await poller.poll_once()
        assert [c.kind for c in report.changes] == ["podium_changed"]
        assert podium_of_race(engine, "1000m", "women") == [(1, "Jutta Leerdam"), (2, "Miho Takagi"),
                                                             (3, "Femke Kok")]
        assert calls[-1] == [("podium_changed", 1)]

        server.script(SKATING, Reply(body=feed_xml(FOURTH, REPORT_V2, NEWS)))
        [report] = await poller.poll_once()
        assert [c.kind for c in report.changes] == ["placings_changed"]
        assert (4, "Joy Beune") in podium_of_race(engine, "1000m", "women")
        assert podium_of_race(engine, "1000m", "women")[:3] == [(1, "Jutta Leerdam"), (2, "Miho Takagi"),
                                                                 (3, "Femke Kok")]

        # the same feed again, and then the old version of the report replayed: nothing changes
        count = len(calls)
        await poller.poll_once()
        server.script(SKATING, Reply(body=feed_xml(FOURTH, REPORT, NEWS)))
        [report] = await poller.poll_once()
        assert report.changes == [] and len(calls) == count
        assert podium_of_race(engine, "1000m", "women")[1] == (2, "Miho Takagi")
    finally:
        await poller.aclose()


async def test_an_item_that_cannot_be_stored_does_not_stop_the_rest(engine: Engine, server: FeedServer,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import jobs.poller

    real = jobs.poller.ingest_item

    def flaky(**kwargs):  # type: ignore[no-untyped-def]
        if kwargs["item"].guid == "2641090":
            raise RuntimeError("database is locked")
        return real(**kwargs)

    monkeypatch.setattr(jobs.poller, "ingest_item", flaky)
    server.script(SKATING, Reply(body=feed_xml(LATER, REPORT, NEWS)))
    poller = poller_for(engine, server.url(SKATING))
    try:
        [report] = await poller.poll_once()
        assert [(i.guid, i.status) for i in report.items] == [
            ("2641090", "skipped"), ("2641101", "new"), ("2641120", "new")]
        assert any("database is locked" in w for w in report.warnings)
        monkeypatch.setattr(jobs.poller, "ingest_item", real)
        [report] = await poller.poll_once()  # retried: its text was never stored
        assert [(i.guid, i.status) for i in report.items][0] == ("2641090", "new")
    finally:
        await poller.aclose()


async def test_the_same_item_in_two_feeds_is_one_article(engine: Engine, server: FeedServer) -> None:
    server.script(SKATING, Reply(body=feed_xml(REPORT, NEWS)))
    server.script(GENERAL, Reply(body=feed_xml(FOOTBALL, REPORT, title="NOS Sport")))
    poller = poller_for(engine, server.url(SKATING), server.url(GENERAL))
    try:
        skating, general = await poller.poll_once()
        assert skating.count("new") == 2
        assert {(i.guid, i.status) for i in general.items} == {("2641130", "skipped"), ("2641101", "unchanged")}
        assert set(articles(engine)) == {"2641090", "2641101"}
    finally:
        await poller.aclose()


async def test_items_of_another_sport_are_checked_once_until_they_change(engine: Engine, server: FeedServer,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import jobs.poller

    ingested: list[str] = []
    real = jobs.poller.ingest_item

    def counting(**kwargs):  # type: ignore[no-untyped-def]
        ingested.append(kwargs["item"].guid)
        return real(**kwargs)

    monkeypatch.setattr(jobs.poller, "ingest_item", counting)
    edited = Item(FOOTBALL.nos_id, FOOTBALL.title, ("SC Heerenveen won in de Eredivisie met 3-1 van Ajax.",))
    server.script(GENERAL, Reply(body=feed_xml(FOOTBALL, REPORT, title="NOS Sport")),
                  Reply(body=feed_xml(FOOTBALL, REPORT, title="NOS Sport")),
                  Reply(body=feed_xml(edited, REPORT, title="NOS Sport")))
    poller = poller_for(engine, server.url(GENERAL))
    try:
        await poller.poll_once()
        assert sorted(ingested) == ["2641101", "2641130"]
        [report] = await poller.poll_once()  # no validators: the whole feed again
        assert {(i.guid, i.status, i.reason) for i in report.items} == {
            ("2641130", "skipped", "not about skating"), ("2641101", "unchanged", None)}
        assert sorted(ingested) == ["2641101", "2641130"]  # neither item went through ingest again
        await poller.poll_once()  # the football item was edited: it is checked again
        assert ingested.count("2641130") == 2 and set(articles(engine)) == {"2641101"}
    finally:
        await poller.aclose()


async def test_a_failing_feed_is_logged_once_with_its_name(engine: Engine, server: FeedServer,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    broken = feed_xml(REPORT).replace(b"</channel>", b"<item><title>half & kapot</title></channel>")
    server.script(SKATING, Reply(status=500), Reply(status=500), Reply(status=500), Reply(body=broken),
                  Reply(body=broken))
    poller = poller_for(engine, server.url(SKATING))
    caplog.set_level("DEBUG", logger="jobs.poller")
    try:
        for _ in range(5):
            poller._retry_at.clear()
            await poller.poll_once()
    finally:
        await poller.aclose()
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and r.name == "jobs.poller"]
    assert len([w for w in warnings if "HTTP 500" in w]) == 1
    assert len([w for w in warnings if "malformed XML" in w]) == 1
    assert len([w for w in warnings if "has no date" in w]) == 1  # the half item, polled twice
    assert all("nossportschaatsen" in w for w in warnings) and len(warnings) == 4
    assert feed_row(engine, server.url(SKATING)).total_failures == 3


def test_a_schedule_without_offset_is_amsterdam_time(engine: Engine) -> None:
    from storage.races import LOCAL_TZ

    now = utcnow()
    local = now.astimezone(LOCAL_TZ).replace(tzinfo=None)
    naive_utc = now.replace(tzinfo=None)

    def window(start: dt.datetime) -> str:
        return f"{start.isoformat()}/{(start + dt.timedelta(minutes=50)).isoformat()}"

    assert poller_for(engine, "/x.xml", live_schedule=[window(local - dt.timedelta(minutes=25))]).is_live()
    # read as UTC this window would hold now; in Amsterdam time it ended at least half an hour ago
    assert not poller_for(engine, "/x.xml", live_schedule=[window(naive_utc - dt.timedelta(minutes=25))]).is_live()
