"""The parser's data types: what one article says about the races it reports.

These are plain frozen dataclasses so that ``storage`` can read them without ``parsing`` knowing about
``storage``. Times are integers in hundredths of a second; :func:`format_time` gives the corpus notation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

DISCIPLINES = ("long_track", "short_track", "marathon", "allround", "sprint")
COMPETITIONS = (
    "world_cup", "world_championships", "world_single_distances", "european_championships",
    "national_championships", "olympics", "four_continents", "other",
)
DISTANCES = (
    "500m", "1000m", "1500m", "3000m", "5000m", "10000m", "mass_start", "team_pursuit", "team_sprint",
    "relay", "allround_classification", "sprint_classification",
)  # plus "other:<what>"
TEAM_DISTANCES = frozenset({"team_pursuit", "team_sprint", "relay"})
GENDERS = ("men", "women", "mixed")


@dataclass(frozen=True, slots=True)
class Article:
    """One article as the parser sees it; ``text`` may be plain text or HTML."""

    title: str
    text: str
    published: datetime | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Placing:
    rank: int | None
    name: str
    country: str | None = None
    time: int | None = None  # hundredths of a second
    time_stated: bool = False  # False when derived from a stated margin
    points: int | None = None
    members: tuple[str, ...] = ()  # team events: the skaters, when named
    is_team: bool = False


@dataclass(frozen=True, slots=True)
class Race:
    discipline: str
    competition: str
    distance: str
    gender: str | None
    placings: tuple[Placing, ...]
    venue: str | None = None
    round: int | None = None
    division: str | None = None
    date: date | None = None
    historical: bool = False


@dataclass(frozen=True, slots=True)
class ParseResult:
    races: tuple[Race, ...] = ()
    reason: str | None = None  # why no races were found (not a report, unreadable input, ...)
    warnings: tuple[str, ...] = field(default=())


def format_time(hundredths: int | None) -> str | None:
    """6867 -> '1:08.67', 3469 -> '34.69' (the corpus notation)."""
    if hundredths is None:
        return None
    seconds, hh = divmod(hundredths, 100)
    minutes, ss = divmod(seconds, 60)
    return f"{minutes}:{ss:02d}.{hh:02d}" if minutes else f"{ss}.{hh:02d}"


def placing_to_json(placing: Placing) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rank": placing.rank,
        "name": placing.name,
        "country": placing.country,
        "time": format_time(placing.time),
        "time_stated": placing.time_stated,
    }
    if placing.points is not None:
        out["points"] = placing.points
    if placing.members:
        out["members"] = list(placing.members)
    return out


def race_to_json(race: Race) -> dict[str, Any]:
    """A race in the shape of ``../shared/corpus/README.md``."""
    return {
        "discipline": race.discipline,
        "competition": race.competition,
        "venue": race.venue,
        "distance": race.distance,
        "gender": race.gender,
        "round": race.round,
        "division": race.division,
        "date": race.date.isoformat() if race.date else None,
        "historical": race.historical,
        "results": [placing_to_json(p) for p in race.placings],
    }
