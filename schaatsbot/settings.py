"""The one settings class: read from the environment and an optional ``.env`` file."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

NOS_SKATING_FEED = "https://feeds.nos.nl/nossportschaatsen"


class Settings(BaseSettings):
    """Every knob of schaatsbot; ``.env.example`` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"
    admin_chat_id: int | None = None

    database_url: str = "sqlite:///schaatsbot.db"

    feed_urls: Annotated[list[str], NoDecode] = Field(default_factory=lambda: [NOS_SKATING_FEED])
    poll_interval_seconds: int = Field(default=120, ge=5)
    poll_interval_live_seconds: int = Field(default=30, ge=5)
    # Feed job (issue 4): politeness, limits, and when to poll at the live interval.
    feed_timeout_seconds: float = Field(default=20.0, gt=0)
    feed_max_bytes: int = Field(default=5_000_000, ge=10_000)
    feed_max_redirects: int = Field(default=5, ge=0)
    feed_user_agent: str | None = None
    feed_alert_after_failures: int = Field(default=5, ge=1)
    feed_backoff_max_seconds: int = Field(default=1800, ge=5)
    live_window_hours: float = Field(default=6.0, ge=0)
    live_schedule: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # Follows and notifications (issue 6)
    max_subscriptions_per_chat: int = Field(default=50, ge=1)
    send_rate_per_second: float = Field(default=30, gt=0)  # every pushed message, all chats together
    send_group_per_minute: int = Field(default=20, ge=1)  # per group chat
    send_chat_interval_seconds: float = Field(default=1.0, ge=0)  # per chat
    notify_max_attempts: int = Field(default=5, ge=1)
    notify_lease_seconds: int = Field(default=600, ge=30)  # a "sending" row older than this was abandoned

    log_level: str = "INFO"

    @field_validator("feed_urls", mode="before")
    @classmethod
    def _split_feed_urls(cls, value: object) -> object:
        # A comma-separated string is friendlier in .env files than JSON.
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("live_schedule", mode="before")
    @classmethod
    def _split_live_schedule(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("live_schedule")
    @classmethod
    def _valid_windows(cls, value: list[str]) -> list[str]:
        import datetime as dt

        for window in value:
            start, sep, end = window.partition("/")
            try:
                if not sep or dt.datetime.fromisoformat(start) >= dt.datetime.fromisoformat(end):
                    raise ValueError
            except ValueError:
                raise ValueError(f"not a START/END window of ISO datetimes: {window!r}") from None
        return value

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}")
        return level

    @property
    def token(self) -> str | None:
        """The bot token in clear, for the one place that needs it (the PTB builder)."""
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
