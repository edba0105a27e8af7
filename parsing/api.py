"""The parser's one entry point (placeholder until issue 3 lands)."""

from __future__ import annotations

from parsing.model import Article, ParseResult


def parse_article(article: Article) -> ParseResult:
    """Every race the article reports. Never raises: unreadable input gives no races and a reason."""
    return ParseResult(reason="parser not implemented yet")
