"""Notification texts: the podium as /podium shows it, the followed skaters' own placings, corrections."""

from __future__ import annotations

import datetime as dt

from bot.notifications import render_corrected_original, render_correction, render_podium_notification
from bot.render import render_podium
from storage.queries import ArticleLink, PlacingView, RaceInfo, RaceResults

RACE = RaceInfo(id=1, competition_id=1, competition="world_cup", discipline="long_track",
                venue="Tomaszów Mazowiecki", distance="1000m", gender="men", date=dt.date(2021, 11, 14))
PLACINGS = (
    PlacingView(1, "Hein Otterspeer", "NED", 6867, skater_id=1),
    PlacingView(2, "Thomas Krol", "NED", 6869, skater_id=2),
    PlacingView(3, "Kjeld Nuis", "NED", 6883, skater_id=3),
    PlacingView(7, "Kai Verbij", "NED", 6914, skater_id=7),
    PlacingView(None, "Dai Dai <Ntab>", "NED", None, skater_id=8),
)
RESULTS = RaceResults(RACE, PLACINGS, ArticleLink("https://nos.nl/l/1", "Otterspeer wint"))


def reasons(*ids: int) -> dict:
    return {"all": False, "distance": False, "skaters": [{"id": i} for i in ids]}


def test_the_podium_is_the_podium_command_plus_own_placings() -> None:
    text = render_podium_notification(RESULTS, reasons(2, 7, 8), "nl")
    assert text.startswith(render_podium(RESULTS, "nl"))
    assert text.endswith("\n\nKai Verbij werd 7e in 1.09,14")  # Krol is on the podium; Dai Dai has no result
    english = render_podium_notification(RESULTS, reasons(7), "en")
    assert english.endswith("Kai Verbij finished 7th in 1:09.14") and "1:08.67" in english


def test_no_own_lines_when_only_the_distance_is_followed() -> None:
    assert render_podium_notification(RESULTS, {"distance": True}, "nl") == render_podium(RESULTS, "nl")


def test_team_members_placing_comes_from_the_reasons() -> None:
    team = {"skaters": [{"id": 40, "name": "Irene Schouten", "rank": 4, "time": 17604}]}
    assert render_podium_notification(RESULTS, team, "nl").endswith("Irene Schouten werd 4e in 2.56,04")


def test_a_correction_is_short_and_the_original_is_marked() -> None:
    correction = render_correction(RESULTS, reasons(7), "nl")
    assert correction.splitlines() == [
        "✏️ <b>Correctie</b> · 1000 m mannen · Wereldbeker Tomaszów Mazowiecki",
        "🥇 Hein Otterspeer 🇳🇱 1.08,67", "🥈 Thomas Krol 🇳🇱 1.08,69", "🥉 Kjeld Nuis 🇳🇱 1.08,83",
        "Kai Verbij werd 7e in 1.09,14",
    ]
    assert render_correction(RESULTS, {}, "en").startswith("✏️ <b>Correction</b> · 1000 m men")
    assert render_corrected_original(RESULTS, {}, "nl").endswith("<i>✏️ Gecorrigeerd, zie hieronder.</i>")


def test_names_are_escaped() -> None:
    placings = (*PLACINGS[:3], PlacingView(5, "A <b>B</b>", None, 7000, skater_id=9))
    text = render_podium_notification(RaceResults(RACE, placings), reasons(9), "nl")
    assert "A &lt;b&gt;B&lt;/b&gt; werd 5e in 1.10,00" in text
