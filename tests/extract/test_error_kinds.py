"""The error kinds `scripts/eval_events.py --kinds` counts per part."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from error_kinds import count_kinds, extra_kind, miss_kind


def _event(kind: str, day: str, *parties: str) -> dict:
    return {"type": kind, "date": day, "participants": list(parties)}


def test_a_miss_is_put_in_the_first_kind_that_fits() -> None:
    gold = _event("summit", "1987-04-29", "JP", "US")
    assert miss_kind(gold, [_event("summit", "1987-04-29", "FR")]).endswith("parties disjoint")
    assert miss_kind(gold, [_event("summit", "1987-04", "JP")]).endswith("coarser date")
    assert miss_kind(gold, [_event("summit", "1987-06-08", "JP")]).endswith("date wrong")
    assert miss_kind(gold, [_event("visit", "1987-04-29", "US")]) == "miss: summit read as visit"
    assert miss_kind(gold, []) == "miss: no summit found"


def test_an_extra_is_judged_from_the_articles_gold() -> None:
    extra = _event("statement", "1987-04-08", "G7")
    assert extra_kind(extra, []) == "extra: article has no gold event"
    gold = [_event("meeting", "1987-04-08", "G7", "US")]
    assert extra_kind(extra, gold) == "extra: statement where gold has meeting"
    assert count_kinds([], [extra], gold, [extra]) == {"extra: statement where gold has meeting": 1}
