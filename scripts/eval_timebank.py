"""Score our temporal tagger and the naive dateparser pass on TimeBank; print a table.

Usage: .venv/bin/python scripts/eval_timebank.py [TIMEBANK_DIR] [--errors N] [--no-naive]
Default directory: <repo>/../shared/corpora/timebank.

TimeBank is split once, by a seeded hash of each document's name, into a part rules are
developed on (``develop``) and a third kept back (``devtest``); the table shows both and
the whole, so a rule that only fits its examples shows as a gap. ``--errors`` lists
errors of the develop part only: the devtest part's individual errors are never shown.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.extract.timex_eval import (  # noqa: E402
    Scores,
    load_corpus,
    naive,
    ours,
    score,
    split_corpus,
)

DEFAULT_DIR = REPO / ".." / "shared" / "corpora" / "timebank"


def _row(name: str, part: str, s: Scores) -> str:
    sp, sr, sf = s.strict_prf()
    rp, rr, rf = s.relaxed_prf()
    vp, vr, vf = s.value_prf()
    return (
        f"| {name:<24} | {part:<7} | {s.documents:4d} {s.gold:5d} "
        f"| {sp:.3f} {sr:.3f} {sf:.3f} | {rp:.3f} {rr:.3f} {rf:.3f} "
        f"| {vp:.3f} {vr:.3f} {vf:.3f} | {s.docs_per_second():9.1f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--errors", type=int, default=0, help="list N develop value errors")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        print(f"no TimeBank directory at {args.directory}", file=sys.stderr)
        return 2
    docs = load_corpus(args.directory)
    develop, devtest = split_corpus(docs)
    gold = sum(len(d.gold) for d in docs)
    print(f"TimeBank: {len(docs)} documents, {gold} gold DATE/TIME expressions")
    systems = [("ours (bot.extract.timex)", ours)] + (
        [] if args.no_naive else [("naive search_dates", naive)]
    )
    cells = ("strict P R F1", "relaxed P R F1", "value P R F1")
    print(
        f"| {'system':<24} | {'part':<7} | docs  gold | "
        + " | ".join(f"{c:<17}" for c in cells)
        + " | docs/s    |"
    )
    print(
        "|"
        + "-" * 26
        + "|"
        + "-" * 9
        + "|"
        + "-" * 12
        + ("|" + "-" * 19) * 3
        + "|"
        + "-" * 11
        + "|"
    )
    develop_scores: Scores | None = None
    for name, tagger in systems:
        for part, subset in (("develop", develop), ("devtest", devtest), ("all", docs)):
            scores = score(subset, tagger)
            if develop_scores is None:
                develop_scores = scores
            print(_row(name, part, scores))
    if args.errors and develop_scores is not None:
        errors = develop_scores.errors
        kinds = Counter(
            "missed" if e[1] == "-" else ("spurious" if e[3] == "-" else "wrong") for e in errors
        )
        print(f"\ndevelop errors of ours: {dict(kinds)}; first {args.errors}:")
        for doc, text, value, gold_value, gold_text in errors[: args.errors]:
            print(f"  {doc:<28} {text!r:<32} {value:<16} gold {gold_value:<14} {gold_text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
