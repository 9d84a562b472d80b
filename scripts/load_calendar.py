#!/usr/bin/env python3
"""Load: 100 calendar apps polling their links while 1,000 channels get their daily digest.

Usage: python scripts/load_calendar.py [--clients 100] [--channels 1000] [--events 100000]
                                       [--poll-s 1.0] [--seed 1]

One process runs the real bot (composition root, discord.py client, cogs, delivery passes,
the calendar web server on a loopback port) against the strict loopback Discord server
(Discord's rate limits: 50 requests/s globally, 5 messages per 5 s per channel). The SQLite
file holds ``--events`` synthetic events (scripts/gen_events.py), 1,000 channels subscribed
by country, and 100 calendar links with the filters people give (a country, a country and a
type, keywords, none). Two digest days are measured in the same run:

1. day 1: the digest pass queues 1,000 digests and the sender delivers them through the
   outbox to the loopback Discord, while ``/timeline`` (a country) is sent back to back:
   its latencies, without calendar load, are the baseline;
2. day 2: the same, while 100 calendar apps, subscribed before (their first answer is not
   measured), poll their links every ``--poll-s`` seconds (60: every minute, as the bar
   says) with ``If-None-Match`` and the last ETag (a 304 when nothing changed), and an
   article changes an event every ``--change-s`` (so polls also get new calendars). The
   polls go on after the digest until each app made ``--rounds``. A ``--poll-s`` under 60
   compresses time (a stress figure); the per-link rate limit is scaled by the same factor.

Prints: calendar answers by status, 5xx count, calendar latency p50/p95 (at the client:
request sent to the whole body read), ``/timeline`` p95 on each day (at the loopback
Discord: interaction sent to the answer received), digests delivered each day.
Exit status 1 if a 5xx was seen or a digest was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from bot.extract.model import Article, Event  # noqa: E402
from bot.services.filters import parse_country  # noqa: E402
from bot.timeline import IngestContext  # noqa: E402
from bot.web.limits import RateLimiter  # noqa: E402
from config.settings import Settings  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.models import Subscription  # noqa: E402
from tests.support.bot import loopback_bot, start_bot, stop_bot  # noqa: E402
from tests.support.clocks import MovingClock  # noqa: E402
from tests.support.discord_server import DEFAULT_GUILD_ID  # noqa: E402
from tests.support.strict_discord import StrictLoopback  # noqa: E402

FIRST_CHANNEL = 940_000_000_000_000_001
COUNTRIES = [
    "Japan",
    "France",
    "Germany",
    "India",
    "Brazil",
    "Canada",
    "Italy",
    "Mexico",
    "Kenya",
    "Chile",
    "Egypt",
    "Norway",
    "Spain",
    "Poland",
    "Ghana",
    "Peru",
    "Vietnam",
    "Turkey",
    "United States",
    "China",
    "Nigeria",
    "Sweden",
    "Greece",
    "Morocco",
    "Thailand",
    "Indonesia",
    "Colombia",
    "Ukraine",
    "Portugal",
    "Senegal",
]
TYPES = ["summit", "meeting", "visit", "tariff", "sanctions"]
KEYWORDS = ["trade", "summit", "geneva", "minister", "security"]
DAY1 = date(2025, 2, 3)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def scripted(article: Article) -> list[Event]:
    """What the set-up and changer articles say (no text is read)."""
    if article.id.startswith("change-"):
        number = int(article.id.split("-")[1])
        code = parse_country(COUNTRIES[number % len(COUNTRIES)])
        day = DAY1 + timedelta(days=20 + number % 10)
        return [
            Event(
                type="summit",
                date=day.isoformat(),
                participants=[code, "US"],
                status="postponed" if number % 2 else "scheduled",
                evidence="load change",
                confidence=0.8,
            )
        ]
    return [
        Event(
            type="summit",
            date=day,
            participants=["EU", "CN"] if i % 2 else ["JP", "US"],
            evidence="load",
            confidence=0.8,
        )
        for i, day in enumerate(("2025-02-03", "2025-02-07", "2025-02-08", "2025-02-11"))
    ]


def calendar_filters(number: int) -> dict[str, list[str]]:
    """The filters people give: a country, a country and a type, keywords, or none."""
    country = [parse_country(COUNTRIES[number % len(COUNTRIES)])]
    kind = number % 4
    if kind == 0:
        return {"countries": country}
    if kind == 1:
        return {"countries": country, "types": [TYPES[number % len(TYPES)]]}
    if kind == 2:
        return {"keywords": [KEYWORDS[number % len(KEYWORDS)]]}
    return {}


async def timeline_loop(server: Any, rng: random.Random, stop: asyncio.Event) -> list[float]:
    """/timeline with a country, back to back at a member's pace, until ``stop``."""
    latencies: list[float] = []
    while not stop.is_set():
        reply = await server.invoke("timeline", {"country": rng.choice(COUNTRIES)}, wait_s=15.0)
        latencies.append(reply.latency_s)
        await asyncio.sleep(0.02)
    return latencies


async def calendar_client(
    http: aiohttp.ClientSession,
    url: str,
    poll_s: float,
    stop: asyncio.Event,
    results: list[tuple[int, float]],
    start_delay: float,
    etag: str | None = None,
) -> None:
    """A calendar app already subscribed: each GET with the last ETag it was given."""
    await asyncio.sleep(start_delay)
    while not stop.is_set():
        headers = {"If-None-Match": etag} if etag else {}
        began = time.perf_counter()
        async with http.get(url, headers=headers) as answer:
            await answer.read()
            results.append((answer.status, time.perf_counter() - began))
            etag = answer.headers.get("ETag", etag)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), poll_s)


async def first_answer(http: aiohttp.ClientSession, url: str) -> str | None:
    async with http.get(url) as answer:
        await answer.read()
        assert answer.status == 200, answer.status
        return answer.headers.get("ETag")


async def changer(app: Any, stop: asyncio.Event, every_s: float = 5.0) -> int:
    """An article changing an event every ``every_s`` (the real ingest path)."""
    number = 0
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), every_s)
            break
        except TimeoutError:
            pass
        number += 1
        article = Article(text=f"change {number}", dct=DAY1, id=f"change-{number}", title="c")
        await asyncio.to_thread(app.timeline.ingest, article)
    return number


async def digest_day(
    app: Any, server: Any, clock: MovingClock, day: date, channels: int
) -> tuple[int, float]:
    """Plan the day's digests at 08:00 and deliver them; (digests delivered, seconds)."""
    before = len(server.channel_messages)
    clock.set(datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC))
    started = time.perf_counter()
    await app.delivery.plan_digests()
    await app.delivery.send_now()

    def delivered() -> int:
        return sum(
            1
            for m in server.channel_messages[before:]
            if str((m.get("embeds") or [{}])[0].get("title", "")).startswith("Daily digest")
        )

    deadline = time.perf_counter() + 300.0
    while delivered() < channels and time.perf_counter() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.05)
    return delivered(), time.perf_counter() - started


async def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    ids = tuple(FIRST_CHANNEL + i for i in range(args.channels))
    server = StrictLoopback(channel_ids=ids)
    await server.start()
    tmp = Path(tempfile.mkdtemp(prefix="load-calendar-"))
    db_url = f"sqlite:///{tmp / 'load.db'}"
    began = time.perf_counter()
    await asyncio.to_thread(
        subprocess.run,
        [
            sys.executable,
            str(ROOT / "scripts/gen_events.py"),
            "--db",
            db_url,
            "--count",
            str(args.events),
            "--seed",
            str(args.seed),
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    database = open_database(db_url)
    clock = MovingClock(datetime(2025, 2, 3, 7, 0, tzinfo=UTC))
    settings = Settings.load(
        toml_path=tmp / "absent.toml",
        data_dir=tmp,
        dev_guild_id=DEFAULT_GUILD_ID,
        web_bind="127.0.0.1:0",
        **server.endpoint(),
    )
    bot = loopback_bot(settings, database, clock, extractor=scripted)
    app = bot.app
    # Compressed time: a poll every poll_s seconds stands for one a minute, so the per-link
    # limit (shipped: a burst of 20, then one request per 3 s) is scaled the same way.
    scale = 60.0 / args.poll_s
    assert app.web is not None
    app.web.limiter = RateLimiter(burst=20, per_second=scale / 3)
    codes = [parse_country(name) for name in COUNTRIES]
    with database.session() as session:
        for number, channel in enumerate(ids):
            session.add(
                Subscription(
                    guild_id=DEFAULT_GUILD_ID,
                    channel_id=channel,
                    countries=[codes[number % len(codes)]],
                    created_at=clock(),
                    updated_at=clock(),
                )
            )
    app.timeline.ingest(
        Article(text="load week", dct=DAY1, id="load", title="load"),
        context=IngestContext(quiet=True),
    )
    bot, task = await start_bot(server, bot)
    urls = [
        app.calendars.create(
            guild_id=DEFAULT_GUILD_ID + n // 20,  # a server may have 25 links
            channel_id=ids[n % len(ids)],
            **calendar_filters(n),
        ).ics_url
        for n in range(args.clients)
    ]
    print(
        f"prepared {args.events:,} events, {args.channels:,} subscribed channels, "
        f"{args.clients} calendar links in {time.perf_counter() - began:.1f} s",
        flush=True,
    )
    try:
        await app.delivery.send_now()  # nothing is expected from the set-up
        # Day 1: digests and /timeline, no calendar load (the baseline).
        stop = asyncio.Event()
        loop_task = asyncio.create_task(timeline_loop(server, rng, stop))
        digests1, took1 = await digest_day(app, server, clock, DAY1, args.channels)
        stop.set()
        baseline = await loop_task
        # Day 2: the same, with 100 calendar clients polling and events changing.
        stop = asyncio.Event()
        day2 = DAY1 + timedelta(days=1)
        results: list[tuple[int, float]] = []
        connector = aiohttp.TCPConnector(limit=args.clients)
        async with aiohttp.ClientSession(connector=connector) as http:
            # The apps subscribed before (their first answers are not measured), on day 2
            # before the digest hour, as calendars polled all night would be.
            clock.set(datetime(day2.year, day2.month, day2.day, 7, 50, tzinfo=UTC))
            etags = [await first_answer(http, url) for url in urls]
            clients = [
                asyncio.create_task(
                    calendar_client(
                        http,
                        url,
                        args.poll_s,
                        stop,
                        results,
                        start_delay=rng.random() * args.poll_s,
                        etag=etag,
                    )
                )
                for url, etag in zip(urls, etags, strict=True)
            ]
            changes = asyncio.create_task(changer(app, stop, args.change_s))
            timeline_stop = asyncio.Event()
            loop_task = asyncio.create_task(timeline_loop(server, rng, timeline_stop))
            digests2, took2 = await digest_day(app, server, clock, day2, args.channels)
            timeline_stop.set()  # /timeline is compared over the digest, on both days
            loaded = await loop_task
            during_digest = len(results)
            # At least --rounds polls per client, whatever the digest took.
            while len(results) < args.clients * args.rounds:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
            stop.set()
            changed = await changes
            await asyncio.gather(*clients)
    finally:
        await stop_bot(bot, task)
        await server.stop()
        database.dispose()

    statuses = Counter(status for status, _ in results)
    fivexx = sum(n for s, n in statuses.items() if s >= 500)
    latencies = [s for _, s in results]
    ok = [s for status, s in results if status == 200]
    not_modified = [s for status, s in results if status == 304]
    print(
        f"day 1 (no calendars): {digests1:,} of {args.channels:,} digests in {took1:.1f} s; "
        f"/timeline n={len(baseline)} p50 {percentile(baseline, 0.5) * 1000:.1f} ms "
        f"p95 {percentile(baseline, 0.95) * 1000:.1f} ms"
    )
    print(
        f"day 2 (calendars):    {digests2:,} of {args.channels:,} digests in {took2:.1f} s; "
        f"/timeline n={len(loaded)} p50 {percentile(loaded, 0.5) * 1000:.1f} ms "
        f"p95 {percentile(loaded, 0.95) * 1000:.1f} ms"
    )
    print(
        f"calendar answers: {len(results):,} from {args.clients} clients, {during_digest:,} "
        f"during the day-2 digest (each polls every {args.poll_s:g} s, "
        f"{'real time' if scale == 1 else f'a minute compressed {scale:g}x'}; "
        f"{changed} event changes); by status {dict(sorted(statuses.items()))}; 5xx: {fivexx}"
    )
    print(
        f"calendar latency: p50 {percentile(latencies, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms; "
        f"200s p95 {percentile(ok, 0.95) * 1000:.1f} ms, "
        f"304s p95 {percentile(not_modified, 0.95) * 1000:.1f} ms"
    )
    lost = digests1 != args.channels or digests2 != args.channels
    return 1 if fivexx or lost else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--poll-s", type=float, default=60.0, help="60: a calendar app's pace")
    parser.add_argument("--rounds", type=int, default=2, help="polls per client, at least")
    parser.add_argument("--change-s", type=float, default=30.0, help="an event changes this often")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    return asyncio.run(run(args))


if __name__ == "__main__":
    raise SystemExit(main())
