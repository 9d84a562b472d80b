"""The gold this project added holds only what SPEC.md allows and names texts that exist.

A gold row that names a missing text, or an event with a field SPEC does not define, would
silently change every figure `scripts/eval_events.py` prints.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from config.event_types import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.jsonl"))
SPEC_FIELDS = {
    "type",
    "date",
    "end_date",
    "participants",
    "people",
    "location",
    "status",
    "evidence",
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}([+-]\d{2}:\d{2})?)?)?|-W\d{2})?$")
STATUSES = {"scheduled", "occurred", "postponed", "cancelled"}

sys.path.insert(0, str(ROOT / "scripts"))
from gold_texts import article_for  # noqa: E402


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_added_gold_rows_name_shared_texts_and_spec_events(path: Path) -> None:
    rows = _rows(path)
    assert len({row["id"] for row in rows}) == len(rows), "an article is annotated twice"
    for row in rows:
        assert set(row) == {"id", "dct", "events"}, row["id"]
        article = article_for(row["id"])
        assert article["dct"] == row["dct"], row["id"]
        text = " ".join(article["text"].split())
        for event in row["events"]:
            assert set(event) == SPEC_FIELDS, (row["id"], event)
            assert event["type"] in EVENT_TYPES, (row["id"], event["type"])
            assert DATE.match(event["date"]), (row["id"], event["date"])
            assert event["status"] in STATUSES, (row["id"], event["status"])
            assert " ".join(event["evidence"].split()) in text, (row["id"], event["evidence"])
