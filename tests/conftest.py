"""Shared fixtures for every test folder: the database on both backends, the one fake clock,
the settings as shipped, the shared corpora folder, and the real bot on the loopback Discord
server (``loopback``, ``fetcher``, ``running``, from :mod:`tests.support.bot`).

``db`` runs each test on a fresh SQLite file and on PostgreSQL (``DIPLOBOT_TEST_POSTGRES_URL``,
default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``) in a schema made for this test
session and emptied before each test. PostgreSQL tests skip, saying why, when it is unreachable.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.clock import FakeClock
from config.settings import Settings
from storage.db import Database, create_db_engine, database_from_engine, open_database
from storage.models import metadata
from tests.support.bot import fetcher, loopback, running
from tests.support.postgres import postgres_url
from tests.support.shared_data import SHARED
from tests.support.world import shipped_settings

__all__ = ["fetcher", "loopback", "running"]  # the end-to-end fixtures, for every folder

SHARED_DIR = SHARED.resolve()


@pytest.fixture
def clock() -> FakeClock:
    """The one fake clock: tests set and advance it; it never moves by itself."""
    return FakeClock(datetime(2025, 2, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def settings() -> Settings:
    """The settings as shipped, whatever the developer's own config file says."""
    return shipped_settings()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; tests needing it skip when it is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared material not found at {SHARED_DIR}")
    return SHARED_DIR


# ---------------------------------------------------------------------------------- SQLite


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test gets a copy (migrating per test is slower)."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    database = open_database(f"sqlite:///{path}")
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "diplobot.db"
    shutil.copyfile(sqlite_template, path)
    database = database_from_engine(create_db_engine(f"sqlite:///{path}"))
    yield database
    database.dispose()


# ------------------------------------------------------------------------------ PostgreSQL


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[Engine]:
    """An engine whose search_path is a schema made for this session, dropped at the end."""
    url = postgres_url()
    admin = create_db_engine(url)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to connect means "skip"
        admin.dispose()
        pytest.skip(
            f"PostgreSQL not reachable at {url} ({type(exc).__name__}); set "
            "DIPLOBOT_TEST_POSTGRES_URL to run these tests"
        )
    schema = f"test_{uuid.uuid4().hex[:12]}"
    quoted = admin.dialect.identifier_preparer.quote(schema)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {quoted}")
    engine = create_db_engine(url, search_path=schema)
    open_database(engine)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {quoted} CASCADE")
        admin.dispose()


def _truncate_all(engine: Engine) -> None:
    quote = engine.dialect.identifier_preparer.quote
    names = ", ".join(quote(table.name) for table in metadata.sorted_tables)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


@pytest.fixture
def postgres_db(postgres_engine: Engine) -> Database:
    _truncate_all(postgres_engine)
    return database_from_engine(postgres_engine)


# ------------------------------------------------------------------------------ both


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Database:
    """The database under test, once per backend."""
    return request.getfixturevalue(f"{request.param}_db")
