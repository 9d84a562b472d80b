"""Ingest a JSON-lines corpus into a fresh database twice and report stories per second.

    taskset -c 0 .venv/bin/python scripts/bench_ingest.py \\
        ../shared/corpora/reuters21578/reuters21578.jsonl --db sqlite:////tmp/bench/reuters.db

End to end, as ``diplobot ingest`` does it: read and check each line, compute its key, skip
known keys in bulk, extract events with the current extractor, merge them into the timeline.
The second pass must add nothing; it only reads, hashes and looks keys up.
``--extractor none`` measures the storage side alone; ``--audit`` then judges the joins
(silent conflicts, unexplained date moves: ``scripts/eval_merge.py``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.news.files import read_articles
from bot.timeline import TimelineService
from bot.timeline_audit import audit_timeline
from storage.db import create_db_engine, open_database
from storage.repos.events import count_events

MIN_RATE = 300  # stories/s the issue asks a first ingest to hold


def one_pass(service: TimelineService, source: str, batch: int) -> tuple[float, Counter, Counter]:
    articles: Counter[str] = Counter()
    events: Counter[str] = Counter()
    started = time.perf_counter()

    def readable():
        for item in read_articles(source):
            if item.article is None:
                articles["unreadable"] += 1
            else:
                yield item.article, item.ref

    for result in service.ingest_many(readable(), batch_size=batch):
        articles[result.status] += 1
        for change in result.events:
            events[change.kind] += 1
    return time.perf_counter() - started, articles, events


def fresh_schema(url: str, schema: str | None) -> str | None:
    """Drop and recreate the PostgreSQL schema, so each run starts from an empty database."""
    if not schema:
        return None
    engine = create_db_engine(url)
    with engine.begin() as conn:
        quoted = conn.dialect.identifier_preparer.quote(schema)
        conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {quoted} CASCADE")
        conn.exec_driver_sql(f"CREATE SCHEMA {quoted}")
    engine.dispose()
    return schema


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="JSON-lines corpus")
    parser.add_argument("--db", required=True, help="a database URL; a SQLite file is recreated")
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--extractor", choices=["current", "none"], default="current")
    parser.add_argument("--schema", help="PostgreSQL: recreate and use this schema")
    parser.add_argument(
        "--audit", action="store_true", help="then judge the joins (scripts/eval_merge.py audit)"
    )
    args = parser.parse_args()

    if args.db.startswith("sqlite:///"):
        path = Path(args.db.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    database = open_database(args.db, search_path=fresh_schema(args.db, args.schema))
    extractor = (lambda _article: []) if args.extractor == "none" else None
    service = TimelineService(database, extractor=extractor)

    first = one_pass(service, args.source, args.batch)
    second = one_pass(service, args.source, args.batch)
    with database.session() as session:
        stored_events = count_events(session)
    for name, (seconds, articles, events) in (("first", first), ("second", second)):
        total = sum(articles.values())
        rate = total / seconds
        print(
            f"{name} pass: {total:,} stories in {seconds:.1f} s = {rate:,.0f} stories/s; "
            f"articles {dict(articles)}; events {dict(events)}"
        )
    ratio = second[0] / first[0]
    print(
        f"second/first time: {ratio:.2f}; events stored: {stored_events:,} "
        f"(extractor: {args.extractor})"
    )
    added = second[1]["new"] + second[2]["created"] + second[2]["updated"]
    rate = sum(first[1].values()) / first[0]
    print(
        f"bars: second pass adds nothing: {'yes' if not added else 'NO'}; "
        f"takes under half the first: {'yes' if ratio < 0.5 else 'NO'}; "
        f"first pass >= {MIN_RATE} stories/s: {'yes' if rate >= MIN_RATE else 'NO'}"
    )
    if args.audit:
        with database.session() as session:
            print("\n".join(audit_timeline(session).lines()))
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
