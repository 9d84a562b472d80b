"""TimeBank: our dates must keep matching the human annotation at least this well."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extract.timex_eval import load_corpus, ours, score

TIMEBANK = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "timebank"

# Reached when this test was written; rounded down so small rule changes do not flap.
VALUE_F1_FLOOR = 0.85
STRICT_SPAN_F1_FLOOR = 0.90


@pytest.mark.corpus
def test_timebank_value_f1_holds() -> None:
    if not TIMEBANK.is_dir() or not any(TIMEBANK.glob("*.tml")):
        pytest.skip(f"TimeBank corpus not found at {TIMEBANK.resolve()} (../shared is absent)")
    docs = load_corpus(TIMEBANK)
    scores = score(docs, ours)
    assert scores.gold > 1000  # the whole corpus was read, not a fragment
    assert scores.value_prf()[2] >= VALUE_F1_FLOOR
    assert scores.strict_prf()[2] >= STRICT_SPAN_F1_FLOOR
