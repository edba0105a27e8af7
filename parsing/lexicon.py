"""The engine's door to the word lists (countries, distances, skaters), adapted to what it needs."""

from __future__ import annotations

import re
from functools import lru_cache

from parsing import countries as _countries
from parsing import distances as _distances

try:  # the skater table is optional: the engine works without it
    from parsing import skaters as _skaters
except ImportError:  # pragma: no cover
    _skaters = None  # type: ignore[assignment]

__all__ = ["demonym", "country_noun", "country_name_en", "distance_mentions", "known_skater", "COUNTRY_NOUN_RE"]


@lru_cache(maxsize=8192)
def demonym(word: str) -> tuple[str, str | None, bool, bool] | None:
    """(IOC, gender or None, is_noun, plural) for a demonym word ('Japanner' -> JPN, men, noun)."""
    hit = _countries.lookup_demonym(word)
    if hit is None:
        return None
    return hit.ioc, hit.gender, hit.form == "noun", bool(hit.plural)


@lru_cache(maxsize=8192)
def country_noun(word: str) -> str | None:
    """IOC code for a country name ('Zuid-Korea' -> KOR); codes written as words are not countries."""
    if word.isupper():
        return None
    return _countries.country_from_name(word)


_COUNTRY_WORDS = (
    "Nederland", "Noorwegen", "Canada", "Japan", "China", "Verenigde Staten", "Rusland", "Zuid-Korea", "Korea",
    "Italië", "Duitsland", "Polen", "België", "Oostenrijk", "Kazachstan", "Zwitserland", "Frankrijk",
    "Hongarije", "Groot-Brittannië", "Wit-Rusland", "Tsjechië", "Zweden", "Finland", "Australië", "Oranje",
    "Letland", "Estland", "Oekraïne", "Nieuw-Zeeland", "Spanje", "Turkije", "Roemenië", "Slowakije",
)
# The plain form would be (?<![\w-])(Nederland|Noorwegen|...)(?![\w-]). re scans quickly (in C) for the letters a
# match can start with only when the pattern opens with the alternation, so the lookbehind moves into every
# alternative, after its word: "Japan(?<![\w-]Japan)" checks the character before the word, as the front one did.
COUNTRY_NOUN_RE = re.compile(
    r"(" + "|".join(rf"{w}(?<![\w-]{w})" for w in sorted((re.escape(w) for w in _COUNTRY_WORDS), key=len, reverse=True))
    + r")(?![\w-])"
)


def country_name_en(ioc: str) -> str:
    return _countries.country_name_en(ioc) or ioc


_SUPERFINAL = re.compile(r"\b(?:de\s+)?(?:afsluitende\s+)?superfinale\b", re.IGNORECASE)
_RELAY = re.compile(r"\b(?:aflossings|relay)(?:toernooi|finale|ploeg|race)\b", re.IGNORECASE)
_OVERALL = re.compile(r"\ballround\s*(?:wereldtitel|titel|toernooi)|\ballroundtoernooi\b|\b(?:wereld)?titel\s+(?:overall|allround)\b|"
                      r"\boverall\s*(?:titel|wereldtitel|klassement)", re.IGNORECASE)


def distance_mentions(text: str) -> list[tuple[int, int, str, int | None, bool]]:
    """(start, end, code, ordinal, mixed) for race distances in prose; 'classification' is left to the engine."""
    low = text.lower()  # for the substring gates below: these words are rare, the regexes are not free
    out = [(start, end, code, ordinal, mixed) for start, end, code, split, ordinal, mixed
           in _distances.mention_tuples(text, low) if not split and code]
    if "superfinale" in low:
        for m in _SUPERFINAL.finditer(text):
            if not any(s <= m.start() < e for s, e, *_ in out):
                out.append((m.start(), m.end(), "3000m", None, False))
    if "aflossings" in low or "relay" in low:
        for m in _RELAY.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, *_ in out):
                out.append((m.start(), m.end(), "relay", None, False))
    if "allround" in low or "overall" in low:
        for m in _OVERALL.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, *_ in out):
                out.append((m.start(), m.end(), "allround_classification", None, False))
    out.sort()
    return out


@lru_cache(maxsize=8192)
def known_skater(name: str) -> tuple[str | None, str | None] | None:
    """(gender, ioc) of a well-known skater named exactly so, or None."""
    if _skaters is None:
        return None
    try:
        hit = _skaters.known_skater(name)
    except Exception:  # noqa: BLE001 - a word list must never break a parse
        return None
    if not hit:
        return None
    return getattr(hit, "gender", None), getattr(hit, "ioc", None)
