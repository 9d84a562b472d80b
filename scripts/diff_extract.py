#!/usr/bin/env python3
"""What a change to the extractor adds and removes on text nobody annotated.

Usage: python scripts/diff_extract.py BEFORE.jsonl AFTER.jsonl [--show new|gone] [--sample N]
       [--seed S]

BEFORE and AFTER are two ``diplobot extract --jsonl`` outputs over the same stories (for
instance all of Reuters-21578, once from the old commit and once from the new). Events are
compared by type, date and participant set per story; the script prints how many there are
on each side, how many are new and gone, then a seeded sample of one side with its evidence
for a reader to judge against SPEC.md. Judging a sample of the new events estimates the
precision of what the change adds on unseen text, which the gold's small devtest part
cannot show.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

Key = tuple[str, str, tuple[str, ...]]


def _events(path: Path) -> dict[str, list[dict]]:
    """Each story's events, by id; unreadable stories (an ``error`` line) have none."""
    found: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            found[str(row.get("id"))] = row.get("events") or []
    return found


def _key(event: dict) -> Key:
    return event["type"], event["date"], tuple(sorted(event.get("participants") or ()))


def changes(
    before: dict[str, list[dict]], after: dict[str, list[dict]]
) -> tuple[list[tuple[str, dict]], list[tuple[str, dict]]]:
    """The events only AFTER has (new) and only BEFORE has (gone), with their story ids."""
    new: list[tuple[str, dict]] = []
    gone: list[tuple[str, dict]] = []
    for story in sorted(set(before) | set(after)):
        old_events, new_events = before.get(story, []), after.get(story, [])
        old_keys = {_key(e) for e in old_events}
        new_keys = {_key(e) for e in new_events}
        new += [(story, e) for e in new_events if _key(e) not in old_keys]
        gone += [(story, e) for e in old_events if _key(e) not in new_keys]
    return new, gone


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", choices=("new", "gone"), default="new")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    before, after = _events(args.before), _events(args.after)
    new, gone = changes(before, after)
    total_before = sum(len(v) for v in before.values())
    total_after = sum(len(v) for v in after.values())
    print(f"events before {total_before}, after {total_after}; new {len(new)}, gone {len(gone)}")
    pool = new if args.show == "new" else gone
    for story, event in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
        parties = ",".join(event.get("participants") or [])
        evidence = " ".join(str(event.get("evidence", "")).split())[:230]
        print(
            f"{story} | {event['type']} {event['date']} {parties} [{event.get('status')}] "
            f"| {evidence}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
