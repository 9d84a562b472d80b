"""Crash safety in the suite: a short run of scripts/crash_harness.py (3 seeded SIGKILLs).

The full proof is ``python scripts/crash_harness.py --kills 20`` (about two minutes); this
keeps the machinery honest on every run: the real bot process is killed while it ingests
and delivers, restarted, and the harness checks that every feed item was ingested once,
every due message reached Discord once, and SQLite's integrity check passes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def test_three_kills_lose_nothing_and_send_nothing_twice(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "crash_harness.py"),
            "--kills", "3", "--items", "36", "--seed", "7", "--keep", str(tmp_path / "run"),
            "--report", str(report),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=170,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert results["passed"] and results["kills"] == 3
    assert results["kills_during_delivery"] > 0 and results["messages_delivered_once"] > 0
    assert results["items_missing"] == 0 and results["items_twice"] == 0
    assert results["messages_lost"] == 0 and results["messages_duplicated"] == 0
    assert results["integrity_final"] == "ok"
