"""Fast yes/no tests for big word alternations.

Python's ``re`` tries every branch of ``\\b(?:a|b|...)`` at every position, which is slow for the long
veto lists the engine uses. :class:`Gated` splits such a pattern into its branches and runs a branch only
when its leading literal word occurs in the text (a plain substring test).
"""

from __future__ import annotations

import re

__all__ = ["Gated", "split_alternatives", "triggers_of"]


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


_TOKEN_CACHE_SIZE = 50_000
"""Entries kept per gate in the word caches below (cleared when full; words repeat across articles)."""


class Gated:
    """A big alternation, tested branch by branch behind substring gates.

    A branch with trigger words runs only when one of them occurs in the text. Triggers never hold whitespace,
    so "occurs in the text" is the same as "occurs in one of its whitespace-separated words": which branches a
    word opens is worked out once per word and remembered, and a text costs one dictionary look-up per word.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._items = [(triggers_of(b), re.compile(b, flags)) for b in split_alternatives(pattern) if b]
        self._always = tuple(rx for triggers, rx in self._items if not triggers)
        self._gated = tuple((triggers, rx) for triggers, rx in self._items if triggers)
        self._opened: dict[str, tuple[re.Pattern[str], ...]] = {}

    def _opened_by(self, word: str) -> tuple[re.Pattern[str], ...]:
        """The gated branches one of whose triggers occurs in ``word``."""
        if len(self._opened) >= _TOKEN_CACHE_SIZE:
            self._opened.clear()
        found = tuple(rx for triggers, rx in self._gated if any(t in word for t in triggers))
        self._opened[word] = found
        return found

    def search(self, text: str) -> bool:
        for rx in self._always:
            if rx.search(text):
                return True
        opened: set[re.Pattern[str]] = set()
        cache = self._opened
        for word in text.split():
            branches = cache.get(word)
            if branches is None:
                branches = self._opened_by(word)
            if branches:
                opened.update(branches)
        return any(rx.search(text) for rx in opened)


class WordGate:
    """A compiled pattern behind a substring test: ``search`` runs the regex only when one of the literal words
    every branch starts with occurs in the text (patterns with a branch of unknown words always run).

    ``words`` may name the gate words instead: literal words one of which every match of the pattern contains
    (a tighter gate than the branches' first words when those are common)."""

    def __init__(self, compiled: re.Pattern[str], words: tuple[str, ...] | None = None) -> None:
        self.regex = compiled
        self.pattern = compiled.pattern
        if words is None:
            found_words: list[str] = []
            for branch in split_alternatives(compiled.pattern):
                found = triggers_of(branch)
                if not found:
                    found_words = []
                    break
                found_words.extend(found)
            words = tuple(dict.fromkeys(found_words))
        self.words: tuple[str, ...] | None = words or None

    def search(self, text: str) -> re.Match[str] | None:
        if self.words is not None:
            for word in self.words:  # a plain loop: a generator costs more than the substring tests themselves
                if word in text:
                    break
            else:
                return None
        return self.regex.search(text)
