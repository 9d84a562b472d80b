"""Settings: every bad value is one sentence naming the setting, the value and what is
allowed, with exit code 2 and no traceback; the data folder does not depend on the
working directory."""

from __future__ import annotations

import os
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest

from bot.__main__ import main
from config.settings import EXIT_CONFIG, Settings, SettingsError, allowed_text, env_name

FILE_AS_FOLDER = "the-file"


def diplobot(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> tuple[int, str]:
    """``diplobot timeline`` (the command the issue found failing) with ``env`` set."""
    for name in list(os.environ):
        if name.startswith("DIPLOBOT_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = main(["timeline"])
    return code, capsys.readouterr().err


def assert_one_sentence(err: str, *named: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("diplobot: ") and lines[0].endswith("."), err
    assert "Traceback" not in err and "ValidationError" not in err
    for text in named:
        assert text in lines[0], (text, err)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway home, so the default data folder is made there."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    (tmp_path / FILE_AS_FOLDER).write_text("not a folder")
    return tmp_path


BAD_VALUES = [
    # (variable, value, what the sentence must also say)
    ("DATABASE_URL", "sqlite:///{home}/the-file/x.db", "is a file, not a folder"),
    ("DATABASE_URL", "sqlite:////proc/nope/x.db", "the folder /proc/nope does not exist"),
    ("DATABASE_URL", "sqlite:///{home}/nonexistent/dir/x.db", "does not exist"),
    ("DATABASE_URL", "mysql://user@host/db", "SQLite or PostgreSQL"),
    ("DATABASE_URL", "not a url", "it must be a database URL"),
    ("DIPLOBOT_READ_NEWS_CHANNELS", "maybe", "it must be true or false"),
    ("DIPLOBOT_FEED_POLL_MINUTES", "abc", "it must be a whole number from 1 to 1,440"),
    ("DIPLOBOT_FEED_POLL_MINUTES", "0", "from 1 to 1,440"),
    ("DIPLOBOT_SHARD_COUNT", "x", "it must be a whole number greater than 0"),
    ("DIPLOBOT_DEFAULT_TIMEZONE", "Mars/Olympus", "IANA time zone"),
    ("DIPLOBOT_DEFAULT_DIGEST_TIME", "25:00", "24-hour clock"),
    ("DIPLOBOT_DEFAULT_REMINDER_OFFSETS", "1d, soon", "reminder offsets such as 1d"),
    ("DIPLOBOT_FEED_ALLOW_HOSTS", "10.0.0.0/8", "one host:port pair"),
    ("DIPLOBOT_FEED_ALLOW_HOSTS", "127.0.0.1:1-9000", "one host:port pair"),
    ("DIPLOBOT_DATA_DIR", "{home}/the-file/data", "is a file, not a folder"),
    ("DIPLOBOT_LOG_FORMAT", "xml", "one of text, json"),
    ("DIPLOBOT_DEV_GUILD_ID", "my-server", "whole number"),
    ("DIPLOBOT_CONFIG", "/nonexistent.toml", "no such file exists"),
]


@pytest.mark.parametrize(("variable", "value", "reason"), BAD_VALUES)
def test_a_bad_setting_is_one_sentence_with_exit_code_2(
    variable: str,
    value: str,
    reason: str,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    value = value.format(home=home)
    code, err = diplobot(capsys, monkeypatch, {variable: value})
    assert code == EXIT_CONFIG == 2
    assert_one_sentence(err, variable, repr(value), reason)
    assert not (home / "nonexistent").exists()  # an explicit SQLite folder is never made


def test_a_setting_that_needs_another_names_both(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"DIPLOBOT_SHARD_COUNT": "2", "DIPLOBOT_SHARD_IDS": "0,2"}
    code, err = diplobot(capsys, monkeypatch, env)
    assert code == 2
    assert_one_sentence(err, "DIPLOBOT_SHARD_IDS", "'0,2'", "from 0 to 1", "SHARD_COUNT is 2")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("feed_poll_minutes = \n", "is not valid TOML (Invalid value (at line 1, column 21))"),
        ("feed_pol_minutes = 5\n", "is not a setting of diplobot (did you mean feed_poll_minutes"),
        ('discord_token = "abc"\n', "is read only from the environment (DISCORD_TOKEN)"),
        ("feed_poll_minutes = 0\n", "feed_poll_minutes in {path} is 0, but it must be"),
        ('default_timezone = "Mars/Olympus"\n', "default_timezone in {path} is 'Mars/Olympus'"),
    ],
)
def test_a_bad_settings_file_is_one_sentence_naming_the_file(
    content: str,
    reason: str,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = home / "diplobot.toml"
    path.write_text(content)
    code, err = diplobot(capsys, monkeypatch, {"DIPLOBOT_CONFIG": str(path)})
    assert code == 2
    assert_one_sentence(err, str(path), reason.format(path=path))
    assert "abc" not in err  # a secret is never echoed


def bad_value(annotation: object) -> str | None:
    """A value no field of this type accepts, as an environment variable would carry it."""
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    parts = typing.get_args(annotation) if union else (annotation,)
    kinds = {typing.get_origin(a) or a for a in parts}
    if typing.get_origin(annotation) is typing.Literal:
        return "not-one-of-them"
    for kind, value in ((list, "[1, "), (bool, "maybe"), (int, "abc"), (float, "abc")):
        if kind in kinds:
            return value
    if Path in kinds:
        return "{home}/the-file/sub"
    return None


TYPED = [n for n, f in Settings.model_fields.items() if bad_value(f.annotation) is not None]


@pytest.mark.parametrize("name", TYPED)
def test_every_typed_setting_is_checked_with_a_sentence(
    name: str, home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generic: a field added later is read from its variable and explained by its type (text
    settings with a rule of their own have their own cases in BAD_VALUES)."""
    field = Settings.model_fields[name]
    value = str(bad_value(field.annotation)).format(home=home)
    code, err = diplobot(capsys, monkeypatch, {env_name(name, field): value})
    assert code == 2
    assert_one_sentence(err, env_name(name, field), "but ")
    assert allowed_text(field) in err or "a file, not a folder" in err or "one of" in err


def test_settings_load_raises_the_same_sentence_in_code() -> None:
    with pytest.raises(SettingsError, match=r"^DIPLOBOT_FEED_POLL_MINUTES is 'abc', but it must"):
        Settings.load(Path("/nonexistent"), environ={"DIPLOBOT_FEED_POLL_MINUTES": "abc"})


def test_values_come_from_defaults_then_the_file_then_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "diplobot.toml"
    path.write_text('feed_poll_minutes = 30\ndefault_timezone = "Europe/Paris"\n')
    env = {"DIPLOBOT_CONFIG": str(path), "DIPLOBOT_FEED_POLL_MINUTES": "45"}
    settings = Settings.load(environ=env)
    assert (settings.feed_poll_minutes, settings.default_timezone) == (45, "Europe/Paris")
    assert settings.sources["feed_poll_minutes"] == "DIPLOBOT_FEED_POLL_MINUTES"
    assert settings.sources["default_timezone"] == f"default_timezone in {path}"
    assert settings.sources["fetch_timeout_s"] == "default"


def test_lists_from_the_environment_take_commas_or_json() -> None:
    env = {
        "DIPLOBOT_SHARD_COUNT": "4",
        "DIPLOBOT_SHARD_IDS": "[0, 1]",
        "DIPLOBOT_FEED_ALLOW_HOSTS": "127.0.0.1:8080, Bridge.LAN:3000",
        "DIPLOBOT_DEV_GUILD_ID": "",  # empty means unset (compose files write VAR=)
    }
    settings = Settings.load(Path("/nonexistent"), environ=env)
    assert settings.shard_ids == [0, 1]
    assert settings.feed_allow_hosts == ["127.0.0.1:8080", "bridge.lan:3000"]
    assert settings.dev_guild_id is None


def test_the_token_is_never_shown() -> None:
    settings = Settings.load(Path("/nonexistent"), environ={"DISCORD_TOKEN": "sekrit"})
    assert "sekrit" not in settings.shown("discord_token") and "sekrit" not in repr(settings)
    url = "postgresql://bot:hunter2@db/diplobot"
    settings = Settings.load(Path("/nonexistent"), environ={"DATABASE_URL": url})
    assert settings.shown("database_url") == "postgresql://bot:***@db/diplobot"


def test_the_default_database_is_the_same_from_any_folder(tmp_path: Path) -> None:
    """Run from two folders, ``timeline`` reads one database and says where it is."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
    }
    said = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        done = subprocess.run(
            [sys.executable, "-m", "bot", "timeline"],
            cwd=tmp_path / folder,
            env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        said.append(done.stderr)
    expected = tmp_path / "home" / ".local" / "share" / "diplobot" / "diplobot.db"
    assert said[0] == said[1] and str(expected) in said[0]
    assert expected.is_file() and not (tmp_path / "a" / "data").exists()


def test_a_bad_setting_stops_the_process_without_a_traceback(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "DIPLOBOT_FEED_POLL_MINUTES": "abc",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "timeline"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "diplobot: DIPLOBOT_FEED_POLL_MINUTES is 'abc', but it must be a whole number "
        "from 1 to 1,440.\n"
    )
