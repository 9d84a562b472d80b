"""Two real sender processes on one PostgreSQL database: no message twice, none lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.postgres import postgres_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
@pytest.mark.parametrize("kill", [False, True], ids=["both-run", "one-killed"])
def test_two_processes_share_the_outbox_without_duplicates(kill: bool) -> None:
    cmd = [
        sys.executable,
        str(ROOT / "scripts" / "bench_outbox_pg.py"),
        "--messages",
        "3000" if kill else "600",
        "--url",
        postgres_url(),
    ]
    if kill:
        cmd.append("--kill")
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, cwd=ROOT)
    if done.returncode == 2:
        pytest.skip(f"PostgreSQL not reachable: {done.stderr.strip()}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "duplicates: 0  lost: 0  unsent rows: 0" in done.stdout
