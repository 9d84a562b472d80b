"""Broken feeds: each gets an error state and backs off, the others keep being read, and a
fixed feed recovers on its next poll with every new entry ingested once.

The poller reads real HTTP on loopback (the fetcher is told to allow it) from
:class:`tests.support.faulty_feeds.FaultyFeedServer`; time for the back-off is a FakeClock.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.clock import FakeClock
from bot.extract.model import Event
from bot.news.fetch import Fetcher
from bot.render import feed_line
from bot.services.feed_polling import FeedPoller
from bot.timeline import TimelineService
from storage.db import Database
from storage.models import ArticleRow, Feed
from tests.support.extraction import StandInExtractor
from tests.support.faulty_feeds import MODES, FaultyFeedServer, FeedItem

BROKEN = [m for m in MODES if m != "ok"]
FEED_TIMEOUT_S = 3.0  # the hanging feeds wait this long; the healthy one never does


# Extraction is tested elsewhere: every entry yields the same summit.
SUMMIT = Event(type="summit", date="2025-03-03", participants=["CN", "EU"], evidence="summit")


@dataclass
class Rig:
    db: Database
    clock: FakeClock
    server: FaultyFeedServer
    poller: FeedPoller

    def add_feed(self, name: str, mode: str, items: list[FeedItem]) -> int:
        url = self.server.add_feed(name, mode, items)
        with self.db.session() as session:
            feed = Feed(guild_id=1, url=url, created_at=self.clock(), next_poll=self.clock())
            session.add(feed)
            session.flush()
            return int(feed.id or 0)

    def feed(self, feed_id: int) -> Feed:
        with self.db.session() as session:
            found = session.get(Feed, feed_id)
            assert found is not None
            return found

    def articles(self) -> int:
        with self.db.session() as session:
            return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


@pytest.fixture
async def rig(sqlite_db: Database, clock: FakeClock) -> AsyncIterator[Rig]:
    server = FaultyFeedServer(trickle_every_s=0.2)
    await server.start()
    fetcher = Fetcher(allow_loopback=True, timeout_s=1.0, max_bytes=2_000_000, max_redirects=5)
    timeline = TimelineService(sqlite_db, clock=clock, extractor=StandInExtractor(default=[SUMMIT]))
    poller = FeedPoller(
        sqlite_db,
        fetcher,
        timeline,
        clock,
        interval=timedelta(minutes=15),
        jitter=0.0,
        feed_timeout_s=FEED_TIMEOUT_S,
        full_text=False,
    )
    try:
        yield Rig(sqlite_db, clock, server, poller)
    finally:
        await fetcher.close()
        await server.stop()


def _items(name: str, count: int, start: int = 0) -> list[FeedItem]:
    return [
        FeedItem(f"{name} story {i}", f"https://wire.example.org/{name}/{i}")
        for i in range(start, start + count)
    ]


async def test_each_broken_feed_backs_off_while_the_healthy_one_is_read(rig: Rig, recovery) -> None:
    healthy = rig.add_feed("healthy", "ok", _items("healthy", 3))
    broken = {mode: rig.add_feed(mode, mode, _items(mode, 2)) for mode in BROKEN}

    began = time.perf_counter()
    task = asyncio.create_task(rig.poller.poll_due())
    # The healthy feed's entries are on the timeline while slow feeds are still being waited on.
    while not task.done():
        if rig.articles() == 3:
            break
        await asyncio.sleep(0.01)
    healthy_took = time.perf_counter() - began
    assert rig.articles() == 3 and not task.done()
    outcomes = {o.feed_id: o for o in await task}
    pass_took = time.perf_counter() - began

    assert outcomes[healthy].status == "ok" and outcomes[healthy].new_entries == 3
    # The code bounds every read in time: the trickling feed was cut at the fetcher's limit.
    assert "within 1 s" in (outcomes[broken["trickle"]].error or "")
    for mode, feed_id in broken.items():
        feed = rig.feed(feed_id)
        assert outcomes[feed_id].status == "error", mode
        assert feed.failures == 1 and feed.last_error, mode
        assert feed.next_poll is not None and feed.next_poll > rig.clock() + timedelta(minutes=14)
        line = feed_line(feed)
        assert "failing" in line and feed.last_error[:20].split()[0] in line, (mode, line)
    assert rig.articles() == 3  # nothing from a broken feed reached the timeline
    recovery(f"{len(BROKEN)} broken feeds + 1 healthy: healthy feed read in", healthy_took)
    recovery("  ... the whole pass, bounded by the per-feed limit", pass_took)

    # Broken again at the next due time: the back-off grows, and it is not polled before then.
    hits = dict(rig.server.hits)
    assert {o.feed_id for o in await rig.poller.poll_due()} == set()  # nothing due yet
    assert dict(rig.server.hits) == hits
    rig.clock.advance(minutes=16)
    await rig.poller.poll_due()
    for mode, feed_id in broken.items():
        feed = rig.feed(feed_id)
        assert feed.failures == 2, mode
        assert feed.backoff_seconds > 15 * 60, mode

    # Fixed: every feed recovers on its next due poll; each entry is ingested once.
    for mode in BROKEN:
        rig.server.set_mode(mode, "ok")
    rig.server.items["healthy"] += _items("healthy", 1, start=3)
    rig.clock.advance(hours=2)
    began = time.perf_counter()
    outcomes = {o.feed_id: o for o in await rig.poller.poll_due()}
    fixed_took = time.perf_counter() - began
    for mode, feed_id in broken.items():
        feed = rig.feed(feed_id)
        assert outcomes[feed_id].status == "ok", (mode, outcomes[feed_id].error)
        assert feed.failures == 0 and feed.last_error is None and feed.backoff_seconds == 0
    assert rig.articles() == 3 + 1 + 2 * len(BROKEN)
    rig.clock.advance(hours=1)
    await rig.poller.poll_due()
    assert rig.articles() == 3 + 1 + 2 * len(BROKEN)  # polled again: nothing twice
    recovery(f"all {len(BROKEN)} feeds fixed: next due pass reads all", fixed_took)


@pytest.mark.parametrize("mode", ["huge", "gzip_bomb"])
async def test_oversized_feeds_are_cut_off_at_the_size_limit(rig: Rig, mode: str) -> None:
    feed_id = rig.add_feed(mode, mode, [])
    [outcome] = await rig.poller.poll_due()
    assert outcome.status == "error" and "limit" in (outcome.error or "")
    assert "longer than" not in (outcome.error or "")  # cut at the size limit, not timed out
    assert "limit" in (rig.feed(feed_id).last_error or "")


async def test_a_cut_off_feed_gets_an_error_state(rig: Rig) -> None:
    """Found by this suite: a feed cut off mid-entry used to parse as an empty, healthy feed."""
    feed_id = rig.add_feed("invalid_xml", "invalid_xml", [])
    [outcome] = await rig.poller.poll_due()
    assert outcome.status == "error"
    assert rig.feed(feed_id).failures == 1


async def test_a_burst_of_more_new_entries_than_one_poll_takes_is_read_in_full(rig: Rig) -> None:
    """Found by the crash harness: entries past the per-poll cap used to be skipped for good."""
    rig.add_feed("burst", "ok", _items("burst", 80))
    await rig.poller.poll_due()
    for _ in range(3):
        rig.clock.advance(hours=1)
        await rig.poller.poll_due()
    assert rig.articles() == 80
