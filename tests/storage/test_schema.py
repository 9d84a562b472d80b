"""The schema: migrations match the models, datetimes stay UTC, constraints hold (both backends)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, StatementError

from storage.db import Database, open_database
from storage.migrate import current_revision, head_revision
from storage.models import (
    ArticleRow,
    EventHistory,
    EventParticipant,
    EventRow,
    Feed,
    FeedEntrySeen,
    OutboxMessage,
    metadata,
)
from storage.repos.dialect import insert_ignore

NOW = datetime(2025, 2, 1, 12, 0, tzinfo=UTC)


def _event(**values) -> EventRow:
    base = dict(
        type="summit",
        date="2025-02-07",
        precision="day",
        start_day=date(2025, 2, 7),
        end_day=date(2025, 2, 7),
        participants="JP US",
        first_seen=NOW,
        last_changed=NOW,
    )
    base.update(values)
    return EventRow(**base)


def test_migrations_build_exactly_the_models(db: Database) -> None:
    assert current_revision(db.engine) == head_revision(db.engine)
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert diff == []


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = open_database(url)
    first.dispose()
    second = open_database(url)
    assert current_revision(second.engine) == head_revision(second.engine) == "0007_digest_picture"
    second.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    database.dispose()


def test_datetimes_come_back_as_the_same_utc_instant(db: Database) -> None:
    tokyo = timezone(timedelta(hours=9))
    with db.session() as session:
        row = ArticleRow(key="k", ingested_at=datetime(2025, 2, 1, 21, 0, tzinfo=tokyo))
        session.add(row)
    with db.session() as session:
        stored = session.scalars(select(ArticleRow)).one()
        assert stored.ingested_at == datetime(2025, 2, 1, 12, 0, tzinfo=UTC)
        assert stored.ingested_at.utcoffset() == timedelta(0)


def test_naive_datetimes_are_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), db.session() as session:
        session.add(ArticleRow(key="k", ingested_at=datetime(2025, 2, 1, 12, 0)))
        session.flush()


def test_deleting_an_event_removes_its_participants_and_history(db: Database) -> None:
    with db.session() as session:
        event = _event()
        session.add(event)
        session.flush()
        session.add(
            EventParticipant(
                event_id=event.id, code="JP", start_day=event.start_day, end_day=event.end_day
            )
        )
        session.add(EventHistory(event_id=event.id, at=NOW, field="created", new="x"))
        session.flush()
        session.delete(event)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(EventParticipant)) == 0
        assert session.scalar(select(func.count()).select_from(EventHistory)) == 0


def test_outbox_dedup_key_lets_a_message_in_once(db: Database) -> None:
    row = dict(
        dedup_key="reminder:1:2:1d",
        channel_id=2**62,
        kind="reminder",
        payload={"text": "tomorrow"},
        created_at=NOW,
        due_at=NOW,
    )
    with db.session() as session:
        first = session.execute(
            insert_ignore(session, OutboxMessage).values(**row).returning(OutboxMessage.id)
        )
        assert first.scalar_one_or_none() is not None
        again = session.execute(
            insert_ignore(session, OutboxMessage).values(**row).returning(OutboxMessage.id)
        )
        assert again.scalar_one_or_none() is None
    with db.session() as session:
        (stored,) = session.scalars(select(OutboxMessage))
        assert stored.channel_id == 2**62
        assert stored.payload == {"text": "tomorrow"}


def test_a_feed_entry_is_seen_once_per_feed(db: Database) -> None:
    with db.session() as session:
        feed = Feed(guild_id=1, url="https://example.org/rss", created_at=NOW)
        session.add(feed)
        session.flush()
        session.add(FeedEntrySeen(feed_id=feed.id, entry_key="abc", seen_at=NOW))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(FeedEntrySeen(feed_id=feed.id, entry_key="abc", seen_at=NOW))
        session.flush()


def test_without_database_url_a_sqlite_file_appears_under_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from config.settings import Settings

    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings.load(data_dir=tmp_path / "data")
    database = open_database(settings)
    assert database.dialect == "sqlite"
    database.dispose()
    assert (tmp_path / "data" / "diplobot.db").is_file()


def test_postgres_urls_use_psycopg_3() -> None:
    from storage.db import normalise_url

    assert normalise_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert normalise_url("sqlite:///x.db").drivername == "sqlite"
