#!/usr/bin/env python3
"""Load: 200 feeds, 1,000 subscribed channels, 100,000 events, a burst of 5,000 new articles.

Usage: python scripts/load_test.py [--feeds 200] [--channels 1000] [--events 100000]
                                   [--per-feed 25] [--seed 1] [--keep DIR]

One process runs the real bot (the composition root, discord.py client, cogs, delivery passes)
against the strict loopback Discord server (Discord's rate limits and headers) and a
loopback feed server whose 200 feeds each gain 25 new items (with article pages) at once.
The database is a SQLite file holding 100,000 synthetic events (scripts/gen_events.py) and
1,000 channels subscribed by country. While the bot polls every feed and ingests the burst
(extraction, merging, alert rows) and the sender delivers, this script:

- sends slash commands through the loopback server without pause (/timeline with and
  without a country, /event, /subscriptions, /digest show) and records each latency from
  the interaction's dispatch to the bot's answer arriving at the server;
- runs a ticker task every 10 ms and records how late it wakes (the event loop's lag);
- reads the process's peak resident memory (it includes the two loopback servers).

Prints the figures; exit status 1 if a command went unanswered.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GUILD_ID = 910_000_000_000_000_001
COUNTRIES = [
    "Japan", "France", "Germany", "India", "Brazil", "Canada", "Italy", "Mexico", "Kenya",
    "Chile", "Egypt", "Norway", "Spain", "Poland", "Ghana", "Peru", "Vietnam", "Turkey",
    "Australia", "Argentina", "Nigeria", "Sweden", "Greece", "Morocco", "Thailand",
    "Indonesia", "Colombia", "Ukraine", "Portugal", "Senegal",
]  # fmt: skip


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_peak_mb() -> float:
    """The largest peak of the extraction worker processes that have ended."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


class Ticker:
    """Wakes every ``every_s`` and records how much later than asked it woke."""

    def __init__(self, every_s: float = 0.01) -> None:
        self.every_s = every_s
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time()
            await asyncio.sleep(self.every_s)
            self.lags.append(loop.time() - asked - self.every_s)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)


def prepare(
    db_url: str, events: int, seed: int, feed_urls: list[str], channels: tuple[int, ...]
) -> None:
    """Events (gen_events.py), feeds (already read once, so new items alert), subscriptions."""
    from bot.services.filters import parse_country
    from storage.db import open_database
    from storage.models import Feed, Subscription

    subprocess.run(
        [sys.executable, str(ROOT / "scripts/gen_events.py"), "--db", db_url,
         "--count", str(events), "--seed", str(seed)],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    codes = [parse_country(name) for name in COUNTRIES]
    database = open_database(db_url)
    now = datetime.now(UTC)
    with database.session() as session:
        for url in feed_urls:
            session.add(
                Feed(guild_id=GUILD_ID, url=url, created_at=now, next_poll=now, primed=True)
            )
        for number, channel in enumerate(channels):
            session.add(
                Subscription(
                    guild_id=GUILD_ID,
                    channel_id=channel,
                    countries=[codes[number % len(codes)]],
                    created_at=now,
                    updated_at=now,
                )
            )
    database.dispose()


async def drive_commands(
    server: Any, rng: random.Random, event_ids: int, stop: asyncio.Event
) -> tuple[list[float], int]:
    """Commands back to back until ``stop``; latencies (s) and the number left unanswered."""
    latencies: list[float] = []
    unanswered = 0
    choices = [
        ("timeline", lambda: {"country": rng.choice(COUNTRIES)}),
        ("timeline", lambda: {}),
        ("event", lambda: {"id": rng.randint(1, event_ids)}),
        ("subscriptions", lambda: {}),
        ("digest show", lambda: {}),
    ]
    while not stop.is_set():
        command, options = rng.choice(choices)
        try:
            reply = await server.invoke(command, options(), wait_s=15.0)
            latencies.append(reply.latency_s)
        except TimeoutError:
            unanswered += 1
        await asyncio.sleep(0.02)  # a member's pace, not a tight loop
    return latencies, unanswered


def seen_count(database: Any) -> int:
    from sqlalchemy import func, select

    from storage.models import FeedEntrySeen

    with database.session() as session:
        return session.scalar(select(func.count()).select_from(FeedEntrySeen)) or 0


def outbox_counts(database: Any) -> tuple[int, int, int]:
    """Rows queued, rows due by now (reminders for 2027 are not), rows sent."""
    from sqlalchemy import func, select

    from storage.models import OutboxMessage

    count = select(func.count()).select_from(OutboxMessage)
    with database.session() as session:
        total = session.scalar(count) or 0
        due = session.scalar(count.where(OutboxMessage.due_at <= datetime.now(UTC))) or 0
        sent = session.scalar(count.where(OutboxMessage.sent_at.is_not(None))) or 0
        return total, due, sent


async def main_async(args: argparse.Namespace) -> int:
    from bot.clock import SystemClock
    from bot.news.fetch import Fetcher
    from bot.services.extraction import ProcessExtractor
    from config.settings import Settings
    from storage.db import open_database
    from tests.support.bot import loopback_bot, start_bot, stop_bot
    from tests.support.faulty_feeds import FaultyFeedServer, FeedItem
    from tests.support.strict_discord import StrictLoopback

    rng = random.Random(args.seed)
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="load-test-"))
    db_url = f"sqlite:///{workdir / 'diplobot.db'}"
    channels = tuple(920_000_000_000_100_000 + i for i in range(args.channels))
    discord_server = StrictLoopback(channel_ids=channels)
    feeds = FaultyFeedServer()
    await discord_server.start()
    await feeds.start()
    names = [f"wire{i:03d}" for i in range(args.feeds)]
    urls = [feeds.add_feed(name, "ok", []) for name in names]
    began = time.perf_counter()
    await asyncio.to_thread(prepare, db_url, args.events, args.seed, urls, channels)
    print(f"prepared {args.events:,} events, {args.feeds} feeds, {args.channels:,} subscribed "
          f"channels in {time.perf_counter() - began:.1f} s", flush=True)  # fmt: skip

    settings = Settings.load(
        toml_path=workdir / "absent.toml", data_dir=workdir, database_url=db_url,
        dev_guild_id=GUILD_ID, **discord_server.endpoint(),
    )  # fmt: skip
    # As shipped, `diplobot run` extracts in a worker process; --in-process-extractor compares.
    extractor = None if args.in_process_extractor else ProcessExtractor()
    database = open_database(settings)
    bot = loopback_bot(
        settings,
        database,
        SystemClock(),
        fetcher=Fetcher(allow_loopback=True, timeout_s=15.0),
        extractor=extractor,
    )
    app = bot.app
    rss_before = peak_mb()
    bot, task = await start_bot(discord_server, bot)
    try:
        if args.poll_concurrency:  # an experiment: fewer feeds ingested at once
            app.feed_poller._gate = asyncio.Semaphore(args.poll_concurrency)
        # Warm up (first extraction, first page parse) before measuring.
        idle, _ = await drive_once(discord_server)
        if args.warm:  # an experiment: load the extractor and trafilatura before the burst
            await asyncio.to_thread(warm_extraction)
        # The burst: every feed gains its new items at once.
        number = 0
        for name in names:
            for _ in range(args.per_feed):
                country_a = COUNTRIES[number % len(COUNTRIES)]
                country_b = COUNTRIES[(number * 7 + 3) % len(COUNTRIES)]
                day = 1 + number % 28
                month = ["March", "April", "May", "June"][number % 4]
                title = f"{country_a} and {country_b} to meet in {month} (#{number})"
                text = (
                    f"{country_a} and {country_b} will hold talks in Geneva on {month} {day}, "
                    f"2027, officials said on {datetime.now(UTC):%A}."
                )
                link = feeds.add_page(f"a{number}", title, f"{text}\n\n{text}")
                feeds.items[name].insert(
                    0, FeedItem(title, link, text, published=datetime.now(UTC))
                )
                number += 1
        total = number
        ticker = Ticker()
        ticker.start()
        stop = asyncio.Event()
        driver = asyncio.create_task(drive_commands(discord_server, rng, args.events, stop))
        burst_began = time.perf_counter()
        await app.feed_poller.poll_all()
        ingest_s = time.perf_counter() - burst_began
        ingested = await asyncio.to_thread(seen_count, database)
        # Delivery goes on (the scheduler's send job, kicked by ingestion); measure a while.
        await asyncio.sleep(args.deliver_s)
        stop.set()
        latencies, unanswered = await driver
        await ticker.stop()
        window = time.perf_counter() - burst_began
        queued, due, sent = await asyncio.to_thread(outbox_counts, database)
    finally:
        await stop_bot(bot, task)
        if extractor is not None:
            extractor.close()
    await feeds.stop()
    await discord_server.stop()

    lags = ticker.lags
    print(f"burst: {total:,} new articles in {args.feeds} feeds; {ingested:,} ingested in "
          f"{ingest_s:.1f} s ({ingested / ingest_s:.0f} articles/s)")  # fmt: skip
    print(f"messages: {queued:,} queued, {due:,} of them due; {sent:,} delivered in the "
          f"{window:.0f} s window "
          f"({sent / window:.1f}/s; Discord's limits: 5 per channel per 5 s, 50/s)")  # fmt: skip
    print(f"commands during the burst: {len(latencies):,} answered, {unanswered} unanswered; "
          f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms (idle p50 {idle * 1000:.0f} ms)")  # fmt: skip
    print(f"event loop lag (10 ms ticker, {len(lags):,} ticks): p50 "
          f"{statistics.median(lags) * 1000:.1f} ms, p99 {percentile(lags, 0.99) * 1000:.0f} ms, "
          f"worst {max(lags) * 1000:.0f} ms")  # fmt: skip
    print(f"peak memory (whole process incl. loopback servers): {peak_mb():.0f} MB "
          f"(before the bot started: {rss_before:.0f} MB); extraction worker peak "
          f"{worker_peak_mb():.0f} MB")  # fmt: skip
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if unanswered or ingested < total else 0


def warm_extraction() -> None:
    from bot.extract.pipeline import warm_up
    from bot.news.page import extract_page

    warm_up()
    extract_page(b"<html><body><article><p>" + b"Warm up. " * 40 + b"</p></article></body></html>")


async def drive_once(server: Any) -> tuple[float, int]:
    """A few commands before the burst: the idle latency, for comparison."""
    latencies = []
    for command in ("timeline", "subscriptions", "timeline", "digest show", "timeline"):
        latencies.append((await server.invoke(command)).latency_s)
    return statistics.median(latencies), 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-feed", type=int, default=25)
    parser.add_argument("--deliver-s", type=float, default=20.0, help="delivery after ingestion")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--poll-concurrency", type=int, default=0, help="0: the bot's own")
    parser.add_argument("--warm", action="store_true", help="warm extraction up first")
    parser.add_argument(
        "--in-process-extractor",
        action="store_true",
        help="extract in the bot's own process (threads) instead of a worker process",
    )
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
