"""Forgiving parsing of command arguments: a distance, a gender, a discipline, a skater's name.

Whatever people type ('1.000 meter dames', '1k m', 'st 500 heren', 'massastart') becomes a
:class:`RaceQuery`; anything that cannot be read becomes an :class:`ArgProblem` that the core turns into a
helpful one-line answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from parsing.distances import distance_from_user

MAX_RACE_ARGS = 120  # characters; "1.000 meter vrouwen shorttrack" is 30
MAX_NAME = 80
JUNK_ECHO = 40  # how much of unreadable input an answer repeats

GENDER_WORDS: dict[str, str] = {
    **dict.fromkeys(("dames", "dame", "vrouwen", "vrouw", "v", "vr", "w", "women", "woman", "ladies", "lady",
                     "female", "f", "meiden"), "women"),
    **dict.fromkeys(("heren", "heer", "mannen", "man", "m", "h", "men", "gents", "male", "jongens"), "men"),
    **dict.fromkeys(("gemengd", "mixed", "mix"), "mixed"),
}
DISCIPLINE_WORDS: dict[str, str] = {
    **dict.fromkeys(("shorttrack", "st", "short", "korte baan", "kortebaan"), "short_track"),
    **dict.fromkeys(("langebaan", "lt", "longtrack", "lange baan", "long track", "ijsbaan"), "long_track"),
    **dict.fromkeys(("marathon", "marathons"), "marathon"),
}
# Multi-word spellings glued into one token before splitting.
_PHRASES = (
    (re.compile(r"\bshort[\s-]*track\b"), "shorttrack"),
    (re.compile(r"\blong[\s-]*track\b"), "longtrack"),
    (re.compile(r"\blange[\s-]+baan\b"), "langebaan"),
    (re.compile(r"\bkorte[\s-]+baan\b"), "kortebaan"),
    (re.compile(r"(?<=\d)\s*(?:metres|metre|meters|mtrs|mtr)\b"), " meter"),
    (re.compile(r"[/&+]"), " "),  # 'dames/heren', 'm&v'
)
# Words between the ones that matter: '500 meter dames en heren'.
_FILLERS = frozenset({"en", "and", "of", "or", "bij", "voor", "for"})
_UNIT_AFTER_NUMBER = re.compile(r"^\d[\d.,]*k?$")
_EDGE_PUNCT = "()[]{}!?;:\"'“”‘’"


@dataclass(frozen=True, slots=True)
class RaceQuery:
    distance: str | None = None  # parsing.model.DISTANCES code; None: no distance asked
    gender: str | None = None
    discipline: str | None = None  # None: long track, falling back to short track


@dataclass(frozen=True, slots=True)
class ArgProblem:
    kind: Literal["too_long", "bad_distance", "need_name", "bad_name"]
    junk: str = ""  # the unreadable part, cut to JUNK_ECHO characters (not escaped)


def parse_race_args(args: Sequence[str]) -> RaceQuery | ArgProblem:
    """'1000m', '1.000 meter vrouwen', 'st 500 m heren', '' -> a query; junk -> a problem."""
    text = _clean(" ".join(args))
    if len(text) > MAX_RACE_ARGS:
        return ArgProblem("too_long")
    if not text:
        return RaceQuery()
    lowered = text.lower()
    for pattern, glued in _PHRASES:
        lowered = pattern.sub(glued, lowered)
    genders: set[str] = set()
    discipline = None
    rest: list[str] = []
    for token in lowered.split():
        word = token.strip(_EDGE_PUNCT).rstrip(".,")
        if word == "m" and rest and _UNIT_AFTER_NUMBER.match(rest[-1]):
            rest.append(word)  # '500 m' is metres, not men
        elif word in GENDER_WORDS:
            genders.add(GENDER_WORDS[word])
        elif word in DISCIPLINE_WORDS and discipline in (None, DISCIPLINE_WORDS[word]):
            discipline = DISCIPLINE_WORDS[word]
        elif word and word not in _FILLERS:
            rest.append(word)
    gender = genders.pop() if len(genders) == 1 else None  # 'dames en heren' asks for both
    if not rest:
        return RaceQuery(None, gender, discipline)
    wanted = " ".join(rest)
    distance = distance_from_user(wanted)
    if distance is None:
        return ArgProblem("bad_distance", _echo(" ".join(text.split())))
    return RaceQuery(distance, gender, discipline)


def parse_name(args: Sequence[str]) -> str | ArgProblem:
    """A skater's name as typed, tidied; a problem when it is empty, absurdly long or has no letters."""
    text = " ".join(_clean(" ".join(args)).split())
    if not text:
        return ArgProblem("need_name")
    if len(text) > MAX_NAME:
        return ArgProblem("too_long")
    if not any(ch.isalpha() for ch in text):
        return ArgProblem("bad_name", _echo(text))
    return text


def _clean(text: str) -> str:
    """Drop control and format characters (zero-width joiners, RTL marks) that only confuse matching."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text)
                   if unicodedata.category(ch)[0] != "C" or ch in " \t\n").strip()


def _echo(text: str) -> str:
    return text if len(text) <= JUNK_ECHO else text[: JUNK_ECHO - 1] + "…"
