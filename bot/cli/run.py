"""``diplobot run`` (the bot process) and ``diplobot sync-commands`` (publish slash commands).

The token comes only from ``DISCORD_TOKEN`` and is never printed or logged. Exit codes:
0 stopped cleanly, 2 no token, 3 token rejected by Discord, 1 anything else.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

import aiohttp
import discord

from bot.cli.logs import setup_logging
from config.settings import Settings

EXIT_NO_TOKEN = 2
EXIT_REJECTED = 3
EXIT_UNREACHABLE = 4
MISSING_HELP = (
    "DISCORD_TOKEN is not set. Create a bot at https://discord.com/developers/applications, "
    "copy its token and start again with DISCORD_TOKEN=<token> in the environment. "
    "To see what the bot does without a token, run: diplobot demo"
)
REJECTED_HELP = (
    "Discord rejected the token in DISCORD_TOKEN. Reset the bot's token in the developer "
    "portal (Bot > Reset Token) and start again with the new one."
)
UNREACHABLE_HELP = (
    "Discord could not be reached. Check this machine's network connection and DNS, "
    "then start again; the timeline and the queued messages are kept meanwhile."
)

log = logging.getLogger("diplobot")


def register(subparsers: argparse._SubParsersAction) -> None:
    run = subparsers.add_parser(
        "run",
        help="run the Discord bot (token from DISCORD_TOKEN)",
        description=(
            "Connect to Discord and serve the slash commands. Reads DISCORD_TOKEN; settings "
            "from config/diplobot.toml (or DIPLOBOT_CONFIG) and DIPLOBOT_* variables. Commands "
            "are synced only to DIPLOBOT_DEV_GUILD_ID when set; publish them everywhere with "
            "'diplobot sync-commands'."
        ),
    )
    run.set_defaults(func=_run_command)
    sync = subparsers.add_parser(
        "sync-commands",
        help="publish the slash commands to Discord (globally, or to one guild)",
        description=(
            "Register the bot's slash commands with Discord. Global commands can take up to "
            "an hour to appear; --guild makes them appear at once in one server."
        ),
    )
    sync.add_argument("--guild", type=int, metavar="ID", help="sync to this guild only")
    sync.set_defaults(func=_sync_command)


def _token(settings: Settings) -> str | None:
    secret = settings.discord_token
    value = secret.get_secret_value().strip() if secret is not None else ""
    return value or None


def _with_token(prog: str, work: Callable[[Settings, str], Coroutine[Any, Any, int]]) -> int:
    """Run ``work`` with the settings and the token, or say how to get a token."""
    settings = Settings.load()
    token = _token(settings)
    if token is None:
        print(f"{prog}: {MISSING_HELP}", file=sys.stderr)
        return EXIT_NO_TOKEN
    setup_logging(settings)
    return asyncio.run(work(settings, token))


def _run_command(args: argparse.Namespace) -> int:
    return _with_token("diplobot run", serve)


def _sync_command(args: argparse.Namespace) -> int:
    return _with_token(
        "diplobot sync-commands",
        lambda settings, token: sync_commands(settings, token, guild_id=args.guild),
    )


async def serve(settings: Settings, token: str, **bot_options: Any) -> int:
    """Run the bot until it is closed; the exit code says how it ended."""
    from bot.chat.client import build_bot
    from bot.clock import SystemClock
    from bot.services.extraction import ProcessExtractor
    from storage.db import open_database

    extractor = ProcessExtractor()  # feeds and /ingest extract off the event loop
    database = open_database(settings)
    bot = build_bot(settings, database, SystemClock(), extractor=extractor, **bot_options)
    try:
        async with bot:
            await bot.start(token)
    except discord.LoginFailure:
        print(f"diplobot run: {REJECTED_HELP}", file=sys.stderr)
        return EXIT_REJECTED
    except discord.PrivilegedIntentsRequired:
        print(
            "diplobot run: Discord refused the message-content intent needed to read news "
            "channels. Switch on 'Message Content Intent' for this bot in the developer portal "
            "(Bot page), or set DIPLOBOT_READ_NEWS_CHANNELS=false.",
            file=sys.stderr,
        )
        return 1
    except (aiohttp.ClientConnectionError, OSError) as exc:
        print(f"diplobot run: {UNREACHABLE_HELP} ({type(exc).__name__})", file=sys.stderr)
        return EXIT_UNREACHABLE
    finally:
        extractor.close()
        database.dispose()
    return 0


async def sync_commands(settings: Settings, token: str, *, guild_id: int | None = None) -> int:
    """Log in (no gateway connection), load every cog and publish the command tree."""
    from bot.chat.client import build_bot
    from bot.clock import SystemClock
    from storage.db import open_database

    database = open_database(settings)
    bot = build_bot(settings, database, SystemClock(), sync_on_start=False)
    try:
        async with bot:
            await bot.login(token)
            guild = discord.Object(id=guild_id) if guild_id else None
            if guild is not None:
                bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
    except discord.LoginFailure:
        print(f"diplobot sync-commands: {REJECTED_HELP}", file=sys.stderr)
        return EXIT_REJECTED
    except (aiohttp.ClientConnectionError, OSError) as exc:
        print(f"diplobot sync-commands: {UNREACHABLE_HELP} ({type(exc).__name__})", file=sys.stderr)
        return EXIT_UNREACHABLE
    finally:
        database.dispose()
    where = f"guild {guild_id}" if guild_id else "every server (may take up to an hour to show)"
    names = ", ".join(f"/{c.name}" for c in synced)
    print(f"synced {len(synced)} commands to {where}: {names}")
    return 0
