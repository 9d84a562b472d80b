"""Score our temporal tagger and the naive dateparser pass on TimeBank; print a table.

Usage: .venv/bin/python scripts/eval_timebank.py [TIMEBANK_DIR] [--errors N] [--no-naive]
Default directory: <repo>/../shared/corpora/timebank.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.extract.timex_eval import Scores, load_corpus, naive, ours, score  # noqa: E402

DEFAULT_DIR = REPO / ".." / "shared" / "corpora" / "timebank"


def _row(name: str, s: Scores) -> str:
    sp, sr, sf = s.strict_prf()
    rp, rr, rf = s.relaxed_prf()
    vp, vr, vf = s.value_prf()
    return (
        f"| {name:<26} | {sp:.3f} {sr:.3f} {sf:.3f} | {rp:.3f} {rr:.3f} {rf:.3f} "
        f"| {vp:.3f} {vr:.3f} {vf:.3f} | {s.docs_per_second():9.1f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--errors", type=int, default=0, help="list N value errors of ours")
    parser.add_argument("--no-naive", action="store_true", help="skip the slow naive baseline")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        print(f"no TimeBank directory at {args.directory}", file=sys.stderr)
        return 2
    docs = load_corpus(args.directory)
    gold = sum(len(d.gold) for d in docs)
    print(f"TimeBank: {len(docs)} documents, {gold} gold DATE/TIME expressions")
    results = [("ours (bot.extract.timex)", score(docs, ours))]
    if not args.no_naive:
        results.append(("naive search_dates", score(docs, naive)))
    cells = ("strict P R F1", "relaxed P R F1", "value P R F1")
    print(f"| {'system':<26} | " + " | ".join(f"{c:<17}" for c in cells) + " | docs/s    |")
    print("|" + "-" * 28 + ("|" + "-" * 19) * 3 + "|" + "-" * 11 + "|")
    for name, s in results:
        print(_row(name, s))
    if args.errors:
        errors = results[0][1].errors
        kinds = Counter(
            "missed" if e[1] == "-" else ("spurious" if e[3] == "-" else "wrong") for e in errors
        )
        print(f"\nerrors of ours: {dict(kinds)}; first {args.errors}:")
        for doc, text, value, gold_value, gold_text in errors[: args.errors]:
            print(f"  {doc:<28} {text!r:<32} {value:<16} gold {gold_value:<14} {gold_text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
