"""Typed settings: safe defaults in code, then ``config/diplobot.toml``, then the environment.

Secrets (the Discord token) come only from the environment and are never logged.
Environment variables use the ``DIPLOBOT_`` prefix, except ``DATABASE_URL`` and
``DISCORD_TOKEN`` which are read under their usual names.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

CONFIG_DIR = Path(__file__).resolve().parent
DEFAULT_TOML = CONFIG_DIR / "diplobot.toml"


def _toml_values(path: Path | None) -> dict[str, Any]:
    if path is None or not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)


class Settings(BaseSettings):
    """Everything the bot process and the command line need to start."""

    model_config = SettingsConfigDict(env_prefix="DIPLOBOT_", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default=Path("data"), description="Where the SQLite file lives.")
    database_url: str | None = Field(
        default=None,
        validation_alias="DATABASE_URL",
        description="Any SQLAlchemy URL; default: SQLite file under data_dir.",
    )
    discord_token: SecretStr | None = Field(default=None, validation_alias="DISCORD_TOKEN")
    dev_guild_id: int | None = Field(default=None, description="Sync commands to this guild.")
    shard_count: int | None = None
    shard_ids: list[int] | None = None
    default_timezone: str = "UTC"
    default_digest_time: str = "08:00"
    default_reminder_offsets: list[str] = Field(default_factory=lambda: ["1d", "1h"])
    fetch_timeout_s: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_max_redirects: int = 5
    feed_poll_minutes: int = 15
    read_news_channels: bool = Field(
        default=False,
        description="Read messages in /newschannels channels (needs the message-content intent).",
    )
    validate_feeds: bool = Field(
        default=True, description="/feeds add fetches and parses a feed once before saving it."
    )
    # A Discord-compatible server (Spacebar) or a test rig instead of Discord; None: Discord.
    # The REST base may end in its API version (/api/v9); without one /v10 is added.
    discord_api_base: str | None = None
    discord_gateway: str | None = None  # ws:// or wss:// URL of the gateway
    # Where notices go in a server that chose no channel with /status (a channel of that
    # server); else the server's system channel.
    admin_channel_id: int | None = None
    # Catch-up after downtime: a news channel is read back at most this far and this many.
    catchup_max_hours: int = 24
    catchup_max_messages: int = 200
    # A news message that could not be read is tried this many times, then reported.
    news_retry_attempts: int = 5
    # How often state other processes may change (news channels) is read again.
    shared_poll_seconds: int = 30

    @field_validator("data_dir")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'diplobot.db').resolve()}"

    @classmethod
    def load(cls, toml_path: Path | None = None, **overrides: Any) -> Settings:
        """Defaults < TOML (``DIPLOBOT_CONFIG`` or ``config/diplobot.toml``) < env < overrides."""
        if toml_path is None and os.environ.get("DIPLOBOT_CONFIG"):
            toml_path = Path(os.environ["DIPLOBOT_CONFIG"])
        file_values = _toml_values(toml_path or DEFAULT_TOML)
        env_settings = cls()
        explicit_env = env_settings.model_fields_set
        merged = {**file_values}
        for name in explicit_env:
            merged[name] = getattr(env_settings, name)
        merged.update(overrides)
        return cls.model_validate(merged) if merged else env_settings
