"""``diplobot event ID``: one event with the articles behind it and its history."""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.db import add_database_option, open_app
from bot.cli.formats import detail_json, format_detail
from bot.cli.options import whole_number
from storage.repos.guild_rows import MAX_ID


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "event",
        help="show one event: its sources and its history",
        description="Show an event of the timeline (IDs come from `diplobot timeline`).",
    )
    parser.add_argument("id", type=whole_number(1, MAX_ID), help="the event's ID")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    app = open_app(args, "diplobot event")
    if app is None:
        return 1
    try:
        detail = app.reader.detail(args.id)
    finally:
        app.database.dispose()
    if detail is None:
        print(
            f"diplobot event: no event {args.id}; list IDs with `diplobot timeline`",
            file=sys.stderr,
        )
        return 1
    if args.json:
        print(json.dumps(detail_json(detail), ensure_ascii=False, indent=2))
    else:
        print(format_detail(detail))
    return 0
