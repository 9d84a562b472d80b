"""``diplobot calendar create|list|revoke|serve``: calendar links from the command line, through
the same service and option parsing as ``/calendar``; ``serve`` runs only the web server."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from bot.app import App
from bot.cli.db import add_database_option, open_app, with_app
from bot.cli.options import (
    EXIT_OK,
    MAX_SNOWFLAKE,
    add_filter_options,
    add_guild_option,
    filter_arguments,
    whole_number,
)
from bot.services.calendars import describe_filters


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "calendar",
        help="make, list or revoke calendar links; serve them without Discord",
        description="Manage calendar links as /calendar does in Discord. A link is shown only "
        "when it is made; the bot (or `calendar serve`) answers it.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="make a secret calendar link")
    create.add_argument(
        "--channel", required=True, type=whole_number(1, MAX_SNOWFLAKE), metavar="ID",
        help="the channel the link belongs to",
    )  # fmt: skip
    add_filter_options(create)
    create.set_defaults(func=run_create)
    listed = actions.add_parser("list", help="list the server's calendar links")
    listed.set_defaults(func=run_list)
    revoke = actions.add_parser("revoke", help="stop a calendar link from working")
    revoke.add_argument(
        "calendar", type=whole_number(1, MAX_SNOWFLAKE), help="its number, from list"
    )
    revoke.set_defaults(func=run_revoke)
    for action in (create, listed, revoke):
        add_guild_option(action)
        add_database_option(action)
    serve = actions.add_parser(
        "serve", help="serve calendar links only (no Discord), until SIGTERM or Ctrl-C"
    )
    add_database_option(serve)
    serve.set_defaults(func=run_serve)


def run_create(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        made = app.calendars.create(
            guild_id=args.guild,
            channel_id=args.channel,
            **filter_arguments(args),
        )
        print(f"calendar link #{made.calendar.id} ({describe_filters(made.calendar)})")
        print(f"calendar apps: {made.ics_url}")
        print(f"web page:      {made.page_url}")
        print("(shown only now; anyone with the link sees the calendar)", file=sys.stderr)
        return EXIT_OK

    return with_app(args, "diplobot calendar create", work)


def run_list(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        found = app.calendars.for_guild(args.guild)
        if not found:
            print(f"server {args.guild} has no calendar links; make one with calendar create")
        for cal in found:
            state = f"revoked {cal.revoked_at:%Y-%m-%d}" if cal.revoked_at else "active"
            print(f"#{cal.id} channel {cal.channel_id}: {describe_filters(cal)} ({state})")
        return EXIT_OK

    return with_app(args, "diplobot calendar list", work)


def run_revoke(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        app.calendars.revoke(args.guild, args.calendar)
        print(f"calendar link #{args.calendar} revoked")
        return EXIT_OK

    return with_app(args, "diplobot calendar revoke", work)


def run_serve(args: argparse.Namespace) -> int:
    prog = "diplobot calendar serve"
    app = open_app(args, prog)
    if app is None:
        return 1
    try:
        if app.web is None:
            print(f"{prog}: DIPLOBOT_WEB_BIND is off; set an address to serve.", file=sys.stderr)
            return 2
        return asyncio.run(_serve(app, prog))
    finally:
        app.database.dispose()


async def _serve(app: App, prog: str) -> int:
    assert app.web is not None
    try:
        await app.web.start()
    except OSError as exc:
        print(
            f"{prog}: cannot listen on {app.web.bind} ({exc.strerror or exc}); set "
            "DIPLOBOT_WEB_BIND to a free address.",
            file=sys.stderr,
        )
        return 2
    print(f"serving calendar links at {app.calendars.base_url}/cal/...", file=sys.stderr)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await app.web.stop()
    return EXIT_OK
