"""Forgiving skater look-up."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.skaters import find_skaters, phonetic
from tests.factories import make_skater


@pytest.fixture
def skaters(session: Session) -> Session:
    for name, country in [
        ("Pavel Koelizjnikov", "RUS"), ("Kjeld Nuis", "NED"), ("Jorien ter Mors", "NED"),
        ("Martina Sáblíková", "CZE"), ("Ronald Mulder", "NED"), ("Michel Mulder", "NED"),
        ("Joeri Mosjtsjenko", "RUS"), ("Havard Holmefjord Lorentzen", "NOR"), ("Hein Otterspeer", "NED"),
        ("Thomas Krol", "NED"), ("Kai Verbij", "NED"), ("Olga Fatkoelina", "RUS"),
    ]:
        make_skater(session, name, country=country)
    make_skater(session, "Irene Schouten", country="NED", aliases=["Schoutje"])
    session.commit()
    return session


def _names(session: Session, query: str) -> list[str]:
    return [m.name for m in find_skaters(session=session, query=query)]


def test_transliteration_is_folded_on_both_sides() -> None:
    assert phonetic("Koelizjnikov") == phonetic("Kulizhnikov")
    assert phonetic("Joeri") == phonetic("Yuri")
    assert phonetic("Fatkoelina") == phonetic("Fatkulina")


@pytest.mark.parametrize(("query", "expected"), [
    ("Kulizhnikov", "Pavel Koelizjnikov"),
    ("pavel kulizhnikov", "Pavel Koelizjnikov"),
    ("Kulischnikow", "Pavel Koelizjnikov"),  # German spelling: close enough for the typo scorer
    ("KJELD NUIS", "Kjeld Nuis"),
    ("nuis", "Kjeld Nuis"),
    ("sablikova", "Martina Sáblíková"),
    ("ter mors", "Jorien ter Mors"),
    ("Otterspear", "Hein Otterspeer"),  # typo
    ("otters", "Hein Otterspeer"),  # prefix
    ("Yuri Moshchenko", "Joeri Mosjtsjenko"),
    ("Lorentzen", "Havard Holmefjord Lorentzen"),
    ("Håvard Lorentzen", "Havard Holmefjord Lorentzen"),
    ("Nuis Kjeld", "Kjeld Nuis"),
    ("schoutje", "Irene Schouten"),
])
def test_finds_the_skater(skaters: Session, query: str, expected: str) -> None:
    found = find_skaters(session=skaters, query=query)
    assert found and found[0].name == expected, found


def test_a_shared_surname_gives_both(skaters: Session) -> None:
    found = find_skaters(session=skaters, query="Mulder")
    assert {m.name for m in found[:2]} == {"Ronald Mulder", "Michel Mulder"}
    assert found[0].score == found[1].score


def test_nothing_close_gives_nothing(skaters: Session) -> None:
    assert _names(skaters, "Zzyzx Qwerty") == []
    assert _names(skaters, "🔥") == []
    assert _names(skaters, "") == []


def test_new_skaters_are_found_after_the_cache_was_built(skaters: Session) -> None:
    assert _names(skaters, "Leerdam") == []
    make_skater(skaters, "Jutta Leerdam", country="NED")
    skaters.commit()
    assert _names(skaters, "Leerdam") == ["Jutta Leerdam"]


def test_a_country_learned_later_shows_in_the_matches(skaters: Session) -> None:
    from storage.models import Skater

    make_skater(skaters, "Jutta Leerdam")
    skaters.commit()
    assert [m.country for m in find_skaters(session=skaters, query="Leerdam")] == [None]
    leerdam = skaters.exec(select(Skater).where(Skater.key == "jutta leerdam")).one()
    leerdam.country = "NED"
    skaters.add(leerdam)
    skaters.commit()
    assert [m.country for m in find_skaters(session=skaters, query="Leerdam")] == ["NED"]
