"""``diplobot export --ics FILE``: the filtered timeline as an iCalendar file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.db import open_app
from bot.cli.timeline import add_filter_options, filters_from_args
from bot.render.ics import to_ics


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the timeline as an iCalendar (.ics) file",
        description=(
            "Write the filtered timeline as iCalendar. Day dates become all-day events; "
            "times are kept as given (never invented); week/month dates become all-day "
            "events spanning the week/month marked 'date not fixed' (or --vague skip)."
        ),
    )
    parser.add_argument("--ics", required=True, metavar="FILE", help="output file, or - for stdout")
    parser.add_argument(
        "--vague",
        choices=["span", "skip"],
        default="span",
        help="week/month-precision events: span the whole week/month (default) or leave out",
    )
    add_filter_options(parser)
    parser.set_defaults(func=run, limit=0)


def run(args: argparse.Namespace) -> int:
    filters = filters_from_args(args, "diplobot export")
    if filters is None:
        return 2
    app = open_app(args, "diplobot export")
    if app is None:
        return 1
    try:
        events = app.reader.events(filters)
        installation = app.reader.installation()
    finally:
        app.database.dispose()
    if args.vague == "skip":
        events = [e for e in events if e.precision not in ("week", "month")]
    data = to_ics(events, vague=args.vague, installation=installation)
    if args.ics == "-":
        sys.stdout.buffer.write(data)
    else:
        try:
            Path(args.ics).write_bytes(data)
        except OSError as exc:
            print(f"diplobot export: cannot write {args.ics}: {exc.strerror}", file=sys.stderr)
            return 1
        print(f"wrote {len(events)} events to {args.ics}", file=sys.stderr)
    return 0
