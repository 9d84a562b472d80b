#!/usr/bin/env python3
"""A longer fuzzing run of the extractor than the test suite affords: no crash, no slow article.

Usage: python scripts/fuzz_extract.py [--seconds 120] [--count N] [--seed 1] [--out DIR]

Inputs are generated from a seed, so a failure can be replayed: real Reuters stories
(from ``../shared``, when present) mutated (sentences shuffled and duplicated, date-ish
tokens and hostile characters spliced in, cut at random points), soups of date-ish and
trigger words, long punctuation runs, random Unicode (lone surrogates and control
characters included), publication dates at the calendar's edges, and now and then a whole
article of up to 1 MB (the largest the bot accepts). Each input runs both entry points
(``extract_events`` and ``extract_timexes``) and checks the output contract.

Prints the number of inputs, crashes, contract violations, inputs over their time bound,
and the slowest article (its time, size and generator). A crashing or slow input is written
to ``--out`` (default: a temporary folder) to be replayed. Exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bot.extract.model import EVENT_TYPES, STATUSES, Article, Event
from bot.extract.pipeline import extract_events, extract_timexes, warm_up
from bot.news.articles import MAX_ARTICLE_BYTES

REUTERS = (
    Path(__file__).resolve().parents[1].parent / "shared/corpora/reuters21578/reuters21578.jsonl"
)
SHORT_CHARS = 10_000
SHORT_BOUND_S = 0.5  # an article of news size
LONG_BOUND_S = 5.0  # up to MAX_ARTICLE_BYTES

DATEISH = (
    "May may March Sept. Friday fri next last this week weekend month year decade century ago "
    "in on from to until between and mid-April early late Q3 1987 2025 0000 9999 10000 "
    "99999999999 31 32 0 1st 31st 0th -1 2/30/2025 31/31/31 99/99/9999 2025-02-30 2025-W53 "
    "2025-13 25:61 10am noon midnight tomorrow yesterday today tonight 1e308 7-9 Feb 7–9 days "
    "weeks summit talks will meet held postponed cancelled signed election tariffs sanctions "
    "Japan EU G7 U.S. Trump Ishiba Washington visit agreement statement said"
).split()
PUNCT = [*"!?.,;:-—–()[]{}\"'`*_~|/\\<>@#$%^&+=…", "\n", "\n\n", "\t", " "]
ODD = ["\x00", "\x1b", "\u202e", "\u200b", "\ufeff", "\ud800", "\udfff", "\u0301", "ﬁ", "ẞ"]
EDGE_DCTS = [date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31), date(9999, 12, 25)]


@dataclass
class Case:
    kind: str
    text: str
    dct: date | None


def load_stories(limit: int = 3000) -> list[str]:
    if not REUTERS.exists():
        return []
    stories = []
    with REUTERS.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            if text.strip():
                stories.append(text)
            if len(stories) >= limit:
                break
    return stories


class Generators:
    """Seeded input generators; ``next()`` picks one at random."""

    def __init__(self, rng: random.Random, stories: list[str]) -> None:
        self.rng = rng
        self.stories = stories or ["The G7 summit will be held in Tokyo on Friday, May 5."]
        self.kinds: list[tuple[str, Callable[[], str], float]] = [
            ("reuters-mutated", self.mutated_story, 0.40),
            ("date-soup", self.date_soup, 0.20),
            ("punctuation", self.punctuation, 0.10),
            ("unicode", self.unicode, 0.15),
            ("numbers", self.numbers, 0.10),
            ("maximal", self.maximal, 0.05),
        ]

    def dct(self) -> date | None:
        r = self.rng.random()
        if r < 0.1:
            return None
        if r < 0.2:
            return self.rng.choice(EDGE_DCTS)
        return date(1, 1, 1) + timedelta(days=self.rng.randrange(3_652_058))

    def next(self) -> Case:
        weights = [w for _, _, w in self.kinds]
        kind, make, _ = self.rng.choices(self.kinds, weights)[0]
        return Case(kind, make(), self.dct())

    def mutated_story(self) -> str:
        rng = self.rng
        parts = rng.choice(self.stories).replace("\n", " \n").split(". ")
        for _ in range(rng.randrange(1, 8)):
            op = rng.random()
            i = rng.randrange(len(parts))
            if op < 0.3:
                parts.insert(i, " ".join(rng.choices(DATEISH, k=rng.randrange(1, 12))))
            elif op < 0.5:
                parts[i] = parts[i] + rng.choice(ODD + PUNCT) * rng.randrange(1, 50)
            elif op < 0.7:
                parts.extend(parts[: rng.randrange(1, len(parts) + 1)])
            elif op < 0.85:
                rng.shuffle(parts)
            else:
                cut = rng.randrange(len(parts[i]) + 1)
                parts[i] = parts[i][:cut]
        return ". ".join(parts)

    def date_soup(self) -> str:
        return " ".join(self.rng.choices(DATEISH, k=self.rng.randrange(1, 3000)))

    def punctuation(self) -> str:
        runs = [
            self.rng.choice(PUNCT) * self.rng.randrange(1, 5000)
            for _ in range(self.rng.randrange(1, 6))
        ]
        return "The summit will be held on Friday " + " ".join(runs) + " next week."

    def unicode(self) -> str:
        rng = self.rng
        chars = []
        for _ in range(rng.randrange(1, 2000)):
            r = rng.random()
            if r < 0.5:
                chars.append(chr(rng.randrange(0x20, 0x2FFF)))
            elif r < 0.7:
                chars.append(rng.choice(ODD))
            else:
                chars.append(" " + rng.choice(DATEISH) + " ")
        return "".join(chars)

    def numbers(self) -> str:
        rng = self.rng
        amount = rng.choice([0, -1, 10**6, 10**12, 10**18, rng.randrange(-(10**9), 10**9)])
        unit = rng.choice(["days", "weeks", "months", "years", "decades", "centuries"])
        year = rng.choice([0, 1, 999, 9999, 10000, 99999, 2025])
        day = rng.randrange(0, 99)
        return (
            f"The summit will be held in {amount} {unit}. Talks took place {amount} {unit} ago. "
            f"Ministers will meet on May {day}, {year}, and again next {unit[:-1]}."
        )

    def maximal(self) -> str:
        unit = self.mutated_story() + " "
        size = self.rng.choice([100_000, 300_000, MAX_ARTICLE_BYTES // 2, MAX_ARTICLE_BYTES])
        data = unit.encode("utf-8", "surrogatepass")
        text = (data * (size // max(1, len(data)) + 1))[:size]
        return text.decode("utf-8", "ignore")


def violations(events: list[Event]) -> list[str]:
    found = []
    for event in events:
        if event.type not in EVENT_TYPES or event.status not in STATUSES:
            found.append(f"bad type/status {event.type}/{event.status}")
        if len(event.date) < 7 or not 1 <= int(event.date[:4]) <= 9999:
            found.append(f"bad date {event.date}")
        if not 0.0 <= event.confidence <= 1.0:
            found.append(f"bad confidence {event.confidence}")
    return found


def save(out: Path, number: int, case: Case, note: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"case-{number}-{case.kind}.json"
    data = {"kind": case.kind, "dct": case.dct and case.dct.isoformat(), "note": note}
    data["text"] = case.text
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--count", type=int, default=None, help="stop after N inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="fuzz-extract-"))
    rng = random.Random(args.seed)
    generators = Generators(rng, load_stories())
    warm_up()
    tried = crashes = contract = slow = 0
    chars = 0
    slowest = (0.0, 0, "")
    per_kind: dict[str, int] = {}
    began = time.perf_counter()
    while time.perf_counter() - began < args.seconds and (args.count is None or tried < args.count):
        case = generators.next()
        tried += 1
        chars += len(case.text)
        per_kind[case.kind] = per_kind.get(case.kind, 0) + 1
        article = Article(text=case.text, dct=case.dct)
        start = time.perf_counter()
        try:
            events = extract_events(article)
            timexes = extract_timexes(article)
        except Exception:
            crashes += 1
            path = save(out, tried, case, traceback.format_exc())
            print(f"CRASH #{tried} ({case.kind}) saved to {path}", file=sys.stderr)
            continue
        elapsed = time.perf_counter() - start
        bad = violations(events) + [
            f"timex span {t.start}-{t.end} outside the text"
            for t in timexes
            if not 0 <= t.start <= t.end <= len(case.text)
        ]
        if bad:
            contract += 1
            save(out, tried, case, "; ".join(bad))
        bound = SHORT_BOUND_S if len(case.text) <= SHORT_CHARS else LONG_BOUND_S
        if elapsed > bound:
            slow += 1
            path = save(out, tried, case, f"{elapsed:.2f} s")
            print(f"SLOW #{tried} ({case.kind}, {elapsed:.2f} s) saved to {path}", file=sys.stderr)
        if elapsed > slowest[0]:
            slowest = (elapsed, len(case.text), case.kind)
    total = time.perf_counter() - began
    print(f"seed {args.seed}: {tried:,} inputs ({chars / 1e6:.1f} M characters) in {total:.0f} s")
    print("  by generator: " + ", ".join(f"{k} {v:,}" for k, v in sorted(per_kind.items())))
    print(f"  crashes: {crashes}; contract violations: {contract}; over the time bound: {slow}")
    print(
        f"  slowest article: {slowest[0]:.3f} s ({slowest[1]:,} characters, {slowest[2]}); "
        f"bounds {SHORT_BOUND_S} s up to {SHORT_CHARS:,} characters, {LONG_BOUND_S} s up to "
        f"{MAX_ARTICLE_BYTES:,} bytes"
    )
    if crashes or contract or slow:
        print(f"  failing inputs saved in {out}")
    return 1 if crashes or contract or slow else 0


if __name__ == "__main__":
    sys.exit(main())
