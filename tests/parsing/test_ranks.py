"""Property tests for the rank reader and unit tests for the clause-level vetoes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parsing.ranks import BLOCK_RE, find_ranks
from parsing.text import ORDINAL_WORDS, fold

ORDINALS = sorted(ORDINAL_WORDS.items())
MEDALS = [("goud", 1), ("zilver", 2), ("brons", 3)]


@given(st.sampled_from(ORDINALS), st.sampled_from(["werd", "eindigde als", "finishte als"]))
def test_ordinal_after_verb(ordinal: tuple[str, int], verb: str) -> None:
    word, value = fold(ordinal[0]), ordinal[1]
    hits = find_ranks(f"P0 {verb} {word}")
    assert [h.rank for h in hits] == [value]


@given(st.sampled_from(ORDINALS))
def test_place_and_time_phrases(ordinal: tuple[str, int]) -> None:
    word, value = fold(ordinal[0]), ordinal[1]
    assert find_ranks(f"P0 eindigde op de {word} plaats")[0].rank == value
    assert find_ranks(f"P0 reed de {word} tijd")[0].rank == value


@given(st.sampled_from(MEDALS), st.sampled_from(["pakte", "veroverde", "won", "greep"]))
def test_medals(medal: tuple[str, int], verb: str) -> None:
    word, value = medal
    assert find_ranks(f"P0 {verb} het {word}")[0].rank == value
    hit = find_ranks(f"het {word} ging naar P1")[0]
    assert hit.rank == value and hit.after


def test_round_is_not_a_rank() -> None:
    assert find_ranks("P0 won de tweede D0") == [find_ranks("P0 won de tweede D0")[0]]
    assert find_ranks("P0 won de tweede D0")[0].rank == 1


def test_podium_and_inverted() -> None:
    assert find_ranks("P0 completeerde het podium")[0].rank == 3
    assert find_ranks("P0 maakte het podium compleet")[0].rank == 3
    hit = find_ranks("derde werd P1 in T0")[0]
    assert hit.rank == 3 and hit.kind == "ord_inv"
    assert find_ranks("P0 was de nummer twee")[0].rank == 2


def test_vetoes() -> None:
    for clause in ("P0 kwam ten val", "P0 werd gediskwalificeerd", "P0 meldde zich af", "P0 werd twee keer tweede",
                   "P0 zou derde zijn geworden", "P0 leek goud te pakken", "P0 wil de D0 winnen"):
        assert BLOCK_RE.search(clause), clause
    for clause in ("P0 werd derde", "P0 kwam niet verder dan de negende plaats", "dit keer klokte hij T0"):
        assert not BLOCK_RE.search(clause), clause
