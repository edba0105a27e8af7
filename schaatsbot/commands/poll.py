"""``schaatsbot poll [--once] [URL|FILE]``: poll the configured feeds (or one URL or file) and say what came in."""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI stays quick to start: heavy imports happen inside the command
    from sqlalchemy.engine import Engine

    from jobs.ingest import IngestResult
    from jobs.poller import FeedReport
    from parsing.model import Race
    from schaatsbot.settings import Settings

log = logging.getLogger(__name__)
_GENDER = {"men": "mannen", "women": "vrouwen", "mixed": "gemengd"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "poll", help="poll the feeds now and print what was new or changed",
        description="Poll the configured feeds (FEED_URLS), or the one URL or file given, ingest every new or "
                    "changed item and print the races found. Without --once it keeps polling on the schedule "
                    "(POLL_INTERVAL_SECONDS, live: POLL_INTERVAL_LIVE_SECONDS) until Ctrl-C.")
    parser.add_argument("source", nargs="?", metavar="URL|FILE", help="poll only this feed URL or local file")
    parser.add_argument("--once", action="store_true", help="poll once and exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list unchanged and skipped items")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from schaatsbot.logs import setup_logging
    from schaatsbot.settings import get_settings
    from storage.db import open_database

    settings = get_settings()
    if args.source:
        settings = settings.model_copy(update={"feed_urls": [args.source]})
    setup_logging(settings.log_level, settings.token)
    engine = open_database(settings.database_url)
    try:
        return asyncio.run(_poll(engine, settings, once=args.once, verbose=args.verbose))
    finally:
        engine.dispose()


async def _poll(engine: Engine, settings: Settings, *, once: bool, verbose: bool) -> int:
    from jobs.poller import FeedPoller

    poller = FeedPoller(engine=engine, settings=settings)
    try:
        while True:
            reports = await poller.poll_once()
            for report in reports:
                print_report(report, verbose=verbose)
            if once:
                return 0 if any(r.status in ("ok", "not_modified") for r in reports) else 1
            delay = poller.next_delay()
            print(f"-- next poll in {delay:.0f} s{' (live)' if poller.is_live() else ''}; Ctrl-C stops", flush=True)
            await asyncio.sleep(delay)
    finally:
        await poller.aclose()


def print_report(report: FeedReport, *, verbose: bool = False) -> None:
    print(report.summary())
    for warning in report.warnings:
        print(f"  warning: {warning}")
    for item in report.items:
        if item.status in ("new", "changed") or verbose:
            _print_item(item)
    print(flush=True)


def _print_item(item: IngestResult) -> None:
    version = f" v{item.version}" if item.status == "changed" and item.version else ""
    print(f"  {item.status:<9} {item.guid}{version}  {item.title}")
    if item.status in ("skipped", "unchanged") and item.reason:
        print(f"            {item.reason}")
    if item.status in ("new", "changed"):
        if not item.races:
            print(f"            {item.parse_status or 'no races'}" + (f": {item.reason}" if item.reason else ""))
        changed = {c.race_id: c.kind for c in item.changes}
        for race in item.races:
            print(f"            {race_line(race)}")
        if changed:
            kinds = ", ".join(f"{kind}" for kind in sorted(set(changed.values())))
            print(f"            race changes: {len(changed)} ({kinds})")


def race_line(race: Race) -> str:
    """'1000m vrouwen (world_cup, Heerenveen): 1. Jutta Leerdam 1.13,20 | 2. ... | 3. ...'."""
    from parsing.times import format_dutch_time

    where = ", ".join(part for part in (race.competition, race.venue) if part)
    extra = "".join([f" ronde {race.round}" if race.round else "", f" divisie {race.division}" if race.division else ""])
    podium = [p for p in race.placings if p.rank is not None and p.rank <= 3] or list(race.placings[:3])
    shown = " | ".join(
        (f"{p.rank}. {p.name}" if p.rank is not None else p.name)
        + (f" {format_dutch_time(p.time)}" if p.time is not None else "")
        for p in sorted(podium, key=lambda p: p.rank or 99))
    history = " [historisch]" if race.historical else ""
    gender = _GENDER.get(race.gender or "", race.gender or "?")
    return f"{race.distance} {gender}{extra} ({where}){history}: {shown or 'geen uitslag'}"
