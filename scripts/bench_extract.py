#!/usr/bin/env python3
"""Extraction speed on Reuters-21578 (one core), against the naive ``search_dates`` pass.

Usage: python scripts/bench_extract.py [REUTERS.jsonl] [--limit N] [--naive-limit N]

Prints stories/s, MB/s, the slowest story and peak memory for our extractor (reading the
JSON lines, extracting events, serialising them as ``diplobot extract --jsonl`` does), then
the naive pass (``dateparser.search.search_dates`` per story, anchored on its date) over the
same stories, and the ratio. Both passes run in this one process, pinned to one core.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from datetime import datetime
from pathlib import Path

from bot.extract.pipeline import extract_events, warm_up
from bot.news.files import read_articles

DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared/corpora/reuters21578/reuters21578.jsonl"
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ours(path: Path, limit: int | None) -> tuple[int, int, float, float, str, float, str, int]:
    """Stories, bytes, seconds, slowest wall time and story, slowest CPU time and story, events.

    The slowest story is given both in wall time (what a user waits, other processes included)
    and in this process's CPU time (what the extractor itself costs).
    """
    stories = total_bytes = events = 0
    slowest, slowest_id = 0.0, ""
    slowest_cpu, slowest_cpu_id = 0.0, ""
    start = time.perf_counter()
    for result in read_articles(path, jsonl=True):
        if limit is not None and stories >= limit:
            break
        stories += 1
        if result.article is None:
            continue
        total_bytes += len(result.article.text.encode("utf-8"))
        began, began_cpu = time.perf_counter(), time.process_time()
        found = extract_events(result.article)
        json.dumps([e.to_json() for e in found])
        took, took_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        events += len(found)
        if took > slowest:
            slowest, slowest_id = took, result.ref
        if took_cpu > slowest_cpu:
            slowest_cpu, slowest_cpu_id = took_cpu, result.ref
    elapsed = time.perf_counter() - start
    return (stories, total_bytes, elapsed, slowest, slowest_id, slowest_cpu, slowest_cpu_id, events)


def naive(path: Path, limit: int | None) -> tuple[int, float]:
    from dateparser.search import search_dates

    stories = 0
    start = time.perf_counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and stories >= limit:
                break
            row = json.loads(line)
            stories += 1
            text = row.get("text") or ""
            if not text.strip():
                continue
            try:
                base = datetime.fromisoformat(row["published"])
            except (KeyError, ValueError, TypeError):
                base = datetime(1987, 1, 1)
            search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return stories, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    parser.add_argument("--naive-limit", type=int, default=None, help="naive pass on the first N")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    # Load lexicons, gazetteer and grammar first, as the bot does at start-up.
    warm_up()
    stories, size, elapsed, slowest, slowest_id, slowest_cpu, slowest_cpu_id, events = ours(
        args.corpus, args.limit
    )
    peak = _peak_mb()
    rate = stories / elapsed
    print(
        f"ours:  {stories} stories in {elapsed:.2f} s = {rate:,.0f} stories/s, "
        f"{size / 1e6 / elapsed:.2f} MB/s, {events} events"
    )
    print(
        f"ours:  slowest story {slowest * 1000:.1f} ms wall ({slowest_id}), "
        f"{slowest_cpu * 1000:.1f} ms CPU ({slowest_cpu_id}); peak memory {peak:.0f} MB"
    )
    naive_limit = args.naive_limit if args.naive_limit is not None else args.limit
    n_stories, n_elapsed = naive(args.corpus, naive_limit)
    n_rate = n_stories / n_elapsed
    print(
        f"naive: {n_stories} stories in {n_elapsed:.2f} s = {n_rate:,.0f} stories/s "
        "(dateparser.search.search_dates)"
    )
    print(f"ratio: ours / naive = {rate / n_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
