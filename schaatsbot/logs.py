"""Logging set-up that never lets the bot token reach a log line."""

from __future__ import annotations

import logging
import re

# Bot API URLs carry the token as /bot<id>:<secret>/; httpx logs every request URL at INFO.
_TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")


class RedactTokenFilter(logging.Filter):
    """Replaces anything shaped like a bot token in a record with a placeholder."""

    def __init__(self, token: str | None = None) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _TOKEN_RE.sub("<token>", message)
        if self._token:
            redacted = redacted.replace(self._token, "<token>")
        if redacted != message:
            record.msg, record.args = redacted, None
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
