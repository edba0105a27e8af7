"""Read-side queries on a real SQLite database filled by tests/factories.py."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from storage import queries
from tests.factories import P, make_article, make_competition, make_race, seed_season


def test_latest_podium_prefers_the_newest_current_race(session: Session) -> None:
    ids = seed_season(session)
    [podium] = queries.latest_podiums(session=session, distance="1000m", gender="men")
    assert podium.race.id == ids["tomaszow_1000_men"]
    assert [p.name for p in podium.placings] == ["Hein Otterspeer", "Thomas Krol", "Kjeld Nuis"]
    assert podium.article is not None and podium.article.url is not None


def test_without_gender_both_races_of_the_weekend(session: Session) -> None:
    ids = seed_season(session)
    found = queries.latest_podiums(session=session, distance="1000m")
    assert [r.race.id for r in found] == [ids["tomaszow_1000_women"], ids["tomaszow_1000_men"]]


def test_other_gender_from_an_earlier_weekend_is_left_out(session: Session) -> None:
    ids = seed_season(session)
    found = queries.latest_podiums(session=session, distance="500m")
    assert [r.race.id for r in found] == [ids["tomaszow_500_women"]]  # men's 500 m was a week earlier


def test_history_never_counts_as_latest(session: Session) -> None:
    ids = seed_season(session)
    found = queries.latest_podiums(session=session, distance="1500m", gender="men")
    assert ids["history_1500_men"] not in [r.race.id for r in found]
    assert found == []  # and short track has no men's 1500 m either


def test_bare_distance_falls_back_to_short_track(session: Session) -> None:
    ids = seed_season(session)
    [found] = queries.latest_podiums(session=session, distance="1500m")
    assert found.race.id == ids["dordrecht_1500_women_st"]
    assert found.race.discipline == "short_track"
    assert queries.latest_podiums(session=session, distance="1000m", discipline="short_track") == []


def test_long_track_includes_allround_championships(session: Session) -> None:
    seed_season(session)
    ek = make_competition(session, kind="european_championships", discipline="allround", venue="Heerenveen",
                          start_date=dt.date(2022, 1, 8), end_date=dt.date(2022, 1, 9))
    race = make_race(session, competition=ek, distance="5000m", gender="men", date=dt.date(2022, 1, 8),
                     placings=[P("Patrick Roest", "NED", "6:07.95")])
    [found] = queries.latest_podiums(session=session, distance="5000m")
    assert found.race.id == race.id


def test_division_a_before_b_and_later_round_first(session: Session) -> None:
    wc = make_competition(session, venue="Calgary", start_date=dt.date(2021, 12, 10),
                          end_date=dt.date(2021, 12, 12))
    day = dt.date(2021, 12, 12)
    make_race(session, competition=wc, distance="500m", gender="men", date=day, division="B", round=2,
              placings=[P("B Winner")])
    make_race(session, competition=wc, distance="500m", gender="men", date=day, division="A", round=1,
              placings=[P("Round One")])
    a2 = make_race(session, competition=wc, distance="500m", gender="men", date=day, division="A", round=2,
                   placings=[P("Round Two")])
    [found] = queries.latest_podiums(session=session, distance="500m", gender="men")
    assert found.race.id == a2.id


def test_race_results_are_complete_and_ordered(session: Session) -> None:
    ids = seed_season(session)
    results = queries.race_results(session=session, race_id=ids["tomaszow_1000_men"])
    assert results is not None
    assert [p.rank for p in results.placings] == [1, 2, 3, 4, 5]
    assert results.placings[0].time == 6867


def test_team_placings_carry_members(session: Session) -> None:
    ids = seed_season(session)
    results = queries.race_results(session=session, race_id=ids["tomaszow_team_pursuit_women"])
    assert results is not None
    first = results.placings[0]
    assert first.is_team and first.country == "NED"
    assert first.members == ("Irene Schouten", "Antoinette Rijpma-de Jong", "Marijke Groenewoud")


def test_weekend_by_day(session: Session) -> None:
    seed_season(session)
    days = queries.latest_weekend(session=session, today=dt.date(2021, 12, 1))
    assert [d.date for d in days] == [dt.date(2021, 11, 12), dt.date(2021, 11, 13), dt.date(2021, 11, 14)]
    assert [r.race.distance for r in days[2].races] == ["1000m", "1000m"]
    assert [r.race.gender for r in days[2].races] == ["women", "men"]
    assert all(r.race.venue == "Tomaszów Mazowiecki" for d in days for r in d.races)


def test_weekend_ignores_races_after_today(session: Session) -> None:
    seed_season(session)
    days = queries.latest_weekend(session=session, today=dt.date(2021, 11, 8))
    assert {d.date for d in days} == {dt.date(2021, 11, 6), dt.date(2021, 11, 7)}


def test_skater_results_newest_first(session: Session) -> None:
    seed_season(session)
    from sqlmodel import select

    from storage.models import Skater

    nuis = session.exec(select(Skater).where(Skater.name == "Kjeld Nuis")).one()
    results = queries.skater_results(session=session, skater_id=nuis.id or 0)
    assert [(r.race.venue, r.placing.rank) for r in results] == [("Tomaszów Mazowiecki", 3), ("Stavanger", 1)]


def test_empty_database(session: Session) -> None:
    assert not queries.has_results(session=session)
    assert queries.latest_podiums(session=session, distance="500m") == []
    assert queries.latest_weekend(session=session) == []
    make_article(session)
    assert not queries.has_results(session=session)
