"""``diplobot demo``: offline, no token, and it shows the four things the README promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_demo_prints_timeline_event_card_change_alert_and_digest(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DIPLOBOT_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "demo"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "/timeline" in out and "Japan–United States summit" in out
    assert "Fri 7 Feb 2025" in out and "00:00" not in out
    assert "Change alert" in out and "Postponed: EU–Japan meeting" in out
    assert "/event " in out and "History:" in out and "Sources (2):" in out
    assert "Daily digest" in out
    assert out.startswith("diplobot demo: 4 sample articles")  # its own code is no article
    assert "G7 summit, Kananaskis" in out
    digest = out.split("Daily digest for ", 1)[1].split("That is what", 1)[0]
    assert "took place" not in digest.split("Coming up", 1)[-1]
    assert "DISCORD_TOKEN" not in done.stderr


def _bare(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``diplobot`` with no command, as a new user first types it."""
    base = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DIPLOBOT_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_main_job_without_a_token_is_the_offline_demo(tmp_path: Path) -> None:
    done = _bare(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("diplobot demo: 4 sample articles")
    assert "G7 summit, Kananaskis" in done.stdout and "Daily digest" in done.stdout
    assert "no DISCORD_TOKEN" in done.stderr and "set DISCORD_TOKEN" in done.stderr


def test_the_main_job_with_a_token_runs_the_bot(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a Discord nobody answers: the bot's own exit code
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = _bare(
        tmp_path,
        DISCORD_TOKEN="not-a-real-token",
        DIPLOBOT_DISCORD_API_BASE=f"http://127.0.0.1:{port}/api/v10",
    )
    assert done.returncode == 4, done.stderr  # "Discord could not be reached", from run
    assert "demo" not in done.stdout
    assert "not-a-real-token" not in done.stdout + done.stderr
