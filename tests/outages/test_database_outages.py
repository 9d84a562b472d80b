"""The database busy or locked: commands answer, nothing is half done, nothing is lost.

Another connection to the same SQLite file takes the write lock (``BEGIN IMMEDIATE``), as
a backup tool, a migration or a second process would, and holds it for a while. Reads go on
(WAL); writes wait for the lock up to the busy timeout; past it, the member gets a polite
answer and can simply run the command again.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

import storage.db
from bot.chat.errors import UNEXPECTED
from storage.db import Database, create_db_engine, database_from_engine
from storage.models import Subscription
from tests.support.bot import Running

pytestmark = pytest.mark.e2e

BUSY_TIMEOUT_MS = 1_500  # shorter than production's 15 s so a test can outlast it


@pytest.fixture
def sqlite_db(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    """The e2e database, with a short busy timeout (the fixture ``running`` picks this up)."""
    import shutil

    monkeypatch.setattr(storage.db, "SQLITE_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)
    path = tmp_path / "diplobot.db"
    shutil.copyfile(sqlite_template, path)
    database = database_from_engine(create_db_engine(f"sqlite:///{path}"))
    yield database
    database.dispose()


class WriteLock:
    """Holds SQLite's write lock from another connection, in its own thread, for ``hold_s``."""

    def __init__(self, database: Database, hold_s: float) -> None:
        self.path = str(database.engine.url.database)
        self.hold_s = hold_s
        self.taken = threading.Event()
        self.released_at = 0.0
        self._thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TABLE IF NOT EXISTS lock_holder (x)")  # a real pending write
            self.taken.set()
            time.sleep(self.hold_s)
            conn.execute("ROLLBACK")
            self.released_at = time.perf_counter()
        finally:
            conn.close()

    async def __aenter__(self) -> WriteLock:
        self._thread.start()
        await asyncio.to_thread(self.taken.wait, 5)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self._thread.join, 30)


def _subscriptions(running: Running) -> int:
    with running.app.database.session() as session:
        return session.scalar(select(func.count()).select_from(Subscription)) or 0


async def test_a_short_lock_delays_writes_and_never_blocks_reads(
    running: Running, recovery
) -> None:
    server = running.server
    async with WriteLock(running.app.database, hold_s=1.0) as lock:
        write = asyncio.create_task(server.invoke("subscribe", {"countries": "JP"}))
        began = time.perf_counter()
        read = await server.invoke("timeline")
        read_took = time.perf_counter() - began
        assert "No events match" in read.text() and read_took < 0.5
        assert not write.done()  # the write waits for the lock ...
        reply = await write
    assert "Subscribed" in reply.text()  # ... and then goes through
    assert _subscriptions(running) == 1
    recovery("SQLite write lock held 1 s: a write waiting", reply.latency_s, "reads unaffected")
    recovery("SQLite write lock held 1 s: a read meanwhile", read_took)
    assert lock.released_at


async def test_a_lock_past_the_busy_timeout_gets_a_polite_answer_and_a_retry_works(
    running: Running, recovery, caplog: pytest.LogCaptureFixture
) -> None:
    server = running.server
    async with WriteLock(running.app.database, hold_s=BUSY_TIMEOUT_MS / 1000 + 1.5):
        reply = await server.invoke("subscribe", {"countries": "JP"})
        assert reply.ephemeral and reply.content == UNEXPECTED  # polite, and says to retry
        assert "database is locked" in caplog.text  # logged with its cause for the operator
        read = await server.invoke("subscriptions")
        assert "No subscriptions yet" in read.text()
    began = time.perf_counter()
    again = await server.invoke("subscribe", {"countries": "JP"})
    assert "Subscribed" in again.text()
    assert _subscriptions(running) == 1  # the failed attempt left nothing behind
    recovery("SQLite locked past the busy timeout, then free", time.perf_counter() - began)
