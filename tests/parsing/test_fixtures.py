"""The engine on hand-written NOS-style articles: one per phrasing family and per trap."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from parsing.api import parse_article
from parsing.model import Article, Race, format_time
from parsing.text import fold

FIXTURES = Path(__file__).parent / "fixtures"


def _load(path: Path) -> tuple[Article, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    article = Article(title=data["title"], text=data["text"], published=datetime.fromisoformat(data["published"]))
    return article, data


def _same_name(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _has(race: Race, want: dict) -> bool:
    for p in race.placings:
        if p.rank != want["rank"] or not _same_name(p.name, want["name"]):
            continue
        if "time" in want and format_time(p.time) != want["time"]:
            continue
        if "time_stated" in want and p.time_stated != want["time_stated"]:
            continue
        if "country" in want and p.country != want["country"]:
            continue
        if "points" in want and p.points != want["points"]:
            continue
        if "members" in want and list(p.members) != want["members"]:
            continue
        return True
    return False


def _matches(race: Race, exp: dict) -> bool:
    for field in ("distance", "gender", "round", "division", "competition", "venue"):
        if field in exp and getattr(race, field) != exp[field]:
            return False
    return all(_has(race, w) for w in exp["results"])


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.json")), ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    article, data = _load(path)
    result = parse_article(article)
    current = [r for r in result.races if not r.historical]
    for exp in data["expect"]:
        assert any(_matches(r, exp) for r in current), f"{path.stem}: no race like {exp}\ngot {current}"
    if not data["expect"]:
        assert current == [], f"{path.stem}: expected no current races, got {current}"
        assert result.reason
    for name in data.get("forbid", []):
        assert not any(_same_name(p.name, name) for r in current for p in r.placings), name
    for bad in data.get("forbid_ranks", []):
        assert not any(_same_name(p.name, bad["name"]) and p.rank == bad["rank"] for r in current
                       for p in r.placings), bad


def test_parse_never_raises_on_junk() -> None:
    for junk in ("", "<<<>>>", "\x00\x01", "1.08,67 " * 5000, "<p>" * 3000):
        result = parse_article(Article(title=junk[:50], text=junk))
        assert result.races == () or isinstance(result.races, tuple)
    assert parse_article(Article(title="", text="")).reason
    assert parse_article("not an article").reason  # type: ignore[arg-type]
