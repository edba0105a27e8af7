"""HTML (as the NOS feed carries it) to plain text with one paragraph per line."""

from __future__ import annotations

import html as html_lib
import re

_BLOCK = re.compile(r"<\s*(?:/?p|br|/?h[1-6]|/?li|/?div|/?blockquote|/?tr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_HINT = re.compile(r"<\s*(p|h[1-6]|br|a|div|em|strong|img)\b", re.IGNORECASE)
# Runs of spaces and tabs become one space; a lone space is left as it is (the same text, far fewer matches).
_BLANK_RUNS = re.compile(r"[ \t]{2,}|\t")


def looks_like_html(text: str) -> bool:
    return "<" in text and bool(_HTML_HINT.search(text))  # every tag opens with "<"


def html_to_text(markup: str) -> str:
    """Paragraphs and headings become lines; tags go; entities are decoded."""
    text = _DROP.sub(" ", markup)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html_lib.unescape(text).replace("\xa0", " ")
    if "  " in text or "\t" in text:  # only such runs change; spaces and tabs never span a line break
        text = _BLANK_RUNS.sub(" ", text)
    return "\n".join(line for line in map(str.strip, text.splitlines()) if line)
