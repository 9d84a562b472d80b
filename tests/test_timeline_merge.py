"""One test per merge rule of ``bot.timeline`` on both backends."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from bot.clock import FakeClock
from bot.timeline import IngestResult, TimelineService
from storage.db import Database
from storage.models import ArticleRow, EventHistory, EventParticipant, OutboxMessage
from tests.support.timeline import ScriptedExtractor, all_events, article, history, summit


@pytest.fixture
def script() -> ScriptedExtractor:
    return ScriptedExtractor()


@pytest.fixture
def service(db: Database, clock: FakeClock, script: ScriptedExtractor) -> TimelineService:
    return TimelineService(db, clock=clock, extractor=script)


def test_two_outlets_reporting_one_summit_give_one_event_with_two_sources(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07", "JP", "US", confidence=0.6))
    script.say("b", summit("2025-02-07", "US", "JP", confidence=0.6))
    first = service.ingest(article("a", "2025-02-01", source="Outlet A"))
    second = service.ingest(article("b", "2025-02-02", source="Outlet B"))

    assert [e.kind for e in first.events] == ["created"]
    assert [e.kind for e in second.events] == ["unchanged"]
    (event,) = all_events(db)
    assert event.source_count == 2
    assert event.title == "Japan–United States summit"
    # two independent sources at 0.6 each: 1 - 0.4 * 0.4
    assert event.confidence == pytest.approx(0.84)


def test_the_same_outlet_twice_is_not_an_independent_source(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07", confidence=0.6))
    script.say("b", summit("2025-02-07", confidence=0.6))
    service.ingest(article("a", "2025-02-01", source="Wire"))
    service.ingest(article("b", "2025-02-02", source="Wire"))
    (event,) = all_events(db)
    assert event.source_count == 2
    assert event.confidence == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (summit("2025-02-07", "JP", "US"), summit("2025-02-07", "FR", "DE")),
        (summit("2025-02-07", "EU", "US"), summit("2025-02-07", "AR", "US")),
        (summit("2025-02-07", "EU", "FR", "US"), summit("2025-02-07", "AR", "BR", "US")),
        (summit("2025-02-07", "JP", "US"), summit("2025-02-07", "JP", "US", type="meeting")),
        (summit("2025-02-07", "JP", "US"), summit("2025-02-20", "JP", "US")),
        (summit("2025-02", "JP", "US"), summit("2025-03", "JP", "US")),
    ],
    ids=[
        "no-shared-participant",
        "one-of-three-shared",
        "one-of-five-shared",
        "other-type",
        "other-day",
        "other-month",
    ],
)
def test_different_events_stay_apart(
    service: TimelineService, script: ScriptedExtractor, db: Database, first, second
) -> None:
    script.say("a", first)
    script.say("b", second)
    service.ingest(article("a", "2025-02-01"))
    result = service.ingest(article("b", "2025-02-01", source="Outlet B"))
    assert [e.kind for e in result.events] == ["created"]
    assert len(all_events(db)) == 2


@pytest.mark.parametrize(
    ("vague", "precise", "precision"),
    [
        ("2025-02", "2025-02-07", "day"),
        ("2025-W06", "2025-02-07", "day"),
        ("2025-02", "2025-W06", "week"),
        ("2025-02-07", "2025-02-07T10:00-05:00", "time"),
    ],
)
def test_a_more_precise_date_replaces_a_vaguer_one(
    service: TimelineService,
    script: ScriptedExtractor,
    db: Database,
    vague: str,
    precise: str,
    precision: str,
) -> None:
    script.say("a", summit(vague))
    script.say("b", summit(precise))
    service.ingest(article("a", "2025-01-20"))
    result = service.ingest(article("b", "2025-01-25", source="Outlet B"))

    (change,) = result.events
    assert change.kind == "updated"
    assert [(c.field, c.old, c.new) for c in change.changes] == [("date", vague, precise)]
    (event,) = all_events(db)
    assert (event.date, event.precision) == (precise, precision)
    assert ("date", vague, precise, result.article_id) in history(db, event.id)


def test_a_time_with_a_zone_sets_the_utc_start(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07T10:00-05:00"))
    service.ingest(article("a", "2025-01-20"))
    (event,) = all_events(db)
    assert event.start_at is not None
    assert event.start_at.isoformat() == "2025-02-07T15:00:00+00:00"


def test_a_vaguer_later_report_does_not_blur_the_date(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07"))
    script.say("b", summit("2025-02"))
    service.ingest(article("a", "2025-01-20"))
    result = service.ingest(article("b", "2025-01-25", source="Outlet B"))
    assert [e.kind for e in result.events] == ["unchanged"]
    (event,) = all_events(db)
    assert event.date == "2025-02-07"
    assert event.source_count == 2


def test_a_postponement_to_a_new_date_moves_the_event_and_keeps_history(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07"))
    script.say("b", summit("2025-03-03", status="postponed"))
    service.ingest(article("a", "2025-01-20"))
    result = service.ingest(article("b", "2025-02-03", source="Outlet B"))

    (event,) = all_events(db)
    assert (event.date, event.status) == ("2025-03-03", "postponed")
    assert history(db, event.id)[1:] == [
        ("date", "2025-02-07", "2025-03-03", result.article_id),
        ("status", "scheduled", "postponed", result.article_id),
    ]
    with db.session() as session:
        starts = set(
            session.scalars(
                select(EventParticipant.start_day).where(EventParticipant.event_id == event.id)
            )
        )
    assert {d.isoformat() for d in starts} == {"2025-03-03"}


def test_a_cancellation_changes_the_status(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07"))
    script.say("b", summit("2025-02-07", status="cancelled"))
    service.ingest(article("a", "2025-01-20"))
    result = service.ingest(article("b", "2025-02-03", source="Outlet B"))
    (change,) = result.events
    assert [(c.field, c.old, c.new) for c in change.changes] == [
        ("status", "scheduled", "cancelled")
    ]
    assert all_events(db)[0].status == "cancelled"


def test_an_older_article_cannot_undo_newer_news(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("new", summit("2025-02-07", status="postponed"))
    script.say("old", summit("2025-02-07", status="scheduled"))
    service.ingest(article("new", "2025-02-03"))
    result = service.ingest(article("old", "2025-01-20", source="Outlet B"))
    assert [e.kind for e in result.events] == ["unchanged"]
    (event,) = all_events(db)
    assert event.status == "postponed"
    assert event.source_count == 2


def test_a_plan_restated_after_the_event_does_not_undo_occurred(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07", status="occurred"))
    script.say("b", summit("2025-02-07", status="scheduled"))
    service.ingest(article("a", "2025-02-07"))
    service.ingest(article("b", "2025-02-08", source="Outlet B"))
    assert all_events(db)[0].status == "occurred"


def test_participants_are_united_and_the_title_follows(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07", "JP", "US"))
    script.say("b", summit("2025-02-07", "JP", "KR", "US"))
    service.ingest(article("a", "2025-01-20"))
    result = service.ingest(article("b", "2025-01-21", source="Outlet B"))
    (event,) = all_events(db)
    assert event.participants == "JP KR US"
    assert event.title == "Japan–South Korea–United States summit"
    assert [c.field for c in result.events[0].changes] == ["participants"]


def test_a_shorter_participant_list_joins_the_event_it_is_part_of(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07", "CA", "DE", "FR", "GB", "IT", "JP", "US", type="meeting"))
    script.say("b", summit("2025-02-07", "JP", "US", type="meeting"))
    script.say("c", summit("2025-02-07", "DE", "FR", "G7", "GB", "IT", "JP", "US", type="meeting"))
    for name in "abc":
        service.ingest(article(name, "2025-02-07", source=name))
    (event,) = all_events(db)
    assert event.participants == "CA DE FR G7 GB IT JP US"
    assert event.source_count == 3


def test_ingesting_an_article_twice_changes_nothing(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07"))
    service.ingest(article("a", "2025-01-20"))
    before = [(e.id, e.date, e.source_count, e.confidence) for e in all_events(db)]
    calls = script.calls

    again = service.ingest(article("a", "2025-01-20"))

    assert again.status == "known"
    assert again.events == []
    assert script.calls == calls, "a known article must not be extracted again"
    assert [(e.id, e.date, e.source_count, e.confidence) for e in all_events(db)] == before
    assert len(history(db, before[0][0])) == 1


def test_an_article_stored_undated_is_read_again_once_it_comes_with_a_date(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07"))
    undated = replace(article("a", "2025-01-20"), dct=None)
    assert service.ingest(undated).status == "new"
    assert service.ingest(undated).status == "known"
    calls = script.calls

    dated = service.ingest(article("a", "2025-01-20"))

    assert dated.status == "new" and script.calls == calls + 1
    assert service.ingest(article("a", "2025-01-21")).status == "known"
    (event,) = all_events(db)
    assert event.source_count == 1  # the same article, read twice, is still one source


def test_concurrent_ingestion_of_one_article_stores_it_once(
    db: Database, clock: FakeClock, script: ScriptedExtractor
) -> None:
    script.say("a", summit("2025-02-07"))
    barrier = threading.Barrier(4)
    results: list[IngestResult] = []
    errors: list[BaseException] = []

    class RacingService(TimelineService):
        def known_keys(self, keys):  # all threads pass the pre-check, then race on the insert
            barrier.wait(timeout=10)
            return set()

    def run() -> None:
        try:
            results.append(
                RacingService(db, clock=clock, extractor=script).ingest(article("a", "2025-01-20"))
            )
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert sorted(r.status for r in results) == ["known", "known", "known", "new"]
    assert len(all_events(db)) == 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 1


def test_concurrent_articles_about_one_event_make_one_event(
    db: Database, clock: FakeClock, script: ScriptedExtractor
) -> None:
    ids = [f"art{i}" for i in range(4)]
    for i, art in enumerate(ids):
        script.say(art, summit("2025-02-07" if i % 2 else "2025-02"))
    barrier = threading.Barrier(len(ids))
    errors: list[BaseException] = []

    def run(art: str) -> None:
        try:
            barrier.wait(timeout=10)
            TimelineService(db, clock=clock, extractor=script).ingest(
                article(art, "2025-01-20", source=art)
            )
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    (event,) = all_events(db)
    assert event.source_count == 4
    assert event.date == "2025-02-07"


def test_the_hook_runs_in_the_same_transaction(
    db: Database, clock: FakeClock, script: ScriptedExtractor
) -> None:
    script.say("a", summit("2025-02-07"))
    script.say("b", summit("2025-02-07", status="cancelled"))

    def queue_alert(session, result: IngestResult) -> None:
        for change in result.events:
            session.add(
                OutboxMessage(
                    dedup_key=f"alert:{change.event_id}:{result.key}",
                    channel_id=1,
                    kind="alert",
                    payload={"kind": change.kind, "fields": [c.field for c in change.changes]},
                    event_id=change.event_id,
                    created_at=clock(),
                    due_at=clock(),
                )
            )
        if result.ref == "b":
            raise RuntimeError("the alert layer failed")

    service = TimelineService(db, clock=clock, extractor=script, on_changes=queue_alert)
    assert service.ingest(article("a", "2025-01-20")).status == "new"
    failed = service.ingest(article("b", "2025-02-01", source="Outlet B"))

    assert failed.status == "failed"
    (event,) = all_events(db)
    assert event.status == "scheduled", "the change must roll back with its failed alert"
    with db.session() as session:
        rows = list(session.scalars(select(OutboxMessage)))
        assert [r.payload for r in rows] == [{"kind": "created", "fields": []}]
        assert session.scalar(select(func.count()).select_from(EventHistory)) == 1


def test_failures_and_bad_dates_are_reported_not_raised(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("bad-date", summit("1987"), summit("2025-02-07"))

    def explode(art):
        if art.id == "boom":
            raise ValueError("no sentences")
        return script(art)

    service._extract = explode  # the service's extractor is swapped for this test only
    results = list(
        service.ingest_many([article("boom", "2025-01-01"), article("bad-date", "2025-01-02")])
    )
    assert [r.status for r in results] == ["failed", "new"]
    assert "no sentences" in (results[0].error or "")
    assert len(results[1].skipped) == 1 and "'1987'" in results[1].skipped[0]
    assert [e.date for e in all_events(db)] == ["2025-02-07"]


def test_a_batch_keeps_order_and_counts_in_batch_duplicates_as_known(
    service: TimelineService, script: ScriptedExtractor
) -> None:
    script.say("a", summit("2025-02-07"))
    service.ingest(article("a", "2025-01-20"))
    batch = [article("a", "2025-01-20"), article("b", "2025-01-21"), article("b", "2025-01-21")]
    results = list(service.ingest_many(batch, batch_size=2))
    assert [(r.ref, r.status) for r in results] == [("a", "known"), ("b", "new"), ("b", "known")]


def test_a_later_article_with_a_plain_other_date_makes_a_new_event(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    script.say("a", summit("2025-02-07"))
    script.say("b", summit("2025-02-07", status="postponed", evidence="The summit is postponed."))
    script.say("c", summit("2025-03-03", evidence="Ishiba and Trump will meet on March 3."))
    for name, dct in (("a", "2025-01-20"), ("b", "2025-02-03"), ("c", "2025-02-10")):
        service.ingest(article(name, dct, source=name))
    first, second = all_events(db)
    assert (first.date, first.status, first.source_count) == ("2025-02-07", "postponed", 2)
    assert (second.date, second.source_count) == ("2025-03-03", 1)


def test_a_move_records_the_article_and_the_words_that_moved_it(
    service: TimelineService, script: ScriptedExtractor, db: Database
) -> None:
    words = "Officials said the summit set for Feb. 7 had been pushed back to March 3."
    script.say("a", summit("2025-02-07"))
    script.say("b", summit("2025-03-03", evidence=words))
    service.ingest(article("a", "2025-01-20"))
    moved = service.ingest(article("b", "2025-02-03", source="Outlet B"))
    (event,) = all_events(db)
    with db.session() as session:
        (row,) = session.scalars(
            select(EventHistory).where(
                EventHistory.event_id == event.id, EventHistory.field == "date"
            )
        )
    assert (row.old, row.new, row.article_id) == ("2025-02-07", "2025-03-03", moved.article_id)
    assert "pushed back to March 3" in (row.reason or "")
    assert moved.events[0].moved and not moved.events[0].noise


def test_a_move_back_within_a_day_is_noise_kept_in_the_history(
    service: TimelineService, script: ScriptedExtractor, db: Database, clock: FakeClock
) -> None:
    script.say("a", summit("2025-03-03"))
    script.say("b", summit("2025-03-10", evidence="The summit was postponed to March 10."))
    script.say("c", summit("2025-03-03", evidence="The summit was rescheduled for March 3."))
    script.say("d", summit("2025-03-10", evidence="The summit was postponed to March 10."))
    service.ingest(article("a", "2025-02-01", source="a"))
    service.ingest(article("b", "2025-02-02", source="b"))
    clock.advance(hours=20)
    back = service.ingest(article("c", "2025-02-02", source="c"))
    assert back.events[0].noise
    (event,) = all_events(db)
    assert event.date == "2025-03-03"
    with db.session() as session:
        moves = list(
            session.scalars(
                select(EventHistory)
                .where(EventHistory.event_id == event.id, EventHistory.field == "date")
                .order_by(EventHistory.id)
            )
        )
    assert [(m.old, m.new) for m in moves] == [
        ("2025-03-03", "2025-03-10"),
        ("2025-03-10", "2025-03-03"),
    ]
    assert all((m.reason or "").startswith("noise") for m in moves)

    clock.advance(days=2)  # a move more than a day after the last one is news again
    again = service.ingest(article("d", "2025-02-04", source="d"))
    assert again.events[0].moved and not again.events[0].noise


def test_a_postponement_told_as_old_and_new_day_moves_the_event_once(
    db: Database, clock: FakeClock
) -> None:
    """The extractor tells a postponement as SPEC's gold does (the old day postponed, the new
    day scheduled); the timeline keeps one event, moved to the new day, with one change."""
    from datetime import date

    from bot.extract.model import Article

    service = TimelineService(db, clock=clock)  # the real extractor
    planned = Article(
        text="The EU-China summit will be held in Brussels on March 3.",
        dct=date(2025, 2, 10),
        id="planned",
        source="Outlet A",
    )
    moved = Article(
        text="The EU-China summit, originally set for March 3, was postponed to April 2.",
        dct=date(2025, 2, 20),
        id="moved",
        source="Outlet B",
    )
    service.ingest(planned)
    result = service.ingest(moved)

    (event,) = all_events(db)
    assert (event.date, event.status) == ("2025-04-02", "postponed")
    assert [change.kind for change in result.events] == ["updated"]
