"""The bot as a real process: SIGTERM in the middle of a burst of alerts is a clean stop
(exit 0, the SQLite file whole and its write-ahead log folded back, every alert delivered
once after a restart), and SIGKILL leaves no process of it behind (the extraction worker and
its helper end with it)."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.alerts import kinds
from bot.app import build_app
from bot.clock import SystemClock
from bot.extract.model import Article
from storage.db import Database, open_database
from storage.models import OutboxMessage
from tests.support.discord_server import (
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    OTHER_CHANNEL_ID,
    DiscordLoopback,
    Fault,
)
from tests.support.extraction import StandInExtractor
from tests.support.live import summit
from tests.support.processes import descendants, gone_within
from tests.support.world import shipped_settings

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BURST = 100
STOP_BOUND_S = 10.0  # what a service manager waits between SIGTERM and SIGKILL


def queue_burst(path: Path) -> None:
    """Two subscribed channels and 50 new events: 100 alerts waiting in the outbox."""
    database = open_database(f"sqlite:///{path}")
    extractor = StandInExtractor()
    app = build_app(shipped_settings(), database, SystemClock(), None, extractor=extractor)
    for channel in (DEFAULT_CHANNEL_ID, OTHER_CHANNEL_ID):
        app.subscriptions.create(guild_id=DEFAULT_GUILD_ID, channel_id=channel)
    first = date.today() + timedelta(days=60)
    for number in range(BURST // 2):
        day = (first + timedelta(days=number)).isoformat()
        extractor.say(f"story {number}", summit(day, "FR", "DE"))
        app.timeline.ingest(Article(text=f"story {number}\n", dct=date.today(), id=f"s{number}"))
    database.close()


def file_state(path: Path) -> tuple[str, int]:
    """SQLite's integrity check of the file, and the size of its write-ahead log (checked
    before anything opens the file again)."""
    wal = Path(f"{path}-wal")
    wal_bytes = wal.stat().st_size if wal.exists() else 0
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0]), wal_bytes
    finally:
        conn.close()


def alert_rows(database: Database) -> list[OutboxMessage]:
    with database.session() as session:
        stmt = select(OutboxMessage).where(OutboxMessage.kind == kinds.ALERT)
        return list(session.scalars(stmt))


async def start_process(server: DiscordLoopback, data: Path) -> asyncio.subprocess.Process:
    (data / "empty.toml").touch()  # no installation settings: the shipped defaults only
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(data),
        "DISCORD_TOKEN": server.accepted_token,
        "DIPLOBOT_DATA_DIR": str(data),
        "DIPLOBOT_DEV_GUILD_ID": str(DEFAULT_GUILD_ID),
        "DIPLOBOT_CONFIG": str(data / "empty.toml"),
        **server.environment(),
    }
    with (data / f"bot-{datetime.now(UTC):%H%M%S%f}.log").open("wb") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run",
            cwd=ROOT, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=log,
        )  # fmt: skip


@pytest.fixture
async def server() -> AsyncIterator[DiscordLoopback]:
    loopback = DiscordLoopback()
    await loopback.start()
    try:
        yield loopback
    finally:
        await loopback.stop()


async def test_sigterm_during_a_burst_stops_cleanly_and_loses_nothing(
    server: DiscordLoopback, tmp_path: Path
) -> None:
    path = tmp_path / "diplobot.db"
    queue_burst(path)
    # A slow Discord: the burst is still going out when SIGTERM comes.
    server.inject(Fault(0, "POST /channels/", count=None, delay_s=0.05))
    bot = await start_process(server, tmp_path)
    try:
        assert await server.wait_messages(10, 60.0), "the burst never started"
        bot.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(bot.wait(), STOP_BOUND_S)
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
    assert code == 0
    assert len(server.channel_messages) < BURST, "the stop came in the middle of the burst"
    integrity, wal_bytes = file_state(path)
    assert integrity == "ok"
    assert wal_bytes == 0, "the write-ahead log was folded back into the database"

    server.clear_faults()
    again = await start_process(server, tmp_path)
    try:
        assert await server.wait_messages(BURST, 60.0), "the rest went out after the restart"
        again.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(again.wait(), STOP_BOUND_S) == 0
    finally:
        if again.returncode is None:
            again.kill()
            await again.wait()
    database = open_database(f"sqlite:///{path}")
    try:
        rows = alert_rows(database)
    finally:
        database.close()
    assert len(rows) == BURST and all(r.sent_at is not None for r in rows)
    posted = Counter(str(m.get("nonce")) for m in server.channel_messages)
    assert all(posted[r.nonce] == 1 for r in rows), "every alert exactly once"
    assert len(server.channel_messages) == BURST
    assert server.duplicates_refused == 0  # nothing was even sent a second time


async def test_sigkill_leaves_no_process_behind(server: DiscordLoopback, tmp_path: Path) -> None:
    bot = await start_process(server, tmp_path)
    try:
        await server.wait_identified(60.0)
        children: set[int] = set()
        for _ in range(600):  # the extraction worker starts with the bot
            children = descendants(bot.pid)
            if children:
                break
            await asyncio.sleep(0.05)
        assert children, "the bot started no extraction worker"
        bot.send_signal(signal.SIGKILL)
        await bot.wait()
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
    left = await asyncio.to_thread(gone_within, children, 5.0)
    assert left == set(), f"still running 5 s after the bot was killed: {sorted(left)}"
