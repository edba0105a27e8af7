"""Feed rows and their health record: what an operator sees with ``schaatsbot feeds``."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from storage.models import Feed, utcnow

_MAX_ERROR = 500


def get_or_create_feed(*, session: Session, url: str, name: str) -> Feed:
    feed = session.exec(select(Feed).where(Feed.url == url)).first()
    if feed is None:
        feed = Feed(url=url, name=name)
        session.add(feed)
        session.flush()
    elif feed.name != name:
        feed.name = name
        session.add(feed)
    return feed


def list_feeds(*, session: Session) -> list[Feed]:
    return list(session.exec(select(Feed).order_by(Feed.name, Feed.url)))


def record_success(
    *,
    session: Session,
    feed: Feed,
    etag: str | None,
    last_modified: str | None,
    items_seen: int,
    now: dt.datetime | None = None,
) -> Feed:
    """A poll that read the feed (``items_seen`` items) or got a 304 (pass 0)."""
    now = now or utcnow()
    feed.last_polled_at = feed.last_success_at = now
    feed.consecutive_failures = 0
    feed.alerted_at = None
    if etag is not None or last_modified is not None:
        feed.etag, feed.last_modified = etag, last_modified
    feed.items_seen += items_seen
    session.add(feed)
    return feed


def record_failure(*, session: Session, feed: Feed, error: str, now: dt.datetime | None = None) -> Feed:
    now = now or utcnow()
    feed.last_polled_at = feed.last_error_at = now
    feed.last_error = error[:_MAX_ERROR]
    feed.consecutive_failures += 1
    feed.total_failures += 1
    session.add(feed)
    return feed


def record_warning(*, session: Session, feed: Feed, warning: str, count: int = 1,
                   now: dt.datetime | None = None) -> Feed:
    """Something that did not stop the poll (malformed XML read loosely, an item without guid or date)."""
    feed.last_warning_at = now or utcnow()
    feed.last_warning = warning[:_MAX_ERROR]
    feed.total_warnings += count
    session.add(feed)
    return feed


def mark_alerted(*, session: Session, feed: Feed, now: dt.datetime | None = None) -> Feed:
    feed.alerted_at = now or utcnow()
    session.add(feed)
    return feed
