"""``diplobot subscriptions add|list|remove --guild ID``: which events a channel gets, from the
command line, through the same service and the same option parsing as ``/subscribe``."""

from __future__ import annotations

import argparse

from bot.app import App
from bot.cli.db import add_database_option, with_app
from bot.cli.options import (
    EXIT_OK,
    MAX_SNOWFLAKE,
    add_filter_options,
    add_guild_option,
    filter_arguments,
    whole_number,
)
from bot.render import subscription_line
from bot.render.text import plain_text
from bot.services.errors import Refused


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "subscriptions",
        help="add, list or remove the subscriptions of a server's channels",
        description="Manage subscriptions as /subscribe, /subscriptions and /unsubscribe do "
        "in Discord. The running bot posts what they match.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="post new and changed events, and reminders, in a channel")
    add.add_argument(
        "--channel", required=True, type=whole_number(1, MAX_SNOWFLAKE), metavar="ID",
        help="the channel to post in",
    )  # fmt: skip
    add_filter_options(add)
    add.add_argument("--reminders", help="reminders before each event, e.g. '1d, 1h'")
    add.set_defaults(func=run_add)
    listed = actions.add_parser("list", help="list the server's subscriptions")
    listed.set_defaults(func=run_list)
    remove = actions.add_parser("remove", help="remove a subscription")
    remove.add_argument(
        "subscription", type=whole_number(1, MAX_SNOWFLAKE), help="its number, from list"
    )
    remove.set_defaults(func=run_remove)
    for action in (add, listed, remove):
        add_guild_option(action)
        add_database_option(action)


def run_add(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        service = app.subscriptions
        sub, outcome = service.create(
            guild_id=args.guild,
            channel_id=args.channel,
            **filter_arguments(args),
            reminder_offsets=service.offsets(args.reminders),
        )
        print(f"{outcome.brief()}: {plain_text(subscription_line(sub))}")
        return EXIT_OK

    return with_app(args, "diplobot subscriptions add", work)


def run_list(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        found = app.subscriptions.for_guild(args.guild)
        if not found:
            print(f"server {args.guild} has no subscriptions; add one with subscriptions add")
        for sub in found:
            print(plain_text(subscription_line(sub)))
        return EXIT_OK

    return with_app(args, "diplobot subscriptions list", work)


def run_remove(args: argparse.Namespace) -> int:
    def work(app: App) -> int:
        removed = app.subscriptions.remove(args.guild, args.subscription)
        if removed is None:
            raise Refused(
                f"server {args.guild} has no subscription #{args.subscription}; "
                "see diplobot subscriptions list"
            )
        print(f"removed subscription #{args.subscription} (channel {removed.channel_id})")
        return EXIT_OK

    return with_app(args, "diplobot subscriptions remove", work)
