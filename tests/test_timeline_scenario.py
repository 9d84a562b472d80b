"""A story told over several articles ends as one event with its whole history (both backends)."""

from __future__ import annotations

import pytest

from bot.clock import FakeClock
from bot.extract.model import Article
from bot.timeline import TimelineService
from storage.db import Database
from tests.support.timeline import ScriptedExtractor, all_events, article, history, summit

# (article id, publication date, outlet, what the extractor finds in it)
STORY = [
    ("announce", "2025-01-10", "Outlet A", summit("2025-02", confidence=0.5)),
    ("firm", "2025-01-20", "Outlet B", summit("2025-02-07", location="Washington", confidence=0.8)),
    ("repeat", "2025-01-22", "Outlet A", summit("2025-02-07", confidence=0.7)),
    ("postponed", "2025-02-03", "Outlet C", summit("2025-02-07", status="postponed")),
    (
        "new-date",
        "2025-02-10",
        "Outlet B",
        summit(
            "2025-03-03",
            confidence=0.9,
            evidence="The summit, postponed last week, will now be held on March 3.",
        ),
    ),
]
# A different event about the same countries that must stay apart.
DISTRACTOR = ("ministers", "2025-01-21", "Outlet D", summit("2025-02-07", type="meeting"))


def _replay(service: TimelineService, script: ScriptedExtractor, steps) -> dict[str, int | None]:
    ids: dict[str, int | None] = {}
    for art_id, dct, outlet, event in steps:
        script.say(art_id, event)
        result = service.ingest(article(art_id, dct, source=outlet))
        assert result.status == "new"
        ids[art_id] = result.article_id
    return ids


def test_announcement_firming_postponement_and_new_date(db: Database, clock: FakeClock) -> None:
    script = ScriptedExtractor()
    service = TimelineService(db, clock=clock, extractor=script)
    ids = _replay(service, script, [*STORY[:2], DISTRACTOR, *STORY[2:]])

    events = all_events(db)
    assert [e.type for e in events] == ["summit", "meeting"]
    summit_row = events[0]
    assert (summit_row.date, summit_row.precision, summit_row.status) == (
        "2025-03-03",
        "day",
        "scheduled",
    )
    assert summit_row.location == "Washington"
    assert summit_row.source_count == 5
    assert summit_row.revision == 3  # three articles changed it: firm, postponed, new date
    assert summit_row.title == "Japan–United States summit, Washington"  # the place came later
    # outlets A (best 0.7), B (best 0.9), C (0.6): 1 - 0.3 * 0.1 * 0.4
    assert summit_row.confidence == pytest.approx(0.988)
    assert history(db, summit_row.id) == [
        ("created", None, "2025-02 scheduled", ids["announce"]),
        ("date", "2025-02", "2025-02-07", ids["firm"]),
        ("location", None, "Washington", ids["firm"]),
        ("status", "scheduled", "postponed", ids["postponed"]),
        ("date", "2025-02-07", "2025-03-03", ids["new-date"]),
        ("status", "postponed", "scheduled", ids["new-date"]),
    ]

    # Replaying the whole story changes nothing.
    snapshot = [(e.id, e.date, e.status, e.source_count, e.confidence) for e in all_events(db)]
    replay = [service.ingest(article(a, d, source=o)) for a, d, o, _ in [*STORY, DISTRACTOR]]
    assert {r.status for r in replay} == {"known"}
    assert [
        (e.id, e.date, e.status, e.source_count, e.confidence) for e in all_events(db)
    ] == snapshot
    assert len(history(db, summit_row.id)) == 6


def test_the_story_read_backwards_ends_the_same(db: Database, clock: FakeClock) -> None:
    script = ScriptedExtractor()
    service = TimelineService(db, clock=clock, extractor=script)
    _replay(service, script, list(reversed(STORY)))

    (event,) = all_events(db)
    assert (event.date, event.status, event.source_count) == ("2025-03-03", "scheduled", 5)


def test_an_article_without_events_is_still_known_afterwards(
    db: Database, clock: FakeClock
) -> None:
    service = TimelineService(db, clock=clock, extractor=lambda _a: [])
    art = Article(text="Markets were calm.", id="calm")
    assert service.ingest(art).status == "new"
    assert service.ingest(art).status == "known"
    assert all_events(db) == []
