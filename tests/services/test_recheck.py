"""``diplobot db recheck`` splits what older rules joined, keeps history and sources, alerts
nobody."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.__main__ import main
from bot.extract.event_date import parse_event_date
from bot.services.recheck import Rechecker
from bot.timeline_audit import audit_timeline
from storage.db import Database, open_database
from storage.models import (
    ArticleRow,
    EventArticle,
    EventHistory,
    EventParticipant,
    EventRow,
    OutboxMessage,
    Subscription,
)
from storage.repos.events import TimelineFilter, query_timeline
from tests.conftest import FakeClock

T0 = datetime(1987, 3, 1, 9, 0, tzinfo=UTC)

# As the old rules stored them: (event date, title, participants, [(article, published, date,
# status, sentence)], [(field, old, new, article)]). Sources carry no participants (old rows).
OLD_JOINS = [
    (
        "1987-03-01",
        "EU–Italy–Japan–United States meeting",
        "EU IT JP US",
        [
            ("r1", "1987-02-27", "1987-03-01", "scheduled", "Officials meet on Sunday."),
            ("r2", "1987-03-09", "1987-03-11", "scheduled", "Talks on chips resume Wednesday."),
            ("r3", "1987-03-16", "1987-03-19", "scheduled", "The council is to meet Thursday."),
            ("r4", "1987-03-17", "1987-03", "scheduled", "They will meet again in March."),
            ("r5", "1987-03-10", "1987-03-11", "scheduled", "Chip talks open tomorrow."),
        ],
        [],
    ),
    (
        "1987-04-20",
        "OPEC meeting",
        "OPEC",
        [
            ("o1", "1987-02-20", "1987-03-07", "scheduled", "The committee meets on March 7."),
            ("o2", "1987-03-01", "1987-04-02", "postponed", "It was postponed until April 2."),
            ("o3", "1987-04-10", "1987-04-20", "scheduled", "Ministers will meet on April 20."),
        ],
        [
            ("date", "1987-03-07", "1987-04-02", "o2"),
            ("status", "scheduled", "postponed", "o2"),
            ("date", "1987-04-02", "1987-04-20", "o3"),
            ("status", "postponed", "scheduled", "o3"),
        ],
    ),
]


def _store_old_joins(db: Database) -> dict[str, int]:
    """Write events as the old merge rules left them; returns event ids by title."""
    ids: dict[str, int] = {}
    with db.session() as session:
        session.add(
            Subscription(guild_id=1, channel_id=2, created_at=T0, updated_at=T0)
        )  # a channel that wants everything: any alert would show in the outbox
        for day, title, codes, sources, moves in OLD_JOINS:
            span = parse_event_date(day)
            event = EventRow(
                type="meeting",
                date=day,
                precision=span.precision,
                start_day=span.start,
                end_day=span.end,
                participants=codes,
                title=title,
                source_count=len(sources),
                confidence=0.9,
                first_seen=T0,
                last_changed=T0,
            )
            session.add(event)
            session.flush()
            assert event.id is not None
            ids[title] = event.id
            for code in codes.split():
                session.add(
                    EventParticipant(
                        event_id=event.id, code=code, start_day=span.start, end_day=span.end
                    )
                )
            articles: dict[str, int] = {}
            for i, (ref, published, said, status, words) in enumerate(sources):
                row = ArticleRow(
                    key=f"key-{ref}",
                    ref=ref,
                    source=f"outlet {ref}",
                    published=date.fromisoformat(published),
                    ingested_at=T0,
                )
                session.add(row)
                session.flush()
                assert row.id is not None
                articles[ref] = row.id
                session.add(
                    EventArticle(
                        event_id=event.id,
                        article_id=row.id,
                        evidence=words,
                        date=said,
                        status=status,
                        confidence=0.6,
                        linked_at=T0 + timedelta(minutes=i),
                    )
                )
            first = sources[0]
            session.add(
                EventHistory(
                    event_id=event.id,
                    at=T0,
                    field="created",
                    new=f"{first[2]} {first[3]}",
                    article_id=articles[first[0]],
                )
            )
            for i, (name, old, new, ref) in enumerate(moves, start=1):
                session.add(
                    EventHistory(
                        event_id=event.id,
                        at=T0 + timedelta(minutes=i),
                        field=name,
                        old=old,
                        new=new,
                        article_id=articles[ref],
                    )
                )
    return ids


def _count(db: Database, table: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def _sources(db: Database, event_id: int) -> list[str]:
    with db.session() as session:
        return sorted(
            session.scalars(
                select(ArticleRow.ref)
                .join(EventArticle, EventArticle.article_id == ArticleRow.id)
                .where(EventArticle.event_id == event_id)
            )
        )


def test_recheck_splits_old_joins_keeps_history_and_sources_and_alerts_nobody(
    db: Database, clock: FakeClock
) -> None:
    ids = _store_old_joins(db)
    history_before = _count(db, EventHistory)
    with db.session() as session:
        before = audit_timeline(session)
    assert [c.event_id for c in before.conflicts] == [ids["EU–Italy–Japan–United States meeting"]]

    report = Rechecker(db, clock=clock).run()

    assert _count(db, OutboxMessage) == 0, "a recheck must not alert anyone"
    assert (report.checked, report.split) == (2, 2)
    four = ids["EU–Italy–Japan–United States meeting"]
    opec = ids["OPEC meeting"]
    # The kept events keep their id, their date and the sources of that date.
    assert _sources(db, four) == ["r1"]
    assert _sources(db, opec) == ["o3"]
    with db.session() as session:
        kept = session.get(EventRow, four)
        assert kept is not None and (kept.date, kept.source_count) == ("1987-03-01", 1)
        events = {e.id: e for e in session.scalars(select(EventRow))}
        after = audit_timeline(session)
    new = {(e.date, e.status): i for i, e in events.items() if i not in ids.values()}
    assert set(new) == {
        ("1987-03-11", "scheduled"),
        ("1987-03-19", "scheduled"),
        ("1987-03", "scheduled"),  # fits both March days: kept apart, as ingestion would
        ("1987-04-02", "postponed"),  # the committee, moved by the article that said so
    }
    assert _sources(db, new[("1987-03-11", "scheduled")]) == ["r2", "r5"]
    assert _sources(db, new[("1987-04-02", "postponed")]) == ["o1", "o2"]
    # Nothing lost: every source is still linked once; old history stays, new rows explain.
    assert _count(db, EventArticle) == 8
    # created rows of the 4 new events, the committee's replayed move and status, 2 splits
    assert _count(db, EventHistory) == history_before + len(new) + 2 + 2
    assert after.conflicts == []
    with db.session() as session:
        created = session.scalars(
            select(EventHistory).where(
                EventHistory.field == "created", EventHistory.event_id.in_(list(new.values()))
            )
        ).all()
        assert {h.reason for h in created} == {
            f"recheck: split from event {four}",
            f"recheck: split from event {opec}",
        }
        # The split-off events are found by country like any other.
        found = query_timeline(session, TimelineFilter(countries=("JP",)))
    assert {e.date for e in found} >= {"1987-03-01", "1987-03-11", "1987-03-19"}

    # A second recheck finds nothing more to do.
    again = Rechecker(db, clock=clock).run()
    assert (again.split, again.redated) == (0, 0)
    assert _count(db, OutboxMessage) == 0


def test_a_dry_run_changes_nothing(db: Database, clock: FakeClock) -> None:
    _store_old_joins(db)
    events, links = _count(db, EventRow), _count(db, EventArticle)
    report = Rechecker(db, clock=clock, dry_run=True).run()
    assert report.split == 2 and report.created == 4
    assert (_count(db, EventRow), _count(db, EventArticle)) == (events, links)


def test_the_command_line_reports_the_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    database = open_database(url)
    _store_old_joins(database)
    database.dispose()
    assert main(["db", "recheck", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "split 2 of them into 4 new events" in out
    assert "nothing was alerted" in out
