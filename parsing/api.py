"""The parser's one entry point: an article in, the races it reports out. Pure and never raising."""

from __future__ import annotations

import dataclasses
import re

from parsing import context as ctx
from parsing.extract import Doc, Engine
from parsing.html import html_to_text, looks_like_html
from parsing.model import Article, ParseResult
from parsing.text import fold

__all__ = ["parse_article", "build_doc", "clear_memo_caches"]

_MAX_CHARS = 200_000
_SHORT_TRACK_EVENTS = re.compile(r"\bsuperfinale\b|\baflossing|\bshorttrack")


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_SPELEN = re.compile(r"\bspelen\b")
_WERELDTITEL = re.compile(r"\bwereldtitel")
_WK_OR_WORLD_TITLE = re.compile(r"\bwk\b|wereldtitel")


class _FoldedArticle:
    """The title and paragraphs folded once each, and joined into the lead and the whole text on demand.

    ``lead`` and ``full`` equal fold(" ".join(parts)): fold works part by part across the joining spaces (it
    maps characters one by one, splits on whitespace and NFKD never reorders across a space), with one
    exception that ``_join`` repeats: an ASCII text keeps its backticks, a non-ASCII one turns them into
    apostrophes, so an ASCII part inside a non-ASCII whole does too."""

    def __init__(self, title: str, paragraphs: list[str]) -> None:
        self._raw = [title, *paragraphs]
        self._folded: list[str | None] = [None] * len(self._raw)
        self._full: str | None = None

    def _part(self, i: int) -> str:
        folded = self._folded[i]
        if folded is None:
            folded = self._folded[i] = fold(self._raw[i])
        return folded

    @property
    def title(self) -> str:
        return self._part(0)

    def paragraph(self, i: int) -> str:
        return self._part(i + 1)

    @property
    def paragraph_count(self) -> int:
        return len(self._raw) - 1

    def _join(self, n: int) -> str:
        """fold(" ".join(the first ``n`` parts))."""
        raw = self._raw[:n]
        folded = [self._part(i) for i in range(n)]
        if not all(map(str.isascii, raw)):
            folded = [f.replace("`", "'") if s.isascii() else f for s, f in zip(raw, folded, strict=True)]
        return " ".join(filter(None, folded))

    @property
    def lead(self) -> str:
        """The title and the first paragraph (if any)."""
        return self._join(min(2, len(self._raw)))

    @property
    def full(self) -> str:
        if self._full is None:
            self._full = self._join(len(self._raw))
        return self._full


def build_doc(article: Article) -> Doc:
    """Article -> paragraphs plus article-level context (competition, discipline, venue, gender, date)."""
    title = (article.title or "").strip()
    text = article.text or ""
    if looks_like_html(text):
        text = html_to_text(text)
    # the non-blank lines: runs of newlines only add blank ones
    paragraphs = [stripped for line in text.split("\n") if (stripped := line.strip())]
    published = ctx.local_date(article.published)
    doc = Doc(title=title, paragraphs=paragraphs, published=published,
              published_year=published.year if published else None)
    folded = _FoldedArticle(title, paragraphs)
    lead = folded.lead
    # the whole text is folded and searched only when the lead names no competition
    comp_lead = ctx.competition_of(lead)
    comp = comp_lead or ctx.competition_of(folded.full)
    if comp:
        doc.competition = comp[0]
        doc.discipline = ctx.discipline_of(lead if comp_lead else folded.full, comp[1])
        if comp[1] == "marathon":
            doc.discipline = "marathon"
    else:
        doc.discipline = ctx.discipline_of(lead, None)
        # NOS race reports without a named event are World Cup weekends, unless a world title is at stake
        doc.competition = "world_championships" if _WERELDTITEL.search(lead) else "world_cup"
    if doc.discipline == "short_track" and doc.competition == "other" and _WK_OR_WORLD_TITLE.search(folded.full):
        doc.competition = "world_championships"
    if doc.competition == "world_single_distances" and doc.discipline == "long_track" and \
            _SHORT_TRACK_EVENTS.search(folded.full):
        doc.discipline = "short_track"  # relays and superfinals are short-track events only
    if doc.discipline == "short_track" and doc.competition == "world_single_distances":
        doc.competition = "world_championships"  # short track has no separate single-distance championships
    venue = ctx.find_venue(folded.title) or ctx.find_venue(lead) or _venue_in_current_sentences(folded, doc) or \
        ctx.find_venue(folded.title, framed=False) or ctx.find_venue(lead, framed=False)
    doc.venue = venue[1] if venue else None
    doc.default_gender = ctx.gender_cue(folded.paragraph(0)) if paragraphs else None
    return doc


def _venue_in_current_sentences(folded: _FoldedArticle, doc: Doc) -> tuple[int, str] | None:
    """The first venue named in a sentence that is not about an earlier competition."""
    for i in range(folded.paragraph_count):
        paragraph = folded.paragraph(i)
        # A venue a sentence names is one the paragraph names at the same place (the whitespace the split
        # drops is no word character, so the pattern's checks either side come out alike): most paragraphs
        # name none, and need no split.
        if not ctx.names_venue(paragraph):
            continue
        for sentence in _SENTENCE_BREAK.split(paragraph):
            # a sentence naming no venue needs no history check: look for the venue first
            found = ctx.find_venue(sentence)
            if found and not ctx.is_historical(sentence, doc.published_year) and \
                    not ("spelen" in sentence and _SPELEN.search(sentence)):
                return found
    return None


def clear_memo_caches() -> None:
    """Forget memoised per-sentence and per-clause results (benchmarks: measure parsing, not recall).

    Word-level caches (folded names, demonyms, country nouns) and compiled patterns stay: a long-running
    process keeps them warm on real, never-repeated articles too."""
    from parsing import extract, ranks

    for fn in (extract._cached_spans, extract._gender_scan, ranks._find_ranks, ranks._Block.search):
        fn.cache_clear()


def published_off_season(article: Article) -> bool:
    return article.published is not None and 4 <= article.published.month <= 9


def parse_article(article: Article) -> ParseResult:
    """Every race the article reports. Never raises: unreadable input gives no races and a reason."""
    try:
        if not isinstance(article, Article):
            return ParseResult(reason="not an article")
        if not (article.title or "").strip() and not (article.text or "").strip():
            return ParseResult(reason="empty article")
        if len(article.text or "") > _MAX_CHARS:
            return ParseResult(reason="article too long")
        doc = build_doc(article)
        races = Engine(doc).run()
        if published_off_season(article):
            # April-September: no skating season; results named then are looked back on, not news
            races = [dataclasses.replace(r, historical=True) for r in races]
        if not races:
            return ParseResult(reason="no race results found")
        return ParseResult(races=tuple(races))
    except Exception as exc:  # noqa: BLE001 - the contract: malformed input never raises
        return ParseResult(reason=f"parse error: {type(exc).__name__}: {exc}")
