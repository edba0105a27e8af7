"""Recording what an article reports: competitions, races, skaters and merged results.

One race is one row however many articles report it; its placings are merged (a stated time beats a
derived one, a later article may add or correct placings, a new version of the same article replaces that
article's own placings). Every race whose results change is returned as a :class:`RaceChange`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

import parsing
from parsing.model import TEAM_DISTANCES
from storage import keys
from storage.changes import ChangeKind, RaceChange
from storage.models import Article, Competition, Race, Result, Skater, SkaterAlias, utcnow

log = logging.getLogger(__name__)

# Reports of one competition arrive over a few days (a World Cup runs Friday to Sunday, a championship
# longer, and each day extends the known range).
COMPETITION_WINDOW_DAYS = 4
LOCAL_TZ: dt.tzinfo  # the Netherlands: where the reports are written and the schedule is set
try:
    from zoneinfo import ZoneInfo

    LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
except Exception:  # pragma: no cover - no tz database: Dutch winter time is close enough for a date
    LOCAL_TZ = dt.timezone(dt.timedelta(hours=1))


@dataclass
class _Touched:
    """What one call did to one race."""

    race: Race
    created: bool
    old_podium: str | None
    seen: set[str] = field(default_factory=set)
    changed: bool = False


def record_races(*, session: Session, article: Article, races: Sequence[parsing.Race],
                 now: dt.datetime | None = None) -> list[RaceChange]:
    """Store the races ``article`` reports and return what changed; flushes, the caller commits."""
    if article.id is None:
        session.add(article)
        session.flush()
    now = now or utcnow()
    article_day = local_day(article.published) or local_day(now)
    touched: dict[int, _Touched] = {}
    known = _skaters_by_key(session, races)  # one query for the article's names, not one per placing
    for parsed in races:
        if not parsed.placings:
            continue
        found = _race_row(session, parsed, article_day, now)
        if found is None:
            log.info("article %s: historical %s %s without date or venue not stored", article.guid,
                     parsed.competition, parsed.distance)
            continue
        race, created = found
        assert race.id is not None
        state = touched.get(race.id)
        if state is None:
            state = touched[race.id] = _Touched(race, created=created, old_podium=race.podium_hash)
        state.changed |= _merge_placings(session, state, parsed, article, now, known)
    # An edit may drop a race the earlier version reported. A version without any race is more likely a
    # text the parser could not read than a withdrawal of everything: it keeps what was recorded.
    if article.version > 1 and touched:
        for race in _races_reported_by(session, article, exclude=set(touched)):
            assert race.id is not None
            touched[race.id] = _Touched(race, created=False, old_podium=race.podium_hash)
    for state in touched.values():
        state.changed |= _drop_withdrawn_placings(session, state, article)
    changes = (_finish(session, state, article, now) for state in touched.values())
    return [change for change in changes if change is not None]


def local_day(moment: dt.datetime | None) -> dt.date | None:
    """The calendar day in the Netherlands (where the reports are written)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(LOCAL_TZ).date()


def podium_of(results: Iterable[Result]) -> list[tuple[int, str]]:
    return sorted((r.rank, r.entrant_key) for r in results if r.rank is not None and 1 <= r.rank <= 3)


def podium_hash(results: Iterable[Result]) -> str | None:
    podium = podium_of(results)
    if not podium:
        return None
    return hashlib.sha1(json.dumps(podium).encode()).hexdigest()[:16]


def race_results(*, session: Session, race_id: int) -> list[Result]:
    statement = select(Result).where(Result.race_id == race_id)
    return sorted(session.exec(statement), key=lambda r: (r.rank is None, r.rank or 0, r.id or 0))


# --- competitions and races -------------------------------------------------------------------------------

def _race_row(session: Session, parsed: parsing.Race, article_day: dt.date | None,
              now: dt.datetime) -> tuple[Race, bool] | None:
    """The race row this parsed race reports, and whether it was created now."""
    day = parsed.date or (None if parsed.historical else article_day)
    if day is None and not parsed.venue:
        return None
    competition = _competition(session, parsed, day)
    assert competition.id is not None
    race = _find_race(session, competition.id, parsed)
    if race is None:
        race = Race(key=keys.race_key(str(competition.id), parsed.distance, parsed.gender, parsed.round,
                                      parsed.division),
                    competition_id=competition.id, distance=parsed.distance, gender=parsed.gender,
                    round=parsed.round, division=parsed.division.upper() if parsed.division else None,
                    date=day, historical=parsed.historical, first_seen_at=now, updated_at=now)
        session.add(race)
        session.flush()
        return race, True
    if race.historical and not parsed.historical:
        race.historical = False  # first mentioned in passing, now reported as it happens
        session.add(race)
    if race.date is None and day is not None:
        race.date = day
        session.add(race)
    return race, False


def _find_race(session: Session, competition_id: int, parsed: parsing.Race) -> Race | None:
    division = parsed.division.upper() if parsed.division else None
    # "de 1500 meter" and "de 1500 meter in de A-divisie" are one race when only one of them is known.
    divisions = [division] + ([None] if division == "A" else ["A"] if division is None else [])
    for candidate in divisions:
        key = keys.race_key(str(competition_id), parsed.distance, parsed.gender, parsed.round, candidate)
        race = session.exec(select(Race).where(Race.key == key)).first()
        if race is not None:
            return race
    return None


def _competition(session: Session, parsed: parsing.Race, day: dt.date | None) -> Competition:
    kind, discipline = parsed.competition, parsed.discipline
    season = keys.season_of(day) if day else None
    near = _near(session, kind, discipline, day) if day else []
    if parsed.venue:
        venue = keys.fold(parsed.venue)
        same_venue = [c for c in near if c.venue and keys.fold(c.venue) == venue]
        if same_venue:
            return _extend(session, same_venue[0], day)
        unnamed = [c for c in near if not c.venue]
        if unnamed:  # reported earlier by an article that did not name the venue
            competition = unnamed[0]
            competition.venue = parsed.venue
            _rekey(session, competition, keys.competition_key(kind, discipline, parsed.venue, season))
            return _extend(session, competition, day)
        base = keys.competition_key(kind, discipline, parsed.venue, season)
        if day is None:
            existing = session.exec(select(Competition).where(Competition.key == base)).first()
            if existing is not None:
                return existing
        return _create(session, kind, discipline, parsed.venue, season, day, base)
    if near:
        return _extend(session, near[0], day)
    return _create(session, kind, discipline, None, season, day,
                   keys.competition_key(kind, discipline, None, season, day))


def _near(session: Session, kind: str, discipline: str, day: dt.date) -> list[Competition]:
    """Competitions of this kind and discipline whose known days lie within the window of ``day``."""
    window = dt.timedelta(days=COMPETITION_WINDOW_DAYS)
    statement = select(Competition).where(
        Competition.kind == kind, Competition.discipline == discipline,
        col(Competition.start_date).is_not(None),
        col(Competition.start_date) <= day + window, col(Competition.end_date) >= day - window,
    )
    found = list(session.exec(statement))
    return sorted(found, key=lambda c: min(abs((c.start_date - day).days), abs((c.end_date - day).days))
                  if c.start_date and c.end_date else 0)


def _create(session: Session, kind: str, discipline: str, venue: str | None, season: str | None,
            day: dt.date | None, key: str) -> Competition:
    if session.exec(select(Competition.id).where(Competition.key == key)).first() is not None:
        # The same venue hosts this kind twice in a season (outside the window): tell them apart by date.
        key = keys.competition_key(kind, discipline, venue, season, day)
    competition = Competition(key=key, kind=kind, discipline=discipline, venue=venue, season=season,
                              start_date=day, end_date=day)
    session.add(competition)
    session.flush()
    return competition


def _extend(session: Session, competition: Competition, day: dt.date | None) -> Competition:
    if day is None:
        return competition
    if competition.start_date is None or day < competition.start_date:
        competition.start_date = day
    if competition.end_date is None or day > competition.end_date:
        competition.end_date = day
    session.add(competition)
    return competition


def _rekey(session: Session, competition: Competition, key: str) -> None:
    taken = session.exec(select(Competition.id).where(Competition.key == key, Competition.id != competition.id))
    competition.key = key if taken.first() is None else f"{key}|{competition.id}"
    session.add(competition)


# --- entrants ---------------------------------------------------------------------------------------------

def _skaters_by_key(session: Session, races: Sequence[parsing.Race]) -> dict[str, Skater]:
    """The stored skaters whose key is one of the full names these races mention."""
    wanted = {keys.skater_key(p.name) for race in races for p in race.placings
              if not keys.is_surname_only(p.name)}
    if not wanted:
        return {}
    return {skater.key: skater for skater in session.exec(select(Skater).where(col(Skater.key).in_(wanted)))}


def _entrant(session: Session, placing: parsing.Placing, race: Race,
             known: dict[str, Skater] | None = None) -> tuple[str, Skater | None]:
    if placing.is_team or (race.distance in TEAM_DISTANCES and not _looks_like_person(placing)):
        return keys.team_entrant_key(placing.name, placing.country), None
    skater = resolve_skater(session=session, name=placing.name, race=race, country=placing.country, known=known)
    assert skater.id is not None
    return keys.skater_entrant_key(skater.id), skater


def _looks_like_person(placing: parsing.Placing) -> bool:
    return len(placing.name.split()) >= 2 and not placing.members


def resolve_skater(*, session: Session, name: str, race: Race, country: str | None = None,
                   known: dict[str, Skater] | None = None) -> Skater:
    """The skater ``name`` means in this race: a surname alone resolves to a skater of the same race or
    competition with that surname; a new full name may complete a skater known only by surname.

    ``known`` maps skater keys to skaters already loaded; a full name found or created here is added to it.
    """
    folded = keys.fold(name)
    gender = race.gender if race.gender in ("men", "women") else None
    skater: Skater | None
    if keys.is_surname_only(name):
        skater = (_unique(_by_alias_in(session, folded, race, same_race=True))
                  or _unique(_by_alias_in(session, folded, race, same_race=False))
                  or session.exec(select(Skater).where(Skater.key == folded)).first())
    else:
        skater = known.get(folded) if known is not None else None
        if skater is None:
            skater = session.exec(select(Skater).where(Skater.key == folded)).first()
        if skater is None:
            skater = _unique(_by_alias(session, folded))
        if skater is None:
            skater = _complete_surname_only(session, name, race)
        if skater is not None and known is not None and skater.key == folded:
            known[folded] = skater
    if skater is None:
        skater = Skater(key=folded, name=name.strip(), country=country, gender=gender)
        session.add(skater)
        session.flush()
        _add_aliases(session, skater, name, new=True)
        if known is not None and not keys.is_surname_only(name):
            known[folded] = skater
        return skater
    if (country and not skater.country) or (gender and not skater.gender):
        skater.country = skater.country or country
        skater.gender = skater.gender or gender
        session.add(skater)
    return skater


def _complete_surname_only(session: Session, name: str, race: Race) -> Skater | None:
    surname = keys.surname(name)
    for same_race in (True, False):
        for skater in _by_alias_in(session, surname, race, same_race=same_race):
            if skater.key == surname and keys.is_surname_only(skater.name):
                skater.name, skater.key = name.strip(), keys.fold(name)
                session.add(skater)
                session.flush()
                _add_aliases(session, skater, name)
                return skater
    return None


def _add_aliases(session: Session, skater: Skater, name: str, *, new: bool = False) -> None:
    assert skater.id is not None
    existing: set[str] = set() if new else set(
        session.exec(select(SkaterAlias.alias).where(SkaterAlias.skater_id == skater.id)))
    for alias in {keys.fold(name), keys.surname(name)} - existing - {""}:
        session.add(SkaterAlias(skater_id=skater.id, alias=alias))


def _by_alias(session: Session, alias: str) -> list[Skater]:
    statement = select(Skater).join(SkaterAlias, col(SkaterAlias.skater_id) == col(Skater.id))
    return list(session.exec(statement.where(SkaterAlias.alias == alias).distinct()))


def _by_alias_in(session: Session, alias: str, race: Race, *, same_race: bool) -> list[Skater]:
    statement = (
        select(Skater)
        .join(SkaterAlias, col(SkaterAlias.skater_id) == col(Skater.id))
        .join(Result, col(Result.skater_id) == col(Skater.id))
        .where(SkaterAlias.alias == alias)
    )
    if same_race:
        statement = statement.where(Result.race_id == race.id)
    else:
        statement = statement.join(Race, col(Race.id) == col(Result.race_id)).where(
            Race.competition_id == race.competition_id)
    return list(session.exec(statement.distinct()))


def _unique(skaters: list[Skater]) -> Skater | None:
    return skaters[0] if len(skaters) == 1 else None


# --- results ----------------------------------------------------------------------------------------------

def _merge_placings(session: Session, state: _Touched, parsed: parsing.Race, article: Article,
                    now: dt.datetime, known: dict[str, Skater] | None = None) -> bool:
    race = state.race
    assert race.id is not None
    existing = {r.entrant_key: r for r in session.exec(select(Result).where(Result.race_id == race.id))}
    changed = False
    for placing in parsed.placings:
        entrant_key, skater = _entrant(session, placing, race, known)
        if entrant_key in state.seen:
            continue  # the article names this entrant twice for one race: the first mention counts
        if _contradicts(placing, entrant_key, existing.values(), article.id):
            log.info("article %s: %s %s in race %s contradicts the stored order; not recorded", article.guid,
                     placing.rank, placing.name, race.key)
            continue
        state.seen.add(entrant_key)
        row = existing.get(entrant_key)
        if row is None:
            row = Result(race_id=race.id, entrant_key=entrant_key, skater_id=skater.id if skater else None,
                         team_name=None if skater else placing.name,
                         members=json.dumps(list(placing.members), ensure_ascii=False) if placing.members else None,
                         country=placing.country, rank=placing.rank, time_hundredths=placing.time,
                         time_stated=placing.time_stated if placing.time is not None else False,
                         points=placing.points, article_id=article.id, updated_at=now)
            session.add(row)
            existing[entrant_key] = row
            changed = True
        elif _merge_result(row, placing):
            row.article_id, row.updated_at = article.id, now
            session.add(row)
            changed = True
    return changed


def _contradicts(placing: parsing.Placing, entrant_key: str, rows: Iterable[Result], article_id: int | None) -> bool:
    """A rank and time that cannot both be true next to what other articles stated (faster but behind)."""
    if placing.rank is None or placing.time is None:
        return False
    for row in rows:
        if row.entrant_key == entrant_key or row.article_id == article_id or row.rank is None:
            continue
        if row.time_hundredths is None or row.rank == placing.rank:
            continue
        if (row.rank < placing.rank) != (row.time_hundredths <= placing.time):
            return True
    return False


def _merge_result(row: Result, placing: parsing.Placing) -> bool:
    """Fold a later report of one placing into the stored one; True when anything changed."""
    before = (row.rank, row.time_hundredths, row.time_stated, row.points, row.country, row.members)
    if placing.rank is not None:
        row.rank = placing.rank
    if placing.time is not None and (placing.time_stated or not row.time_stated or row.time_hundredths is None):
        row.time_hundredths, row.time_stated = placing.time, placing.time_stated
    if placing.points is not None:
        row.points = placing.points
    if placing.country:
        row.country = placing.country
    if placing.members:
        row.members = json.dumps(list(placing.members), ensure_ascii=False)
    return before != (row.rank, row.time_hundredths, row.time_stated, row.points, row.country, row.members)


def _drop_withdrawn_placings(session: Session, state: _Touched, article: Article) -> bool:
    """A new version of an article replaces its own placings: drop the ones it no longer reports."""
    statement = select(Result).where(Result.race_id == state.race.id, Result.article_id == article.id)
    dropped = False
    for row in session.exec(statement):
        if row.entrant_key not in state.seen:
            session.delete(row)
            dropped = True
    if dropped:
        session.flush()
    return dropped


def _races_reported_by(session: Session, article: Article, *, exclude: set[int]) -> list[Race]:
    """Races holding placings that ``article`` (an earlier version of it) reported, other than ``exclude``."""
    statement = select(Race).where(col(Race.id).in_(
        select(Result.race_id).where(Result.article_id == article.id).distinct()))
    return [race for race in session.exec(statement) if race.id not in exclude]


def _finish(session: Session, state: _Touched, article: Article, now: dt.datetime) -> RaceChange | None:
    race = state.race
    assert race.id is not None
    new_hash = podium_hash(session.exec(select(Result).where(Result.race_id == race.id)))
    kind: ChangeKind
    if state.created:
        kind = "new"
    elif new_hash != state.old_podium:
        kind = "podium_changed"
        race.podium_revision += 1
    elif state.changed:
        kind = "placings_changed"
    else:
        return None
    race.podium_hash = new_hash
    race.updated_at = now
    session.add(race)
    session.flush()
    return RaceChange(race_id=race.id, kind=kind, podium_revision=race.podium_revision,
                      historical=race.historical, race_date=race.date, first_seen_at=race.first_seen_at,
                      article_published=article.published)
