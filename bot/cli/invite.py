"""``diplobot invite``: the link that adds the bot to a server with its slash commands and
exactly the permissions its enabled features need, each one explained."""

from __future__ import annotations

import argparse
import sys

from bot.chat.permissions import (
    SCOPES,
    application_id_from_token,
    invite_needs,
    invite_url,
    permission_value,
)
from bot.cli.options import EXIT_OK, EXIT_USAGE, MAX_SNOWFLAKE, whole_number
from config.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "invite",
        help="print the link that adds the bot to a server, with the permissions it needs",
        description="Print the OAuth2 link (scopes bot and applications.commands) with the "
        "permission integer of the enabled features. The application's id comes from "
        "--client-id, else from DISCORD_TOKEN.",
    )
    parser.add_argument(
        "--client-id",
        type=whole_number(1, MAX_SNOWFLAKE),
        metavar="ID",
        help="the application's id (developer portal > General Information)",
    )
    parser.add_argument(
        "--guild",
        type=whole_number(1, MAX_SNOWFLAKE),
        metavar="ID",
        help="preselect this server in Discord's dialog",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.load()
    client_id = args.client_id
    if client_id is None and settings.discord_token is not None:
        client_id = application_id_from_token(settings.discord_token.get_secret_value())
    if client_id is None:
        print(
            "diplobot invite: give --client-id (developer portal > General Information > "
            "Application ID), or set DISCORD_TOKEN",
            file=sys.stderr,
        )
        return EXIT_USAGE
    needs = invite_needs(read_news_channels=settings.read_news_channels)
    value = permission_value(needs)
    print(invite_url(client_id, value, args.guild))
    print(f"\nscopes: {' and '.join(SCOPES)}; permissions={value}:")
    for need in needs:
        print(f"  {', '.join(need.names())}: {need.why}")
    intent = (
        "Message Content (DIPLOBOT_READ_NEWS_CHANNELS is on)"
        if settings.read_news_channels
        else "none (news channels are not read)"
    )
    print(f"privileged intents to switch on (developer portal > Bot): {intent}")
    return EXIT_OK
