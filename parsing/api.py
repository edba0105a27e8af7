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


def build_doc(article: Article) -> Doc:
    """Article -> paragraphs plus article-level context (competition, discipline, venue, gender, date)."""
    title = (article.title or "").strip()
    text = article.text or ""
    if looks_like_html(text):
        text = html_to_text(text)
    paragraphs = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
    published = ctx.local_date(article.published)
    doc = Doc(title=title, paragraphs=paragraphs, published=published,
              published_year=published.year if published else None)
    lead = fold(" ".join([title] + paragraphs[:1]))
    full = fold(" ".join([title] + paragraphs))
    comp_lead = ctx.competition_of(lead)
    comp = comp_lead or ctx.competition_of(full)
    if comp:
        doc.competition = comp[0]
        doc.discipline = ctx.discipline_of(lead if comp_lead else full, comp[1])
        if comp[1] == "marathon":
            doc.discipline = "marathon"
    else:
        doc.discipline = ctx.discipline_of(lead, None)
        # NOS race reports without a named event are World Cup weekends, unless a world title is at stake
        doc.competition = "world_championships" if re.search(r"\bwereldtitel", lead) else "world_cup"
    if doc.discipline == "short_track" and doc.competition == "other" and re.search(r"\bwk\b|wereldtitel", full):
        doc.competition = "world_championships"
    if doc.competition == "world_single_distances" and doc.discipline == "long_track" and \
            _SHORT_TRACK_EVENTS.search(full):
        doc.discipline = "short_track"  # relays and superfinals are short-track events only
    if doc.discipline == "short_track" and doc.competition == "world_single_distances":
        doc.competition = "world_championships"  # short track has no separate single-distance championships
    venue = ctx.find_venue(fold(title)) or ctx.find_venue(lead) or _venue_in_current_sentences(paragraphs, doc) or \
        ctx.find_venue(fold(title), framed=False) or ctx.find_venue(lead, framed=False)
    doc.venue = venue[1] if venue else None
    doc.default_gender = ctx.gender_cue(fold(paragraphs[0])) if paragraphs else None
    return doc


def _venue_in_current_sentences(paragraphs: list[str], doc: Doc) -> tuple[int, str] | None:
    """The first venue named in a sentence that is not about an earlier competition."""
    for par in paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", fold(par)):
            if ctx.is_historical(sentence, doc.published_year) or re.search(r"\bspelen\b", sentence):
                continue
            found = ctx.find_venue(sentence)
            if found:
                return found
    return None


def clear_memo_caches() -> None:
    """Forget memoised per-sentence and per-clause results (benchmarks: measure parsing, not recall).

    Word-level caches (folded names, demonyms, country nouns) and compiled patterns stay: a long-running
    process keeps them warm on real, never-repeated articles too."""
    from parsing import extract, ranks

    for fn in (extract._cached_spans, extract._gender_of, ranks._find_ranks, ranks._Block.search):
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
