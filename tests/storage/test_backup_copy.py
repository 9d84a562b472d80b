"""``diplobot db backup`` under load and ``diplobot db copy`` to PostgreSQL and back."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.__main__ import main
from bot.extract.model import Article
from storage.backup import BackupError, backup_sqlite, integrity
from storage.db import Database, create_db_engine, open_database
from tests.support.postgres import postgres_url
from tests.support.world import event, make_world

ARTICLES = 150


def fill(path: Path, articles: int, stop: threading.Event | None = None) -> int:
    """Ingest ``articles`` stand-in articles (one event each) into the SQLite file."""
    database = open_database(f"sqlite:///{path}")
    world = make_world(database, datetime(2025, 1, 1, 9, 0, tzinfo=UTC))
    done = 0
    try:
        for number in range(articles):
            if stop is not None and stop.is_set():
                break
            day = date(2025, 2, 1) + timedelta(days=number % 300)
            world.extractor.say(f"a{number}", event(day.isoformat(), "JP", "US", kind="meeting"))
            world.extractor.say(f"a{number}", event(day.isoformat(), "FR", f"A{number % 26}"))
            world.app.timeline.ingest(
                Article(text=f"a{number}\n", dct=date(2025, 1, 20), id=f"a{number}")
            )
            done += 1
    finally:
        database.dispose()
    return done


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def counted_backup(database: Database, target: Path) -> int:
    """Back up, check the copy is whole (integrity, no link without its event), count it."""
    backup_sqlite(database, target, overwrite=True)
    assert integrity(target) == "ok"
    with sqlite3.connect(target) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM event_article WHERE event_id NOT IN (SELECT id FROM event)"
        ).fetchone()[0]
        articles = int(conn.execute("SELECT count(*) FROM article").fetchone()[0])
    assert orphans == 0
    return articles


def test_backups_taken_while_the_timeline_is_written_are_whole(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    open_database(f"sqlite:///{path}").dispose()
    writer = threading.Thread(target=fill, args=(path, ARTICLES))
    writer.start()
    articles: list[int] = []
    database = open_database(f"sqlite:///{path}", migrate=False)
    try:
        while writer.is_alive() or not articles:
            articles.append(counted_backup(database, tmp_path / "copy.db"))
    finally:
        writer.join()
        database.dispose()
    assert articles == sorted(articles) and articles[-1] <= ARTICLES
    assert len(set(articles)) > 2  # taken at several moments of the load, each one whole
    assert not list(tmp_path.glob(".*.part"))


def test_a_backup_never_overwrites_and_refuses_postgres(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        backup_sqlite(database, tmp_path / "b.db")
        with pytest.raises(BackupError, match="is already a file"):
            backup_sqlite(database, tmp_path / "b.db")
        backup_sqlite(database, tmp_path / "b.db", overwrite=True)
        with pytest.raises(BackupError, match="does not exist"):
            backup_sqlite(database, tmp_path / "missing" / "b.db")
    finally:
        database.dispose()
    assert open_database(f"sqlite:///{tmp_path / 'b.db'}").dialect == "sqlite"


def test_db_backup_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(tmp_path / "a.db", 5)
    code, out, _ = run(
        capsys, "db", "backup", str(tmp_path / "b.db"), "--db", f"sqlite:///{tmp_path / 'a.db'}"
    )
    assert code == 0 and "integrity check ok" in out
    code, _, err = run(
        capsys, "db", "backup", str(tmp_path / "b.db"), "--db", f"sqlite:///{tmp_path / 'a.db'}"
    )
    assert code == 1 and "is already a file" in err


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose tables live in a schema made for this test and dropped after."""
    admin = create_db_engine(postgres_url())
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable ({type(exc).__name__})")
    schema = f"copy_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{postgres_url()}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@pytest.mark.postgres
def test_copy_to_postgres_and_back_gives_the_same_timeline(
    tmp_path: Path, pg_schema_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = f"sqlite:///{tmp_path / 'source.db'}"
    fill(tmp_path / "source.db", 40)
    code, before, _ = run(capsys, "timeline", "--json", "--limit", "0", "--db", source)
    assert code == 0 and len(before.splitlines()) >= 40

    code, out, _ = run(capsys, "db", "copy", "--db", source, "--to", pg_schema_url)
    assert code == 0, out
    assert "article" in out and "(same count on both sides)" in out
    back = f"sqlite:///{tmp_path / 'back.db'}"
    code, _, _ = run(capsys, "db", "copy", "--db", pg_schema_url, "--to", back)
    assert code == 0
    for url in (pg_schema_url, back):
        assert run(capsys, "timeline", "--json", "--limit", "0", "--db", url)[1] == before

    # New rows on PostgreSQL take ids after the copied ones.
    code, _, err = run(capsys, "db", "copy", "--db", source, "--to", pg_schema_url)
    assert code == 1 and "already holds data" in err
    database = open_database(pg_schema_url)
    try:
        world = make_world(database, datetime(2025, 1, 1, 9, 0, tzinfo=UTC))
        world.extractor.say("fresh", event("2026-01-05", "DE", "IN"))
        result = world.app.timeline.ingest(
            Article(text="fresh\n", dct=date(2025, 12, 1), id="fresh")
        )
        assert result.status == "new"
    finally:
        database.dispose()


def test_copy_refuses_itself_and_a_target_with_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = f"sqlite:///{tmp_path / 'a.db'}"
    fill(tmp_path / "a.db", 3)
    code, _, err = run(capsys, "db", "copy", "--db", source, "--to", source)
    assert code == 2 and "names the database being copied" in err
    fill(tmp_path / "b.db", 1)
    code, _, err = run(
        capsys, "db", "copy", "--db", source, "--to", f"sqlite:///{tmp_path / 'b.db'}"
    )
    assert code == 1 and "already holds data" in err
