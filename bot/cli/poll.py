"""``diplobot poll``: poll every feed once (for cron or offline use), then stop.

Alerts and reminders are queued in the outbox as they would be by the bot; the running bot
process sends them (this command needs no Discord token and sends nothing itself).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.app import App
from bot.cli.db import add_database_option, open_app
from bot.cli.options import EXIT_OK, EXIT_SOME_FAILED
from bot.services.feed_polling import PollOutcome


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "poll",
        help="poll every feed once and queue the alerts (for cron or offline use)",
        description=(
            "Fetch every enabled feed now (with the same guards, conditional GET and back-off "
            "bookkeeping as the bot), ingest new entries and queue the alerts and reminders "
            "they cause. The running bot sends what was queued."
        ),
    )
    parser.add_argument("--due", action="store_true", help="only feeds whose next poll is due")
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    add_database_option(parser)
    parser.set_defaults(func=run)


async def poll_once(app: App, *, due_only: bool = False) -> list[PollOutcome]:
    poller = app.feed_poller
    try:
        return await (poller.poll_due() if due_only else poller.poll_all())
    finally:
        await app.close()


def run(args: argparse.Namespace) -> int:
    app = open_app(args, "diplobot poll")
    if app is None:
        return 1
    try:
        outcomes = asyncio.run(poll_once(app, due_only=args.due))
    finally:
        app.database.dispose()
    if args.json:
        print(json.dumps([_row(o) for o in outcomes]))
    else:
        if not outcomes:
            print(
                "no feeds to poll; add one with /feeds add in Discord or "
                "diplobot feeds add --guild ID URL"
            )
        for o in outcomes:
            if o.status == "error":
                print(f"feed #{o.feed_id} {o.url}: failed: {o.error}", file=sys.stderr)
            else:
                print(
                    f"feed #{o.feed_id} {o.url}: {o.status}, {o.new_entries} new entries, "
                    f"{o.events_created} events created, {o.events_updated} updated"
                )
    failed = any(o.status == "error" for o in outcomes)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _row(outcome: PollOutcome) -> dict[str, object]:
    return {name: getattr(outcome, name) for name in outcome.__slots__}
