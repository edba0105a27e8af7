"""HTML (as the NOS feed carries it) to plain text with one paragraph per line."""

from __future__ import annotations

import html as html_lib
import re

_BLOCK = re.compile(r"<\s*(?:/?p|br|/?h[1-6]|/?li|/?div|/?blockquote|/?tr)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<\s*(p|h[1-6]|br|a|div|em|strong|img)\b", text, re.IGNORECASE))


def html_to_text(markup: str) -> str:
    """Paragraphs and headings become lines; tags go; entities are decoded."""
    text = _DROP.sub(" ", markup)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html_lib.unescape(text).replace("\xa0", " ")
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
