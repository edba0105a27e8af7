"""Forgiving argument parsing for /podium, /uitslag and /schaatser."""

from __future__ import annotations

import pytest

from bot.args import ArgProblem, RaceQuery, parse_name, parse_race_args


@pytest.mark.parametrize(("typed", "expected"), [
    ("1000m", RaceQuery("1000m")),
    ("1000", RaceQuery("1000m")),
    ("1.000 meter", RaceQuery("1000m")),
    ("1 km", RaceQuery("1000m")),
    ("1k", RaceQuery("1000m")),
    ("500", RaceQuery("500m")),
    ("500 m", RaceQuery("500m")),  # metres, not men
    ("500 m m", RaceQuery("500m", "men")),
    ("massastart dames", RaceQuery("mass_start", "women")),
    ("ploeg heren", RaceQuery("team_pursuit", "men")),
    ("ploegenachtervolging", RaceQuery("team_pursuit")),
    ("teamsprint v", RaceQuery("team_sprint", "women")),
    ("Vrouwen 1500M", RaceQuery("1500m", "women")),
    ("1,000 metres women", RaceQuery("1000m", "women")),
    ("st 500 heren", RaceQuery("500m", "men", "short_track")),
    ("500m short track ladies", RaceQuery("500m", "women", "short_track")),
    ("shorttrack", RaceQuery(None, None, "short_track")),
    ("mannen", RaceQuery(None, "men")),
    ("", RaceQuery()),
    ("500 meter dames en heren", RaceQuery("500m")),  # both genders: the latest of each
    ("mannen vrouwen", RaceQuery()),
    ("1000 mtr heren/dames", RaceQuery("1000m")),
    ("m&v massastart", RaceQuery("mass_start")),
])
def test_what_people_type(typed: str, expected: RaceQuery) -> None:
    assert parse_race_args(typed.split()) == expected


@pytest.mark.parametrize(("typed", "kind"), [
    ("x" * 10_000, "too_long"),
    ("🔥🔥", "bad_distance"),
    ("'; DROP TABLE races;--", "bad_distance"),
    ("800m", "bad_distance"),
])
def test_junk_is_a_problem(typed: str, kind: str) -> None:
    problem = parse_race_args(typed.split())
    assert isinstance(problem, ArgProblem) and problem.kind == kind
    assert len(problem.junk) <= 40


def test_names() -> None:
    assert parse_name(["  kjeld", "NUIS "]) == "kjeld NUIS"
    assert parse_name(["Sven\u200d", "Kramer"]) == "Sven Kramer"
    assert parse_name([]) == ArgProblem("need_name")
    assert parse_name(["12345"]) == ArgProblem("bad_name", "12345")
    assert parse_name(["a" * 500]) == ArgProblem("too_long")
