"""ingest_item: store, parse, record, enqueue, commit; a failing parser or recorder never loses the article."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

import parsing
from jobs.feedread import FeedItem
from jobs.ingest import ingest_item
from parsing.model import Placing, Race
from storage import outbox
from storage.db import new_session
from storage.models import Article, Chat, Notification, Result, Subscription
from storage.models import Race as RaceRow

PUBLISHED = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)


def item(text: str = "Jutta Leerdam won de 1.000 meter.", guid: str = "2641101") -> FeedItem:
    return FeedItem(guid=guid, title="Leerdam wint 1.000 meter in Thialf", url=f"https://nos.nl/l/{guid}",
                    published=PUBLISHED, html=f"<p>{text}</p>", text=text, feed="nossportschaatsen")


def podium(*names: str):  # type: ignore[no-untyped-def]
    """A stand-in parser that reports one race with this podium, whatever the text."""
    def parse(article: parsing.Article) -> parsing.ParseResult:
        placings = tuple(Placing(rank, name) for rank, name in enumerate(names, start=1))
        return parsing.ParseResult(races=(Race("long_track", "world_cup", "1000m", "women", placings,
                                               venue="Heerenveen"),))
    return parse


def boom(article: parsing.Article) -> parsing.ParseResult:
    raise RuntimeError("parser bug")


def one_article(engine: Engine) -> Article:
    with new_session(engine) as session:
        return session.exec(select(Article)).one()


def test_new_changed_unchanged_with_races(engine: Engine) -> None:
    first = ingest_item(engine=engine, item=item(), parse=podium("Jutta Leerdam", "Femke Kok", "Miho Takagi"))
    assert first.status == "new" and first.parse_status == "parsed" and [c.kind for c in first.changes] == ["new"]
    again = ingest_item(engine=engine, item=item(), parse=boom)  # unchanged: not even parsed again
    assert again.status == "unchanged" and again.changes == ()
    edited = ingest_item(engine=engine, item=item("Jutta Leerdam won, Takagi tweede."),
                         parse=podium("Jutta Leerdam", "Miho Takagi", "Femke Kok"))
    assert edited.status == "changed" and edited.version == 2
    assert [(c.kind, c.podium_revision) for c in edited.changes] == [("podium_changed", 1)]
    with new_session(engine) as session:
        assert len(session.exec(select(RaceRow)).all()) == 1 and len(session.exec(select(Result)).all()) == 3


def test_a_parser_crash_keeps_the_article_marked_failed(engine: Engine) -> None:
    result = ingest_item(engine=engine, item=item(), parse=boom)
    assert result.status == "new" and result.parse_status == "failed" and "parser bug" in (result.reason or "")
    stored = one_article(engine)
    assert stored.parse_status == "failed" and "RuntimeError: parser bug" in (stored.parse_reason or "")


def test_a_recording_failure_rolls_back_races_but_keeps_the_article(engine: Engine,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("outbox down")

    monkeypatch.setattr(outbox, "enqueue_notifications", broken)
    result = ingest_item(engine=engine, item=item(), parse=podium("Jutta Leerdam"))
    assert result.parse_status == "failed" and "outbox down" in (result.reason or "")
    stored = one_article(engine)
    assert stored.parse_status == "failed" and stored.text == "Jutta Leerdam won de 1.000 meter."
    with new_session(engine) as session:
        assert session.exec(select(RaceRow)).all() == []  # no race without its notifications


def test_notifications_are_enqueued_in_the_transaction_that_records_the_race(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with new_session(engine) as session:
        session.add(Chat(id=4242, type="private"))
        session.add(Subscription(chat_id=4242, kind="all", target="all"))
        session.commit()
    seen: list[tuple[int, int]] = []
    real = outbox.enqueue_notifications

    def spy(*, session, changes, **kwargs):  # type: ignore[no-untyped-def]
        # The race is in the ingest's session but not yet visible to anyone else: not committed.
        with new_session(engine) as other:
            seen.append((len(session.exec(select(RaceRow)).all()), len(other.exec(select(RaceRow)).all())))
        return real(session=session, changes=changes, **kwargs)

    monkeypatch.setattr(outbox, "enqueue_notifications", spy)
    ingest_item(engine=engine, item=item(), parse=podium("Jutta Leerdam", "Femke Kok", "Miho Takagi"))
    assert seen == [(1, 0)]
    with new_session(engine) as session:
        rows = session.exec(select(Notification)).all()
    assert [(n.chat_id, n.kind) for n in rows] == [(4242, "podium")]


def test_a_general_feed_item_about_something_else_is_skipped(engine: Engine) -> None:
    other = FeedItem(guid="2641130", title="Heerenveen wint van Ajax", url=None, published=PUBLISHED,
                     html="<p>SC Heerenveen won in de Eredivisie.</p>", text="SC Heerenveen won in de Eredivisie.",
                     feed="nossportalgemeen")
    assert ingest_item(engine=engine, item=other, skating_only=True).status == "skipped"
    with new_session(engine) as session:
        assert session.exec(select(Article)).all() == []
