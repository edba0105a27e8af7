"""Feed bytes -> normalised items (feedparser does the XML; we decide identity, dates and text)."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import feedparser

from parsing.html import html_to_text

_NOS_ID = re.compile(r"(?<!\d)(\d{7})(?!\d)")


@dataclass(frozen=True, slots=True)
class FeedItem:
    guid: str
    title: str
    url: str | None
    published: dt.datetime  # timezone-aware UTC; the fetch time when the item has no date
    html: str
    text: str
    feed: str
    dated: bool = True  # False when ``published`` is the fetch time


@dataclass(slots=True)
class FeedRead:
    items: list[FeedItem]
    is_feed: bool  # False for HTML junk or an empty body: nothing feed-like was found
    malformed: str | None = None  # feedparser's complaint when the XML was broken but partly read
    notes: list[str] = field(default_factory=list)  # items without guid or date, ...


def read_feed(data: bytes, *, feed_name: str, fetched_at: dt.datetime) -> FeedRead:
    """Every item of the feed in ``data``, newest first as the feed lists them."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    malformed = _bozo_reason(parsed)
    is_feed = bool(parsed.get("version")) or bool(parsed.entries)
    notes: list[str] = []
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        item = _item(entry, feed_name, fetched_at, notes)
        if item is None or item.guid in seen:
            continue
        seen.add(item.guid)
        items.append(item)
    return FeedRead(items=items, is_feed=is_feed, malformed=malformed, notes=notes)


def nos_id(*candidates: str | None) -> str | None:
    """The 7-digit NOS article id from a guid, link or feedburner:origLink, if any of them is NOS's."""
    for value in candidates:
        if not value:
            continue
        parsed = urlparse(value)
        if parsed.netloc and not parsed.netloc.lower().endswith("nos.nl"):
            continue
        found = _NOS_ID.findall(parsed.path if parsed.netloc else value)
        if found:
            return found[-1]
    return None


def _item(entry: Any, feed_name: str, fetched_at: dt.datetime, notes: list[str]) -> FeedItem | None:
    title = " ".join((entry.get("title") or "").split())
    link = entry.get("feedburner_origlink") or entry.get("link") or None
    html = _body(entry)
    text = html_to_text(html) if html else ""
    if not title and not text:
        notes.append("an item without title or text was ignored")
        return None
    guid = _guid(entry, link, title, text)
    if not entry.get("id") and not entry.get("link"):
        notes.append(f"item without guid or link: {title[:60]!r} identified by {guid}")
    published = _published(entry)
    if published is None:
        notes.append(f"item {guid} has no date: the fetch time is used")
    return FeedItem(guid=guid, title=title, url=link, published=published or fetched_at, html=html, text=text,
                    feed=feed_name, dated=published is not None)


def _guid(entry: Any, link: str | None, title: str, text: str) -> str:
    entry_id = (entry.get("id") or "").strip()
    found = nos_id(link, entry.get("link"), entry_id if (entry_id.isdigit() or "nos.nl" in entry_id) else None)
    if found:
        return found
    if entry_id:
        return entry_id
    if link:
        return link
    return "sha1:" + hashlib.sha1((title or text[:200]).encode("utf-8")).hexdigest()[:20]


def _body(entry: Any) -> str:
    """The item's HTML: ``<description>`` (NOS carries the whole article there), or a longer content."""
    summary = entry.get("summary") or ""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    longest = max(contents, key=len, default="")
    return (longest if len(longest) > len(summary) else summary).strip()


def _published(entry: Any) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            # feedparser normalises to UTC in a struct_time.
            return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)
    return None


def _bozo_reason(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if isinstance(exc, feedparser.CharacterEncodingOverride):
        return None  # declared one encoding, was another: harmless
    message = " ".join(str(exc).split()) if exc else "malformed feed"
    return f"malformed XML ({exc.__class__.__name__ if exc else 'bozo'}): {message}"[:300]
