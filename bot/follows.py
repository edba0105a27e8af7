"""The follow commands' core: /volg, /ontvolg, /gevolgd and their buttons, as Replies. No Telegram here.

Who may change a group's follows is decided by the handler (bot/handlers/follow.py) before it calls in;
this module only reads and writes follows, so ``schaatsbot console`` can use it as well.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from sqlmodel import Session

from bot.args import ArgProblem, RaceQuery, parse_name, parse_race_args
from bot.core import Button, Reply, Request, pick_skater, skater_button_text
from bot.i18n import DISCIPLINE_NAMES, Lang, distance_name, gender_name, t
from parsing.countries import flag_emoji
from storage import subscriptions
from storage.chats import upsert_chat
from storage.queries import get_skater
from storage.skaters import SkaterMatch, find_skaters
from storage.subscriptions import Follow, FollowView

FOLLOW_CALLBACK = "volg:"  # "volg:<skater id>": a skater picked from several matches
UNFOLLOW_CALLBACK = "ontvolg:"  # "ontvolg:<target>" or "ontvolg:*" (everything)
EVERYTHING_WORDS = frozenset({"alles", "all", "everything", "alle", "allemaal", "elk podium", "alle podia",
                              "every podium", "all podiums"})
FOLLOW_COMMANDS = frozenset({"volg", "follow"})
UNFOLLOW_COMMANDS = frozenset({"ontvolg", "unfollow"})
LIST_COMMANDS = frozenset({"gevolgd", "following"})
SKATER_CHOICES = 5

TEXTS: dict[str, dict[Lang, str]] = {
    "usage": {
        "nl": ("Wat wil je volgen? Bijvoorbeeld:\n"
               "/volg Kai Verbij — een schaatser\n"
               "/volg 500m — een afstand (<i>vrouwen</i>, <i>mannen</i> of <i>shorttrack</i> erbij mag ook)\n"
               "/volg alles — elk podium\n"
               "Zodra de NOS een uitslag meldt, stuur ik het podium hierheen."),
        "en": ("What do you want to follow? For example:\n"
               "/follow Kai Verbij — a skater\n"
               "/follow 500m — a distance (add <i>women</i>, <i>men</i> or <i>short track</i> if you like)\n"
               "/follow all — every podium\n"
               "As soon as NOS reports a result, I send the podium here."),
    },
    "followed_skater": {
        "nl": "✅ Gevolgd: {label}. Bij elke nieuwe uitslag met deze schaatser stuur ik het podium hierheen.",
        "en": "✅ Following {label}. Whenever a new result with this skater comes in, I send the podium here.",
    },
    "followed_distance": {
        "nl": "✅ Gevolgd: {label}. Bij elke nieuwe uitslag op deze afstand stuur ik het podium hierheen.",
        "en": "✅ Following the {label}. Whenever a new result at this distance comes in, I send the podium here.",
    },
    "followed_all": {
        "nl": "✅ Gevolgd: alle podia. Bij elke nieuwe uitslag stuur ik het podium hierheen.",
        "en": "✅ Following every podium. Whenever a new result comes in, I send the podium here.",
    },
    "already": {"nl": "Dat wordt hier al gevolgd: {label}.", "en": "Already followed here: {label}."},
    "limit": {
        "nl": "Hier worden al {limit} dingen gevolgd, het maximum. Ontvolg eerst iets met /ontvolg.",
        "en": "This chat already follows {limit} things, the maximum. Unfollow something first with /unfollow.",
    },
    "pick": {"nl": "Welke schaatser wil je volgen met “{name}”?",
             "en": "Which skater do you want to follow for “{name}”?"},
    "unfollowed": {"nl": "❌ Niet meer gevolgd: {label}.", "en": "❌ Unfollowed: {label}."},
    "unfollowed_all": {"nl": "❌ Niets meer gevolgd ({count} weg).", "en": "❌ Nothing followed any more ({count} removed)."},
    "not_followed": {"nl": "Dat werd hier niet gevolgd: {label}. Kijk met /gevolgd wat wel.",
                     "en": "That was not followed here: {label}. See /following for what is."},
    "list_head": {"nl": "🔔 <b>Gevolgd in deze chat</b>", "en": "🔔 <b>Followed in this chat</b>"},
    "list_tap": {"nl": "Tik op een knop om iets niet meer te volgen.", "en": "Tap a button to unfollow."},
    "unfollow_pick": {"nl": "Wat wil je niet meer volgen?", "en": "What do you want to stop following?"},
    "none": {"nl": "Hier wordt nog niets gevolgd. Begin met /volg Kai Verbij, /volg 500m of /volg alles.",
             "en": "Nothing is followed here yet. Start with /follow Kai Verbij, /follow 500m or /follow all."},
    "everything": {"nl": "alle podia", "en": "every podium"},
    "unfollow_all_button": {"nl": "❌ Alles ontvolgen", "en": "❌ Unfollow everything"},
    "admins_only": {
        "nl": "In een groep bepalen alleen de beheerders wat er gevolgd wordt. Met /gevolgd zie je wat dat nu is.",
        "en": "In a group only administrators decide what is followed. /following shows what that is now.",
    },
    "gone": {"nl": "Die keuze kan ik niet meer vinden. Probeer het opnieuw met /volg.",
             "en": "I cannot find that choice any more. Try again with /follow."},
}


def ft(lang: Lang, key: str, **values: object) -> str:
    text = TEXTS[key][lang]
    return text.format(**values) if values else text


@dataclass(frozen=True, slots=True)
class ChatContext:
    """The chat a follow command comes from: what is stored about it on a change."""

    id: int
    type: str = "private"
    title: str | None = None


def is_follow_command(command: str) -> bool:
    return command in FOLLOW_COMMANDS | UNFOLLOW_COMMANDS | LIST_COMMANDS


def changes_follows(command: str, args: tuple[str, ...]) -> bool:
    """Whether this command would change what the chat follows (the handler checks rights for those)."""
    return command in FOLLOW_COMMANDS or (command in UNFOLLOW_COMMANDS and bool(args))


def is_follow_callback(data: str) -> bool:
    return data.startswith((FOLLOW_CALLBACK, UNFOLLOW_CALLBACK))


# --- labels -------------------------------------------------------------------------------------------


def follow_label(view: FollowView, lang: Lang) -> str:
    """'Kai Verbij 🇳🇱', '500 m vrouwen', '1000 m shorttrack', 'alle podia' (escaped HTML)."""
    what = view.follow
    if what.kind == "all":
        return ft(lang, "everything")
    if what.kind == "distance":
        return html.escape(_distance_label(what, lang))
    name = html.escape(view.skater_name or "?")
    return f"{name} {flag_emoji(view.skater_country)}" if view.skater_country else name


def _distance_label(what: Follow, lang: Lang) -> str:
    parts = [distance_name(what.distance or "", lang), gender_name(what.gender, lang)]
    if what.discipline in DISCIPLINE_NAMES:
        parts.append(DISCIPLINE_NAMES[what.discipline][lang])
    return " ".join(p for p in parts if p)


def _view(session: Session, what: Follow) -> FollowView:
    if what.kind == "skater" and what.skater_id is not None:
        skater = get_skater(session=session, skater_id=what.skater_id)
        return FollowView(what, what.target, skater.name if skater else None, skater.country if skater else None)
    return FollowView(what, what.target)


def _plain(label: str) -> str:
    return html.unescape(label)


# --- commands -----------------------------------------------------------------------------------------


def run_follow_command(*, session: Session, request: Request, chat: ChatContext, limit: int) -> Reply:
    """/volg, /ontvolg, /gevolgd (and the English names); the caller commits."""
    if request.command in FOLLOW_COMMANDS:
        return follow_command(session, request, chat, limit)
    if request.command in UNFOLLOW_COMMANDS:
        return unfollow_command(session, request, chat)
    return following_command(session, request, chat)


def follow_command(session: Session, request: Request, chat: ChatContext, limit: int) -> Reply:
    lang = request.lang
    if not request.args:
        return Reply(ft(lang, "usage"))
    parsed = _parse_target(request.args)
    if isinstance(parsed, Follow):
        return _store(session, request, chat, parsed, limit)
    if isinstance(parsed, ArgProblem) and parsed.kind != "bad_distance":
        return Reply(_problem_text(parsed, request))
    name = parse_name(request.args)
    if isinstance(name, ArgProblem):
        return Reply(_problem_text(name, request))
    matches = find_skaters(session=session, query=name, limit=SKATER_CHOICES)
    if not matches:
        return Reply(t(lang, "no_skater", name=html.escape(name)))
    chosen = pick_skater(matches)
    if isinstance(chosen, SkaterMatch):
        return _store(session, request, chat, Follow.skater(chosen.skater_id), limit)
    buttons = tuple((Button(skater_button_text(m), f"{FOLLOW_CALLBACK}{m.skater_id}"),) for m in chosen)
    return Reply(ft(lang, "pick", name=html.escape(name)), buttons)


def unfollow_command(session: Session, request: Request, chat: ChatContext) -> Reply:
    lang = request.lang
    if not request.args:
        return _list_reply(session, lang, chat.id, head=ft(lang, "unfollow_pick"))
    parsed = _parse_target(request.args)
    if isinstance(parsed, Follow):
        return _remove(session, lang, chat.id, parsed)
    name = parse_name(request.args)
    if isinstance(name, ArgProblem):
        return Reply(_problem_text(name, request))
    # A name: unfollow the followed skater it fits best (only followed skaters are candidates).
    followed = [v for v in subscriptions.list_follows(session=session, chat_id=chat.id) if v.follow.kind == "skater"]
    ids = {v.follow.skater_id for v in followed}
    matches = [m for m in find_skaters(session=session, query=name, limit=20) if m.skater_id in ids]
    if not matches:
        return Reply(ft(lang, "not_followed", label=html.escape(name)))
    chosen = pick_skater(matches)
    if isinstance(chosen, SkaterMatch):
        return _remove(session, lang, chat.id, Follow.skater(chosen.skater_id))
    buttons = tuple((Button("❌ " + skater_button_text(m), f"{UNFOLLOW_CALLBACK}skater:{m.skater_id}"),)
                    for m in chosen)
    return Reply(ft(lang, "unfollow_pick"), buttons)


def following_command(session: Session, request: Request, chat: ChatContext) -> Reply:
    return _list_reply(session, request.lang, chat.id, head=ft(request.lang, "list_head"))


def run_follow_callback(*, session: Session, data: str, lang: Lang, chat: ChatContext, limit: int) -> Reply:
    """A press on one of our buttons; the caller checked the presser's rights and commits."""
    request = Request(command="volg", lang=lang, chat_id=chat.id)
    if data.startswith(FOLLOW_CALLBACK):
        raw = data[len(FOLLOW_CALLBACK):]
        if not raw.isdigit() or get_skater(session=session, skater_id=int(raw)) is None:
            return Reply(ft(lang, "gone"))
        return _store(session, request, chat, Follow.skater(int(raw)), limit)
    target = data[len(UNFOLLOW_CALLBACK):]
    if target == "*":
        count = subscriptions.unfollow_all(session=session, chat_id=chat.id)
        return Reply(ft(lang, "unfollowed_all", count=count))
    match = next((v for v in subscriptions.list_follows(session=session, chat_id=chat.id) if v.target == target),
                 None)
    if match is None:
        return Reply(ft(lang, "gone"))
    return _remove(session, lang, chat.id, match.follow)


# --- helpers ------------------------------------------------------------------------------------------


def _parse_target(args: tuple[str, ...]) -> Follow | ArgProblem | None:
    """'alles' -> everything; a distance (with gender, discipline) -> that distance; else a problem."""
    text = " ".join(args).strip().lower()
    if text in EVERYTHING_WORDS:
        return Follow.everything()
    query = parse_race_args(args)
    if isinstance(query, RaceQuery):
        if query.distance is None:
            return ArgProblem("bad_distance", text)  # only 'mannen' or 'shorttrack': try it as a name
        return Follow.of_distance(query.distance, discipline=query.discipline or "long_track",
                                  gender=query.gender)
    return query


def _problem_text(problem: ArgProblem, request: Request) -> str:
    key = {"too_long": "too_long", "need_name": "need_name", "bad_name": "bad_name"}.get(problem.kind, "need_name")
    command = "volg" if request.lang == "nl" else "follow"
    return t(request.lang, key, command=command, junk=html.escape(problem.junk))


def _store(session: Session, request: Request, chat: ChatContext, what: Follow, limit: int) -> Reply:
    lang = request.lang
    upsert_chat(session=session, chat_id=chat.id, type=chat.type, title=chat.title, language=lang,
                reactivate=True)
    outcome = subscriptions.follow(session=session, chat_id=chat.id, what=what, limit=limit)
    label = follow_label(_view(session, what), lang)
    if outcome == "limit":
        return Reply(ft(lang, "limit", limit=limit))
    if outcome == "exists":
        return Reply(ft(lang, "already", label=label))
    return Reply(ft(lang, f"followed_{what.kind}", label=label))


def _remove(session: Session, lang: Lang, chat_id: int, what: Follow) -> Reply:
    label = follow_label(_view(session, what), lang)
    if subscriptions.unfollow(session=session, chat_id=chat_id, target=what.target):
        return Reply(ft(lang, "unfollowed", label=label))
    return Reply(ft(lang, "not_followed", label=label))


def _list_reply(session: Session, lang: Lang, chat_id: int, *, head: str) -> Reply:
    views = subscriptions.list_follows(session=session, chat_id=chat_id)
    if not views:
        return Reply(ft(lang, "none"))
    labels = [follow_label(v, lang) for v in views]
    text = "\n".join([head, *(f"• {label}" for label in labels), "", ft(lang, "list_tap")])
    buttons = [(Button(f"❌ {_plain(label)}"[:60], f"{UNFOLLOW_CALLBACK}{v.target}"),) for v, label in zip(views, labels, strict=True)]
    if len(views) > 1:
        buttons.append((Button(ft(lang, "unfollow_all_button"), f"{UNFOLLOW_CALLBACK}*"),))
    return Reply(text, tuple(buttons))
