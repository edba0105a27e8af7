"""The one settings class and its documentation in .env.example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schaatsbot.settings import NOS_SKATING_FEED, Settings

ENV_EXAMPLE = Path(__file__).resolve().parents[1] / ".env.example"


def documented_settings() -> dict[str, str]:
    """NAME -> the comment above it, for every `NAME=` or `#NAME=` line of .env.example."""
    found: dict[str, str] = {}
    comment: list[str] = []
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"#?([A-Z][A-Z0-9_]+)=.*", line.strip())
        if match:
            found[match.group(1)] = " ".join(comment)
        elif line.startswith("#"):
            comment.append(line.lstrip("# "))
        else:
            comment = []
    return found


def test_every_setting_is_in_env_example_with_a_comment() -> None:
    documented = documented_settings()
    missing = [name.upper() for name in Settings.model_fields if name.upper() not in documented]
    assert missing == []
    assert all(documented[name.upper()] for name in Settings.model_fields)
    unknown = [name for name in documented if name.lower() not in Settings.model_fields]
    assert unknown == []


def test_env_example_as_env_file_gives_working_defaults() -> None:
    settings = Settings(_env_file=ENV_EXAMPLE)  # type: ignore[call-arg]
    assert settings.token is None and settings.admin_chat_id is None
    assert settings.feed_urls == [NOS_SKATING_FEED]
    assert settings.database_url == Settings(_env_file=None).database_url  # type: ignore[call-arg]


def test_feed_urls_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEED_URLS", " https://feeds.nos.nl/nossportschaatsen , feeds/local.xml,")
    assert Settings(_env_file=None).feed_urls == [  # type: ignore[call-arg]
        "https://feeds.nos.nl/nossportschaatsen", "feeds/local.xml"]


def test_the_token_stays_out_of_reprs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456789:AAsecretsecretsecretsecretsecret123")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.token == "123456789:AAsecretsecretsecretsecretsecret123"
    assert "secret" not in repr(settings) and "secret" not in str(settings.model_dump())


def test_a_bad_value_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLL_INTERVAL_SECONDS", "1")
    with pytest.raises(ValueError, match="poll_interval_seconds"):
        Settings(_env_file=None)  # type: ignore[call-arg]
