#!/usr/bin/env python3
"""Score the event extractor on gold articles (default ../shared/events/dev.jsonl) as SPEC.md says.

Usage: python scripts/eval_events.py [GOLD.jsonl] [--quiet]
Prints precision, recall, F1 and status accuracy (strict date, then month-relaxed),
then every miss and extra with its evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.extract.model import Article
from bot.extract.pipeline import extract_events
from bot.extract.scoring import Score, score_article
from bot.news.articles import parse_dct

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "events" / "dev.jsonl"


def evaluate(path: Path) -> tuple[Score, Score]:
    strict, relaxed = Score(), Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        article = Article(
            text=row["text"],
            dct=parse_dct(row.get("dct")),
            id=row["id"],
            title=row.get("title") or "",
        )
        system = [e.to_json() for e in extract_events(article)]
        score_article(row["id"], row["events"], system, strict)
        score_article(row["id"], row["events"], system, relaxed, month_only=True)
    return strict, relaxed


def _show(label: str, score: Score) -> None:
    print(
        f"{label:<16} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
        f"status_acc={score.status_accuracy:.3f} (tp={score.true_positives} "
        f"system={score.system_count} gold={score.gold_count})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args()
    if not args.gold.is_file():
        print(f"no gold file at {args.gold}", file=sys.stderr)
        return 2
    strict, relaxed = evaluate(args.gold)
    _show("strict", strict)
    _show("relaxed (month)", relaxed)
    if not args.quiet:
        for label, items in (("MISS", strict.misses), ("EXTRA", strict.extras)):
            for article_id, event in items:
                evidence = " ".join(str(event.get("evidence", "")).split())[:140]
                print(
                    f"{label:<5} {article_id:<18} {event['type']:<9} {event['date']:<10} "
                    f"{','.join(event.get('participants') or [])} "
                    f"[{event.get('status')}] {evidence}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
