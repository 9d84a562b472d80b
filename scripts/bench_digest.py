"""A daily digest to 1,000 subscribed channels through the loopback Discord server.

The real discord.py client and the delivery cog run against ``tests/alerts/loopback.py``'s
``StrictLoopback``, which applies Discord's rate limits with Discord's headers (a bucket of
5 messages per 5 s per channel, 50 requests per second globally, 429s with ``retry_after``).
The clock is set to 08:00 in the channels' zone; the digest pass queues one digest per
channel and the sender delivers them. Reported: time, messages per second, 429s met,
channels that got none (lost) or more than one (twice).

    .venv/bin/python scripts/bench_digest.py [--channels 1000] [--global-per-s 50]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from bot.extract.model import Article, Event  # noqa: E402
from bot.timeline import IngestContext  # noqa: E402
from config.settings import Settings  # noqa: E402
from storage.db import open_database  # noqa: E402
from storage.models import Subscription  # noqa: E402
from tests.support.bot import loopback_bot, start_bot, stop_bot  # noqa: E402
from tests.support.clocks import MovingClock  # noqa: E402
from tests.support.discord_server import DEFAULT_GUILD_ID  # noqa: E402
from tests.support.strict_discord import StrictLoopback  # noqa: E402

FIRST_CHANNEL = 940_000_000_000_000_001
DAY = date(2025, 2, 3)


def scripted(article: Article) -> list[Event]:
    """Events today and late in the week (none with a reminder due at digest time)."""
    return [
        Event(
            type="summit",
            date=day,
            participants=["EU", "CN"] if i % 2 else ["JP", "US"],
            evidence="bench",
            confidence=0.8,
        )
        for i, day in enumerate(("2025-02-03", "2025-02-07", "2025-02-08", "2025-02-09"))
    ]


async def run(channels: int, global_per_s: int, per_channel: int) -> int:
    ids = tuple(FIRST_CHANNEL + i for i in range(channels))
    server = StrictLoopback(channel_ids=ids, per_channel=per_channel, global_per_s=global_per_s)
    await server.start()
    tmp = Path(tempfile.mkdtemp(prefix="bench-digest-"))
    database = open_database(f"sqlite:///{tmp / 'bench.db'}")
    clock = MovingClock(datetime(2025, 2, 3, 7, 0, tzinfo=UTC))
    settings = Settings.load(
        toml_path=tmp / "absent.toml",
        data_dir=tmp,
        dev_guild_id=DEFAULT_GUILD_ID,
        **server.endpoint(),
    )
    bot = loopback_bot(settings, database, clock, extractor=scripted)
    app = bot.app
    with database.session() as session:
        for channel in ids:
            session.add(
                Subscription(
                    guild_id=DEFAULT_GUILD_ID,
                    channel_id=channel,
                    created_at=clock(),
                    updated_at=clock(),
                )
            )
    # Set-up news: no "New" alerts to 1,000 channels before the bench.
    app.timeline.ingest(
        Article(text="bench week", dct=DAY, id="bench", title="bench"),
        context=IngestContext(quiet=True),
    )
    bot, task = await start_bot(server, bot)
    try:
        await app.delivery.send_now()  # anything left from the set-up (nothing expected)
        before = len(server.channel_messages)
        server.limited_channel = server.limited_global = 0
        clock.set(datetime(2025, 2, 3, 8, 0, tzinfo=UTC))
        started = time.perf_counter()
        queued = await app.delivery.plan_digests()
        planned = time.perf_counter() - started
        await app.delivery.send_now()
        await server.wait_messages(before + channels, 120.0)
        elapsed = time.perf_counter() - started
    finally:
        await stop_bot(bot, task)
    await server.stop()
    digests = [
        m["channel_id"]
        for m in server.channel_messages[before:]
        if str((m.get("embeds") or [{}])[0].get("title", "")).startswith("Daily digest")
    ]
    per_channel_count = Counter(digests)
    twice = sum(1 for c in per_channel_count.values() if c > 1)
    lost = sum(1 for c in ids if per_channel_count[c] == 0)
    print(
        f"channels: {channels:,}  digests queued: {queued:,} (planning {planned:.2f} s)  "
        f"delivered: {len(digests):,}  lost: {lost}  twice: {twice}"
    )
    print(
        f"time: {elapsed:.2f} s  rate: {len(digests) / elapsed:.1f} msgs/s  "
        f"429s: {server.limited_global} global, {server.limited_channel} per channel  "
        f"(server limit {global_per_s}/s global, {per_channel}/5 s per channel)"
    )
    database.dispose()
    return 0 if lost == 0 and twice == 0 and len(digests) == channels else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=1000)
    parser.add_argument("--global-per-s", type=int, default=50)
    parser.add_argument("--per-channel", type=int, default=5)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    return asyncio.run(run(args.channels, args.global_per_s, args.per_channel))


if __name__ == "__main__":
    raise SystemExit(main())
