"""Fast yes/no tests for big word alternations.

Python's ``re`` tries every branch of ``\\b(?:a|b|...)`` at every position, which is slow for the long
veto lists the engine uses. :class:`Gated` splits such a pattern into its branches and runs a branch only
when its leading literal word occurs in the text (a plain substring test).
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

__all__ = ["Gated", "WordGate", "split_alternatives", "triggers_of", "literal_led", "literal_led_pattern"]


def split_alternatives(pattern: str) -> list[str]:
    """Top-level branches of a regex source."""
    out, depth, cur, i = [], 0, [], 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


_LEAD = re.compile(r"^(?:\\b|\(\?<!\[\\w\]\)|\(\?<!\\w\))*")


def triggers_of(branch: str) -> tuple[str, ...]:
    """Literal words one of which must occur for ``branch`` to match; () when unknown (always run)."""
    rest = _LEAD.sub("", branch)
    if rest.startswith("(?:"):
        depth, j = 0, 0
        while j < len(rest):
            if rest[j] == "\\":
                j += 2
                continue
            if rest[j] == "(":
                depth += 1
            elif rest[j] == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        inner = rest[3:j]
        words = []
        for alt in split_alternatives(inner):
            m = re.match(r"[a-z' -]+", alt)
            if not m or not m.group().strip():
                return _after(rest[j + 1:])
            words.append(m.group().strip().split(" ")[0])
        return tuple(words)
    if rest.startswith("\\w+"):
        return _after(rest[3:])
    m = re.match(r"[a-z'-]+", rest)
    return (m.group(),) if m and len(m.group()) >= 2 else ()


def _after(rest: str) -> tuple[str, ...]:
    """A literal right after a non-literal head ("(?:twee|\\d+)\\s+keer" -> 'keer')."""
    rest = re.sub(r"^(?:\?|\{\d*,?\d*\}|\\s[+*]|\s)*", "", rest)
    m = re.match(r"[a-z'-]{3,}", rest)
    return (m.group(),) if m else ()


_PLAIN_WORD = re.compile(r"[a-z]+")
_QUANTIFIERS = ("?", "*", "+", "{")


def literal_led(branch: str) -> str:
    """``branch`` (one top-level alternative) rewritten to open with its literal: "\\bword..." becomes
    "word(?<=\\bword)..." and "\\b(?:one|two)..." becomes "(?:one(?<=\\bone)|two(?<=\\btwo))...".

    Both match exactly where the original does (the look-behind checks the same word boundary at the same
    start), but re finds a literal lead with a fast string search instead of trying the pattern at every
    position. Branches of any other shape come back unchanged."""
    if not branch.startswith("\\b"):
        return branch
    rest = branch[2:]
    m = _PLAIN_WORD.match(rest)
    if m:
        word = m.group()
        if rest[m.end():m.end() + 1] in _QUANTIFIERS:
            word = word[:-1]  # "ab?": only "a" is certain
        if not word:
            return branch
        return word + "(?<=\\b" + word + ")" + rest[len(word):]
    if rest.startswith("(?:"):
        depth, j = 0, 0
        while j < len(rest):
            c = rest[j]
            if c == "\\":
                j += 2
                continue
            if c == "[":
                return branch  # a class inside: not a plain list of words
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        else:
            return branch
        words = split_alternatives(rest[3:j])
        if rest[j + 1:j + 2] in _QUANTIFIERS or not all(_PLAIN_WORD.fullmatch(w) for w in words):
            return branch
        return "(?:" + "|".join(w + "(?<=\\b" + w + ")" for w in words) + ")" + rest[j + 1:]
    return branch


def literal_led_pattern(pattern: str) -> str:
    """:func:`literal_led` applied to every top-level alternative of ``pattern``."""
    return "|".join(literal_led(branch) for branch in split_alternatives(pattern))


_TOKEN_CACHE_SIZE = 50_000
"""Entries kept per gate in the word caches below (cleared when full; words repeat across articles)."""


class _WordMasks(dict[str, int]):
    """word -> bit mask of the gated branches it opens, worked out on first sight (see :class:`Gated`)."""

    def __init__(self, gated: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]) -> None:
        super().__init__()
        self._gated = gated

    def __missing__(self, word: str) -> int:
        if len(self) >= _TOKEN_CACHE_SIZE:
            self.clear()
        mask = 0
        for i, (triggers, _rx) in enumerate(self._gated):
            for t in triggers:
                if t in word:
                    mask |= 1 << i
                    break
        self[word] = mask
        return mask


class Gated:
    """A big alternation, tested branch by branch behind substring gates.

    A branch with trigger words runs only when one of them occurs in the text. Triggers never hold whitespace,
    so "occurs in the text" is the same as "occurs in one of its whitespace-separated words": which branches a
    word opens is worked out once per word and remembered (as a bit mask), and a text costs one dictionary
    look-up per word, done in C by ``map``.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._items = [(triggers_of(b), re.compile(literal_led(b), flags)) for b in split_alternatives(pattern) if b]
        self._always = tuple(rx for triggers, rx in self._items if not triggers)
        self._gated = tuple((triggers, rx) for triggers, rx in self._items if triggers)
        self._masks = _WordMasks(self._gated)
        self._branches: dict[int, tuple[re.Pattern[str], ...]] = {}  # keyed on masks, i.e. on sets of branches

    def _branches_of(self, mask: int) -> tuple[re.Pattern[str], ...]:
        found = self._branches.get(mask)
        if found is None:
            if len(self._branches) >= _TOKEN_CACHE_SIZE:
                self._branches.clear()
            found = self._branches[mask] = tuple(rx for i, (_t, rx) in enumerate(self._gated) if mask >> i & 1)
        return found

    def search(self, text: str) -> bool:
        for rx in self._always:
            if rx.search(text):
                return True
        mask = reduce(or_, map(self._masks.__getitem__, text.split()), 0)
        if mask:
            for rx in self._branches_of(mask):
                if rx.search(text):
                    return True
        return False


class WordGate:
    """A compiled pattern behind a substring test: ``search`` runs the regex only when one of the literal words
    every branch starts with occurs in the text (patterns with a branch of unknown words always run).

    ``words`` may name the gate words instead: literal words one of which every match of the pattern contains
    (a tighter gate than the branches' first words when those are common)."""

    def __init__(self, compiled: re.Pattern[str], words: tuple[str, ...] | None = None) -> None:
        self.regex = compiled
        self.pattern = compiled.pattern
        # the same pattern with its branches led by their literals (see literal_led): what search runs
        self.fast_regex = re.compile(literal_led_pattern(compiled.pattern), compiled.flags)
        if words is None:
            found_words: list[str] = []
            for branch in split_alternatives(compiled.pattern):
                found = triggers_of(branch)
                if not found:
                    found_words = []
                    break
                found_words.extend(found)
            words = tuple(dict.fromkeys(found_words))
        # a word holding another of them adds nothing to the test ("volgende" when "volgend" is there)
        words = tuple(w for w in words if not any(other != w and other in w for other in words))
        self.words: tuple[str, ...] | None = words or None

    def search(self, text: str) -> re.Match[str] | None:
        if self.words is not None:
            for word in self.words:  # a plain loop: a generator costs more than the substring tests themselves
                if word in text:
                    break
            else:
                return None
        return self.fast_regex.search(text)
