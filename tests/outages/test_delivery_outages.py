"""Alerts through a misbehaving Discord: every queued message arrives once, none twice.

The outbox sender and the Discord publisher run inside the real, connected bot; the loopback
server is the strict one (channel rate limits and Discord's nonce de-duplication), with
faults injected on ``POST /channels/{id}/messages``: rate limits with and without the global
flag, server errors before and *after* the message was posted (the ambiguous failure), slow
answers, and a gateway drop in the middle. Time for the outbox's back-off is a FakeClock.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.alerts import kinds
from bot.alerts.sender import OutboxSender
from bot.chat.publisher import DiscordPublisher
from bot.clock import FakeClock
from bot.extract.pipeline import extract_events
from storage.db import Database
from storage.models import OutboxMessage
from storage.repos import outbox
from tests.support.bot import (
    Running,
    e2e_settings,
    loopback_bot,
    start_bot,
    stop_bot,
)
from tests.support.discord_server import DEFAULT_CHANNEL_ID, OTHER_CHANNEL_ID, Fault
from tests.support.extraction import StandInExtractor
from tests.support.strict_discord import StrictLoopback

pytestmark = pytest.mark.e2e

MESSAGES = 60
POST = "POST /channels/"


@pytest.fixture
async def strict_running(
    sqlite_db: Database, clock: FakeClock, tmp_path: Path
) -> AsyncIterator[Running]:
    server = StrictLoopback(per_channel=1000, global_per_s=1000)
    await server.start()
    extractor = StandInExtractor(otherwise=extract_events)
    bot = loopback_bot(e2e_settings(tmp_path, server), sqlite_db, clock, extractor=extractor)
    try:
        bot, task = await start_bot(server, bot)
        try:
            yield Running(server, bot, clock, extractor)
        finally:
            await stop_bot(bot, task)
    finally:
        await server.stop()


def _queue(running: Running, count: int) -> None:
    now = running.clock()
    with running.app.database.session() as session:
        for i in range(count):
            outbox.enqueue(
                session,
                key=f"outage-test:{i}",
                channel_id=(DEFAULT_CHANNEL_ID, OTHER_CHANNEL_ID)[i % 2],
                kind=kinds.DIGEST,  # needs no subscription row
                payload={"content": f"alert number {i}"},
                now=now,
            )
        session.commit()


async def _drain(running: Running, sender: OutboxSender, rounds: int = 40) -> None:
    """Send passes; between them the clock moves past the back-off, as time would."""
    for _ in range(rounds):
        await sender.run_until_idle()
        with running.app.database.session() as session:
            left = session.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None)
                )
            ).all()
        if not left:
            return
        running.clock.advance(minutes=10)


def _delivered(running: Running) -> Counter[str]:
    return Counter(str(m.get("content")) for m in running.server.channel_messages)


async def test_every_fault_at_once_loses_nothing_and_doubles_nothing(
    strict_running: Running, recovery
) -> None:
    running = strict_running
    server = running.server
    faults = [
        server.inject(Fault(429, POST, count=3, retry_after=0.2)),
        server.inject(Fault(429, POST, count=2, retry_after=0.3, is_global=True)),
        server.inject(Fault(500, POST, count=2)),
        server.inject(Fault(503, POST, count=3)),  # not retried by discord.py: outbox retries
        server.inject(Fault(502, POST, count=2, after_processing=True)),
        server.inject(Fault(503, POST, count=2, after_processing=True)),
        server.inject(Fault(0, POST, count=2, delay_s=1.0)),
    ]
    _queue(running, MESSAGES)
    sender = OutboxSender(
        running.app.database, DiscordPublisher(running.bot), running.clock, worker_id="t"
    )
    began = time.perf_counter()
    await sender.run_once()  # first pass under the faults ...
    await server.drop_connections(code=4000)  # ... and the gateway drops meanwhile
    await _drain(running, sender)
    took = time.perf_counter() - began

    assert all(f.count == 0 for f in faults), "every fault was injected"
    delivered = _delivered(running)
    expected = {f"alert number {i}" for i in range(MESSAGES)}
    assert set(delivered) == expected, f"lost: {sorted(expected - set(delivered))}"
    assert max(delivered.values()) == 1, [k for k, v in delivered.items() if v > 1]
    assert server.duplicates_refused >= 1  # a resend after an ambiguous failure was absorbed
    with running.app.database.session() as session:
        rows = session.scalars(select(OutboxMessage)).all()
        assert all(r.sent_at is not None and r.failed_at is None for r in rows)
    recovery(f"{MESSAGES} messages through 7 fault kinds + a gateway drop", took, "0 lost, 0 twice")


async def test_a_long_outage_is_caught_up_once_it_ends(strict_running: Running, recovery) -> None:
    """Discord answers 503 to every message for a while: rows wait, then all go out once."""
    running = strict_running
    server = running.server
    server.inject(Fault(503, POST, count=None))
    _queue(running, 20)
    sender = OutboxSender(
        running.app.database, DiscordPublisher(running.bot), running.clock, worker_id="t"
    )
    for _ in range(3):
        await sender.run_until_idle()
        running.clock.advance(seconds=30)
    assert not server.channel_messages
    server.clear_faults()
    began = time.perf_counter()
    running.clock.advance(minutes=5)
    await _drain(running, sender)
    delivered = _delivered(running)
    assert len(delivered) == 20 and max(delivered.values()) == 1
    recovery("503 on every message for 3 passes, then fixed", time.perf_counter() - began)
