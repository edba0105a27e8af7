"""Small text helpers shared by the parser's readers: folding, word numbers, sentence spans."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "fold", "strip_accents", "normalize_quotes", "collapse_ws", "word_number", "ordinal_number",
    "NUMBER_WORDS", "ORDINAL_WORDS", "sentence_spans", "sentence_at", "fold_with_offsets",
]

# Curly quotes and other apostrophe look-alikes all become the ASCII apostrophe (Dai Dai N'tab, van 't Wout).
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                              "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2013": "-", "\u2011": "-",
                              "\u2010": "-", "\u00a0": " "})
_FOLD_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ł": "l", "Ł": "l",
                               "đ": "d", "Đ": "d", "ı": "i", "œ": "oe", "Œ": "oe"})


def _slow_strip(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s.translate(_FOLD_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Precomputed for Latin-1 and Latin Extended-A/B (nearly every accented letter in skaters' names), so that
# the common case is one str.translate; other scripts take the NFKD path.
_STRIP_TABLE: dict[int, str] = {}
for _cp in range(0xA0, 0x250):
    _folded = _slow_strip(chr(_cp))
    if _folded != chr(_cp):
        _STRIP_TABLE[_cp] = _folded
_FOLD_TABLE: dict[int, str] = {**_STRIP_TABLE, **{k: v for k, v in _APOSTROPHES.items()}}
for _cp, _to in list(_FOLD_TABLE.items()):
    _FOLD_TABLE[_cp] = _to.lower()


def strip_accents(s: str) -> str:
    """Remove combining marks after NFKD decomposition ('Tomaszów' -> 'Tomaszow', 'Łódź' -> 'Lodz')."""
    if s.isascii():
        return s
    s = s.translate(_STRIP_TABLE)
    return s if s.isascii() else _slow_strip(s)


def normalize_quotes(s: str) -> str:
    """Curly apostrophes/quotes, en-dashes and no-break spaces to their ASCII forms."""
    return s.translate(_APOSTROPHES)


def collapse_ws(s: str) -> str:
    """All whitespace runs to one space, stripped."""
    return " ".join(s.split())


def fold(s: str | None) -> str:
    """Lower-case, accents stripped, whitespace collapsed; hyphens and apostrophes are kept."""
    folded = _FOLDED_SHORT.get(s)  # one look-up for the common case, a name or word seen before
    if folded is not None:
        return folded
    if not s:
        return ""
    folded = _fold(s)
    if len(s) <= 48:  # names and words recur all the time: cache them, not whole sentences
        if len(_FOLDED_SHORT) >= _FOLDED_SHORT_SIZE:
            _FOLDED_SHORT.clear()
        _FOLDED_SHORT[s] = folded
    return folded


# str.translate with a dict looks up every character of the string, which is slow on long non-ASCII text
# (a sentence with one "é" or "’"). This class holds exactly the characters _FOLD_TABLE maps, so
# translating only its runs gives the same string as translating the whole of it.
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD_TABLE)) + "]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD_TABLE)


def _fold(s: str) -> str:
    if not s.isascii():
        s = _FOLD_CHARS.sub(_fold_run, s)
        if not s.isascii():
            s = _slow_strip(normalize_quotes(s))
    return " ".join(s.lower().split())


_FOLDED_SHORT: dict[str | None, str] = {}
"""fold of short texts (names, words), kept until it holds _FOLDED_SHORT_SIZE of them."""
_FOLDED_SHORT_SIZE = 16384


NUMBER_WORDS: dict[str, int] = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "eenentwintig": 21, "tweeëntwintig": 22, "drieëntwintig": 23, "vierentwintig": 24,
    "vijfentwintig": 25, "dertig": 30, "veertig": 40, "vijftig": 50, "honderd": 100,
}

ORDINAL_WORDS: dict[str, int] = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
    "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12, "dertiende": 13,
    "veertiende": 14, "vijftiende": 15, "zestiende": 16, "zeventiende": 17, "achttiende": 18,
    "negentiende": 19, "twintigste": 20, "eenentwintigste": 21, "tweeëntwintigste": 22,
    "drieëntwintigste": 23, "vierentwintigste": 24, "vijfentwintigste": 25, "zesentwintigste": 26,
    "zevenentwintigste": 27, "achtentwintigste": 28, "negenentwintigste": 29, "dertigste": 30,
}
_FOLDED_NUMBERS = {fold(k): v for k, v in NUMBER_WORDS.items()}
_FOLDED_ORDINALS = {fold(k): v for k, v in ORDINAL_WORDS.items()}
_ORDINAL_DIGITS = re.compile(r"^(\d{1,3})\s*(?:e|ste|de)$")


def word_number(word: str) -> int | None:
    """'vijf' -> 5, 'één' -> 1, '12' -> 12; None for anything else."""
    w = fold(word)
    if w.isdigit():
        return int(w)
    return _FOLDED_NUMBERS.get(w)


def ordinal_number(word: str) -> int | None:
    """'zevende' -> 7, '7e' -> 7, '21ste' -> 21; None for anything else."""
    w = fold(word)
    m = _ORDINAL_DIGITS.match(w)
    if m:
        return int(m.group(1))
    return _FOLDED_ORDINALS.get(w)


# A sentence ends at . ! ? followed by space + capital/quote/digit, or at a newline. Abbreviations and
# Dutch times ("1.08,67") never match because a space must follow the full stop.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-ZÀ-ÖØ-Þ0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in ``text``; paragraph breaks always end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) span of the sentence holding offset ``pos``."""
    for s, e in sentence_spans(text):
        if s <= pos < e:
            return s, e
    return 0, len(text)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Character-wise fold (lower-case, accents stripped, no whitespace collapsing) plus, for every
    character of the result, the offset of the original character it came from; ``offsets`` has one
    extra entry (``len(text)``) so that an end offset maps too."""
    out: list[str] = []
    offsets: list[int] = []
    if text.isascii():
        return text.lower(), list(range(len(text) + 1))
    for i, ch in enumerate(text):
        f = ch.lower() if ch.isascii() else strip_accents(normalize_quotes(ch)).lower()
        out.append(f)
        offsets.extend([i] * len(f))
    offsets.append(len(text))
    return "".join(out), offsets
