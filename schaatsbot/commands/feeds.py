"""``schaatsbot feeds``: the health record of every feed (last success, last error, failures)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI stays quick to start: heavy imports happen inside the command
    from storage.models import Feed


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "feeds", help="show the health record of every feed",
        description="Print each feed's last success, last error, consecutive failures and warnings. "
                    "Configured feeds that were never polled are listed too.")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from schaatsbot.settings import get_settings
    from storage.db import new_session, open_database
    from storage.feeds import list_feeds
    from storage.models import utcnow

    settings = get_settings()
    engine = open_database(settings.database_url)
    try:
        with new_session(engine) as session:
            feeds = list_feeds(session=session)
    finally:
        engine.dispose()
    known = {feed.url for feed in feeds}
    never = [url for url in settings.feed_urls if url not in known]
    if not feeds and not never:
        print("no feeds configured (FEED_URLS) and none polled yet")
        return 0
    now = utcnow()
    for feed in feeds:
        print(render_feed(feed, now, configured=feed.url in settings.feed_urls))
    for url in never:
        print(f"{url}\n  never polled\n")
    failing = [feed for feed in feeds if feed.consecutive_failures and feed.url in settings.feed_urls]
    return 1 if failing and len(failing) == len([f for f in feeds if f.url in settings.feed_urls]) else 0


def render_feed(feed: Feed, now: dt.datetime, *, configured: bool = True) -> str:
    state = "FAILING" if feed.consecutive_failures else ("ok" if feed.last_success_at else "never succeeded")
    lines = [f"{feed.name}  [{state}]{'' if configured else '  (no longer in FEED_URLS)'}", f"  url:           {feed.url}"]
    lines.append(f"  last poll:     {_when(feed.last_polled_at, now)}")
    lines.append(f"  last success:  {_when(feed.last_success_at, now)}")
    if feed.last_error_at:
        lines.append(f"  last error:    {_when(feed.last_error_at, now)}: {feed.last_error}")
    lines.append(f"  failures:      {feed.consecutive_failures} in a row, {feed.total_failures} in total"
                 + (f"; admin told {_when(feed.alerted_at, now)}" if feed.alerted_at else ""))
    if feed.total_warnings:
        lines.append(f"  warnings:      {feed.total_warnings}; last {_when(feed.last_warning_at, now)}: "
                     f"{feed.last_warning}")
    lines.append(f"  items seen:    {feed.items_seen}")
    if feed.etag or feed.last_modified:
        lines.append(f"  validators:    etag={feed.etag or '-'} last-modified={feed.last_modified or '-'}")
    return "\n".join(lines) + "\n"


def _when(moment: dt.datetime | None, now: dt.datetime) -> str:
    if moment is None:
        return "never"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    seconds = int((now - moment).total_seconds())
    if seconds < 120:
        ago = f"{seconds} s ago"
    elif seconds < 7200:
        ago = f"{seconds // 60} min ago"
    elif seconds < 172800:
        ago = f"{seconds // 3600} h ago"
    else:
        ago = f"{seconds // 86400} days ago"
    return f"{moment.strftime('%Y-%m-%d %H:%M:%S')} UTC ({ago})"
