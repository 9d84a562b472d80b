"""10,000 outbox messages shared by two sender processes on one PostgreSQL database.

Each process runs the real ``OutboxSender`` (claims with ``FOR UPDATE SKIP LOCKED``) with a
publisher that records every message it is asked to send (and takes ~1 ms, like a fast
network call). At the end: messages sent by each process, duplicates (sent by both or twice),
messages lost (never sent), and rows the database still has unsent.

    .venv/bin/python scripts/bench_outbox_pg.py [--messages 10000] [--url postgresql+psycopg://...]
    .venv/bin/python scripts/bench_outbox_pg.py --kill    # SIGKILL one process mid-way

With ``--kill``, process A is killed with SIGKILL part-way through; process B finishes the
queue, taking over A's claimed rows when their lease (``--lease-s``) runs out. A row A had
sent but not yet recorded is sent again: that is the crash window Discord's nonce closes
(``enforce_nonce``), so such resends are counted separately from duplicates.

Uses a schema of its own (created and dropped), so it never touches other data.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import sys
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, text

from bot.alerts import kinds
from bot.alerts.sender import OutboxSender, SendResult, SendStats
from storage.db import Database, create_db_engine, database_from_engine, open_database
from storage.models import OutboxMessage
from storage.repos import outbox

DEFAULT_URL = os.environ.get(
    "DIPLOBOT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


class Recording:
    """Records each send (key and nonce) to a file as it happens, so a SIGKILL loses nothing."""

    def __init__(self, delay_s: float, path: str) -> None:
        self.keys: list[str] = []
        self.delay_s = delay_s
        self._log = open(path, "a", buffering=1)  # noqa: SIM115 - kept open for the run

    async def send(self, message: outbox.Claimed) -> SendResult:
        await asyncio.sleep(self.delay_s)
        self.keys.append(message.dedup_key)
        self._log.write(f"{message.dedup_key}\t{message.nonce}\n")
        return SendResult("sent", message_id=message.id)


async def drain(sender: OutboxSender, db: Database) -> SendStats:
    """Like the bot's scheduled passes: keep sending until no row is left unsent, so rows
    claimed by a process that died are taken over when their lease runs out."""
    total = SendStats()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        stats = await sender.run_until_idle(max_passes=100_000)
        total.sent += stats.sent
        with db.session() as session:
            left = session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))
            )
        if not left:
            break
        await asyncio.sleep(0.25)
    return total


def worker(
    url: str, schema: str, name: str, delay_s: float, out: str, start_at: float, lease_s: float
) -> None:
    engine = create_db_engine(url, search_path=schema)
    db = database_from_engine(engine)
    publisher = Recording(delay_s, out + ".log")
    sender = OutboxSender(
        db,
        publisher,
        lambda: datetime.now(UTC),
        worker_id=name,
        batch=100,
        concurrency=16,
        lease=timedelta(seconds=lease_s),
    )
    while time.time() < start_at:  # both processes start claiming at the same moment
        time.sleep(0.001)
    started = time.perf_counter()
    stats = asyncio.run(drain(sender, db))
    elapsed = time.perf_counter() - started
    Path(out).write_text(
        json.dumps({"name": name, "keys": publisher.keys, "sent": stats.sent, "s": elapsed})
    )
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--delay-ms", type=float, default=1.0, help="simulated send time")
    parser.add_argument("--kill", action="store_true", help="SIGKILL process A mid-way")
    parser.add_argument("--lease-s", type=float, default=300.0, help="claim lease")
    args = parser.parse_args()

    admin = create_db_engine(args.url)
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        print(f"PostgreSQL not reachable at {args.url}: {type(exc).__name__}", file=sys.stderr)
        return 2
    schema = f"bench_outbox_{uuid.uuid4().hex[:8]}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        engine = create_db_engine(args.url, search_path=schema)
        db = open_database(engine)
        now = datetime.now(UTC) - timedelta(seconds=1)
        with db.session() as session:
            for i in range(args.messages):
                outbox.enqueue(
                    session,
                    key=f"bench:{i}",
                    channel_id=1_000 + i % 500,
                    guild_id=1,
                    kind=kinds.DIGEST,
                    payload={"card": {"title": f"m{i}"}},
                    now=now,
                )
        tmp = Path(os.environ.get("TMPDIR", "/tmp"))
        outs = [str(tmp / f"{schema}-{n}.json") for n in ("a", "b")]
        start_at = time.time() + 1.0
        lease = min(args.lease_s, 3.0) if args.kill else args.lease_s
        ctx = mp.get_context("spawn")
        procs = [
            ctx.Process(
                target=worker,
                args=(args.url, schema, name, args.delay_ms / 1000, out, start_at, lease),
            )
            for name, out in zip(("proc-a", "proc-b"), outs, strict=True)
        ]
        wall = time.perf_counter()
        for p in procs:
            p.start()
        if args.kill:
            target = max(1, args.messages // 10)
            waited = time.monotonic() + 60
            while len(_lines(outs[0])) < target and time.monotonic() < waited:
                time.sleep(0.01)  # kill A once it is well into its share
            procs[0].kill()
            print(f"proc-a killed with SIGKILL after {len(_lines(outs[0]))} sends")
        for p in procs:
            p.join()
        wall = time.perf_counter() - wall - 1.0
        results = []
        for name, o in zip(("proc-a", "proc-b"), outs, strict=True):
            lines = _lines(o)
            done = json.loads(Path(o).read_text()) if Path(o).exists() else {"s": 0.0}
            results.append(
                {
                    "name": name,
                    "keys": [k for k, _ in lines],
                    "sent": len(lines),
                    "s": done["s"],
                    "nonces": [n for _, n in lines],
                }
            )
            for leftover in (o, o + ".log"):
                Path(leftover).unlink(missing_ok=True)
        counts = Counter(k for r in results for k in r["keys"])
        expected = {f"bench:{i}" for i in range(args.messages)}
        repeats = sum(c - 1 for c in counts.values() if c > 1)
        # A repeat with the same nonce is a resend after a crash: Discord returns the first
        # message instead of posting a second one. Any other repeat is a real duplicate.
        nonce_pairs = Counter(
            (k, n) for r in results for k, n in zip(r["keys"], r["nonces"], strict=True)
        )
        resent = sum(c - 1 for c in nonce_pairs.values() if c > 1)
        duplicates = repeats - resent
        lost = len(expected - set(counts))
        with db.session() as session:
            unsent = session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.sent_at.is_(None))
            )
        engine.dispose()
        for r in results:
            print(f"{r['name']}: sent {r['sent']:,}" + (f" in {r['s']:.2f} s" if r["s"] else ""))
        total = sum(counts.values())
        print(
            f"messages: {args.messages:,}  sent: {total:,}  duplicates: {duplicates}  "
            f"lost: {lost}  unsent rows: {unsent}  resent after the crash (same nonce, "
            f"deduplicated by Discord): {resent}  wall: {wall:.2f} s  "
            f"({total / max(wall, 1e-9):,.0f} msgs/s)"
        )
        ok = duplicates == 0 and lost == 0 and unsent == 0 and all(r["sent"] for r in results)
        if not args.kill:
            ok = ok and resent == 0
        return 0 if ok else 1
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


def _lines(path: str) -> list[tuple[str, str]]:
    log = Path(path + ".log")
    if not log.exists():
        return []
    rows = [line.split("\t") for line in log.read_text().splitlines() if "\t" in line]
    return [(k, n) for k, n in rows]


if __name__ == "__main__":
    raise SystemExit(main())
