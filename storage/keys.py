"""Identity keys for content rows (competitions, races, skaters) and the name folding behind them.

A key is built from what the domain identifies a row by, folded so that spelling noise (accents, case,
hyphens) never makes two rows of one thing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Dutch (and a few other) surname particles: "Jorien ter Mors" has the surname "ter Mors".
PARTICLES = frozenset({
    "van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op", "von", "zu", "du", "da", "di",
    "le", "la", "des", "del", "dos",
})
# Letters that NFKD does not split into a base letter and a mark.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "ł": "l", "Ł": "l",
                          "đ": "d", "Đ": "d", "ı": "i", "œ": "oe", "Œ": "oe"})
_NON_WORD = re.compile(r"[^a-z0-9']+")


def fold(text: str) -> str:
    """'Sábliková' -> 'sablikova', 'Ted-Jan  Bloemen' -> 'ted jan bloemen'."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("\u2019", "'")
    return _NON_WORD.sub(" ", text).strip()


def surname(name: str) -> str:
    """The folded surname: the words from the first particle after the first name, else the last word."""
    words = fold(name).split()
    if len(words) <= 1:
        return words[0] if words else ""
    for index in range(1, len(words) - 1):
        if words[index] in PARTICLES:
            return " ".join(words[index:])
    return words[-1]


def is_surname_only(name: str) -> bool:
    """True for 'Nuis' or 'Ter Mors': a name without a first name."""
    words = fold(name).split()
    if not words:
        return False
    return len(words) == 1 or (words[0] in PARTICLES and len(words) <= 3)


def skater_key(name: str) -> str:
    return fold(name)


def season_of(day: dt.date) -> str:
    """A skating season runs July to June: 2021-11-14 -> '2021-2022'."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{start + 1}"


def competition_key(kind: str, discipline: str, venue: str | None, season: str | None,
                    start: dt.date | None = None) -> str:
    """kind|discipline|venue|season, plus the start date when the same venue hosts twice a season."""
    parts = [kind, discipline, fold(venue) if venue else "-", season or "-"]
    if start is not None:
        parts.append(start.isoformat())
    return "|".join(parts)


def race_key(competition_key: str, distance: str, gender: str | None, round: int | None,
             division: str | None) -> str:
    return "|".join([competition_key, distance, gender or "-", str(round) if round is not None else "-",
                     (division or "-").upper()])


def team_entrant_key(name: str, country: str | None) -> str:
    return f"team:{country.upper() if country else fold(name)}"


def skater_entrant_key(skater_id: int) -> str:
    return f"skater:{skater_id}"
