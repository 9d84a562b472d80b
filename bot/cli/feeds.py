"""``diplobot feeds add|list|remove --guild ID``: a server's feeds from the command line,
through the same service as ``/feeds`` in Discord (checks, limits and validation alike)."""

from __future__ import annotations

import argparse
import asyncio

from bot.app import App
from bot.cli.db import add_database_option, with_app
from bot.cli.options import (
    EXIT_OK,
    MAX_SNOWFLAKE,
    add_guild_option,
    whole_number,
)
from bot.render import feed_line
from bot.render.text import plain_text
from bot.services.errors import Refused


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "feeds",
        help="add, list or remove a server's RSS/Atom feeds",
        description="Manage a server's feeds as /feeds does in Discord. The running bot "
        "polls them; `diplobot poll` polls them once.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="read news from a feed")
    add.add_argument("url", help="the feed's address (https://...)")
    add.add_argument(
        "--channel",
        type=whole_number(1, MAX_SNOWFLAKE),
        metavar="ID",
        help="post the feed's new events in this channel (default: the timeline only)",
    )
    add.set_defaults(func=run_add)
    listed = actions.add_parser("list", help="list the server's feeds and their state")
    listed.set_defaults(func=run_list)
    remove = actions.add_parser("remove", help="stop reading a feed")
    remove.add_argument("feed", type=whole_number(1, MAX_SNOWFLAKE), help="its number, from list")
    remove.set_defaults(func=run_remove)
    for action in (add, listed, remove):
        add_guild_option(action)
        add_database_option(action)


async def _probe(app: App, url: str) -> None:
    """Fetch and parse the feed once, as /feeds add does; the HTTP client closes with its loop."""
    try:
        await app.feeds.probe(url)
    finally:
        await app.fetcher.close()


def run_add(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        if app.feeds.validates:
            asyncio.run(_probe(app, args.url))
        feed, created = app.feeds.add(guild_id=args.guild, channel_id=args.channel, url=args.url)
        if created:
            print(
                f"added feed #{feed.id}: {feed.url}; it is read every "
                f"{app.settings.feed_poll_minutes} minutes by the running bot"
            )
        else:
            print(f"server {args.guild} already reads {feed.url} (feed #{feed.id})")
        return EXIT_OK

    return with_app(args, "diplobot feeds add", work)


def run_list(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        found = app.feeds.for_guild(args.guild)
        if not found:
            print(f"server {args.guild} reads no feeds; add one with diplobot feeds add")
        for feed in found:
            print(plain_text(feed_line(feed)))
        return EXIT_OK

    return with_app(args, "diplobot feeds list", work)


def run_remove(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        removed = app.feeds.remove(args.guild, args.feed)
        if removed is None:
            raise Refused(f"server {args.guild} has no feed #{args.feed}; see diplobot feeds list")
        print(f"removed feed #{args.feed} ({removed.url})")
        return EXIT_OK

    return with_app(args, "diplobot feeds remove", work)
