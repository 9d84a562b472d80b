"""``diplobot timeline``: the filtered timeline as a readable table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.db import add_database_option, database_url, open_app, safe_url
from bot.cli.formats import event_json, format_table
from bot.cli.options import whole_number
from bot.clock import utc_now
from bot.services.filters import build_filter
from storage.repos.events import EventSummary, TimelineFilter


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The filters ``timeline`` and ``export`` share."""
    parser.add_argument("--from", dest="start", metavar="DATE", help="YYYY-MM-DD, YYYY-MM or YYYY")
    parser.add_argument("--to", dest="end", metavar="DATE", help="YYYY-MM-DD, YYYY-MM or YYYY")
    parser.add_argument(
        "--country",
        action="append",
        default=[],
        metavar="CODE",
        help="participant: ISO code, country name or body (NATO, EU, G7 ...); repeatable",
    )
    parser.add_argument("--type", action="append", default=[], help="event type; repeatable")
    parser.add_argument("--status", action="append", default=[], help="event status; repeatable")
    parser.add_argument(
        "--limit", type=whole_number(0), default=500, help="at most this many events (0: all)"
    )
    add_database_option(parser)


def filters_from_args(args: argparse.Namespace, prog: str) -> TimelineFilter | None:
    try:
        return build_filter(
            today=utc_now().date(),
            start=args.start,
            end=args.end,
            countries=args.country,
            types=args.type,
            statuses=args.status,
            limit=args.limit or None,
        )
    except ValueError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return None


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "timeline",
        help="list timeline events (filters: dates, country, type, status)",
        description="List merged events, earliest first. An event is in --from/--to when its "
        "date (a whole month for month-precision dates) overlaps the range.",
    )
    add_filter_options(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.set_defaults(func=run)


def query_from_args(
    args: argparse.Namespace, prog: str
) -> tuple[TimelineFilter, list[EventSummary]] | int:
    """The filters and matching events, or the exit code after a sentence saying what's wrong."""
    filters = filters_from_args(args, prog)
    if filters is None:
        return 2
    app = open_app(args, prog)
    if app is None:
        return 1
    try:
        return filters, app.reader.events(filters)
    finally:
        app.database.dispose()


def run(args: argparse.Namespace) -> int:
    found = query_from_args(args, "diplobot timeline")
    if isinstance(found, int):
        return found
    filters, events = found
    if args.json:
        for event in events:
            print(json.dumps(event_json(event), ensure_ascii=False))
        return 0
    if not events:
        # Saying which database was read shows a wrong DATABASE_URL or data folder at once.
        print(
            f"no events match these filters in {safe_url(database_url(args))} "
            "(another database? set DATABASE_URL or DIPLOBOT_DATA_DIR, or give --db)",
            file=sys.stderr,
        )
        return 0
    print(format_table(events))
    if filters.limit and len(events) == filters.limit:
        print(f"(first {filters.limit} events; use --limit 0 for all)", file=sys.stderr)
    return 0
