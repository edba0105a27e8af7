"""Rendering: Dutch and English notation, dates, escaping, and splitting long replies."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.render import (
    format_date,
    format_time,
    ordinal,
    placing_line,
    render_podium,
    split_message,
    telegram_length,
    to_plain_text,
)
from storage.queries import ArticleLink, PlacingView, RaceInfo, RaceResults


def test_times_in_both_notations() -> None:
    assert format_time(6867, "nl") == "1.08,67"
    assert format_time(6867, "en") == "1:08.67"
    assert format_time(3469, "nl") == "34,69"
    assert format_time(3469, "en") == "34.69"
    assert format_time(12 * 6000 + 3405, "nl") == "12.34,05"
    assert format_time(3600 * 100 + 6000 + 305, "en") == "1:01:03.05"
    assert format_time(None, "nl") == ""


def test_dates_and_ordinals() -> None:
    assert format_date(dt.date(2021, 11, 14), "nl") == "zo 14 nov 2021"
    assert format_date(dt.date(2021, 11, 14), "en") == "Sun 14 Nov 2021"
    assert format_date(dt.date(2022, 3, 1), "nl") == "di 1 mrt 2022"
    assert [ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]
    assert ordinal(7, "nl") == "7e"


def _race(**overrides: object) -> RaceInfo:
    values: dict[str, object] = dict(id=1, competition_id=1, competition="world_cup", discipline="long_track",
                                     venue="Heerenveen", distance="1000m", gender="men",
                                     date=dt.date(2021, 12, 5))
    values.update(overrides)
    return RaceInfo(**values)  # type: ignore[arg-type]


def test_article_and_names_are_escaped() -> None:
    results = RaceResults(
        _race(venue="<Thialf>"),
        (PlacingView(1, "Kjeld <b>Nuis</b>", "NED", 6700),),
        ArticleLink('https://nos.nl/a?x=1&y="2"', "Nuis & co <wint>"),
    )
    text = render_podium(results, "nl")
    assert "&lt;Thialf&gt;" in text and "Kjeld &lt;b&gt;Nuis&lt;/b&gt;" in text
    assert '<a href="https://nos.nl/a?x=1&amp;y=&quot;2&quot;">Nuis &amp; co &lt;wint&gt;</a>' in text
    assert to_plain_text(text).splitlines()[-1] == 'NOS: Nuis & co <wint> (https://nos.nl/a?x=1&y="2")'


def test_short_track_rounds_and_divisions_are_named() -> None:
    results = RaceResults(_race(discipline="short_track", distance="500m", gender="women", round=2,
                                division="B"), ())
    assert render_podium(results, "nl").startswith("🏁 <b>500 m vrouwen shorttrack B-groep (2e race)</b>")
    assert render_podium(results, "en").startswith("🏁 <b>500 m women short track Division B (race 2)</b>")


def test_split_keeps_short_text_whole() -> None:
    assert split_message("a\nb") == ["a\nb"]
    assert split_message("") == []


def test_split_cuts_on_line_ends() -> None:
    lines = [f"🥇 regel {i} 🇳🇱 1.08,67" for i in range(400)]
    chunks = split_message("\n".join(lines))
    assert len(chunks) > 1
    assert all(telegram_length(c) <= 4096 for c in chunks)
    assert "\n".join(chunks).splitlines() == lines


def test_a_single_huge_line_loses_tags_not_text() -> None:
    line = "<b>" + " ".join(["woord"] * 2000) + "</b>"
    chunks = split_message(line, limit=500)
    assert all(telegram_length(c) <= 500 and "<" not in c for c in chunks)
    assert " ".join(chunks).split() == ["woord"] * 2000


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\n<>&"),
                        max_size=300), max_size=60),
       st.integers(min_value=20, max_value=600))
def test_split_never_exceeds_the_limit_or_loses_words(lines: list[str], limit: int) -> None:
    text = "\n".join(lines)
    chunks = split_message(text, limit)
    assert all(telegram_length(c) <= limit for c in chunks)
    assert "".join("".join(chunks).split()) == "".join(text.split())


def test_skater_and_weekend_replies_escape_names_venues_and_links() -> None:
    from bot.render import render_skater, render_weekend
    from storage.queries import SkaterInfo, SkaterResult, WeekendDay

    race = _race(venue="<Thialf> & co")
    placing = PlacingView(1, "Kjeld <i>Nuis</i>", "NED", 6700)
    link = ArticleLink('https://nos.nl/a?x=1&y="2"', "titel")
    skater = render_skater(SkaterInfo(1, "Kjeld <i>Nuis</i>", "NED"), [SkaterResult(race, placing, link)], "nl")
    assert "<i>" not in skater and "&lt;Thialf&gt; &amp; co" in skater
    assert skater.startswith("⛸ <b>Kjeld &lt;i&gt;Nuis&lt;/i&gt;</b> 🇳🇱 · laatste uitslagen")
    assert '<a href="https://nos.nl/a?x=1&amp;y=&quot;2&quot;">NOS</a>' in skater
    weekend = render_weekend([WeekendDay(race.date, (RaceResults(race, (placing,)),))], "nl")
    assert "<i>Wereldbeker &lt;Thialf&gt; &amp; co</i>" in weekend.splitlines()
    assert "🥇 Kjeld &lt;i&gt;Nuis&lt;/i&gt; 🇳🇱" in weekend
    assert render_skater(SkaterInfo(2, "A<b>", None), [], "en").endswith("I have no results for A&lt;b&gt; yet.")


def test_mass_start_points_in_podium_and_skater_lines() -> None:
    from bot.render import render_skater
    from storage.queries import SkaterInfo, SkaterResult

    race = _race(distance="mass_start")
    swings = PlacingView(1, "Bart Swings", "BEL", None, points=60)
    assert render_podium(RaceResults(race, (swings,)), "nl").splitlines()[1] == "🥇 Bart Swings 🇧🇪 60 punten"
    assert render_podium(RaceResults(race, (swings,)), "en").splitlines()[1] == "🥇 Bart Swings 🇧🇪 60 points"
    line = render_skater(SkaterInfo(1, "Bart Swings", "BEL"), [SkaterResult(race, swings)], "nl").splitlines()[1]
    assert line == "🥇 massastart mannen · Wereldbeker Heerenveen · zo 5 dec 2021: 1e met 60 punten"


def test_teams_are_named_in_the_reply_language() -> None:
    team = PlacingView(rank=2, name="Italy", country="ITA", time=None, is_team=True)
    assert "Italië" in placing_line(team, "nl") and "Italy" not in placing_line(team, "nl")
    assert "Italy" in placing_line(team, "en")
    club = PlacingView(rank=1, name="Team Zaanlander", country="NED", time=None, is_team=True)
    assert "Team Zaanlander" in placing_line(club, "nl")
