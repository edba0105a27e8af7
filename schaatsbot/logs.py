"""Logging set-up that never lets the bot token reach a log line."""

from __future__ import annotations

import logging
import re

# Bot API URLs carry the token as /bot<id>:<secret>/; httpx logs every request URL at INFO.
_TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")


def redact_token(text: str, token: str | None = None) -> str:
    """``text`` with the bot token (and anything shaped like one) replaced by a placeholder."""
    if token:
        text = text.replace(token, "<token>")
    return _TOKEN_RE.sub("<token>", text)


class RedactTokenFilter(logging.Filter):
    """Replaces anything shaped like a bot token in a record with a placeholder."""

    def __init__(self, token: str | None = None) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_token(message, self._token)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            # An exception's message can carry a request URL; the formatter uses exc_text when it is set.
            record.exc_text = redact_token(logging.Formatter().formatException(record.exc_info), self._token)
        return True


def setup_logging(level: str = "INFO", token: str | None = None) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    handler.addFilter(RedactTokenFilter(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx/httpcore log full request URLs (with the token) at INFO/DEBUG.
    for noisy in ("httpx", "httpcore", "apscheduler", "alembic", "telegram.ext.Updater"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
