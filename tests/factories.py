"""Small factories that write SQLModel rows directly: competitions, races with placings, skaters, articles.

They do not go through the feed job's ingest (``storage/races.py``), so bot tests only depend on the schema.
``seed_season`` builds a small but realistic database that the bot tests share.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, select

from storage.keys import (
    competition_key,
    race_key,
    season_of,
    skater_entrant_key,
    skater_key,
    team_entrant_key,
)
from storage.models import Article, Competition, Race, Result, Skater, SkaterAlias, utcnow

_guids = itertools.count(2_400_000)


@dataclass(frozen=True, slots=True)
class P:
    """One placing to create: a skater (or a team when ``team``), with an optional time like '1:08.67'."""

    name: str
    country: str | None = None
    time: str | int | None = None
    rank: int | None = None  # defaults to the position in the list
    points: int | None = None
    team: bool = False
    members: tuple[str, ...] = field(default=())


def hundredths(time: str | int | None) -> int | None:
    """'1:08.67' -> 6867, '34.69' -> 3469."""
    if time is None or isinstance(time, int):
        return time
    minutes, _, rest = time.rpartition(":")
    seconds, _, hh = rest.partition(".")
    return (int(minutes or 0) * 60 + int(seconds)) * 100 + int(hh.ljust(2, "0")[:2])


def make_article(session: Session, *, title: str = "Verslag", url: str | None = None,
                 published: dt.datetime | None = None, text: str = "…") -> Article:
    guid = str(next(_guids))
    article = Article(guid=guid, feed="nos", url=url or f"https://nos.nl/artikel/{guid}-verslag", title=title,
                      published=published, content_hash=guid, text=text)
    session.add(article)
    session.flush()
    return article


def make_competition(session: Session, *, kind: str = "world_cup", discipline: str = "long_track",
                     venue: str | None = "Tomaszów Mazowiecki", start_date: dt.date | None = None,
                     end_date: dt.date | None = None) -> Competition:
    season = season_of(start_date) if start_date else None
    key = competition_key(kind, discipline, venue, season, start_date)
    existing = session.exec(select(Competition).where(Competition.key == key)).first()
    if existing:
        return existing
    competition = Competition(key=key, kind=kind, discipline=discipline, venue=venue, season=season,
                              start_date=start_date, end_date=end_date)
    session.add(competition)
    session.flush()
    return competition


def make_skater(session: Session, name: str, *, country: str | None = None, gender: str | None = None,
                aliases: Sequence[str] = ()) -> Skater:
    key = skater_key(name)
    skater = session.exec(select(Skater).where(Skater.key == key)).first()
    if skater is None:
        skater = Skater(key=key, name=name, country=country, gender=gender)
        session.add(skater)
        session.flush()
    assert skater.id is not None
    for alias in aliases:
        session.add(SkaterAlias(skater_id=skater.id, alias=skater_key(alias)))
    session.flush()
    return skater


def make_race(session: Session, *, competition: Competition, distance: str, gender: str | None,
              date: dt.date | None, placings: Sequence[P] = (), article: Article | None = None,
              historical: bool = False, round: int | None = None, division: str | None = None,
              first_seen_at: dt.datetime | None = None) -> Race:
    assert competition.id is not None
    race = Race(key=race_key(competition.key, distance, gender, round, division) + f"|{date}|{historical}",
                competition_id=competition.id, distance=distance, gender=gender, date=date, round=round,
                division=division, historical=historical, first_seen_at=first_seen_at or utcnow())
    session.add(race)
    session.flush()
    for position, placing in enumerate(placings, start=1):
        add_result(session, race=race, placing=placing, rank=placing.rank or position, article=article,
                   gender=gender)
    return race


def add_result(session: Session, *, race: Race, placing: P, rank: int | None, article: Article | None = None,
               gender: str | None = None) -> Result:
    assert race.id is not None
    if placing.team:
        entrant, skater_id = team_entrant_key(placing.name, placing.country), None
    else:
        skater = make_skater(session, placing.name, country=placing.country, gender=gender)
        entrant, skater_id = skater_entrant_key(skater.id or 0), skater.id
    result = Result(race_id=race.id, entrant_key=entrant, skater_id=skater_id,
                    team_name=placing.name if placing.team else None,
                    members=json.dumps(list(placing.members)) if placing.members else None,
                    country=placing.country, rank=rank, time_hundredths=hundredths(placing.time),
                    time_stated=placing.time is not None, points=placing.points,
                    article_id=article.id if article else None)
    session.add(result)
    session.flush()
    return result


# --- the shared test season ------------------------------------------------------------------------------

TOMASZOW = dt.date(2021, 11, 12), dt.date(2021, 11, 14)
STAVANGER = dt.date(2021, 11, 5), dt.date(2021, 11, 7)
DORDRECHT = dt.date(2021, 10, 29), dt.date(2021, 10, 31)
ARTICLE_URL = "https://nos.nl/artikel/2405123-otterspeer-wint-de-1000-meter"


def seed_season(session: Session) -> dict[str, int]:
    """Two long-track World Cup weekends, a short-track one, and a historical race; returns race ids."""
    ids: dict[str, int] = {}

    stavanger = make_competition(session, venue="Stavanger", start_date=STAVANGER[0], end_date=STAVANGER[1])
    report = make_article(session, title="Nuis wint 1000 meter in Stavanger",
                          published=dt.datetime(2021, 11, 7, 16, tzinfo=dt.UTC))
    ids["stavanger_1000_men"] = make_race(
        session, competition=stavanger, distance="1000m", gender="men", date=dt.date(2021, 11, 7), article=report,
        placings=[P("Kjeld Nuis", "NED", "1:07.98"), P("Thomas Krol", "NED", "1:08.10"),
                  P("Laurent Dubreuil", "CAN", "1:08.24")]).id or 0
    ids["stavanger_500_men"] = make_race(
        session, competition=stavanger, distance="500m", gender="men", date=dt.date(2021, 11, 6), article=report,
        placings=[P("Pavel Koelizjnikov", "RUS", "34.38"), P("Laurent Dubreuil", "CAN", "34.52"),
                  P("Ronald Mulder", "NED", "34.60"), P("Michel Mulder", "NED", "34.71")]).id or 0

    tomaszow = make_competition(session, start_date=TOMASZOW[0], end_date=TOMASZOW[1])
    report = make_article(session, title="Otterspeer & Krol: 'goud' en <zilver> op de 1000 meter",
                          url=ARTICLE_URL, published=dt.datetime(2021, 11, 14, 15, tzinfo=dt.UTC))
    ids["tomaszow_1000_men"] = make_race(
        session, competition=tomaszow, distance="1000m", gender="men", date=dt.date(2021, 11, 14), article=report,
        placings=[P("Hein Otterspeer", "NED", "1:08.67"), P("Thomas Krol", "NED", "1:08.69"),
                  P("Kjeld Nuis", "NED", "1:08.83"), P("Laurent Dubreuil", "CAN", "1:08.95"),
                  P("Kai Verbij", "NED", "1:09.14")]).id or 0
    ids["tomaszow_1000_women"] = make_race(
        session, competition=tomaszow, distance="1000m", gender="women", date=dt.date(2021, 11, 14),
        article=report,
        placings=[P("Miho Takagi", "JPN", "1:14.21"), P("Jutta Leerdam", "NED", "1:14.60"),
                  P("Brittany Bowe", "USA", "1:14.70")]).id or 0
    women500 = make_article(session, title="Jackson de snelste op de 500 meter",
                            published=dt.datetime(2021, 11, 12, 18, tzinfo=dt.UTC))
    ids["tomaszow_500_women"] = make_race(
        session, competition=tomaszow, distance="500m", gender="women", date=dt.date(2021, 11, 12),
        article=women500,
        placings=[P("Erin Jackson", "USA", "37.37"), P("Nao Kodaira", "JPN", "37.59"),
                  P("Femke Kok", "NED", "37.61")]).id or 0
    ids["tomaszow_mass_start_men"] = make_race(
        session, competition=tomaszow, distance="mass_start", gender="men", date=dt.date(2021, 11, 13),
        article=women500,
        placings=[P("Bart Swings", "BEL", points=60), P("Jorrit Bergsma", "NED", points=40),
                  P("Andrea Giovannini", "ITA", points=20)]).id or 0
    ids["tomaszow_team_pursuit_women"] = make_race(
        session, competition=tomaszow, distance="team_pursuit", gender="women", date=dt.date(2021, 11, 13),
        article=women500,
        placings=[P("NED", "NED", "2:55.11", team=True,
                    members=("Irene Schouten", "Antoinette Rijpma-de Jong", "Marijke Groenewoud")),
                  P("CAN", "CAN", "2:55.90", team=True), P("JPN", "JPN", "2:56.04", team=True)]).id or 0

    # An article about Tomaszów looks back at the 2018 Olympic 1500 m; it must never count as the latest.
    olympics = make_competition(session, kind="olympics", venue="Gangneung", start_date=dt.date(2018, 2, 9),
                                end_date=dt.date(2018, 2, 25))
    ids["history_1500_men"] = make_race(
        session, competition=olympics, distance="1500m", gender="men", date=dt.date(2021, 11, 15),
        historical=True, article=report,
        placings=[P("Kjeld Nuis", "NED", "1:44.01"), P("Patrick Roest", "NED", "1:44.86")]).id or 0

    dordrecht = make_competition(session, discipline="short_track", venue="Dordrecht", start_date=DORDRECHT[0],
                                 end_date=DORDRECHT[1])
    short = make_article(session, title="Schulting pakt goud op de 1500 meter",
                         published=dt.datetime(2021, 10, 31, 17, tzinfo=dt.UTC))
    ids["dordrecht_1500_women_st"] = make_race(
        session, competition=dordrecht, distance="1500m", gender="women", date=dt.date(2021, 10, 31),
        article=short,
        placings=[P("Suzanne Schulting", "NED", "2:17.88"), P("Choi Min-jeong", "KOR", "2:18.01"),
                  P("Kristen Santos", "USA", "2:18.20")]).id or 0
    ids["dordrecht_relay_women_st"] = make_race(
        session, competition=dordrecht, distance="relay", gender="women", date=dt.date(2021, 10, 31),
        article=short,
        placings=[P("NED", "NED", "4:03.34", team=True), P("KOR", "KOR", "4:03.60", team=True),
                  P("CAN", "CAN", "4:04.01", team=True)]).id or 0
    session.commit()
    return ids
