"""``diplobot extract``: events (or temporal expressions) of articles as JSON, one line each."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.cli.options import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, whole_number
from bot.extract.model import Article
from bot.extract.pipeline import extract_events, extract_timexes
from bot.news.articles import ArticleResult, parse_dct
from bot.news.files import read_articles


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print the diplomatic events of articles as JSON",
        description=(
            "Print the events of one article ({dct, events}) or, with --jsonl, one line per "
            "article ({id, dct, events}). --timex prints the temporal expressions instead."
        ),
    )
    parser.add_argument(
        "source", help="a text file, a JSON-lines file with --jsonl, or - for stdin"
    )
    parser.add_argument("--date", help="the article's publication date (YYYY-MM-DD)")
    parser.add_argument("--jsonl", action="store_true", help="read one JSON article per line")
    parser.add_argument("--timex", action="store_true", help="print temporal expressions")
    parser.add_argument(
        "--indent", type=whole_number(0, 16), default=None, help="pretty-print single articles"
    )
    parser.set_defaults(func=run)


def article_output(article: Article, *, timex: bool) -> dict[str, Any]:
    """The JSON object printed for one article (SPEC.md's command-line contract)."""
    dct = article.dct.isoformat() if article.dct else None
    if timex:
        return {"dct": dct, "timexes": [t.to_json() for t in extract_timexes(article)]}
    return {"dct": dct, "events": [e.to_json() for e in extract_events(article)]}


def _line(result: ArticleResult, *, timex: bool, with_id: bool) -> dict[str, Any]:
    head: dict[str, Any] = {"id": result.ref} if with_id else {}
    if result.article is None:
        return {**head, "dct": None, "error": result.error}
    if with_id and result.article.id:
        head["id"] = result.article.id
    try:
        return {**head, **article_output(result.article, timex=timex)}
    except Exception as exc:
        return {**head, "dct": None, "error": f"extraction failed: {type(exc).__name__}: {exc}"}


def run(args: argparse.Namespace) -> int:
    try:
        dct = parse_dct(args.date)
    except ValueError as exc:
        print(f"diplobot extract: --date: {exc}", file=sys.stderr)
        return EXIT_USAGE
    results = read_articles(args.source, dct, jsonl=True if args.jsonl else None)
    out = sys.stdout
    if args.jsonl:
        lines = failures = 0
        for result in results:
            line = _line(result, timex=args.timex, with_id=True)
            lines += 1
            failures += "error" in line
            out.write(json.dumps(line, ensure_ascii=False))
            out.write("\n")
        if not lines:
            print(f"diplobot extract: no articles in {args.source}", file=sys.stderr)
        elif failures:
            print(
                f"diplobot extract: {failures:,} of {lines:,} articles could not be read "
                '(their lines carry an "error")',
                file=sys.stderr,
            )
        return EXIT_SOME_FAILED if failures or not lines else EXIT_OK
    failures = 0
    for result in results:
        line = _line(result, timex=args.timex, with_id=False)
        if "error" in line:
            failures += 1
            print(f"diplobot extract: {result.ref}: {line['error']}", file=sys.stderr)
        out.write(json.dumps(line, ensure_ascii=False, indent=args.indent))
        out.write("\n")
    return EXIT_SOME_FAILED if failures else EXIT_OK
