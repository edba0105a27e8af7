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


class Gated:
    """A big alternation, tested branch by branch behind substring gates."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._items = [(triggers_of(b), re.compile(b, flags)) for b in split_alternatives(pattern) if b]

    def search(self, text: str) -> bool:
        for triggers, rx in self._items:
            if triggers:
                if len(triggers) == 1:
                    if triggers[0] not in text:
                        continue
                elif not any(t in text for t in triggers):
                    continue
            if rx.search(text):
                return True
        return False


class WordGate:
    """A compiled pattern behind a substring test: ``search`` runs the regex only when one of the literal words
    every branch starts with occurs in the text (patterns with a branch of unknown words always run)."""

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.regex = compiled
        self.pattern = compiled.pattern
        words: list[str] = []
        for branch in split_alternatives(compiled.pattern):
            found = triggers_of(branch)
            if not found:
                words = []
                break
            words.extend(found)
        self.words: tuple[str, ...] | None = tuple(dict.fromkeys(words)) or None

    def search(self, text: str) -> re.Match[str] | None:
        if self.words is not None and not any(w in text for w in self.words):
            return None
        return self.regex.search(text)
