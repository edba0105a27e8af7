"""Time and margin readers: Dutch notation round-trips, traps, and junk that must never raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.text import fold, ordinal_number, sentence_spans, word_number
from parsing.times import (
    MAX_RACE_TIME,
    MIN_RACE_TIME,
    find_margins,
    find_time_tokens,
    find_times,
    format_dutch_time,
    parse_time,
    time_context,
)

race_times = st.integers(min_value=MIN_RACE_TIME, max_value=MAX_RACE_TIME)


@given(race_times)
def test_dutch_notation_round_trips(hundredths: int) -> None:
    token = format_dutch_time(hundredths)
    assert parse_time(token) == hundredths
    assert find_times(f"Hij reed {token}.") == [(9, 9 + len(token), hundredths)]


@given(race_times)
def test_colon_and_sloppy_notations_round_trip(hundredths: int) -> None:
    seconds, hh = divmod(hundredths, 100)
    minutes, ss = divmod(seconds, 60)
    if minutes:
        assert parse_time(f"{minutes}:{ss:02d}.{hh:02d}") == hundredths
        assert parse_time(f"{minutes}.{ss:02d}.{hh:02d}") == hundredths


@given(race_times, st.integers(min_value=0, max_value=9))
def test_thousandths_truncate_to_hundredths(hundredths: int, extra: int) -> None:
    assert parse_time(format_dutch_time(hundredths) + str(extra)) == hundredths


@settings(max_examples=300)
@given(st.text())
def test_junk_never_raises(junk: str) -> None:
    parse_time(junk)
    find_times(junk)
    find_time_tokens(junk)
    for m in find_margins(junk):
        assert 0 <= m.start <= m.end <= len(junk)
    fold(junk)
    sentence_spans(junk)


@settings(max_examples=200)
@given(st.text(alphabet="0123456789.,: +-secondtiaph", max_size=40))
def test_numeric_junk_never_raises(junk: str) -> None:
    for start, end, value in find_times(junk):
        assert MIN_RACE_TIME <= value <= MAX_RACE_TIME
        assert 0 <= start < end <= len(junk)
    find_margins(junk)


@pytest.mark.parametrize(
    ("token", "expected"),
    [("1.08,67", 6867), ("34,69", 3469), ("3.44,56", 22456), ("12.47,89", 76789), ("6.09.82", 36982),
     ("1:08.67", 6867), ("34.69", 3469), ("36,906", 3690), ("1.24,512", 8451), ("(1.54,15)", 11415)],
)
def test_known_tokens(token: str, expected: int) -> None:
    assert parse_time(token) == expected


@pytest.mark.parametrize("token", ["0,5", "0,02", "2013", "15.30", "1.000", "10.000", "146,495", "", "abc",
                                   "1.14", "99,99", "25.00.00", None])
def test_not_race_times(token: str | None) -> None:
    assert parse_time(token) is None


def test_find_times_skips_margins_distances_points_years_and_clock() -> None:
    text = ("Nuis won de 1.000 meter in 1.08,67 en was 0,02 seconde sneller. In 2013 had ze 146,495 punten, "
            "om 15.30 uur begon de 10.000 meter. De Noor reed 6.09.82. Mulder (34,23) was 10,5 km verder. "
            "Na 600 meter zag ik 40,8 op het bord.")
    assert [text[s:e] for s, e, _ in find_times(text)] == ["1.08,67", "6.09.82", "34,23"]
    tenths = [t for t in find_time_tokens(text) if t.digits == 1]
    assert [text[t.start:t.end] for t in tenths] == ["40,8"]


def test_time_context_hints() -> None:
    text = "Met een opening van 9,32 reed hij 34,12, een baanrecord. Hij wil onder de 1.08,00 duiken."
    hints = {text[s:e]: time_context(text, s, e) for s, e, _ in find_times(text)}
    assert "split" in hints["9,32"]
    assert "record" in hints["34,12"]
    assert "target" in hints["1.08,00"]


@pytest.mark.parametrize(
    ("text", "phrase", "hundredths", "sign"),
    [
        ("Hij was 0,02 seconden sneller dan Thomas Krol.", "0,02 seconden sneller dan", 2, -1),
        ("Nederland was 1,19 seconde sneller dan Canada.", "1,19 seconde sneller dan", 119, -1),
        ("Ze eindigde op 0,01 seconde van Kok.", "op 0,01 seconde van", 1, 1),
        ("Hij was 0,3 seconde langzamer dan Nuis.", "0,3 seconde langzamer dan", 30, 1),
        ("Hij was 0,3 seconde trager dan Nuis.", "0,3 seconde trager dan", 30, 1),
        ("Hij finishte met een achterstand van 0,45 op Nuis.", "met een achterstand van 0,45 op", 45, 1),
        ("Ze won met een voorsprong van 0,45 seconde op Kok.", "met een voorsprong van 0,45 seconde op", 45, -1),
        ("Het verschil was twee honderdste.", "twee honderdste", 2, 0),
        ("Ze was een tiende sneller dan Kok.", "een tiende sneller dan", 10, -1),
        ("Hij bleef drie tienden achter Roest.", "drie tienden achter", 30, 1),
        ("Wüst kwam 0,36 seconde tekort.", "0,36 seconde tekort", 36, 1),
        ("2. Thomas Krol +0,07", "+0,07", 7, 1),
        ("Ze was twee duizendsten sneller dan Jackson.", "twee duizendsten sneller dan", 0, -1),
    ],
)
def test_margins(text: str, phrase: str, hundredths: int, sign: int) -> None:
    margins = find_margins(text)
    assert len(margins) == 1, margins
    m = margins[0]
    assert text[m.start:m.end] == phrase
    assert (m.hundredths, m.sign) == (hundredths, sign)


def test_margin_is_not_a_time_and_duration_is_not_a_margin() -> None:
    text = "Ze reed 0,5 seconde sneller dan vorig jaar. De rust duurde 30 seconden."
    assert find_times(text) == []
    assert [m.hundredths for m in find_margins(text)] == [50]


def test_text_helpers() -> None:
    assert fold("  Tomaszów   MAZOWIECKI ") == "tomaszow mazowiecki"
    assert fold("Dai Dai N’tab") == "dai dai n'tab"
    assert fold("Zuid-Koreaanse") == "zuid-koreaanse"
    assert word_number("vijf") == 5 and word_number("één") == 1
    assert ordinal_number("zevende") == 7 and ordinal_number("13e") == 13


def test_ordinal_tiende_is_not_a_margin() -> None:
    text = "Ze eindigde op een tiende plaats. Het was een tiende sneller. Zijn honderdste zege."
    margins = find_margins(text)
    assert [(text[m.start:m.end], m.hundredths, m.sign) for m in margins] == [("een tiende sneller", 10, -1)]


@pytest.mark.parametrize(
    "text",
    ["Hij was bijna vier seconden sneller dan Kooiman.", "Ze was ruim twee tienden sneller dan Beune.",
     "Leerdam volgt als tweede op ruim een halve seconde.", "Hij was 4 seconden sneller dan Nuis.",
     "Met een achterstand van ruim 0,45 op Nuis."],
)
def test_rounded_margins_are_flagged_and_left_out_by_default(text: str) -> None:
    assert find_margins(text) == []
    margins = find_margins(text, include_approximate=True)
    assert len(margins) == 1 and margins[0].approximate


def test_behind_words_make_the_subject_slower() -> None:
    text = "Margot Boer eindigde 0,12 seconde daarachter als tweede."
    assert [(m.hundredths, m.sign) for m in find_margins(text)] == [(12, 1)]
