"""Where the read-only shared material lives, and a skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV_EVENTS = SHARED / "events" / "dev.jsonl"
SEED_ARTICLE = SHARED / "seed" / "ishiba-trump-2025-02-06.txt"
REUTERS = SHARED / "corpora" / "reuters21578" / "reuters21578.jsonl"
TIMEBANK = SHARED / "corpora" / "timebank"


def require(path: Path) -> Path:
    """Return ``path``, or skip the test saying which shared file is missing."""
    if not path.exists():
        pytest.skip(f"needs {path} (the read-only ../shared folder beside the repository)")
    return path
