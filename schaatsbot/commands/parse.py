"""``schaatsbot parse``: read articles (JSON, text or HTML files) and print the races they report."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from parsing.api import parse_article
from parsing.model import Article, ParseResult, format_time, race_to_json


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "parse", help="parse skating reports into races",
        description="Parse article files (JSON {id,url,published,title,text}, plain text or HTML) into races.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article files")
    parser.add_argument("--json", action="store_true", help="one JSON object per line, the corpus's shape")
    parser.set_defaults(func=_run)


def load_article(path: str) -> Article:
    """An article from a JSON file, or a text/HTML file whose first line is the title."""
    raw = Path(path).read_text(encoding="utf-8")
    stripped = raw.lstrip()
    if stripped.startswith("{"):
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("JSON is not an object")
        text = data.get("text") or data.get("html") or data.get("description") or ""
        return Article(title=str(data.get("title") or ""), text=str(text),
                       published=_when(data.get("published")), url=data.get("url"))
    if stripped.startswith("<"):
        return Article(title="", text=raw)
    title, _, body = raw.partition("\n")
    return Article(title=title.strip(), text=body)


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _run(args: argparse.Namespace) -> int:
    out = sys.stdout
    for path in args.files:
        try:
            result = parse_article(load_article(path))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            result = ParseResult(reason=f"unreadable file: {exc}")
        if args.json:
            obj: dict = {"file": path, "races": [race_to_json(r) for r in result.races]}
            if not result.races and result.reason:
                obj["reason"] = result.reason
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            _print_table(path, result)
    out.flush()
    return 0


def _print_table(path: str, result: ParseResult) -> None:
    print(f"== {path}")
    if not result.races:
        print(f"   (no races: {result.reason})")
        return
    for race in result.races:
        bits = [race.competition, race.discipline, race.venue or "?", race.distance, race.gender or "?"]
        if race.round:
            bits.append(f"round {race.round}")
        if race.division:
            bits.append(f"{race.division}-division")
        if race.date:
            bits.append(race.date.isoformat())
        if race.historical:
            bits.append("historical")
        print("   " + " | ".join(bits))
        for p in race.placings:
            t = format_time(p.time) or ""
            if p.time is not None and not p.time_stated:
                t += " (derived)"
            extra = f" [{', '.join(p.members)}]" if p.members else ""
            pts = f" {p.points} pt" if p.points is not None else ""
            print(f"     {p.rank if p.rank is not None else '-':>3}  {p.name:<28} {p.country or '':<4} {t}{pts}{extra}")
