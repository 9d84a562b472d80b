"""Nonces survive a recreated database: a server that remembers every nonce for good (Discord
remembers them a few minutes; Discord-compatible servers may keep them longer) still gets each
new alert, because a nonce is drawn at random for its row instead of derived from the row id."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.alerts import kinds
from bot.clock import FakeClock
from storage.db import open_database
from storage.models import OutboxMessage
from tests.support.discord_server import DiscordLoopback
from tests.support.extraction import StandInExtractor
from tests.support.live import start_live, summit

pytestmark = pytest.mark.e2e

ALERTS = 6


async def _one_life(
    server: DiscordLoopback, tmp_path: Path, clock: FakeClock, name: str, month: int
) -> list[OutboxMessage]:
    """A bot on a fresh database file: subscribe, take news, send; its alert rows."""
    database = open_database(f"sqlite:///{tmp_path / name}")
    live = await start_live(server, database, tmp_path, clock, StandInExtractor())
    try:
        live.subscribe()
        for day in range(1, ALERTS + 1):
            live.news(f"{name} {day}", "2025-02-01", summit(f"2025-{month:02d}-{day:02d}"))
        await live.app.delivery.send_now()
        with database.session() as session:
            stmt = select(OutboxMessage).where(OutboxMessage.kind == kinds.ALERT)
            return list(session.scalars(stmt.order_by(OutboxMessage.id)))
    finally:
        await live.stop()
        database.dispose()


async def test_alerts_after_the_database_is_recreated_all_arrive(
    loopback: DiscordLoopback, tmp_path: Path, clock: FakeClock
) -> None:
    first = await _one_life(loopback, tmp_path, clock, "first.db", month=3)
    second = await _one_life(loopback, tmp_path, clock, "recreated.db", month=4)
    assert [r.id for r in first] == [r.id for r in second]  # the same row ids, reused
    posted = [str(m.get("nonce")) for m in loopback.channel_messages]
    for row in first + second:
        assert row.sent_at is not None and row.failed_at is None
        assert 0 < len(row.nonce) <= 25
        assert posted.count(row.nonce) == 1, "each alert reached the channel once"
    assert len(loopback.channel_messages) == 2 * ALERTS  # 0 lost
    assert loopback.duplicates_refused == 0  # no new alert was taken for an old one
