"""Look-alike events that must stay apart, and the joins that must still happen (both backends).

Each mention carries the real event it belongs to; a stored event holding two different real
events is a wrong join, in either reading order. The set copies what went wrong on Reuters:
one pair meeting twice in a month, a month-precise mention that could be either meeting, an
OPEC committee postponed while the full conference stays in June, a domestic council meeting
the same month as a four-party one, and a summit postponed without a new date.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from bot.extract.model import Event
from bot.timeline import TimelineService
from storage.db import Database
from tests.conftest import FakeClock
from tests.support.timeline import ScriptedExtractor, all_events, article, history, summit

# One row per mention: (article, publication date, real event, type, date, participants,
# status, the sentence). An article with two rows reports two events. "a|b" is a mention
# that could be either real event (the article cannot say which).
MENTIONS: list[tuple[str, str, str, str, str, str, str, str]] = [
    ("opec-cttee", "1987-02-20", "committee", "meeting", "1987-03-07", "OPEC", "scheduled",
     "The differentials committee will meet on March 7."),
    ("opec-dec", "1987-02-24", "december", "meeting", "1986-12", "OPEC", "occurred",
     "Output was set at OPEC's December conference."),
    ("eu-four", "1987-02-25", "four-party", "meeting", "1987-03-02", "EU IT JP US", "scheduled",
     "EC, Italian, Japanese and U.S. officials meet on Monday."),
    ("opec-moved", "1987-03-01", "committee", "meeting", "1987-04-02", "OPEC", "postponed",
     "The March 7 meeting of the differentials committee has been postponed until April 2."),
    ("opec-late", "1987-03-02", "committee", "meeting", "1987-03-07", "OPEC", "scheduled",
     "Delegates prepared for the committee session on March 7."),
    ("jpus-12", "1987-03-05", "jpus-12", "meeting", "1987-03-12", "JP US", "scheduled",
     "Japanese and U.S. officials will meet on March 12."),
    ("jpus-12", "1987-03-05", "conference", "meeting", "1987-06-25", "OPEC", "scheduled",
     "Prices may firm before OPEC's conference opens on June 25."),
    ("jpus-month", "1987-03-11", "jpus-12|jpus-26", "meeting", "1987-03", "JP US", "scheduled",
     "The two sides are to meet again this month."),
    ("jpus-26", "1987-03-10", "jpus-26", "meeting", "1987-03-26", "JP US", "scheduled",
     "U.S. and Japanese negotiators meet on March 26 on chips."),
    ("jpus-12-again", "1987-03-11", "jpus-12", "meeting", "1987-03-12", "JP US", "scheduled",
     "Tomorrow's talks between Japan and the U.S. open in Tokyo."),
    ("opec-june", "1987-03-13", "conference", "meeting", "1987-06", "OPEC", "scheduled",
     "This will be decided at the next OPEC meeting in June."),
    ("eu-four-month", "1987-03-14", "four-party", "meeting", "1987-03", "EU IT", "occurred",
     "EC and Italian officials met in March."),
    ("council", "1987-03-16", "council", "meeting", "1987-03-19", "US", "scheduled",
     "The economic policy council is expected to meet Thursday."),
    ("summit-set", "1987-03-02", "summit-april", "summit", "1987-04-10", "CA US", "scheduled",
     "Mulroney will meet Reagan on April 10."),
    ("summit-off", "1987-03-20", "summit-april", "summit", "1987-04-10", "CA US", "postponed",
     "The April 10 summit has been postponed."),
    ("summit-other", "1987-03-25", "summit-late-april", "summit", "1987-04-28", "CA US",
     "scheduled", "Mulroney and Reagan will meet on April 28."),
]  # fmt: skip


def _articles() -> list[tuple[str, str, list[tuple[str, Event]]]]:
    """(article, date, [(real event, extracted event)]) in publication order."""
    found: dict[str, tuple[str, list[tuple[str, Event]]]] = {}
    for art_id, dct, truth, kind, day, codes, status, words in MENTIONS:
        event = summit(day, *codes.split(), type=kind, status=status, evidence=words)
        found.setdefault(art_id, (dct, []))[1].append((truth, event))
    return sorted(((a, d, f) for a, (d, f) in found.items()), key=lambda x: (x[1], x[0]))


def _ingest(db: Database, clock: FakeClock, order: list) -> dict[int, list[str]]:
    """Ingest the articles in ``order``; the real events each stored event ended up holding."""
    script = ScriptedExtractor()
    service = TimelineService(db, clock=clock, extractor=script)
    held: dict[int, list[str]] = defaultdict(list)
    for art_id, dct, found in order:
        script.say(art_id, *(event for _, event in found))
        result = service.ingest(article(art_id, dct, source=f"outlet of {art_id}"))
        assert result.status == "new"
        for (truth, _), change in zip(found, result.events, strict=True):
            held[change.event_id].append(truth)
        clock.advance(hours=1)
    return held


@pytest.mark.parametrize("order", ["as published", "backwards"])
def test_no_stored_event_holds_two_real_events(db: Database, clock: FakeClock, order: str) -> None:
    ordered = _articles()
    held = _ingest(db, clock, ordered if order == "as published" else ordered[::-1])
    # A stored event is right when one real event fits every mention it holds.
    wrong = {
        event_id: truths
        for event_id, truths in held.items()
        if not set.intersection(*(set(t.split("|")) for t in truths))
    }
    assert wrong == {}, f"wrong joins: {wrong}"


def test_the_same_event_still_joins_and_the_postponement_moves_it(
    db: Database, clock: FakeClock
) -> None:
    held = _ingest(db, clock, _articles())
    by_truth: dict[str, list[int]] = defaultdict(list)
    for event_id, truths in held.items():
        for truth in set(truths):
            by_truth[truth].append(event_id)
    # Every real event is one stored event (none split), and every stored event one real one;
    # the month that fits both March meetings joins neither.
    assert all(len(ids) == 1 for ids in by_truth.values()), by_truth
    events = {e.id: e for e in all_events(db)}
    assert len(events) == len(by_truth) == 10

    committee = events[by_truth["committee"][0]]
    assert (committee.date, committee.status, committee.source_count) == (
        "1987-04-02",
        "postponed",
        3,
    )
    moves = [h for h in history(db, committee.id) if h[0] == "date"]
    assert [(old, new) for _, old, new, _ in moves] == [("1987-03-07", "1987-04-02")]
    conference = events[by_truth["conference"][0]]
    assert (conference.date, conference.source_count) == ("1987-06-25", 2)
    summit_row = events[by_truth["summit-april"][0]]
    assert (summit_row.date, summit_row.status) == ("1987-04-10", "postponed")
    assert events[by_truth["jpus-12|jpus-26"][0]].date == "1987-03"
