"""One engine per process, a short session per unit of work, migrations applied at start-up.

``DATABASE_URL`` (SQLite or PostgreSQL) picks the backend; without it a SQLite file under the
data directory (created when missing) is used, in WAL mode with foreign keys on and a busy
timeout, so readers never block the writer and a second writer waits instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from config.settings import Settings

SQLITE_BUSY_TIMEOUT_MS = 15_000


def normalise_url(url: str | URL) -> URL:
    """Accept ``postgresql://`` and ``postgres://`` as psycopg 3 URLs; everything else as given."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def create_db_engine(
    url: str | URL, *, search_path: str | None = None, echo: bool = False
) -> Engine:
    """An engine for ``url`` with the per-backend settings this project relies on.

    ``search_path`` (PostgreSQL only) puts every table in that schema; tests use it to get a
    fresh schema each run.
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args: dict[str, Any] = {}
    if search_path:
        connect_args["options"] = f"-csearch_path={search_path}"
    return create_engine(parsed, echo=echo, pool_pre_ping=True, connect_args=connect_args)


@dataclass(slots=True)
class Database:
    """The process's engine and its session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()

    def close(self) -> None:
        """Close every connection; on SQLite first fold the write-ahead log back into the
        database file (a clean stop leaves one file that any copy or backup can take)."""
        if self.dialect == "sqlite":
            self.engine.dispose()
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()


def prepare_data_dir(folder: Path) -> None:
    """Create the data folder (only it: a SQLite URL given explicitly must name a folder that
    exists, so a typo never starts a new, empty timeline); OSError says why it cannot."""
    folder.mkdir(parents=True, exist_ok=True)


def database_from_engine(engine: Engine) -> Database:
    return Database(engine, sessionmaker(engine, expire_on_commit=False))


def open_database(
    target: Settings | str | URL | Engine,
    *,
    migrate: bool = True,
    search_path: str | None = None,
) -> Database:
    """Open the configured database and bring its schema up to date (Alembic ``upgrade head``)."""
    if isinstance(target, Engine):
        engine = target
    elif isinstance(target, str | URL):
        engine = create_db_engine(target, search_path=search_path)
    else:
        if target.uses_default_database:
            prepare_data_dir(target.data_dir)
        engine = create_db_engine(target.sqlalchemy_url, search_path=search_path)
    if migrate:
        from storage.migrate import upgrade

        upgrade(engine)
    return database_from_engine(engine)
