#!/usr/bin/env python3
"""How well the timeline joins mentions of one event, and only those: two measures.

``audit DB_URL``: judge a stored timeline (e.g. Reuters ingested with ``diplobot ingest``):
silent conflicts (a day-precise source names a day the event never had) and date moves
that are neither a refinement nor stated by the article that made them.

    taskset -c 1 .venv/bin/diplobot ingest ../shared/corpora/reuters21578/reuters21578.jsonl \\
        --db sqlite:////tmp/reuters.db --quiet
    .venv/bin/python scripts/eval_merge.py audit sqlite:////tmp/reuters.db --list

``gold [FILE ...]``: ingest the gold events of the files (default: train and dev) as if the
extractor had found them, through the same ``TimelineService`` path, in publication order,
into a fresh SQLite file; then count

- wrong joins: gold events sharing a stored event with a gold event that is a different
  one (two events of one article; or across articles another type, no shared participant,
  or dates neither equal nor one inside the other);
- missed joins: pairs of gold events from different articles that are the same event by
  the gold's own evidence (same type, same date string, a shared participant) left in two
  stored events; split into pairs whose participant sets agree by the timeline's rules
  (equal, or one inside the other) and pairs that only share some names (CA-US and JP-US
  summits in one month share "US" but are not one summit);
- compatible joins: a month or week joined with a day inside it (not wrong, listed);
- date moves without a moving article (the audit above on the gold timeline).

    .venv/bin/python scripts/eval_merge.py gold
    .venv/bin/python scripts/eval_merge.py gold ../shared/events/modern_train.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.timeline import TimelineService
from bot.timeline_audit import GoldExtractor, JoinScore, audit_timeline, score_joins
from storage.db import open_database

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVENTS = ROOT.parent / "shared" / "events"


def load_gold(paths: list[Path]) -> list[dict]:
    """Gold rows of the files, each article once (the first file that has it wins)."""
    rows: dict[str, dict] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.setdefault(row["id"], row)
    return list(rows.values())


def run_gold(rows: list[dict], url: str, order: str) -> JoinScore:
    """Feed the gold events through the timeline as extracted; print the audit; score joins."""
    database = open_database(url)
    gold = GoldExtractor(rows)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    service = TimelineService(database, extractor=gold, clock=lambda: now)
    results = list(service.ingest_many(gold.articles(order)))
    for result in results:
        if result.status == "failed":
            print(f"  {result.ref}: {result.error}", file=sys.stderr)
    with database.session() as session:
        audit = audit_timeline(session)
    database.dispose()
    print("\n".join(f"  {line}" for line in audit.lines()))
    for move in audit.unexplained:
        print(f"    unexplained: event {move.event_id} {move.old} -> {move.new} ({move.article})")
    return score_joins(gold.placed(results))


def print_pairs(score: JoinScore) -> None:
    for title, pairs in (
        ("wrong", score.wrong),
        ("missed (agreeing participants)", score.missed_agreeing),
        ("missed (partial overlap)", score.missed_overlap),
        ("compatible", score.compatible),
    ):
        for a, b in pairs:
            print(f"    {title}: {a.label()}  <->  {b.label()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    audit = sub.add_parser("audit", help="judge a stored timeline")
    audit.add_argument("db", help="database URL, e.g. sqlite:////tmp/reuters.db")
    audit.add_argument("--list", action="store_true", help="list each conflict and move")
    gold = sub.add_parser("gold", help="ingest gold events and count wrong and missed joins")
    gold.add_argument("files", nargs="*", type=Path)
    gold.add_argument("--order", choices=["published", "reversed", "shuffled"], default="published")
    gold.add_argument("--list", action="store_true", help="list the pairs")
    args = parser.parse_args()

    if args.mode == "audit":
        database = open_database(args.db)  # brings an older schema up to date first
        with database.session() as session:
            result = audit_timeline(session)
        database.dispose()
        print("\n".join(result.lines()))
        if args.list:
            for c in result.conflicts:
                days = ", ".join(c.stray_days)
                print(f"  conflict: event {c.event_id} {c.title} {c.date}: {days}")
            for m in result.moves:
                if m.kind != "refinement":
                    print(
                        f"  move ({m.kind}): event {m.event_id} {m.title} {m.old} -> {m.new} "
                        f"by {m.article}: {m.evidence[:160]}"
                    )
        return 0

    files = args.files or [SHARED_EVENTS / "train.jsonl", SHARED_EVENTS / "dev.jsonl"]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print(f"eval_merge: gold file not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    rows = load_gold(files)
    print(f"gold: {', '.join(f.name for f in files)}: {len(rows)} articles, order {args.order}")
    with tempfile.TemporaryDirectory() as tmp:
        score = run_gold(rows, f"sqlite:///{tmp}/gold.db", args.order)
    print("\n".join(f"  {line}" for line in score.lines()))
    if args.list:
        print_pairs(score)
    return 1 if score.wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
