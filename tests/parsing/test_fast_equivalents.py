"""Fast forms of parser patterns against the plain patterns they stand for.

For speed, a few patterns are written in a form `re` runs faster (split behind the words they spell, reversed,
or tried only where a scan says a match may start). Each test here holds the plain pattern and checks, on text
made of the words that matter, that the fast form gives the same answer: an edit to one without the other fails.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsing import distances
from parsing.extract import _not_a_race_before
from parsing.ranks import standings_in


def _texts(words: list[str], max_size: int = 12) -> st.SearchStrategy[str]:
    """Texts of vocabulary words, odd fragments and separators: most draws come near a match, many match."""
    part = st.sampled_from(words) | st.text(alphabet="abdeknrstvw0159.,-' ", max_size=4)
    sep = st.sampled_from([" ", "  ", "", ", ", "\n", "-"])
    return st.lists(st.tuples(part, sep), max_size=max_size).map(lambda xs: "".join(p + s for p, s in xs))


# --- ranks.standings_in --------------------------------------------------------------------------------------

_STANDINGS = re.compile(
    r"klassement|\beindstand|\bstand\b|\beindzege|\bwereldbeker(?:klassement|stand)|"
    r"\b(?:pakte|won|wint|veroverde|greep|wonnen|pakt)\s+(?:\w+\s+){0,3}?de\s+wereldbeker\b(?!\s*(?:in|van|op|finale)\b)")
_STANDINGS_WORDS = ["klassement", "eindstand", "stand", "afstand", "standen", "eindzege", "wereldbeker",
                    "wereldbekerstand", "wereldbekerklassement", "pakte", "won", "wint", "veroverde", "greep",
                    "wonnen", "pakt", "hij", "opnieuw", "de", "in", "van", "op", "finale", "heerenveen", "uitwonnen"]


@settings(max_examples=1000)
@given(_texts(_STANDINGS_WORDS))
def test_standings_in_is_the_standings_pattern(text: str) -> None:
    assert standings_in(text) == bool(_STANDINGS.search(text))


def test_standings_in_examples() -> None:
    assert standings_in("ze won opnieuw de wereldbeker")
    assert standings_in("de stand in de wereldbeker")
    assert not standings_in("ze won de wereldbeker in heerenveen")
    assert not standings_in("over de hele afstand was ze de beste")


# --- extract._not_a_race_before ------------------------------------------------------------------------------

_NOT_RACE = re.compile(
    r"(?:\b(?:vlak\s+)?(?:voor|na|voorafgaand aan|na afloop van)\s+de\s+(?:\w+\s+)?|"
    r"\b(?:richten|concentreren|focussen|voorbereiding|voorbereiden)\s+(?:\w+\s+)?op\s+de\s+|"
    r"\b(?:revanche|gebrand|klaar|op weg|ambities?|doel)\s+(?:\w+\s+){0,2}?op\s+de\s+|"
    r"\bafzien\s+van\s+de\s+)$")
_NOT_RACE_WORDS = ["vlak", "voor", "na", "voorafgaand aan", "na afloop van", "de", "het", "op", "van", "richten",
                   "concentreren", "focussen", "voorbereiding", "voorbereiden", "revanche", "gebrand", "klaar",
                   "op weg", "ambitie", "ambities", "doel", "afzien", "zich", "vooral", "hanna", "ze", "P1", "T0"]


@settings(max_examples=1000)
@given(st.tuples(_texts(_NOT_RACE_WORDS, max_size=6),
                 st.sampled_from(["", " ", "de ", " de ", "de  ", " de eerste ", " op de ", "op de\n", " van de "])))
def test_reversed_not_race_pattern_is_the_plain_one(parts: tuple[str, str]) -> None:
    before = "".join(parts)  # the text before a distance token, as the engine hands it over
    assert _not_a_race_before(before, len(before)) == bool(_NOT_RACE.search(before))


def test_reversed_not_race_examples() -> None:
    assert _not_a_race_before("vlak voor de D0", 13)
    assert not _not_a_race_before("ze richt zich op de D0", 20)  # "richt" is not "richten"
    assert _not_a_race_before("ze wil zich richten op de D0", 26)
    assert not _not_a_race_before("hij won de D0", 11)


# --- distances: the lead scans in front of _DISTANCE_RE ------------------------------------------------------

_DISTANCE_WORDS = sorted(set(re.findall(r"[a-zé]{2,}", distances._DISTANCE_RE.pattern))) + [
    "500", "1.000", "1000", "1500", "1.500", "3000", "5.000", "10.000", "10000", "3", "25,5", "200", "1.08,67",
    "2026", "5e", "m", "km", "meter", "kilometer", "Meter", "KILOMETER", "İ", "ß", "٣"]


def _scanned(text: str) -> list[tuple[int, int]]:
    """The matches mention_tuples reads: _DISTANCE_RE tried only where its lead scans point."""
    return [m.span() for m in distances._candidate_matches(text, text.lower())]


def _full_scan(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in distances._DISTANCE_RE.finditer(distances.same_length_lower(text))]


@settings(max_examples=1000)
@given(_texts(_DISTANCE_WORDS, max_size=8))
def test_lead_scans_find_every_distance_match(text: str) -> None:
    assert _scanned(text) == _full_scan(text)


def test_lead_scans_on_prose() -> None:
    text = "Na 200 meter lag ze voor, maar op de 1.500 meter en de ploegenachtervolging won Nederland (vijf km)."
    assert _scanned(text) == _full_scan(text)
    assert len(_full_scan(text)) >= 3
