"""Read-side queries for the bot: latest podiums, a race's results, the latest weekend, a skater's results.

Only current races count: a race an article mentions as history (``historical``) is never "the latest".
A race's day is its own date, else its competition's dates; races without any placing are skipped.
Results come back as frozen views, detached from the session, ready for rendering.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func
from sqlalchemy import select as sa_select  # sqlmodel's select types at most four columns
from sqlalchemy.sql.functions import Function
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from storage.models import Article, Competition, Race, Result, Skater

# Long-track races are also run inside allround and sprint championships.
DISCIPLINE_FAMILIES: dict[str, tuple[str, ...]] = {
    "long_track": ("long_track", "allround", "sprint"),
    "short_track": ("short_track",),
    "marathon": ("marathon",),
}
# A bare distance means long track; short track (then marathon) only when long track has none.
DEFAULT_SEARCH_ORDER = ("long_track", "short_track", "marathon")
WEEKEND_SPAN = dt.timedelta(days=3)  # Friday to Monday, or a four-day championship
PODIUM_RANKS = 3


@dataclass(frozen=True, slots=True)
class RaceInfo:
    id: int
    competition_id: int
    competition: str  # parsing.model.COMPETITIONS
    discipline: str
    venue: str | None
    distance: str
    gender: str | None
    date: dt.date | None
    round: int | None = None
    division: str | None = None


@dataclass(frozen=True, slots=True)
class PlacingView:
    rank: int | None
    name: str
    country: str | None
    time: int | None  # hundredths of a second
    time_stated: bool = True
    points: int | None = None
    members: tuple[str, ...] = ()
    skater_id: int | None = None
    is_team: bool = False


@dataclass(frozen=True, slots=True)
class ArticleLink:
    url: str | None
    title: str


@dataclass(frozen=True, slots=True)
class RaceResults:
    race: RaceInfo
    placings: tuple[PlacingView, ...]
    article: ArticleLink | None = None


@dataclass(frozen=True, slots=True)
class WeekendDay:
    date: dt.date | None
    races: tuple[RaceResults, ...]


@dataclass(frozen=True, slots=True)
class SkaterInfo:
    id: int
    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class SkaterResult:
    race: RaceInfo
    placing: PlacingView
    article: ArticleLink | None = None


def _current_races() -> Select[Race, Competition]:
    """Races (with their competition) that count: not history, with at least one placing."""
    return (
        select(Race, Competition)
        .join(Competition, col(Competition.id) == Race.competition_id)
        .where(col(Race.historical).is_(False), exists().where(col(Result.race_id) == Race.id))
    )


def _competition_day() -> Function[Any]:
    return func.coalesce(Competition.end_date, Competition.start_date)


def _newest_races(session: Session, stmt: Select[Race, Competition], limit: int, *,
                  today: dt.date | None = None) -> list[tuple[Race, Competition]]:
    """The ``limit`` newest races of ``stmt``, by day and then :func:`_recency`.

    Dated races are read newest-first along an index on ``date`` (two short range reads: the newest
    ``limit``, then everything on or after the oldest day among them, so ties on a day are all seen).
    The few races without a date take their competition's day, in a third small query.
    """
    dated = stmt.where(col(Race.date).is_not(None))
    undated = stmt.where(col(Race.date).is_(None), _competition_day().is_not(None))
    if today is not None:
        dated = dated.where(col(Race.date) <= today)
        undated = undated.where(_competition_day() <= today)
    days = session.execute(
        dated.with_only_columns(col(Race.date)).order_by(col(Race.date).desc()).limit(limit)
    ).scalars().all()
    rows = list(session.exec(dated.where(col(Race.date) >= min(days))).all()) if days else []
    rows += session.exec(undated.order_by(_competition_day().desc()).limit(limit)).all()
    pairs = [(race, comp) for race, comp in rows]
    pairs.sort(key=lambda rc: _recency(*rc), reverse=True)
    return pairs[:limit]


def _recency(race: Race, comp: Competition) -> tuple[int, int, int, dt.datetime, int]:
    # Newer day first; on one day division A before B, then the later round, then the newest report.
    day = _day_of(race, comp) or dt.date.min
    return (day.toordinal(), 0 if (race.division or "A").upper() == "B" else 1, race.round or 0,
            race.first_seen_at, race.id or 0)


def latest_races(*, session: Session, distance: str, discipline: str = "long_track",
                 gender: str | None = None) -> list[tuple[Race, Competition]]:
    """The latest current race at ``distance`` in ``discipline``'s family, per gender.

    With ``gender``: at most that one race. Without: the newest race of each gender that was run within
    the same weekend as the newest race of all, newest day first, women before men on one day.
    """
    stmt = _current_races().where(
        Race.distance == distance,
        col(Competition.discipline).in_(DISCIPLINE_FAMILIES.get(discipline, (discipline,))),
    )
    if gender is not None:
        return _newest_races(session, stmt.where(Race.gender == gender), 1)
    # One weekend holds at most a few races per distance (genders, rounds, divisions).
    candidates = _newest_races(session, stmt, 12)
    if not candidates:
        return []
    newest = _day_of(*candidates[0]) or dt.date.min
    best: dict[str | None, tuple[Race, Competition]] = {}
    for race, comp in candidates:  # newest first, so the first per gender is its latest
        if (_day_of(race, comp) or dt.date.min) >= newest - WEEKEND_SPAN:
            best.setdefault(race.gender, (race, comp))
    return sorted(best.values(), key=lambda rc: (-(_day_of(*rc) or dt.date.min).toordinal(),
                                                 _GENDER_ORDER.get(rc[0].gender or "", 3)))


def latest_podiums(*, session: Session, distance: str, gender: str | None = None,
                   discipline: str | None = None, top: int | None = PODIUM_RANKS) -> list[RaceResults]:
    """The latest podium(s) at a distance (every placing with ``top=None``).

    Without ``discipline``: long track, else short track, else marathon. Without ``gender``: the latest
    race of either, plus the other genders' latest race when it was run the same weekend.
    """
    for family in (discipline,) if discipline else DEFAULT_SEARCH_ORDER:
        found = latest_races(session=session, distance=distance, discipline=family, gender=gender)
        if found:
            return _results_of(session, found, top=top)
    return []


def race_results(*, session: Session, race_id: int) -> RaceResults | None:
    """Every placing known for one race, best first."""
    row = session.exec(
        select(Race, Competition).join(Competition, col(Competition.id) == Race.competition_id)
        .where(Race.id == race_id)
    ).first()
    return _results_of(session, [(row[0], row[1])])[0] if row else None


def latest_weekend(*, session: Session, today: dt.date | None = None) -> list[WeekendDay]:
    """Podiums of the latest (or current) competition weekend, by day, earliest day first.

    ``today`` caps what counts as latest, so a wrongly future-dated race cannot hide the real weekend.
    """
    base = _current_races()
    newest = _newest_races(session, base, 1, today=today)
    if not newest:
        return []
    last = _day_of(*newest[0])
    if last is None:
        rows = newest
    else:
        first = last - WEEKEND_SPAN
        rows = [*session.exec(base.where(col(Race.date).between(first, last))).all(),
                *session.exec(base.where(col(Race.date).is_(None),
                                         _competition_day().between(first, last))).all()]
    races = _results_of(session, [(race, comp) for race, comp in rows], top=PODIUM_RANKS)
    by_day: dict[dt.date | None, list[RaceResults]] = {}
    for results in sorted(races, key=_program_order):
        by_day.setdefault(results.race.date, []).append(results)
    return [WeekendDay(date, tuple(items)) for date, items in by_day.items()]


def has_results(*, session: Session) -> bool:
    """Whether any race has a placing: tells an empty database from a question without an answer."""
    return session.exec(select(Result.id).limit(1)).first() is not None


def get_skater(*, session: Session, skater_id: int) -> SkaterInfo | None:
    skater = session.get(Skater, skater_id)
    return SkaterInfo(skater.id, skater.name, skater.country) if skater and skater.id is not None else None


def skater_results(*, session: Session, skater_id: int, limit: int = 8) -> list[SkaterResult]:
    """A skater's latest placings in current races, newest first."""
    day = func.coalesce(Race.date, Competition.end_date, Competition.start_date)
    rows = session.execute(
        sa_select(Result, Race, Competition, col(Article.url), col(Article.title))
        .join(Race, col(Race.id) == Result.race_id)
        .join(Competition, col(Competition.id) == Race.competition_id)
        .join(Article, col(Article.id) == Result.article_id, isouter=True)
        .where(col(Result.skater_id) == skater_id, col(Race.historical).is_(False))
        .order_by(day.is_(None), day.desc(), col(Race.first_seen_at).desc())
        .limit(limit * 2)  # room for the finer order on one day (rounds, divisions)
    ).all()
    latest = sorted(rows, key=lambda row: _recency(row[1], row[2]), reverse=True)[:limit]
    skater = session.get(Skater, skater_id)
    name = skater.name if skater else "?"
    return [
        SkaterResult(_race_info(race, comp), _placing(result, name),
                     ArticleLink(url, title) if title is not None else None)
        for result, race, comp, url, title in latest
    ]


# --- assembling views ---------------------------------------------------------------------------------


def _day_of(race: Race, comp: Competition) -> dt.date | None:
    return race.date or comp.end_date or comp.start_date


def _race_info(race: Race, comp: Competition) -> RaceInfo:
    assert race.id is not None and comp.id is not None
    return RaceInfo(id=race.id, competition_id=comp.id, competition=comp.kind, discipline=comp.discipline,
                    venue=comp.venue, distance=race.distance, gender=race.gender, date=_day_of(race, comp),
                    round=race.round, division=race.division)


def _results_of(session: Session, races: Sequence[tuple[Race, Competition]], *,
                top: int | None = None) -> list[RaceResults]:
    """Placings (ranks up to ``top`` when given) and the newest report of each race, in one query."""
    ids = [race.id for race, _ in races if race.id is not None]
    if not ids:
        return []
    stmt = (
        sa_select(*_RESULT_COLUMNS, col(Article.url), col(Article.title), col(Article.published))
        .join(Skater, col(Skater.id) == Result.skater_id, isouter=True)
        .join(Article, col(Article.id) == Result.article_id, isouter=True)
        .where(col(Result.race_id).in_(ids))
    )
    if top is not None:
        stmt = stmt.where(col(Result.rank) <= top)
    rows = session.execute(
        stmt.order_by(col(Result.race_id), col(Result.rank).is_(None), col(Result.rank),
                      col(Result.time_hundredths).is_(None), col(Result.time_hundredths), col(Result.id))
    ).all()
    placings: dict[int, list[PlacingView]] = {race_id: [] for race_id in ids}
    newest: dict[int, tuple[dt.datetime, int, ArticleLink]] = {}
    for row in rows:
        placings[row.race_id].append(_placing(row, row.skater_name))
        if row.article_id and row.title is not None:
            # A race's newest report wins: a later article may correct an earlier one.
            candidate = (_naive(row.published) or dt.datetime.min, row.article_id, ArticleLink(row.url, row.title))
            if row.race_id not in newest or candidate[:2] > newest[row.race_id][:2]:
                newest[row.race_id] = candidate
    return [
        RaceResults(_race_info(race, comp), tuple(placings[race.id or 0]),
                    newest[race.id][2] if race.id in newest else None)
        for race, comp in races
    ]


# Plain columns rather than Result objects: no identity map work for rows that are only read.
_RESULT_COLUMNS: tuple[Any, ...] = (
    Result.race_id, Result.rank, Result.time_hundredths, Result.time_stated, Result.points, Result.members,
    Result.skater_id, Result.team_name, Result.country, Result.article_id, col(Skater.name).label("skater_name"),
)


def _placing(result: Any, skater_name: str | None) -> PlacingView:
    """A placing from a Result or a row of :data:`_RESULT_COLUMNS`."""
    members: tuple[str, ...] = ()
    if result.members:
        try:
            members = tuple(str(m) for m in json.loads(result.members))
        except ValueError:
            members = ()
    is_team = result.skater_id is None
    name = skater_name if skater_name and not is_team else (result.team_name or result.country or "?")
    return PlacingView(rank=result.rank, name=name, country=result.country, time=result.time_hundredths,
                       time_stated=result.time_stated, points=result.points, members=members,
                       skater_id=result.skater_id, is_team=is_team)


def _naive(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes and PostgreSQL aware ones; compare them all as naive UTC.
    if moment is not None and moment.tzinfo is not None:
        return moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


_DISTANCE_ORDER = {d: i for i, d in enumerate((
    "500m", "1000m", "1500m", "3000m", "5000m", "10000m", "team_sprint", "team_pursuit", "relay",
    "mass_start", "allround_classification", "sprint_classification",
))}
_GENDER_ORDER = {"women": 0, "men": 1, "mixed": 2}


def _program_order(results: RaceResults) -> tuple[dt.date, str, int, int, int, int]:
    race = results.race
    return (race.date or dt.date.min, race.discipline, _DISTANCE_ORDER.get(race.distance, 99),
            _GENDER_ORDER.get(race.gender or "", 3), race.round or 0, race.id)
