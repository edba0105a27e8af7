"""The bot token never reaches a log line."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from schaatsbot.logs import RedactTokenFilter, setup_logging

TOKEN = "123456789:AAHfakeFAKEfake_fake-FAKEfakefake12345"


@contextmanager
def redacted_log(name: str) -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger whose only handler writes, through the token filter, to the yielded stream."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactTokenFilter(TOKEN))
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)


def test_the_token_is_redacted_from_any_record() -> None:
    with redacted_log("test.redact") as (logger, stream):
        logger.warning("HTTP Request: POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
        logger.warning("odd token shape %s", "987654321:" + "x" * 35)
    output = stream.getvalue()
    assert TOKEN not in output and "x" * 35 not in output
    assert output.count("<token>") == 2


def test_the_token_is_redacted_from_a_logged_exception() -> None:
    with redacted_log("test.redact.exc") as (logger, stream):
        try:
            raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getMe")
        except ConnectionError:
            logger.exception("polling failed")
    output = stream.getvalue()
    assert "polling failed" in output and "ConnectionError: cannot reach" in output
    assert TOKEN not in output and "/bot<token>/getMe" in output


def test_httpx_request_urls_are_not_logged_at_info() -> None:
    setup_logging("INFO", TOKEN)
    try:
        assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
        assert not logging.getLogger("httpcore").isEnabledFor(logging.INFO)
    finally:
        logging.getLogger().handlers.clear()
