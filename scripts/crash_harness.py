#!/usr/bin/env python3
"""Crash safety: SIGKILL the real bot process during ingestion and delivery, restart, check.

Usage: python scripts/crash_harness.py [--kills 20] [--seed 1] [--items 400] [--feeds 12]
                                      [--lease-s 8] [--keep DIR]

This process runs the loopback Discord server (the strict one: rate-limit headers and
Discord's nonce de-duplication) and a loopback feed server, and prepares a SQLite file with
feeds and subscriptions. It then starts the bot as a separate OS process (this file with
``--child``: the project's composition root, client, cogs, scheduler and delivery passes,
with Discord's address pointed at the loopback server and the fetcher allowed to read
loopback feeds), lets it ingest and deliver while new feed items keep appearing, and kills
it with SIGKILL at a seeded random moment once that run has ingested or sent something;
``--kills`` times. A last run drains everything. The bot's outbox claim lease is shortened
to ``--lease-s`` (production: 2 minutes) so rows a killed process had claimed come back
within the run; that is the only setting changed.

The feeds are set up as already read once (primed), so every new item alerts the subscribed
channels and delivery runs from the first kill on.

Checks at the end, printed as figures (exit status 1 if any fails):
- the run tested delivery: at least one kill fell while messages were due or going out, and
  messages were delivered (a run that never reached delivery fails, whatever else it shows);
- every feed item is ingested exactly once (one article row and one seen-entry per item);
- every outbox message is delivered exactly once (one post per row's nonce reached Discord; a
  resend after a kill is absorbed by Discord's nonce check and counted), none left behind,
  and no channel got the same event's alert twice;
- ``PRAGMA integrity_check`` is ``ok`` after every kill and at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GUILD_ID = 910_000_000_000_000_001
PROGRESS_WAIT_S = 60.0  # the longest a run may take to ingest or send its first thing
TOKEN = "loopback-token"
COUNTRIES = [
    "Japan", "France", "Germany", "India", "Brazil", "Canada", "Italy", "Mexico", "Kenya",
    "Chile", "Egypt", "Norway", "Spain", "Poland", "Ghana", "Peru", "Vietnam", "Turkey",
]  # fmt: skip


# ------------------------------------------------------------------------------------ child
async def child_main() -> int:
    """The bot process under test (started by the parent with --child)."""
    import logging

    from bot.alerts.delivery import DeliveryTiming
    from bot.chat.client import build_bot
    from bot.clock import SystemClock
    from bot.news.fetch import Fetcher
    from config.settings import Settings
    from storage.db import open_database

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    # Discord's addresses come from DIPLOBOT_DISCORD_API_BASE / DIPLOBOT_DISCORD_GATEWAY.
    settings = Settings.load(
        toml_path=Path(os.environ["CRASH_DIR"]) / "absent.toml",
        data_dir=Path(os.environ["CRASH_DIR"]),
        database_url=os.environ["CRASH_DB_URL"],
        dev_guild_id=GUILD_ID,
    )
    # Rows a killed process had claimed wait out their lease before another process may
    # send them; production's lease is 2 minutes, the harness's is short so it can finish.
    lease = timedelta(seconds=float(os.environ["CRASH_LEASE_S"]))
    bot = build_bot(
        settings,
        open_database(settings),
        SystemClock(),
        fetcher=Fetcher(allow_loopback=True, timeout_s=5.0),
        timing=DeliveryTiming(claim_lease=lease),
        guild_ready_timeout=0.01,
    )
    runner = asyncio.create_task(bot.start(TOKEN))
    await asyncio.sleep(0)  # let start() set the client up before waiting on it
    await bot.wait_until_ready()
    app = bot.app
    print("CHILD READY", flush=True)
    # The passes the scheduler runs, back to back, so a short run does a lot of work.
    while not runner.done():
        await app.feed_poller.poll_all()
        await app.delivery.send_now()
        await asyncio.sleep(0.05)
    return 0


# ----------------------------------------------------------------------------------- parent
def item_text(number: int) -> tuple[str, str]:
    first = COUNTRIES[number % len(COUNTRIES)]
    second = COUNTRIES[(number * 7 + 3) % len(COUNTRIES)]
    if second == first:
        second = COUNTRIES[(number + 1) % len(COUNTRIES)]
    day = date(2027, 1, 1) + timedelta(days=number)
    title = f"{first} and {second} to hold summit on {day:%B} {day.day}, {day.year} (#{number})"
    summary = (
        f"{first} and {second} will hold a summit in Geneva on {day:%B} {day.day}, {day.year}, "
        "officials said."
    )
    return title, summary


def prepare_database(path: Path, feed_urls: list[str], channels: tuple[int, ...]) -> None:
    from storage.db import open_database
    from storage.models import Feed, Subscription

    database = open_database(f"sqlite:///{path}")
    now = datetime.now(UTC)
    with database.session() as session:
        for url in feed_urls:  # read once before (primed): each new item alerts
            session.add(
                Feed(guild_id=GUILD_ID, url=url, created_at=now, next_poll=now, primed=True)
            )
        for channel in channels:
            session.add(
                Subscription(guild_id=GUILD_ID, channel_id=channel, created_at=now, updated_at=now)
            )
    database.dispose()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path, timeout=30)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def db_state(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path, timeout=30)
    try:
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # as the UTC column stores it

        def one(sql: str, *params: object) -> int:
            return int(conn.execute(sql, params).fetchone()[0])

        return {
            "seen": one("SELECT count(*) FROM feed_entry_seen"),
            "articles": one("SELECT count(*) FROM article"),
            "outbox": one("SELECT count(*) FROM outbox"),
            "pending": one(  # due and not sent (reminders for 2027 are not due yet)
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL "
                "AND due_at <= ?",
                now,
            ),
            "sent": one("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"),
            "failed": one("SELECT count(*) FROM outbox WHERE failed_at IS NOT NULL"),
        }
    finally:
        conn.close()


async def parent_main(args: argparse.Namespace) -> int:
    from tests.support.faulty_feeds import FaultyFeedServer, FeedItem
    from tests.support.strict_discord import StrictLoopback

    rng = random.Random(args.seed)
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="crash-harness-"))
    os.makedirs(workdir, exist_ok=True)
    db_path = workdir / "diplobot.db"
    discord_server = StrictLoopback(per_channel=1000, global_per_s=1000)
    feeds = FaultyFeedServer()
    await discord_server.start()
    await feeds.start()
    names = [f"wire{i}" for i in range(args.feeds)]
    urls = [feeds.add_feed(name, "ok", []) for name in names]
    prepare_database(db_path, urls, discord_server.channel_ids)
    env = {
        **os.environ,
        **discord_server.environment(),
        "CRASH_DIR": str(workdir),
        "CRASH_DB_URL": f"sqlite:///{db_path}",
        "PYTHONPATH": str(ROOT),
        "CRASH_LEASE_S": str(args.lease_s),
    }
    added: list[str] = []

    async def produce(total: int, every_s: float) -> None:
        for number in range(total):
            title, summary = item_text(number)
            link = feeds.add_page(f"story-{number}", title, f"{summary}\n\n{summary}")
            feeds.items[rng.choice(names)].insert(
                0, FeedItem(title, link, summary, published=datetime.now(UTC))
            )
            added.append(link)
            await asyncio.sleep(every_s)

    children: list[asyncio.subprocess.Process] = []

    async def start_child(log_name: str) -> tuple[asyncio.subprocess.Process, float]:
        log = (workdir / log_name).open("wb")
        began = time.perf_counter()
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--child",
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=log,
        )
        children.append(child)
        assert child.stdout is not None
        while True:
            line = await asyncio.wait_for(child.stdout.readline(), 60)
            if not line:
                raise RuntimeError(f"the bot exited before it was ready; see {workdir / log_name}")
            if b"CHILD READY" in line:
                return child, time.perf_counter() - began

    run_for = args.kills * 5.0
    producer = asyncio.create_task(produce(args.items, run_for / args.items))
    try:
        return await _run(
            args, rng, workdir, db_path, discord_server, feeds, producer, added, start_child
        )
    finally:
        for child in children:
            if child.returncode is None:
                child.kill()
                await child.wait()
        await feeds.stop()
        await discord_server.stop()


async def _run(
    args: argparse.Namespace,
    rng: random.Random,
    workdir: Path,
    db_path: Path,
    discord_server: Any,
    feeds: Any,
    producer: asyncio.Task[None],
    added: list[str],
    start_child: Any,
) -> int:
    kills: list[dict[str, object]] = []
    started = time.perf_counter()
    for number in range(args.kills):
        child, ready_s = await start_child(f"child-{number:02d}.log")
        at_start = db_state(db_path)
        # Kill in the thick of it: once this run has ingested or sent something (a cold
        # start spends its first seconds loading the extractor and the page reader, longer
        # on a loaded machine), or has nothing left to do, after a seeded delay.
        waited_until = time.perf_counter() + PROGRESS_WAIT_S
        while time.perf_counter() < waited_until:
            now_state = db_state(db_path)
            if now_state["seen"] > at_start["seen"] or now_state["sent"] > at_start["sent"]:
                break
            if not producer.done() or now_state["seen"] < len(added) or now_state["pending"]:
                await asyncio.sleep(0.05)
                continue
            break
        await asyncio.sleep(rng.uniform(0.0, 1.5))
        before = db_state(db_path)
        child.send_signal(signal.SIGKILL)
        await child.wait()
        state = db_state(db_path)
        check = integrity(db_path)
        kills.append(
            {
                "kill": number + 1,
                "ready_s": round(ready_s, 2),
                "items_added": len(added),
                "ingested": state["seen"],
                # Killed while work was in flight: entries or due messages were still waiting
                # and this run had been making progress on them.
                "ingesting": len(added) > before["seen"] and before["seen"] > at_start["seen"],
                "delivering": before["pending"] > 0 or before["sent"] > at_start["sent"],
                "integrity": check,
            }
        )
        print(
            f"kill {number + 1:2d}: {len(added):3d} items served, {state['seen']:3d} ingested, "
            f"{state['sent']:3d} messages sent ({state['pending']} due), "
            f"integrity {check}",
            flush=True,
        )
    await producer
    # The last run: no kill; wait until every item is ingested and every message sent.
    child, _ = await start_child("child-final.log")
    deadline = time.perf_counter() + 120 + args.lease_s
    while time.perf_counter() < deadline:
        state = db_state(db_path)
        if state["seen"] >= len(added) and state["pending"] == 0:
            break
        await asyncio.sleep(0.3)
    await asyncio.sleep(1.0)  # a last send pass, to show nothing more goes out
    child.send_signal(signal.SIGKILL)
    await child.wait()
    elapsed = time.perf_counter() - started

    state = db_state(db_path)
    final_check = integrity(db_path)
    conn = sqlite3.connect(db_path)
    article_urls = Counter(u for (u,) in conn.execute("SELECT url FROM article"))
    sent = {
        nonce: (channel, event_id)
        for nonce, channel, event_id in conn.execute(
            "SELECT nonce, channel_id, event_id FROM outbox WHERE sent_at IS NOT NULL"
        )
    }
    kinds = Counter(k for (k,) in conn.execute("SELECT kind FROM outbox"))
    conn.close()
    posted = Counter(str(m.get("nonce")) for m in discord_server.channel_messages)
    per_event = Counter(
        (m["channel_id"], json.dumps(m.get("embeds"), sort_keys=True))
        for m in discord_server.channel_messages
    )
    missing_items = [u for u in added if article_urls.get(u, 0) == 0]
    twice_items = [u for u, n in article_urls.items() if n > 1]
    lost = sorted(set(sent) - set(posted))
    duplicated = [n for n, c in posted.items() if c > 1] + [
        k for k, c in per_event.items() if c > 1
    ]
    unknown = sorted(set(posted) - set(sent))
    results = {
        "kills": len(kills),
        "kills_during_ingestion": sum(bool(k["ingesting"]) for k in kills),
        "kills_during_delivery": sum(bool(k["delivering"]) for k in kills),
        "items_served": len(added),
        "items_ingested_once": len(added) - len(missing_items),
        "items_missing": len(missing_items),
        "items_twice": len(twice_items),
        "messages_queued": state["outbox"],
        "message_kinds": dict(kinds),
        "messages_delivered_once": len(set(sent) & set(posted)),
        "messages_lost": len(lost) + state["pending"],
        "messages_failed": state["failed"],
        "messages_duplicated": len(duplicated),
        "posts_not_from_outbox": len(unknown),
        "resends_absorbed_by_nonce": discord_server.duplicates_refused,
        "integrity_after_each_kill": sorted({str(k["integrity"]) for k in kills}),
        "integrity_final": final_check,
        "elapsed_s": round(elapsed, 1),
        "seed": args.seed,
        "workdir": str(workdir),
    }
    print(json.dumps(results, indent=2))
    ok = (
        len(kills) == args.kills
        and results["kills_during_delivery"] > 0  # else delivery was never put to the test
        and results["messages_delivered_once"] > 0
        and not missing_items
        and not twice_items
        and results["messages_lost"] == 0
        and not duplicated
        and not unknown
        and state["failed"] == 0
        and final_check == "ok"
        and results["integrity_after_each_kill"] == ["ok"]
        and state["outbox"] > 0
    )
    print("CRASH HARNESS:", "PASS" if ok else "FAIL")
    if args.report is not None:
        args.report.write_text(json.dumps({**results, "passed": ok}, indent=2), encoding="utf-8")
    if ok and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--feeds", type=int, default=12, help="items spread over this many")
    parser.add_argument("--lease-s", type=float, default=8.0, help="outbox claim lease")
    parser.add_argument("--keep", type=Path, default=None, help="work here and keep the files")
    parser.add_argument("--report", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    if args.child:
        return asyncio.run(child_main())
    return asyncio.run(parent_main(args))


if __name__ == "__main__":
    sys.exit(main())
