"""Which country a team of named skaters rides for (parsing.extract._team_country)."""

from __future__ import annotations

from parsing.extract import _team_country
from parsing.names import Person


def _p(pid: int, name: str, country: str | None = None) -> Person:
    return Person(pid, tuple(name.split()), country=country)


def test_one_known_country_wins() -> None:
    assert _team_country((_p(1, "Ada Berg", "NOR"), _p(2, "Ina Dahl"))) == "NOR"


def test_mixed_countries_give_none() -> None:
    assert _team_country((_p(1, "Ada Berg", "NOR"), _p(2, "Ina Dahl", "SWE"))) is None


def test_team_in_focus_is_the_fallback() -> None:
    assert _team_country((_p(1, "Ada Berg"), _p(2, "Ina Dahl")), "CAN") == "CAN"


def test_unknown_members_are_dutch_only_when_the_text_says_so() -> None:
    members = (_p(1, "Ada Berg"), _p(2, "Ina Dahl"))
    assert _team_country(members) is None
    assert _team_country(members, None, dutch_context=True) == "NED"


def test_known_dutch_skaters_make_the_team_dutch() -> None:
    assert _team_country((_p(1, "Sven Kramer"), _p(2, "Ada Berg"))) == "NED"
