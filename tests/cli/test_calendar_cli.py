"""``diplobot calendar``: the links /calendar makes, from the command line, and bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.clock import SystemClock
from bot.services.calendars import CalendarService
from storage.db import open_database
from tests.support.cli import run


def test_create_list_revoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out, err = run(capsys, "calendar", "create", "--guild", "5", "--channel", "6",
                         "--countries", "Japan", "--types", "summit", "--db", db)  # fmt: skip
    assert code == 0 and "shown only now" in err
    assert "calendar link #1 (countries JP; types summit)" in out
    ics_url = re.search(r"calendar apps: (\S+)", out)[1]  # type: ignore[index]
    assert re.fullmatch(r"http://127\.0\.0\.1:8080/cal/[A-Za-z0-9_-]{32}\.ics", ics_url)
    token = ics_url.rsplit("/", 1)[1].removesuffix(".ics")
    service = CalendarService(open_database(db), SystemClock(), None)
    assert service.feed(token) is not None

    code, out, _ = run(capsys, "calendar", "list", "--guild", "5", "--db", db)
    assert code == 0 and out.strip() == "#1 channel 6: countries JP; types summit (active)"
    assert token not in out  # never shown again

    code, out, _ = run(capsys, "calendar", "revoke", "1", "--guild", "5", "--db", db)
    assert code == 0 and "revoked" in out
    assert service.feed(token) is None
    code, _, err = run(capsys, "calendar", "revoke", "1", "--guild", "7", "--db", db)
    assert code == 1 and "no calendar link #1" in err


def test_bad_filters_say_what_to_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, _, err = run(capsys, "calendar", "create", "--guild", "5", "--channel", "6",
                       "--types", "picnic", "--db", db)  # fmt: skip
    assert code != 0 and "picnic" in err


def test_links_need_the_web_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIPLOBOT_WEB_BIND", "off")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    code, _, err = run(capsys, "calendar", "create", "--guild", "5", "--channel", "6", "--db", db)
    assert code == 1 and "DIPLOBOT_WEB_BIND is off" in err


@pytest.mark.parametrize(
    ("variable", "value", "hint"),
    [
        ("DIPLOBOT_WEB_BIND", "8080", "host:port"),
        ("DIPLOBOT_WEB_BIND", "localhost:99999", "host:port"),
        ("DIPLOBOT_WEB_BASE_URL", "ftp://x.example", "http:// or https://"),
        ("DIPLOBOT_WEB_BASE_URL", "https://x.example/?a=1", "without a query"),
    ],
)
def test_bad_web_settings_are_one_sentence(
    variable: str, value: str, hint: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    monkeypatch.setenv(variable, value)
    code, _, err = run(capsys, "calendar", "list", "--guild", "5",
                       "--db", f"sqlite:///{tmp_path / 'x.db'}")  # fmt: skip
    assert code == 2 and variable in err and hint in err
