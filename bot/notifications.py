"""The texts of pushed notifications: a podium (as /podium shows it) and a correction. Pure functions."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from bot.i18n import Lang
from bot.render import competition_title, format_time, ordinal, placing_line, race_title, render_podium
from storage.queries import PlacingView, RaceResults

TEXTS: dict[str, dict[Lang, str]] = {
    "placed": {"nl": "{name} werd {rank} in {time}", "en": "{name} finished {rank} in {time}"},
    "placed_no_time": {"nl": "{name} werd {rank}", "en": "{name} finished {rank}"},
    "time_only": {"nl": "{name} reed {time}", "en": "{name} skated {time}"},
    "correction": {"nl": "✏️ <b>Correctie</b> · {race}", "en": "✏️ <b>Correction</b> · {race}"},
    "corrected_mark": {"nl": "<i>✏️ Gecorrigeerd, zie hieronder.</i>", "en": "<i>✏️ Corrected, see below.</i>"},
}


def _t(lang: Lang, key: str, **values: object) -> str:
    return TEXTS[key][lang].format(**values)


def own_placing_lines(results: RaceResults, followed_ids: Iterable[int], lang: Lang) -> list[str]:
    """'Kai Verbij werd 7e in 1.09,14' for each followed skater who is not on the podium."""
    wanted = set(followed_ids)
    lines = []
    for placing in results.placings:
        if placing.skater_id not in wanted or (placing.rank is not None and placing.rank <= 3):
            continue
        line = _own_line(placing, lang)
        if line:
            lines.append(line)
    return lines


def team_member_lines(results: RaceResults, reasons: Mapping[str, Any], lang: Lang) -> list[str]:
    """Followed skaters who rode in a team (team pursuit, team sprint) that is not on the podium."""
    own = {p.skater_id for p in results.placings if p.skater_id is not None}
    lines = []
    for skater in reasons.get("skaters") or []:
        rank = skater.get("rank")
        if skater.get("id") in own or (rank is not None and rank <= 3):
            continue
        line = _own_line(PlacingView(rank=rank, name=str(skater.get("name") or ""), country=None,
                                     time=skater.get("time")), lang)
        if line:
            lines.append(line)
    return lines


def _own_line(placing: PlacingView, lang: Lang) -> str | None:
    name = html.escape(placing.name)
    time = format_time(placing.time, lang) if placing.time is not None else ""
    if placing.rank is not None:
        rank = ordinal(placing.rank, lang)
        return _t(lang, "placed", name=name, rank=rank, time=time) if time else _t(
            lang, "placed_no_time", name=name, rank=rank)
    return _t(lang, "time_only", name=name, time=time) if time else None


def followed_skater_ids(reasons: Mapping[str, Any]) -> list[int]:
    return [int(s["id"]) for s in reasons.get("skaters") or [] if s.get("id") is not None]


def render_podium_notification(results: RaceResults, reasons: Mapping[str, Any], lang: Lang) -> str:
    """The /podium block, then the followed skaters' own placings below the podium."""
    text = render_podium(results, lang)
    extra = own_placing_lines(results, followed_skater_ids(reasons), lang) + team_member_lines(
        results, reasons, lang)
    return text + ("\n\n" + "\n".join(extra) if extra else "")


def render_correction(results: RaceResults, reasons: Mapping[str, Any], lang: Lang) -> str:
    """A short new message: what changed is the podium, shown again, plus the own placings."""
    title = html.escape(race_title(results.race, lang))
    competition = competition_title(results.race, lang)
    head = _t(lang, "correction", race=title + (f" · {html.escape(competition)}" if competition else ""))
    lines = [head]
    lines += [placing_line(p, lang) for p in results.placings if p.rank is not None and p.rank <= 3]
    lines += own_placing_lines(results, followed_skater_ids(reasons), lang)
    lines += team_member_lines(results, reasons, lang)
    return "\n".join(lines)


def render_corrected_original(results: RaceResults, reasons: Mapping[str, Any], lang: Lang) -> str:
    """The earlier podium message, edited to the new podium and marked as corrected."""
    return render_podium_notification(results, reasons, lang) + "\n" + _t(lang, "corrected_mark")
