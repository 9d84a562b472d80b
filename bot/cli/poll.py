"""``diplobot poll``: poll every feed once (for cron or offline use), then stop.

Alerts and reminders are queued in the outbox as they would be by the bot; the running bot
process sends them (this command needs no Discord token and sends nothing itself).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.alerts.runtime import AlertOptions, alert_writer
from bot.cli.db import add_database_option, open_from_args
from bot.clock import SystemClock
from bot.news.fetch import Fetcher
from bot.news.poller import FeedPoller, PollOutcome
from bot.timeline import TimelineService
from storage.db import Database


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


async def poll_once(database: Database, *, due_only: bool = False) -> list[PollOutcome]:
    from config.settings import Settings

    settings = Settings.load()
    clock = SystemClock()
    options = AlertOptions.from_settings(settings)
    timeline = TimelineService(database, clock=clock, on_changes=alert_writer(clock, options))
    fetcher = Fetcher(
        max_bytes=settings.fetch_max_bytes,
        timeout_s=settings.fetch_timeout_s,
        max_redirects=settings.fetch_max_redirects,
    )
    try:
        poller = FeedPoller(database, fetcher, timeline, clock, interval=options.feed_interval)
        return await (poller.poll_due() if due_only else poller.poll_all())
    finally:
        await fetcher.close()


def run(args: argparse.Namespace) -> int:
    database = open_from_args(args, "diplobot poll")
    if database is None:
        return 1
    try:
        outcomes = asyncio.run(poll_once(database, due_only=args.due))
    finally:
        database.dispose()
    if args.json:
        print(json.dumps([_row(o) for o in outcomes]))
    else:
        if not outcomes:
            print("no feeds to poll; add one with /feeds add in Discord")
        for o in outcomes:
            if o.status == "error":
                print(f"feed #{o.feed_id} {o.url}: failed: {o.error}", file=sys.stderr)
            else:
                print(
                    f"feed #{o.feed_id} {o.url}: {o.status}, {o.new_entries} new entries, "
                    f"{o.events_created} events created, {o.events_updated} updated"
                )
    return 1 if outcomes and all(o.status == "error" for o in outcomes) else 0


def _row(outcome: PollOutcome) -> dict[str, object]:
    return {name: getattr(outcome, name) for name in outcome.__slots__}
