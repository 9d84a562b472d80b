"""Whatever the text, extraction returns valid events, within a bounded amount of work, and
never raises (its speed is measured by scripts/fuzz_extract.py and scripts/bench_extract.py)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extract.model import EVENT_TYPES, STATUSES, Article
from bot.extract.pipeline import extract_events
from tests.support.work import count_calls

CALLS_PER_CHAR = 50  # about 6 at worst today; a loop quadratic in the text blows far past it

NEWSY = [
    "Trump",
    "will",
    "meet",
    "Ishiba",
    "in",
    "Washington",
    "on",
    "Friday",
    "May",
    "may",
    "March",
    "march",
    "summit",
    "talks",
    "signed",
    "agreement",
    "tariffs",
    "sanctions",
    "election",
    "postponed",
    "cancelled",
    "$14.9",
    "billion",
    "68,",
    "10%",
    "Sept.",
    "30",
    "1987",
    "next",
    "week",
    "last",
    "month",
    "the",
    "G7",
    "EU",
    "OPEC",
    "U.S.",
    "Japan's",
    "joint",
    "statement",
    "-",
    "--",
    ",",
    ".",
    "\n",
    "today",
    "yesterday",
    "from",
    "to",
    "Feb",
    "7-9",
    "mid-April",
    "said",
    "Thursday",
    "(",
    ")",
    "\u00a0",
    "x" * 60,
]
dcts = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
texts = st.one_of(
    st.text(max_size=2000),
    st.lists(st.sampled_from(NEWSY), max_size=400).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, dct=dcts)
def test_any_text_gives_valid_events_in_bounded_work(text: str, dct: date | None) -> None:
    events, calls = count_calls(extract_events, Article(text=text, dct=dct))
    assert calls <= CALLS_PER_CHAR * (len(text) + 100)
    for event in events:
        assert event.type in EVENT_TYPES
        assert event.status in STATUSES
        assert len(event.date) >= 7  # at least month precision: never a bare year
        assert 0.0 <= event.confidence <= 1.0
        assert event.participants == sorted(event.participants)
