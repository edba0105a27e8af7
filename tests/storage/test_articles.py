"""Articles by guid on a real SQLite file: new, changed (a new version), unchanged, an old version replayed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from storage.articles import article_versions, content_hash, get_article, set_parse_status, upsert_article
from storage.feeds import get_or_create_feed, list_feeds, record_failure, record_success, record_warning
from storage.models import Article

PUBLISHED = dt.datetime(2026, 11, 7, 15, 5, 12, tzinfo=dt.UTC)


def store(session: Session, text: str, title: str = "Leerdam wint 1.000 meter"):  # type: ignore[no-untyped-def]
    return upsert_article(session=session, guid="2641101", feed="nossportschaatsen", title=title, text=text,
                          html=f"<p>{text}</p>", url="https://nos.nl/l/2641101", published=PUBLISHED)


def test_new_then_unchanged_then_changed(session: Session) -> None:
    first = store(session, "Jutta Leerdam won.")
    session.commit()
    assert first.status == "new" and first.article.version == 1 and first.article.parse_status == "pending"

    same = store(session, "Jutta  Leerdam won.\n")  # whitespace is no change
    assert same.status == "unchanged" and same.article.id == first.article.id

    edited = store(session, "Jutta Leerdam won in 1.13,20.")
    session.commit()
    assert edited.status == "changed" and edited.previous_version == 1
    stored = get_article(session=session, guid="2641101")
    assert stored is not None and stored.version == 2 and stored.text == "Jutta Leerdam won in 1.13,20."
    assert stored.published == PUBLISHED and stored.first_seen_at <= stored.updated_at
    versions = article_versions(session=session, article_id=stored.id)  # type: ignore[arg-type]
    assert [(v.version, v.text) for v in versions] == [(1, "Jutta Leerdam won."), (2, "Jutta Leerdam won in 1.13,20.")]


def test_a_new_title_alone_is_a_new_version(session: Session) -> None:
    store(session, "tekst")
    assert store(session, "tekst", title="Leerdam wint kilometer in Thialf").status == "changed"


def test_an_older_version_coming_back_is_ignored(session: Session) -> None:
    store(session, "versie een")
    store(session, "versie twee")
    session.commit()
    replay = store(session, "versie een")
    assert replay.status == "stale"
    stored = get_article(session=session, guid="2641101")
    assert stored is not None and stored.version == 2 and stored.text == "versie twee"
    assert len(session.exec(select(Article)).all()) == 1


def test_parse_status_and_reason(session: Session) -> None:
    article = store(session, "tekst").article
    set_parse_status(session=session, article=article, status="failed", reason="x" * 900)
    session.commit()
    assert article.parse_status == "failed" and len(article.parse_reason or "") == 500
    with pytest.raises(ValueError):
        set_parse_status(session=session, article=article, status="weird")


def test_content_hash_ignores_whitespace_only() -> None:
    assert content_hash("T", "a  b\nc ") == content_hash(" T", "a b\nc")
    assert content_hash("T", "a b") != content_hash("T", "a c")


def test_feed_health_record(session: Session) -> None:
    feed = get_or_create_feed(session=session, url="https://feeds.nos.nl/nossportschaatsen", name="nossportschaatsen")
    record_failure(session=session, feed=feed, error="HTTP 500")
    record_failure(session=session, feed=feed, error="timed out")
    assert (feed.consecutive_failures, feed.total_failures, feed.last_error) == (2, 2, "timed out")
    record_success(session=session, feed=feed, etag='"v1"', last_modified=None, items_seen=20)
    record_warning(session=session, feed=feed, warning="item without date", count=2)
    session.commit()
    [stored] = list_feeds(session=session)
    assert (stored.consecutive_failures, stored.total_failures, stored.etag, stored.items_seen) == (0, 2, '"v1"', 20)
    assert stored.last_error == "timed out" and stored.total_warnings == 2 and stored.last_success_at is not None
    # a 304 keeps the validators
    record_success(session=session, feed=stored, etag=None, last_modified=None, items_seen=0)
    assert stored.etag == '"v1"'
