"""Migrations carry existing rows forward (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from storage.db import create_db_engine
from storage.migrate import current_revision, head_revision, upgrade
from tests.support.postgres import postgres_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = create_db_engine(f"sqlite:///{tmp_path / 'm.db'}")
        yield engine
        engine.dispose()
        return
    request.getfixturevalue("postgres_engine")  # skips with the reason when unreachable
    admin = create_db_engine(postgres_url())
    schema = f"mig_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine = create_db_engine(postgres_url(), search_path=schema)
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


def test_upgrading_a_0001_database_keeps_its_events_findable(empty_engine: Engine) -> None:
    upgrade(empty_engine, "0001")
    with empty_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO event (id, type, date, precision, start_day, end_day, participants, "
                "people, status, title, confidence, source_count, first_seen, last_changed) "
                "VALUES (1, 'summit', '2025-02', 'month', '2025-02-01', '2025-02-28', 'JP', "
                "'[]', 'scheduled', 'Summit: Japan', 0.5, 1, :now, :now)"
            ),
            {"now": "2025-01-01 00:00:00"},
        )
        conn.execute(
            text(
                "INSERT INTO event_participant (event_id, code, start_day) "
                "VALUES (1, 'JP', '2025-02-01')"
            )
        )
    upgrade(empty_engine)
    assert current_revision(empty_engine) == head_revision(empty_engine)
    with empty_engine.connect() as conn:
        end_day = conn.execute(text("SELECT end_day FROM event_participant")).scalar_one()
        revision = conn.execute(text("SELECT revision FROM event")).scalar_one()
    assert str(end_day) == "2025-02-28"
    assert revision == 0


def test_processes_starting_together_migrate_once(empty_engine: Engine) -> None:
    """Several processes opening a fresh database at once: one migrates, none fails."""
    import subprocess
    import sys

    url = empty_engine.url.render_as_string(hide_password=False)
    search_path = ""
    if empty_engine.dialect.name == "postgresql":
        with empty_engine.connect() as conn:
            search_path = conn.exec_driver_sql("SELECT current_schema()").scalar()
    code = (
        "import sys; from storage.db import open_database; "
        "open_database(sys.argv[1], search_path=sys.argv[2] or None).dispose()"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, url, search_path]) for _ in range(3)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0]
    assert current_revision(empty_engine) == head_revision(empty_engine)


def test_server_rows_stop_freezing_the_installation_defaults(empty_engine: Engine) -> None:
    """Rows made with the old column defaults follow the settings after the upgrade."""
    upgrade(empty_engine, "0005_delivery")
    with empty_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO guild_settings (guild_id, timezone, digest_time, "
                "mirror_scheduled_events, created_at, updated_at) VALUES "
                "(1, 'UTC', '08:00', true, :now, :now), "
                "(2, 'Asia/Tokyo', '07:30', false, :now, :now)"
            ),
            {"now": "2025-01-01 00:00:00"},
        )
    upgrade(empty_engine)
    with empty_engine.connect() as conn:
        rows = conn.execute(
            text("SELECT guild_id, timezone, digest_time FROM guild_settings ORDER BY guild_id")
        ).all()
    assert [tuple(r) for r in rows] == [(1, None, None), (2, "Asia/Tokyo", "07:30")]
