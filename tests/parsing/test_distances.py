"""Distances in prose, as bot users type them, and as labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsing.distances import (
    DISTANCE_CODES,
    distance_from_user,
    distance_label,
    find_distance_mentions,
    find_distances,
)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("de 1.000 meter", "1000m"), ("de 1000 meter", "1000m"), ("de 500 meter", "500m"),
        ("beide 500 meters", "500m"), ("de 10.000 meter", "10000m"), ("vijf kilometer", "5000m"),
        ("tien kilometer", "10000m"), ("3 km", "3000m"), ("de massastart", "mass_start"),
        ("de ploegenachtervolging", "team_pursuit"), ("de teamsprint", "team_sprint"),
        ("de aflossing", "relay"), ("the relay", "relay"), ("het allroundklassement", "allround_classification"),
        ("het sprintklassement", "sprint_classification"), ("in het eindklassement", "classification"),
        ("sloeg de kilometer over", "1000m"), ("Op de 1.500 reed ik", "1500m"), ("de 1500m", "1500m"),
        ("wereldkampioen allround", "allround_classification"), ("de Elfstedentocht", "other:200km"),
        ("over 60 kilometer", "other:60km"),
    ],
)
def test_prose_distances(phrase: str, code: str) -> None:
    assert [c for _, _, c in find_distances(phrase)] == [code]


def test_offsets_ordinals_and_mixed_relay() -> None:
    text = "Kok won de tweede 500 meter en Nederland de gemengde aflossing."
    mentions = find_distance_mentions(text)
    assert [text[m.start:m.end] for m in mentions] == ["tweede 500 meter", "gemengde aflossing"]
    assert mentions[0].ordinal == 2 and mentions[1].mixed


@pytest.mark.parametrize("text", ["Na 600 meter zag ik 40,8.", "Bij 3 kilometer zat ik op schema.",
                                  "Beune fietste 10.000 kilometer.", "De laatste 200 meter was zwaar.",
                                  "Er waren 5000 toeschouwers.", "Hij won 500 euro."])
def test_passages_and_non_distances_are_left_out(text: str) -> None:
    assert find_distances(text) == []


def test_race_with_article_is_not_a_passage() -> None:
    assert [c for _, _, c in find_distances("Bij de 1000 meter won hij.")] == ["1000m"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("1000m", "1000m"), ("1000", "1000m"), ("1.000 meter", "1000m"), ("1 km", "1000m"), ("1k", "1000m"),
     ("500", "500m"), ("5k", "5000m"), ("10km", "10000m"), ("10.000", "10000m"), ("1,5 km", "1500m"),
     ("massastart", "mass_start"), ("Mass Start", "mass_start"), ("ploeg", "team_pursuit"),
     ("ploegen", "team_pursuit"), ("ploegenachtervolging", "team_pursuit"), ("team pursuit", "team_pursuit"),
     ("teamsprint", "team_sprint"), ("relay", "relay"), ("aflossing", "relay"), ("vijf kilometer", "5000m")],
)
def test_user_distances(typed: str, code: str) -> None:
    assert distance_from_user(typed) == code


@pytest.mark.parametrize("typed", ["", "abc", "750", "0", "1000000", "5 euro", None])
def test_user_non_distances(typed: str | None) -> None:
    assert distance_from_user(typed) is None


@pytest.mark.parametrize("code", DISTANCE_CODES)
def test_labels_round_trip_through_user_input(code: str) -> None:
    for lang in ("nl", "en"):
        assert distance_from_user(distance_label(code, lang)) == code


def test_labels() -> None:
    assert distance_label("1000m", "nl") == "1000 m"
    assert distance_label("mass_start", "nl") == "massastart"
    assert distance_label("mass_start", "en") == "mass start"
    assert distance_label("team_pursuit", "en") == "team pursuit"
    assert distance_label("other:200km") == "200 km"
    assert distance_label("10000m", "nl") == "10.000 m"
    assert distance_label("10000m", "en") == "10,000 m"


@given(st.text())
def test_junk_never_raises(junk: str) -> None:
    find_distances(junk)
    distance_from_user(junk)


def test_distance_leads_cover_every_alternative() -> None:
    """``_LEADS`` (the two-letter starts that let the scan skip most words) must list the start of every
    alternative of ``_DISTANCE_RE``: the pattern without it finds exactly what it finds."""
    import re

    from parsing import distances

    full = distances._DISTANCE_RE
    without = re.compile(full.pattern.replace(distances._LEADS, "", 1), full.flags)
    assert without.pattern != full.pattern
    words = set(re.findall(r"[a-zé]{2,}", full.pattern)) | {"500", "1.000", "1500", "10.000", "3", "25,5"}
    samples = [f"{pre}{w}{post}" for w in sorted(words)
               for pre in ("", "de ", "5 ", "vijf ", "mixed ", "gemengde ", "alternatieve ", "klassement ")
               for post in ("", " meter", " kilometer", "m", " km", "s", "en", " allround", " sprint")]
    for text in samples:
        assert [m.span() for m in full.finditer(text)] == [m.span() for m in without.finditer(text)], text
