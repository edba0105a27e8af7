"""The command core: a command with its arguments, language and chat kind in, a :class:`Reply` out.

Both the PTB handlers and ``schaatsbot console`` call :func:`run_command` and :func:`run_callback`, so the
terminal shows exactly what Telegram would. Nothing here knows about Telegram objects.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from sqlmodel import Session

from bot import render
from bot.args import ArgProblem, RaceQuery, parse_name, parse_race_args
from bot.i18n import DISCIPLINE_NAMES, EXAMPLES, Lang, distance_name, gender_name, t
from parsing.countries import flag_emoji
from storage import queries
from storage.skaters import SkaterMatch, find_skaters

ChatKind = Literal["private", "group"]
SKATER_CALLBACK = "schaatser:"  # callback data of the pick-a-skater buttons: "schaatser:<id>"
SKATER_CHOICES = 5
STRONG_MATCH = 97.0  # exact name, alias or surname (storage.skaters scores)
CLEAR_LEAD = 8.0  # a fuzzy best match this far ahead of the next one is taken without asking


@dataclass(frozen=True, slots=True)
class Button:
    text: str  # plain text, Telegram shows it as is
    data: str  # callback data, at most 64 bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply as Telegram HTML, with optional inline buttons (rows of buttons)."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()

    def chunks(self) -> list[str]:
        """The text cut into messages Telegram accepts."""
        return render.split_message(self.text)


@dataclass(frozen=True, slots=True)
class Request:
    command: str  # lower case, without '/' and '@BotName'
    args: tuple[str, ...] = ()
    lang: Lang = "nl"
    chat_kind: ChatKind = "private"
    chat_id: int | None = None
    user_id: int | None = None
    today: dt.date | None = None


CommandFn = Callable[[Session, Request], Reply]


def parse_command_line(line: str) -> tuple[str, tuple[str, ...]] | None:
    """'/podium@SchaatsBot 1000m dames' -> ('podium', ('1000m', 'dames')); None when not a command."""
    words = line.strip().split()
    if not words or not words[0].startswith("/") or len(words[0]) < 2:
        return None
    command = words[0][1:].split("@", 1)[0].lower()
    return command, tuple(words[1:])


def run_command(*, session: Session, request: Request) -> Reply | None:
    """The reply to a command; None when the bot should stay silent (an unknown command in a group)."""
    handler = COMMANDS.get(request.command)
    if handler is None:
        return Reply(t(request.lang, "unknown_command")) if request.chat_kind == "private" else None
    return handler(session, request)


def plain_message(*, lang: Lang, chat_kind: ChatKind) -> Reply | None:
    """A message without a command: a hint in private chats, silence in groups."""
    return Reply(t(lang, "hint_private")) if chat_kind == "private" else None


def run_callback(*, session: Session, data: str, lang: Lang) -> Reply | None:
    """The reply to a button press of ours; None for data this core does not own."""
    if data.startswith(SKATER_CALLBACK):
        raw = data[len(SKATER_CALLBACK):]
        if not raw.isdigit():
            return Reply(t(lang, "skater_gone"))
        return _skater_reply(session, int(raw), lang)
    return None


# --- commands --------------------------------------------------------------------------------------------


def help_command(session: Session, request: Request) -> Reply:
    return Reply(t(request.lang, "help"))


def podium_command(session: Session, request: Request) -> Reply:
    """/podium [afstand] [mannen|vrouwen] [shorttrack]."""
    query = parse_race_args(request.args)
    if isinstance(query, ArgProblem):
        return _problem(query, request)
    if query.distance is None:
        days = _weekend(session, request, query)
        if not days:
            return _nothing_found(session, request, query)
        return Reply(render.render_weekend_podiums(days, request.lang))
    found = queries.latest_podiums(session=session, distance=query.distance, gender=query.gender,
                                   discipline=query.discipline)
    if not found:
        return _nothing_found(session, request, query)
    return Reply(render.render_podiums(found, request.lang))


def results_command(session: Session, request: Request) -> Reply:
    """/uitslag <afstand> [mannen|vrouwen]: every placing of the latest race(s) at that distance."""
    query = parse_race_args(request.args)
    if isinstance(query, ArgProblem):
        return _problem(query, request)
    if query.distance is None:
        return Reply(t(request.lang, "need_distance", command=request.command))
    races = queries.latest_podiums(session=session, distance=query.distance, gender=query.gender,
                                   discipline=query.discipline, top=None)
    if not races:
        return _nothing_found(session, request, query)
    return Reply("\n\n".join(render.render_results(r, request.lang) for r in races))


def skater_command(session: Session, request: Request) -> Reply:
    """/schaatser <naam>: the latest results, or buttons when the name fits several skaters."""
    name = parse_name(request.args)
    if isinstance(name, ArgProblem):
        return _problem(name, request)
    matches = find_skaters(session=session, query=name, limit=SKATER_CHOICES)
    if not matches:
        return Reply(t(request.lang, "no_skater", name=html.escape(name)))
    chosen = pick_skater(matches)
    if isinstance(chosen, SkaterMatch):
        return _skater_reply(session, chosen.skater_id, request.lang)
    return Reply(
        t(request.lang, "pick_skater", name=html.escape(name)),
        tuple((Button(skater_button_text(m), f"{SKATER_CALLBACK}{m.skater_id}"),) for m in chosen),
    )


def weekend_command(session: Session, request: Request) -> Reply:
    """/weekend: the latest competition weekend, by day."""
    query = parse_race_args(request.args)
    if isinstance(query, ArgProblem):
        return _problem(query, request)
    days = _weekend(session, request, query)
    if not days:  # whatever was asked, the answer is about the weekend
        return _nothing_found(session, request, replace(query, distance=None))
    return Reply(render.render_weekend(days, request.lang))


# Dutch name first, English alias next; the notifications' commands live in bot/handlers/follow.py.
COMMANDS: dict[str, CommandFn] = {
    "start": help_command,
    "help": help_command,
    "hulp": help_command,
    "podium": podium_command,
    "uitslag": results_command,
    "results": results_command,
    "schaatser": skater_command,
    "skater": skater_command,
    "weekend": weekend_command,
}


# --- helpers ---------------------------------------------------------------------------------------------


def pick_skater(matches: Sequence[SkaterMatch]) -> SkaterMatch | list[SkaterMatch]:
    """The one skater meant, or the candidates to choose from (best first)."""
    strong = [m for m in matches if m.score >= STRONG_MATCH]
    if len(strong) == 1:
        return strong[0]
    if len(strong) > 1:
        return strong
    if len(matches) == 1 or matches[0].score - matches[1].score >= CLEAR_LEAD:
        return matches[0]
    return list(matches)


def skater_button_text(match: SkaterMatch) -> str:
    return f"{match.name} {flag_emoji(match.country)}" if match.country else match.name


def _skater_reply(session: Session, skater_id: int, lang: Lang) -> Reply:
    skater = queries.get_skater(session=session, skater_id=skater_id)
    if skater is None:
        return Reply(t(lang, "skater_gone"))
    results = queries.skater_results(session=session, skater_id=skater_id)
    return Reply(render.render_skater(skater, results, lang))


def _weekend(session: Session, request: Request, query: RaceQuery) -> list[queries.WeekendDay]:
    days = queries.latest_weekend(session=session, today=request.today or dt.date.today())
    if query.gender is None and query.discipline is None and query.distance is None:
        return days
    families = queries.DISCIPLINE_FAMILIES.get(query.discipline or "", ())
    kept = []
    for day in days:
        races = tuple(r for r in day.races
                      if (query.gender is None or r.race.gender == query.gender)
                      and (query.distance is None or r.race.distance == query.distance)
                      and (not families or r.race.discipline in families))
        if races:
            kept.append(queries.WeekendDay(day.date, races))
    return kept


def _problem(problem: ArgProblem, request: Request) -> Reply:
    kind = {"schaatser": "skater", "skater": "skater", "weekend": "weekend"}.get(request.command, "races")
    return Reply(t(request.lang, problem.kind, command=request.command, junk=html.escape(problem.junk),
                   example=EXAMPLES[kind][request.lang]))


def _nothing_found(session: Session, request: Request, query: RaceQuery) -> Reply:
    if not queries.has_results(session=session):
        return Reply(t(request.lang, "no_data"))
    if query.distance is None:
        return Reply(t(request.lang, "no_weekend"))
    what = " ".join(p for p in (distance_name(query.distance, request.lang),
                                gender_name(query.gender, request.lang)) if p)
    if query.discipline in DISCIPLINE_NAMES:
        what += " " + DISCIPLINE_NAMES[query.discipline][request.lang]
    return Reply(t(request.lang, "no_race", what=html.escape(what)))
