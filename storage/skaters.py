"""Forgiving skater look-up: case, accents, surname only, typos, and Dutch vs English transliteration.

Both the query and every name are folded (``storage.keys.fold``) and then reduced by :func:`phonetic`, a small
normaliser that maps Dutch and English (and German) transliterations of Russian names onto one spelling:
'Koelizjnikov', 'Kulizhnikov' and 'Kulischnikow' all become 'kulizhnikov'. Typos are scored with rapidfuzz.

The index of names is cached per database and rebuilt when the skaters or aliases tables change size.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process
from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.keys import fold, surname
from storage.models import Skater, SkaterAlias

MatchKind = Literal["exact", "surname", "alias", "prefix", "fuzzy"]

# Scores: exact spellings beat a surname, which beats a prefix, which beats a typo.
_SCORES: dict[MatchKind, float] = {"exact": 100.0, "alias": 99.0, "surname": 97.0, "prefix": 90.0}
FUZZY_CUTOFF = 80.0
MAX_QUERY = 100

# Order matters: longer Dutch/German clusters before the letters inside them.
_REWRITES = (
    ("tsj", "ch"), ("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("zj", "zh"), ("sj", "sh"),
    ("kh", "h"), ("ch", "h"), ("oe", "u"), ("ou", "u"), ("x", "ks"), ("w", "v"), ("j", "y"),
    ("iy", "i"), ("yi", "i"), ("ei", "ey"),
)
_DOUBLE = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class SkaterMatch:
    skater_id: int
    name: str
    country: str | None
    score: float
    kind: MatchKind


def phonetic(text: str) -> str:
    """Fold ``text`` and reduce transliteration differences: 'Koelizjnikov' -> 'kulizhnikov'."""
    out = fold(text)
    for old, new in _REWRITES:
        out = out.replace(old, new)
    return _DOUBLE.sub(r"\1", out)


@dataclass(slots=True)
class _Index:
    signature: tuple[int, int, int, int]
    skaters: dict[int, tuple[str, str | None]]  # id -> (name, country)
    exact: dict[str, set[int]]  # phonetic full name -> ids
    aliases: dict[str, set[int]]
    surnames: dict[str, set[int]]
    choices: list[str]  # phonetic strings for fuzzy matching
    owners: list[int]  # skater id of each choice
    prefix_keys: list[str] = field(default_factory=list)  # sorted names and their words
    prefix_ids: list[int] = field(default_factory=list)


_cache: dict[str, _Index] = {}
_cache_lock = threading.Lock()


def find_skaters(*, session: Session, query: str, limit: int = 5) -> list[SkaterMatch]:
    """Skaters that ``query`` may mean, best first; empty when nothing is close."""
    wanted = phonetic(query[:MAX_QUERY])
    if not wanted or not any(ch.isalpha() for ch in wanted):
        return []
    index = _index(session)
    best: dict[int, tuple[float, MatchKind]] = {}

    def offer(ids: set[int], score: float, kind: MatchKind) -> None:
        for skater_id in ids:
            if best.get(skater_id, (-1.0,))[0] < score:
                best[skater_id] = (score, kind)

    offer(index.exact.get(wanted, set()), _SCORES["exact"], "exact")
    offer(index.aliases.get(wanted, set()), _SCORES["alias"], "alias")
    offer(index.surnames.get(wanted, set()), _SCORES["surname"], "surname")
    if len(wanted) >= 3:  # 'otters' -> Otterspeer: a binary search in the sorted names and words
        position = bisect.bisect_left(index.prefix_keys, wanted)
        while position < len(index.prefix_keys) and index.prefix_keys[position].startswith(wanted):
            offer({index.prefix_ids[position]}, _SCORES["prefix"], "prefix")
            position += 1
    for _, score, position in process.extract(wanted, index.choices, scorer=fuzz.ratio,
                                              score_cutoff=FUZZY_CUTOFF, limit=limit * 4):
        offer({index.owners[position]}, min(float(score), _SCORES["prefix"] - 1), "fuzzy")
    if " " in wanted:  # "nuis kjeld": the words in another order
        for _, score, position in process.extract(wanted, index.choices, scorer=fuzz.token_sort_ratio,
                                                  score_cutoff=90, limit=limit):
            offer({index.owners[position]}, min(float(score), _SCORES["prefix"] - 1), "fuzzy")
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], index.skaters[item[0]][0]))
    return [
        SkaterMatch(skater_id, index.skaters[skater_id][0], index.skaters[skater_id][1], score, kind)
        for skater_id, (score, kind) in ranked[:limit]
    ]


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _index(session: Session) -> _Index:
    bind = session.get_bind()
    key = str(bind.engine.url) + f"#{id(bind.engine)}"
    signature = _signature(session)
    with _cache_lock:
        index = _cache.get(key)
        if index is not None and index.signature == signature:
            return index
    index = _build_index(session, signature)
    with _cache_lock:
        _cache[key] = index
    return index


def _signature(session: Session) -> tuple[int, int, int, int]:
    # A skater first named without a country gets one from a later article: that must show too (flags).
    count, top, with_country = session.exec(select(
        func.count(), func.coalesce(func.max(Skater.id), 0), func.count(col(Skater.country)))).one()
    aliases = session.exec(select(func.count()).select_from(SkaterAlias)).one()
    return int(count), int(top or 0), int(with_country), int(aliases)


def _build_index(session: Session, signature: tuple[int, int, int, int]) -> _Index:
    index = _Index(signature, {}, {}, {}, {}, [], [])
    for skater_id, name, country in session.exec(select(Skater.id, Skater.name, Skater.country)).all():
        if skater_id is None:
            continue
        index.skaters[skater_id] = (name, country)
        full, last = phonetic(name), phonetic(surname(name))
        index.exact.setdefault(full, set()).add(skater_id)
        index.surnames.setdefault(last, set()).add(skater_id)
        index.choices += [full, last]
        index.owners += [skater_id, skater_id]
        first = full.split()[0]
        if f"{first} {last}" != full:  # 'Havard Lorentzen' for 'Havard Holmefjord Lorentzen'
            index.aliases.setdefault(f"{first} {last}", set()).add(skater_id)
    for skater_id, alias in session.exec(select(SkaterAlias.skater_id, SkaterAlias.alias)).all():
        if skater_id in index.skaters:
            spelled = phonetic(alias)
            index.aliases.setdefault(spelled, set()).add(skater_id)
            index.choices.append(spelled)
            index.owners.append(skater_id)
    prefixes = {(text, skater_id) for text, ids in (*index.exact.items(), *index.surnames.items())
                for skater_id in ids}
    prefixes |= {(word, skater_id) for text, skater_id in list(prefixes) for word in text.split()}
    for text, skater_id in sorted(prefixes):
        index.prefix_keys.append(text)
        index.prefix_ids.append(skater_id)
    return index
