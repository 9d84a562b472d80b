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
