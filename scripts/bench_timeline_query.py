"""Time filtered timeline queries end to end (filter parsing, session, SQL, ORM rows).

    .venv/bin/python scripts/bench_timeline_query.py --db sqlite:///data/bench.db
    .venv/bin/python scripts/bench_timeline_query.py \\
        --db postgresql+psycopg://postgres@127.0.0.1:5432/test --schema diplobot_bench

Each run picks a random participant (weighted like scripts/gen_events.py, so busy countries
come up often) and a random month between 2000 and 2029, and asks for that country's events
in that month through ``TimelineReader``, exactly as ``diplobot timeline --country X --from
YYYY-MM --to YYYY-MM`` does. Prints p50/p95/p99/max in milliseconds and rows returned.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.services.filters import build_filter
from bot.services.timeline_reader import TimelineReader
from scripts.gen_events import participant_codes
from storage.db import open_database
from storage.repos.events import count_events


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--schema", help="PostgreSQL schema (as given to gen_events.py)")
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--kind",
        choices=["country", "type", "status"],
        default="country",
        help="which filter to combine with the month",
    )
    parser.add_argument(
        "--pick",
        choices=["weighted", "uniform"],
        default="weighted",
        help="choose countries by how often they appear (busy ones often) or uniformly",
    )
    parser.add_argument("--limit", type=int, default=500, help="rows per query (CLI default)")
    args = parser.parse_args()

    database = open_database(args.db, search_path=args.schema, migrate=False)
    queries = TimelineReader(database)
    with database.session() as session:
        total = count_events(session)
    rng = random.Random(args.seed)
    codes = participant_codes()
    weights = [
        1.0 / (rank + 1) ** 1.1 if args.pick == "weighted" else 1.0 for rank in range(len(codes))
    ]

    def one() -> tuple[float, int]:
        month = f"{rng.randrange(2000, 2030)}-{rng.randrange(1, 13):02d}"
        extra: dict[str, list[str]] = {}
        if args.kind == "country":
            extra["countries"] = [rng.choices(codes, weights)[0]]
        elif args.kind == "type":
            extra["types"] = [rng.choice(["summit", "meeting", "visit", "election"])]
        else:
            extra["statuses"] = [rng.choice(["postponed", "cancelled"])]
        started = time.perf_counter()
        rows = queries.events(build_filter(start=month, end=month, limit=args.limit, **extra))
        return (time.perf_counter() - started) * 1000, len(rows)

    for _ in range(args.warmup):
        one()
    timings, sizes = zip(*(one() for _ in range(args.runs)), strict=True)
    ms = list(timings)
    print(
        f"{database.dialect}: {total:,} events; {args.runs} queries ({args.kind} + one month, "
        f"{args.pick if args.kind == 'country' else 'random'}, limit {args.limit}): "
        f"p50 {percentile(ms, 0.5):.2f} ms, p95 {percentile(ms, 0.95):.2f} ms, "
        f"p99 {percentile(ms, 0.99):.2f} ms, max {max(ms):.2f} ms; "
        f"rows mean {statistics.mean(sizes):.0f}, max {max(sizes)}"
    )
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
