#!/usr/bin/env python3
"""Draw a round of Reuters stories for blind annotation, from those no gold holds yet.

The draw of round 5 (tests/gold/README.md): seed 20261130, 60 stories with three or more
diplomatic words, 15 with one or two, 15 at random, shuffled and dealt into three chunks of 30.

Usage: python scripts/draw_gold_round.py OUT_DIR [--seed 20261130]  (round 5 was drawn before its
own gold file existed; with it in tests/gold the same seed draws other stories)
Writes OUT_DIR/chunk_X.jsonl, chunk_Y.jsonl, chunk_Z.jsonl ({id, dct, title, dateline, text}).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from gold_texts import REUTERS, article_for

ROOT = Path(__file__).resolve().parents[1]
WORDS = (
    "summit talks visit minister president agreement accord treaty sanction tariff election "
    "embassy ambassador delegation communique negotiate envoy premier"
).split()
_WORDS = [re.compile(rf"\b{word}", re.IGNORECASE) for word in WORDS]
GOLD = [
    ROOT.parent / "shared" / "events" / f"{name}.jsonl" for name in ("train", "dev", "modern_train")
] + sorted((ROOT / "tests" / "gold").glob("*.jsonl"))


def _words(text: str) -> int:
    return sum(1 for word in _WORDS if word.search(text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=20261130)
    args = parser.parse_args()
    used = {
        json.loads(line)["id"]
        for path in GOLD
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    with REUTERS.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    rows = [
        r
        for r in rows
        if r["id"] not in used and (r.get("text") or "").strip() and r.get("published")
    ]
    many = [r for r in rows if _words(r["text"]) >= 3]
    few = [r for r in rows if 1 <= _words(r["text"]) <= 2]
    rng = random.Random(args.seed)
    pick = rng.sample(many, 60)
    chosen = {r["id"] for r in pick}
    pick += rng.sample([r for r in few if r["id"] not in chosen], 15)
    chosen = {r["id"] for r in pick}
    pick += rng.sample([r for r in rows if r["id"] not in chosen], 15)
    rng.shuffle(pick)
    args.out.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate("XYZ"):
        with (args.out / f"chunk_{name}.jsonl").open("w", encoding="utf-8") as out:
            for row in pick[i * 30 : (i + 1) * 30]:
                article = article_for(row["id"])
                out.write(
                    json.dumps({k: article[k] for k in ("id", "dct", "title", "dateline", "text")})
                    + "\n"
                )
    print(f"{len(pick)} stories from {len(rows)} no gold holds")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
