"""Typed settings, validated in one place: defaults in code < the installation's TOML file <
the environment.

:meth:`Settings.load` is the one way in. It reads the TOML file (``DIPLOBOT_CONFIG``, else
``config/diplobot.toml``) and the environment (``DIPLOBOT_<NAME>``, or a field's own alias
such as ``DATABASE_URL`` and ``DISCORD_TOKEN``), then validates everything at once. Any bad
value becomes a :class:`SettingsError` whose text is one sentence naming the setting as the
admin wrote it (the variable, or the key and the file), the value, and what is allowed;
the command line prints it and exits with :data:`EXIT_CONFIG`, never a traceback.

The checks are generic: a new field is read from ``DIPLOBOT_<NAME>`` and its type and
bounds (``Field(ge=..., le=...)``) are explained without more code. A field needs a
validator only for a rule its type cannot say (a time zone, a URL); a validator raises
``ValueError`` with the end of the sentence ("it must be ...", "the folder ... does not
exist"). Secrets (``SecretStr``) come only from the environment and are never echoed.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo

from config.errors import EXIT_CONFIG, SettingsError
from config.offsets import parse_offsets

CONFIG_DIR = Path(__file__).resolve().parent
DEFAULT_TOML = CONFIG_DIR / "diplobot.toml"
ENV_PREFIX = "DIPLOBOT_"
CONFIG_ENV = "DIPLOBOT_CONFIG"
DATABASE_FILE = "diplobot.db"
_HOST_PORT = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)"
                        r":(?P<port>[0-9]{1,5})$")  # fmt: skip


def default_data_dir() -> Path:
    """A stable per-user folder, whatever the working directory: the platform's data folder
    (``$XDG_DATA_HOME/diplobot``, ``~/.local/share/diplobot`` on Linux)."""
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / "diplobot"


# --------------------------------------------------------------------------- value checks
def folder_problem(folder: Path) -> str | None:
    """Why files cannot be made in ``folder`` (or in the folders that would hold it)."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is a file, not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"this user may not write in {probe}"
    return None


def database_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be diplobot's database, as the end of a sentence; None when it can.

    Only SQLite and PostgreSQL are supported. A SQLite file's folder must exist already:
    a typo in a path should not quietly start a new, empty timeline somewhere else.
    """
    from sqlalchemy.engine import make_url  # (here: SQLAlchemy costs every command 0.1 s)
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return (
            "it must be a database URL such as sqlite:////var/lib/diplobot/diplobot.db "
            "or postgresql://user@host/dbname"
        )
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        if parsed.host or parsed.query.get("host") or parsed.database:
            return None
        return "it must name a server or a database, as in postgresql://user@host/dbname"
    if backend != "sqlite":
        return f"diplobot keeps its timeline in SQLite or PostgreSQL, not {backend}"
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    path = Path(database).expanduser()
    folder = path.parent
    if path.is_dir():
        return f"{path} is a folder; name a file in it, such as {path / DATABASE_FILE}"
    if not folder.exists():
        return f"the folder {folder} does not exist (create it first, or name another file)"
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    return None


def host_port_problem(entry: str) -> str | None:
    """Why ``entry`` is not one ``host:port`` pair (a name or an address, never a range)."""
    match = _HOST_PORT.match(entry)
    if match is None:
        return "each entry must be one host:port pair, such as 127.0.0.1:3000 or bridge.lan:8080"
    if not 1 <= int(match["port"]) <= 65535:
        return f"{entry!r} has no valid port (1 to 65535)"
    return None


def _quoted(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    return json.dumps(value, default=str)


def hide_password(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for messages and `doctor`)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        parts = urlsplit(url) if "://" in url else None
        if parts is not None and parts.password:
            return url.replace(f":{parts.password}@", ":***@")
        return url


# --------------------------------------------------------------------------- the settings
class Settings(BaseModel):
    """Everything the bot process and the command line need to start."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_default=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="The folder of the SQLite database when DATABASE_URL is not set; "
        "created when missing.",
        json_schema_extra={"default_text": "the per-user data folder (~/.local/share/diplobot)"},
    )
    database_url: str | None = Field(
        default=None,
        validation_alias="DATABASE_URL",
        description="sqlite:///PATH or postgresql://user@host/db; the SQLite file's folder must "
        "exist.",
        json_schema_extra={
            "default_text": "the SQLite file diplobot.db in data_dir",
            "allowed": "a sqlite:/// or postgresql:// URL",
        },
    )
    discord_token: SecretStr | None = Field(
        default=None,
        validation_alias="DISCORD_TOKEN",
        description="The bot's token; only from the environment, never logged.",
        json_schema_extra={"allowed": "the token from the developer portal (Bot page)"},
    )
    dev_guild_id: int | None = Field(
        default=None, gt=0, description="Sync slash commands at start-up to this server only."
    )
    shard_count: int | None = Field(
        default=None, gt=0, description="Total number of gateway shards (large bots)."
    )
    shard_ids: list[int] | None = Field(
        default=None, description="The shards this process runs (needs shard_count)."
    )
    default_timezone: str = Field(
        default="UTC",
        description="Time zone of channels that set none.",
        json_schema_extra={"allowed": "an IANA time zone name (Europe/Paris, UTC)"},
    )
    default_digest_time: str = Field(
        default="08:00",
        description="Local time of the daily digest.",
        json_schema_extra={"allowed": "HH:MM on the 24-hour clock"},
    )
    default_reminder_offsets: list[str] = Field(
        default_factory=lambda: ["1d", "1h"],
        description="Reminders before an event when a subscription gives none.",
        json_schema_extra={"allowed": "up to 5 offsets such as 1d, 1h, 30m (1 minute to 30 days)"},
    )
    fetch_timeout_s: float = Field(
        default=15.0, gt=0, le=300, description="Seconds a page or feed fetch may take."
    )
    fetch_max_bytes: int = Field(
        default=5_000_000, ge=10_000, description="Largest page or feed read, in bytes."
    )
    fetch_max_redirects: int = Field(
        default=5, ge=0, le=20, description="Redirects followed per fetch, each one re-checked."
    )
    feed_poll_minutes: int = Field(
        default=15, ge=1, le=1440, description="Minutes between two reads of one feed."
    )
    feed_allow_hosts: list[str] = Field(
        default_factory=list,
        description="Feed bridges on this machine or network: the only host and port pairs "
        "fetched on loopback or private addresses.",
        json_schema_extra={"allowed": "host:port pairs separated by commas, never ranges"},
    )
    read_news_channels: bool = Field(
        default=False,
        description="Read messages in /newschannels channels (needs the message-content intent).",
    )
    validate_feeds: bool = Field(
        default=True, description="/feeds add fetches and parses a feed once before saving it."
    )
    log_format: Literal["text", "json"] = Field(
        default="text", description="Log lines as text, or one JSON object per line."
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="The least important log lines written."
    )
    discord_api_base: str | None = Field(
        default=None,
        description="REST base of a Discord-compatible server (Spacebar) or a test rig instead "
        "of Discord; it may end in its API version (/api/v9), else /v10 is added.",
    )
    discord_gateway: str | None = Field(
        default=None,
        description="ws:// or wss:// URL of that server's gateway "
        "(with DIPLOBOT_DISCORD_API_BASE).",
    )
    admin_channel_id: int | None = Field(
        default=None,
        description="Where notices go in a server that chose no channel with /status; "
        "else the server's system channel.",
    )
    catchup_max_hours: int = Field(
        default=24,
        ge=1,
        le=24 * 14,
        description="After downtime, news channels are read back at most this far.",
    )
    catchup_max_messages: int = Field(
        default=200, ge=1, le=10_000, description="...and at most this many messages per channel."
    )
    news_retry_attempts: int = Field(
        default=5,
        ge=1,
        le=20,
        description="A news message that could not be read is tried this many times, "
        "then reported.",
    )
    shared_poll_seconds: int = Field(
        default=30,
        ge=5,
        le=3600,
        description="How often state other processes may change (news channels) is read again.",
    )
    web_bind: str = Field(
        default="127.0.0.1:8080",
        description="Address and port of the calendar web server inside the bot (off: none).",
        json_schema_extra={"allowed": "one host:port pair (port 0: any free port), or off"},
    )
    web_base_url: str | None = Field(
        default=None,
        description="The address calendar links start with, as people reach the web server "
        "(behind a reverse proxy: its https:// address).",
        json_schema_extra={
            "default_text": "http:// and DIPLOBOT_WEB_BIND",
            "allowed": "an http:// or https:// URL, without query",
        },
    )

    # Where each value came from ("DIPLOBOT_X", "x in FILE", "default"), for `doctor`.
    _sources: dict[str, str] = PrivateAttr(default_factory=dict)
    _config_file: Path | None = PrivateAttr(default=None)

    # -- rules the types cannot say ------------------------------------------------
    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path) -> Path:
        folder = value.expanduser()
        return folder if folder.is_absolute() else Path.cwd() / folder

    @field_validator("database_url")
    @classmethod
    def _usable_database(cls, value: str | None) -> str | None:
        if value is None:
            return None
        problem = database_url_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("default_timezone")
    @classmethod
    def _time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                "it must be an IANA time zone name such as Europe/Paris, America/New_York or UTC"
            ) from None
        return value

    @field_validator("default_digest_time")
    @classmethod
    def _time_of_day(cls, value: str) -> str:
        match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", value.strip())
        if match is None:
            raise ValueError("it must be a time of day on the 24-hour clock, such as 08:00")
        return f"{int(match[1]):02d}:{match[2]}"

    @field_validator("default_reminder_offsets")
    @classmethod
    def _offsets(cls, value: list[str]) -> list[str]:
        try:
            parse_offsets(", ".join(value))
        except ValueError:
            raise ValueError(
                "it must be reminder offsets such as 1d, 1h, 30m (minutes, hours, days or "
                "weeks; between 1 minute and 30 days; at most 5)"
            ) from None
        return value

    @field_validator("feed_allow_hosts")
    @classmethod
    def _host_ports(cls, value: list[str]) -> list[str]:
        entries = [entry.strip().lower() for entry in value if entry.strip()]
        for entry in entries:
            problem = host_port_problem(entry)
            if problem:
                raise ValueError(problem)
        return entries

    @field_validator("web_bind")
    @classmethod
    def _web_bind(cls, value: str) -> str:
        entry = value.strip().lower()
        if entry == "off":
            return entry
        match = _HOST_PORT.match(entry)
        if match is None or int(match["port"]) > 65535:
            raise ValueError(
                "it must be one host:port pair such as 127.0.0.1:8080 or 0.0.0.0:8080, or off"
            )
        return entry

    @field_validator("web_base_url")
    @classmethod
    def _web_base_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
            raise ValueError(
                "it must be an http:// or https:// address without a query, such as "
                "https://diplobot.example.org"
            )
        return value.strip().rstrip("/")

    @field_validator("log_format", "log_level", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _together(self) -> Settings:
        """Rules across settings; each message starts with the setting it blames."""
        if self.database_url is None:  # the data folder is used only then
            problem = folder_problem(self.data_dir)
            if problem:
                raise ValueError(f"data_dir: {problem}")
        if self.shard_ids is not None:
            if self.shard_count is None:
                raise ValueError("shard_ids: DIPLOBOT_SHARD_COUNT must be set with it")
            bad = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
            if bad:
                raise ValueError(
                    f"shard_ids: each shard id must be from 0 to {self.shard_count - 1} "
                    f"(DIPLOBOT_SHARD_COUNT is {self.shard_count})"
                )
        return self

    # -- derived values -------------------------------------------------------------
    @property
    def uses_default_database(self) -> bool:
        return not self.database_url

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / DATABASE_FILE}"

    @property
    def config_file(self) -> Path | None:
        """The TOML file the values were read from, if any."""
        return self._config_file

    @property
    def sources(self) -> dict[str, str]:
        """Where each setting's value came from: its variable, its file, or ``default``."""
        return {name: self._sources.get(name, "default") for name in type(self).model_fields}

    def shown(self, name: str) -> str:
        """A setting's value as `doctor` prints it (secrets hidden, URL passwords hidden)."""
        value = getattr(self, name)
        if isinstance(value, SecretStr):
            return "(set, hidden)"
        if name == "database_url" and value:
            return hide_password(value)
        if value is None:
            return "(not set)"
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "(empty)"
        return str(value)

    # -- loading --------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        toml_path: Path | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Defaults < TOML < environment < ``overrides``, validated at once.

        ``toml_path`` (for tests and scripts) replaces the installation's file; a path that
        does not exist then means "no file". ``DIPLOBOT_CONFIG`` naming a missing file is an
        error. Raises :class:`SettingsError`.
        """
        env = os.environ if environ is None else environ
        raw: dict[str, Any] = {}
        written: dict[str, Any] = {}  # each value as the admin wrote it, for error messages
        sources: dict[str, str] = {}
        path = _config_path(toml_path, env)
        if path is not None:
            for name, value in _read_toml(path, cls.model_fields).items():
                raw[name] = written[name] = value
                sources[name] = f"{name} in {path}"
        for name, field in cls.model_fields.items():
            variable = env_name(name, field)
            text = env.get(variable, "").strip()
            if text:
                raw[name] = _from_env(text, field)
                written[name] = text
                sources[name] = variable
        for name, value in overrides.items():
            raw[name] = written[name] = value
            sources[name] = name
        try:
            settings = cls.model_validate(raw)
        except ValidationError as exc:
            raise SettingsError(_sentence(exc, written, sources, cls.model_fields)) from None
        settings._sources = sources
        settings._config_file = path
        return settings


# --------------------------------------------------------------------------- reading
def env_name(name: str, field: FieldInfo) -> str:
    """The environment variable of a setting: its alias, else ``DIPLOBOT_<NAME>``."""
    alias = field.validation_alias
    return alias if isinstance(alias, str) else ENV_PREFIX + name.upper()


def is_secret(field: FieldInfo) -> bool:
    return SecretStr in _kinds(field.annotation)


def _config_path(toml_path: Path | None, env: Mapping[str, str]) -> Path | None:
    if toml_path is not None:
        return toml_path if toml_path.is_file() else None
    named = env.get(CONFIG_ENV, "").strip()
    if not named:
        return DEFAULT_TOML if DEFAULT_TOML.is_file() else None
    path = Path(named).expanduser()
    if not path.is_file():
        why = "that is a folder" if path.is_dir() else "no such file exists"
        raise SettingsError(
            f"{CONFIG_ENV} is {named!r}, but {why}: name a TOML settings file "
            "(config/diplobot.toml shows the form) or unset it."
        )
    return path


def _read_toml(path: Path, fields: Mapping[str, FieldInfo]) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            values = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(
            f"The settings file {path} is not valid TOML ({exc}); fix it, or point "
            f"{CONFIG_ENV} at another file."
        ) from None
    except OSError as exc:
        raise SettingsError(
            f"The settings file {path} cannot be read ({exc.strerror}); fix its permissions "
            f"or point {CONFIG_ENV} at another file."
        ) from None
    for key in values:
        field = fields.get(key)
        if field is None:
            close = difflib.get_close_matches(key, list(fields), n=1)
            hint = f"did you mean {close[0]}?" if close else "docs/hosting.md lists every setting"
            raise SettingsError(f"{key} in {path} is not a setting of diplobot ({hint}).")
        if is_secret(field):
            raise SettingsError(
                f"{key} in {path} is a secret, which is read only from the environment "
                f"({env_name(key, field)}); remove it from the file."
            )
    return values


def _from_env(text: str, field: FieldInfo) -> Any:
    """A variable's text as the field wants it: lists as ``a,b`` or JSON ``["a", "b"]``."""
    if list not in _kinds(field.annotation):
        return text
    if text.startswith("["):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    return [part.strip() for part in text.split(",") if part.strip()]


# --------------------------------------------------------------------------- documenting
SETTINGS_TABLE_START = "<!-- settings table: scripts/settings_table.py writes it -->"
SETTINGS_TABLE_END = "<!-- end of settings table -->"


def default_text(field: FieldInfo) -> str:
    """A field's default as the admin guide shows it."""
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    if "default_text" in extra:
        return str(extra["default_text"])
    value = field.get_default(call_default_factory=True)
    if value is None:
        return "not set"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "empty"
    return str(value)


def settings_table() -> str:
    """Every setting as a Markdown table: variable, file key, default, allowed, purpose."""
    rows = [
        "| variable | in the TOML file | default | allowed | what it does |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, field in Settings.model_fields.items():
        key = "environment only" if is_secret(field) else f"`{name}`"
        allowed = allowed_text(field).replace("|", "/")
        rows.append(
            f"| `{env_name(name, field)}` | {key} | {default_text(field)} | {allowed} "
            f"| {field.description or ''} |"
        )
    return "\n".join(rows)


# --------------------------------------------------------------------------- explaining
def _kinds(annotation: Any) -> set[Any]:
    """The classes a field's annotation allows (``int | None`` -> {int, NoneType})."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_kinds(arg) for arg in typing.get_args(annotation)))
    return {origin or annotation}


def allowed_text(field: FieldInfo) -> str:
    """What a field accepts, in words: "a whole number from 1 to 1,440", "true or false"; a
    field whose rule its type cannot say writes it in ``json_schema_extra["allowed"]``."""
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    if "allowed" in extra:
        return str(extra["allowed"])
    annotation = field.annotation
    kinds = _kinds(annotation) - {type(None)}
    if typing.get_origin(annotation) is Literal:
        return "one of " + ", ".join(str(v) for v in typing.get_args(annotation))
    if list in kinds:
        noun = {int: "whole numbers", float: "numbers"}.get(_list_item(annotation), "values")
        return f"{noun} separated by commas"
    if bool in kinds:
        return "true or false"
    noun = {int: "a whole number", float: "a number", Path: "a folder path"}.get(
        next(iter(kinds), str), "text"
    )
    return noun + (_bounds(field) if field.metadata else "")


def _list_item(annotation: Any) -> Any:
    """The item type of a list annotation (``list[int] | None`` -> int)."""
    if typing.get_origin(annotation) is list:
        return (typing.get_args(annotation) or (str,))[0]
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is list:
            return _list_item(arg)
    return str


def _bounds(field: FieldInfo) -> str:
    bound = {
        key: getattr(item, key)
        for item in field.metadata
        for key in ("ge", "gt", "le", "lt")
        if getattr(item, key, None) is not None
    }
    if "ge" in bound and "le" in bound:
        return f" from {bound['ge']:,} to {bound['le']:,}"
    words = {"ge": "at least", "gt": "greater than", "le": "at most", "lt": "less than"}
    return " " + " and ".join(f"{words[key]} {value:,}" for key, value in bound.items())


def _sentence(
    exc: ValidationError,
    written: Mapping[str, Any],
    sources: Mapping[str, str],
    fields: Mapping[str, FieldInfo],
) -> str:
    """The first problem as one sentence: the setting as written, its value, what is allowed."""
    error = exc.errors()[0]
    loc = error.get("loc") or ()
    name = str(loc[0]) if loc else ""
    if error.get("type") == "extra_forbidden":
        return f"{name} is not a setting of diplobot (docs/hosting.md lists every setting)."
    if error.get("type") == "value_error":
        reason = str(error.get("ctx", {}).get("error") or error.get("msg"))
        if not loc:  # a rule across settings: "<setting>: <reason>"
            name, _, reason = reason.partition(": ")
    else:
        reason = ""
    field = fields.get(name)
    if field is None:
        return f"A setting is wrong: {reason or error.get('msg')}."
    reason = reason or "it must be " + allowed_text(field)
    where = sources.get(name) or env_name(name, field)
    value = written.get(name, field.get_default(call_default_factory=True))
    if is_secret(field):
        shown = "(hidden)"
    elif name == "database_url" and isinstance(value, str):
        shown = repr(hide_password(value))
    else:
        shown = _quoted(value)
    return f"{where} is {shown}, but {reason}."


__all__ = [
    "CONFIG_ENV",
    "DATABASE_FILE",
    "EXIT_CONFIG",
    "SETTINGS_TABLE_END",
    "SETTINGS_TABLE_START",
    "Settings",
    "SettingsError",
    "allowed_text",
    "database_url_problem",
    "default_data_dir",
    "default_text",
    "env_name",
    "folder_problem",
    "hide_password",
    "host_port_problem",
    "settings_table",
]
