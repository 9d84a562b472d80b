"""``diplobot ingest PATH|-``: articles into the timeline, with a progress bar and a summary."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from tqdm import tqdm

from bot.cli.db import add_database_option, open_app
from bot.cli.options import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, whole_number
from bot.extract.model import Article
from bot.news.articles import ArticleResult, parse_dct
from bot.news.files import read_articles
from bot.timeline import IngestContext, IngestResult

MAX_LISTED_FAILURES = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="add articles (files, folders, JSON lines, stdin) to the timeline",
        description=(
            "Read articles, extract their events and merge them into the timeline. "
            "Articles already stored (same URL or same text) are skipped without extraction, "
            "except one stored without a date and now given one, which is read again."
        ),
    )
    parser.add_argument("source", help="a text file, a folder, a .jsonl file, or - for stdin")
    parser.add_argument("--date", help="publication date for articles that carry none (YYYY-MM-DD)")
    parser.add_argument("--jsonl", action="store_true", help="read the input as JSON lines")
    parser.add_argument(
        "--batch", type=whole_number(1, 10_000), default=200, help="articles per transaction"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add_database_option(parser)
    parser.set_defaults(func=run)


@dataclass
class IngestSummary:
    """Counts a user reads after a run: articles new/known/failed, events created/updated."""

    articles: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    skipped_events: int = 0
    skipped_files: Counter[str] = field(default_factory=Counter)  # by kind: ".pdf" -> 2
    failures: list[tuple[str, str]] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, result: IngestResult) -> None:
        self.articles[result.status] += 1
        for change in result.events:
            self.events[change.kind] += 1
        self.skipped_events += len(result.skipped)
        if result.status == "failed":
            self.failures.append((result.ref, result.error or "unknown error"))

    def fail(self, ref: str, reason: str) -> None:
        self.articles["failed"] += 1
        self.failures.append((ref, reason))

    @property
    def total(self) -> int:
        return sum(self.articles.values())

    def to_json(self) -> dict[str, object]:
        return {
            "articles": {k: self.articles[k] for k in ("new", "known", "failed")},
            "events": {k: self.events[k] for k in ("created", "updated", "unchanged")},
            "skipped_events": self.skipped_events,
            "skipped_files": dict(sorted(self.skipped_files.items())),
            "failures": [{"ref": r, "error": e} for r, e in self.failures],
            "undated": list(self.undated),
            "seconds": round(self.seconds, 3),
        }

    def _undated_lines(self) -> list[str]:
        """Articles read without a date: only their absolute dates counted; say how to fix it."""
        if not self.undated:
            return []
        count = len(self.undated)
        noun, them = ("article has", "it") if count == 1 else ("articles have", "them")
        listed = self.undated[:MAX_LISTED_FAILURES]
        more = count - len(listed)
        return [
            f"undated:  {count:,} {noun} no date (no dateline with a year, no --date): "
            f"give one with --date YYYY-MM-DD to read {them} again",
            *(f"  {ref}" for ref in listed),
            *([f"  ... and {more:,} more (--json lists them all)"] if more else []),
        ]

    def lines(self) -> list[str]:
        rate = self.total / self.seconds if self.seconds > 0 else 0.0
        out = [
            f"articles: {self.total:,} read: {self.articles['new']:,} new, "
            f"{self.articles['known']:,} already known, {self.articles['failed']:,} failed",
            f"events:   {self.events['created']:,} created, {self.events['updated']:,} updated, "
            f"{self.events['unchanged']:,} confirmed unchanged"
            + (f", {self.skipped_events:,} skipped (bad dates)" if self.skipped_events else ""),
            f"time:     {self.seconds:.1f} s ({rate:,.0f} articles/s)",
        ]
        if self.skipped_files:
            kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(self.skipped_files.items()))
            out.append(
                f"skipped:  {self.skipped_files.total():,} files of kinds never read ({kinds}); "
                "articles are .txt, .md, .html or .jsonl files"
            )
        out += self._undated_lines()
        if len(self.failures) <= MAX_LISTED_FAILURES:
            if self.failures:
                out.append("failed:")
            out += [f"  {ref}: {error}" for ref, error in self.failures]
            return out
        out.append("failed, by reason:")
        by_reason: dict[str, list[str]] = {}
        for ref, error in self.failures:
            by_reason.setdefault(error, []).append(ref)
        ranked = sorted(by_reason.items(), key=lambda item: -len(item[1]))
        for error, refs in ranked[:MAX_LISTED_FAILURES]:
            examples = ", ".join(refs[:3]) + (", ..." if len(refs) > 3 else "")
            out.append(f"  {len(refs):,} x {error} ({examples})")
        if len(ranked) > MAX_LISTED_FAILURES:
            rest = sum(len(refs) for _, refs in ranked[MAX_LISTED_FAILURES:])
            out.append(f"  ... and {rest:,} more with other reasons (--json lists them all)")
        return out


def _readable(
    results: Iterator[ArticleResult], summary: IngestSummary
) -> Iterator[tuple[Article, str]]:
    for item in results:
        if item.skipped:
            summary.skipped_files[item.skipped] += 1
            continue
        if item.article is None:
            summary.fail(item.ref, item.error or "unreadable")
            continue
        if item.article.dct is None:
            summary.undated.append(item.ref)
        yield item.article, item.ref


def run(args: argparse.Namespace) -> int:
    try:
        dct = parse_dct(args.date)
    except ValueError as exc:
        print(f"diplobot ingest: --date: {exc}", file=sys.stderr)
        return EXIT_USAGE
    app = open_app(args, "diplobot ingest")
    if app is None:
        return 1
    summary = IngestSummary()
    # Alerts and reminders for subscribed channels are queued as the bot would queue them.
    context = IngestContext(source="added from the command line")
    started = time.perf_counter()
    progress = tqdm(
        unit=" articles", file=sys.stderr, disable=True if args.quiet else None, mininterval=0.5
    )
    try:
        items = read_articles(args.source, jsonl=True if args.jsonl else None, default_dct=dct)
        readable = _readable(items, summary)
        for result in app.timeline.ingest_many(readable, batch_size=args.batch, context=context):
            summary.add(result)
            progress.update(1)
    finally:
        progress.close()
        summary.seconds = time.perf_counter() - started
        app.database.dispose()
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
    else:
        print("\n".join(summary.lines()))
    # Every article that could be read is in; an unreadable one still makes the run exit 1.
    if summary.total == 0 and not summary.skipped_files:
        print(f"diplobot ingest: no articles in {args.source}", file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failures or summary.total == 0 else EXIT_OK
