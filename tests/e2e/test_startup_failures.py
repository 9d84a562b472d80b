"""Every way ``diplobot run`` can fail to start is one sentence and an exit code (the README's
table), never a traceback: bad settings, a database it cannot open, a gateway that answers
plain HTTP, an API nobody answers, slash commands Discord refuses."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli.run import (
    EXIT_DATABASE,
    EXIT_SETTINGS,
    EXIT_SYNC,
    EXIT_UNREACHABLE,
    serve,
    sync_commands,
)
from tests.support.bot import e2e_settings
from tests.support.discord_server import DiscordLoopback, Fault

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def one_sentence(err: str, caplog: pytest.LogCaptureFixture) -> str:
    """The program's complaint: one line, no traceback on stderr or in the log."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and not any(r.exc_info for r in caplog.records)
    return lines[0]


async def test_a_gateway_answering_plain_http_is_unreachable_not_a_crash(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = e2e_settings(
        tmp_path, loopback, discord_gateway=f"ws://127.0.0.1:{loopback.port}/api/v10/gateway"
    )
    code = await serve(settings, loopback.accepted_token)
    assert code == EXIT_UNREACHABLE
    line = one_sentence(capsys.readouterr().err, caplog)
    assert "could not be reached" in line and "instead of opening a websocket" in line


async def test_an_api_nobody_answers_is_unreachable(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = f"http://127.0.0.1:{closed_port()}/api/v10"
    code = await serve(e2e_settings(tmp_path, loopback, discord_api_base=api), "token")
    assert code == EXIT_UNREACHABLE
    assert "could not be reached" in one_sentence(capsys.readouterr().err, caplog)


async def test_a_refused_command_sync_for_the_dev_guild_is_a_sentence(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    loopback.inject(Fault(403, "PUT /applications/", count=None))
    code = await serve(e2e_settings(tmp_path, loopback), loopback.accepted_token)
    assert code == EXIT_SYNC
    line = one_sentence(capsys.readouterr().err, caplog)
    assert "DIPLOBOT_DEV_GUILD_ID" in line and "Missing Access" in line


async def test_sync_commands_refused_is_a_sentence(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    loopback.inject(Fault(403, "PUT /applications/", count=None))
    code = await sync_commands(e2e_settings(tmp_path, loopback), loopback.accepted_token)
    assert code == EXIT_SYNC
    assert "refused the slash commands" in one_sentence(capsys.readouterr().err, caplog)


async def test_a_database_it_cannot_open_is_a_sentence(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = f"postgresql+psycopg://nobody@127.0.0.1:{closed_port()}/none"
    code = await serve(e2e_settings(tmp_path, loopback, database_url=url), "token")
    assert code == EXIT_DATABASE
    assert "cannot open the database" in one_sentence(capsys.readouterr().err, caplog)


async def test_a_gateway_address_that_is_not_a_websocket_is_a_settings_error(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = e2e_settings(tmp_path, loopback, discord_gateway="https://gateway.example")
    code = await serve(settings, loopback.accepted_token)
    assert code == EXIT_SETTINGS
    assert "DIPLOBOT_DISCORD_GATEWAY" in one_sentence(capsys.readouterr().err, caplog)


def test_an_invalid_setting_exits_with_its_code(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DIPLOBOT_DATA_DIR": str(tmp_path),
        "DISCORD_TOKEN": "some-token",
        "DIPLOBOT_FEED_POLL_MINUTES": "often",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == EXIT_SETTINGS
    assert done.stderr.count("\n") == 1 and "DIPLOBOT_FEED_POLL_MINUTES" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture(autouse=True)
def _quiet_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
