"""``diplobot run`` (the bot process) and ``diplobot sync-commands`` (publish slash commands).

The token comes only from ``DISCORD_TOKEN`` and is never printed or logged. Every way the
bot can fail to start is one sentence on stderr and an exit code (:data:`EXIT_CODES`, the
README's table); SIGTERM and SIGINT stop it cleanly (:func:`serve`) with exit code 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import aiohttp
import discord

from bot.cli.logs import setup_logging
from config.settings import EXIT_CONFIG, Settings

EXIT_OK = 0  # stopped: SIGTERM, SIGINT, or closed
EXIT_FAILED = 1  # an unexpected error (the log has the details)
EXIT_SETTINGS = EXIT_CONFIG  # a setting is missing or not valid (every command: 2)
EXIT_NO_TOKEN = EXIT_SETTINGS  # DISCORD_TOKEN is a setting too
EXIT_REJECTED = 3
EXIT_UNREACHABLE = 4
EXIT_DATABASE = 5
EXIT_SYNC = 7
EXIT_INTENT = 8
EXIT_CODES = {
    EXIT_OK: "stopped cleanly (SIGTERM, SIGINT or closed)",
    EXIT_FAILED: "stopped on an unexpected error",
    EXIT_SETTINGS: "a setting is missing or not valid (DISCORD_TOKEN unset included)",
    EXIT_REJECTED: "Discord rejected the token",
    EXIT_UNREACHABLE: "Discord's API or gateway could not be reached",
    EXIT_DATABASE: "the database could not be opened or brought up to date",
    EXIT_SYNC: "Discord refused the slash commands",
    EXIT_INTENT: "Discord refused the message-content intent",
}
# A clean stop must be over well inside the 10 s service managers wait before SIGKILL.
STOP_DEADLINE_S = 9.0

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
    "Discord could not be reached. Check this machine's network connection and DNS (and "
    "DIPLOBOT_DISCORD_API_BASE / DIPLOBOT_DISCORD_GATEWAY if set), then start again; the "
    "timeline and the queued messages are kept meanwhile."
)
INTENT_HELP = (
    "Discord refused the message-content intent needed to read news channels. Switch on "
    "'Message Content Intent' for this bot in the developer portal (Bot page), or set "
    "DIPLOBOT_READ_NEWS_CHANNELS=false."
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
            "'diplobot sync-commands'. SIGTERM or Ctrl-C stops it cleanly. Exit codes: "
            + "; ".join(f"{code} {what}" for code, what in EXIT_CODES.items())
            + "."
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


def _say(prog: str, text: str) -> None:
    print(f"{prog}: {text}", file=sys.stderr)


def _with_token(prog: str, work: Callable[[Settings, str], Coroutine[Any, Any, int]]) -> int:
    """Run ``work`` with the settings and the token, or say why it cannot start."""
    settings = Settings.load()  # a bad setting: one sentence and exit 2, from bot.__main__
    token = _token(settings)
    if token is None:
        _say(prog, MISSING_HELP)
        return EXIT_NO_TOKEN
    setup_logging(settings)
    return asyncio.run(work(settings, token))


def has_token(settings: Settings) -> bool:
    """Whether ``DISCORD_TOKEN`` holds a token (its value is never shown)."""
    return _token(settings) is not None


def run_bot() -> int:
    """``diplobot run``: serve until stopped."""
    return _with_token("diplobot run", serve)


def _run_command(args: argparse.Namespace) -> int:
    return run_bot()


def _sync_command(args: argparse.Namespace) -> int:
    return _with_token(
        "diplobot sync-commands",
        lambda settings, token: sync_commands(settings, token, guild_id=args.guild),
    )


@contextlib.contextmanager
def stop_on_signals(close: Callable[[], Coroutine[Any, Any, None]]) -> Iterator[list[str]]:
    """While the block runs, SIGTERM and SIGINT start a clean stop (once), with a deadline
    after which the process exits anyway; yields the list the signal's name is put in."""
    loop = asyncio.get_running_loop()
    received: list[str] = []
    stopping: list[asyncio.Task[None]] = []

    def overdue() -> None:
        log.error("the clean stop took longer than %.0f s; exiting now", STOP_DEADLINE_S)
        os._exit(EXIT_FAILED)

    def on_signal(sig: signal.Signals) -> None:
        if received:
            return
        received.append(sig.name)
        log.info("%s received: finishing what is in flight, then stopping", sig.name)
        loop.call_later(STOP_DEADLINE_S, overdue)
        stopping.append(loop.create_task(close(), name="shutdown"))

    signals = (signal.SIGTERM, signal.SIGINT)
    for sig in signals:
        loop.add_signal_handler(sig, on_signal, sig)
    try:
        yield received
    finally:
        for sig in signals:
            loop.remove_signal_handler(sig)


async def serve(settings: Settings, token: str, **bot_options: Any) -> int:
    """Run the bot until it is stopped; the exit code says how it ended."""
    from bot.chat.client import CommandSyncFailed, build_bot
    from bot.chat.endpoint import EndpointError, endpoint_from, gateway_problem
    from bot.cli.db import open_url
    from bot.clock import SystemClock
    from bot.services.extraction import ProcessExtractor

    prog = "diplobot run"
    try:
        endpoint = endpoint_from(settings)
    except EndpointError as exc:
        _say(prog, f"{exc}.")
        return EXIT_SETTINGS
    database = open_url(settings.sqlalchemy_url, prog)
    if database is None:
        return EXIT_DATABASE
    extractor = ProcessExtractor()  # feeds and /ingest extract off the event loop
    extractor.start()
    try:
        try:
            bot = build_bot(settings, database, SystemClock(), extractor=extractor, **bot_options)
        except ValueError as exc:  # settings that contradict each other (shards)
            _say(prog, f"the settings do not fit together: {exc}.")
            return EXIT_SETTINGS
        with stop_on_signals(bot.close) as received:
            async with bot:
                await bot.login(token)
                if received:
                    return EXIT_OK
                problem = await gateway_problem(endpoint.gateway)
                if problem is not None:
                    _say(prog, f"{UNREACHABLE_HELP} (the gateway: {problem})")
                    return EXIT_UNREACHABLE
                await bot.connect()
        if received:
            log.info("stopped cleanly after %s", received[0])
        return EXIT_OK
    except discord.LoginFailure:
        _say(prog, REJECTED_HELP)
        return EXIT_REJECTED
    except discord.PrivilegedIntentsRequired:
        _say(prog, INTENT_HELP)
        return EXIT_INTENT
    except CommandSyncFailed as exc:
        _say(
            prog,
            f"Discord refused the slash commands for the development server ({exc}). Check "
            "that DIPLOBOT_DEV_GUILD_ID names a server the bot was invited to (with the "
            "applications.commands scope), or unset it.",
        )
        return EXIT_SYNC
    except (aiohttp.ClientError, OSError, discord.GatewayNotFound) as exc:
        _say(prog, f"{UNREACHABLE_HELP} ({type(exc).__name__})")
        return EXIT_UNREACHABLE
    except discord.HTTPException as exc:
        _say(prog, f"{UNREACHABLE_HELP} (Discord answered {exc.status})")
        return EXIT_UNREACHABLE
    except Exception:
        log.exception("the bot stopped on an unexpected error")
        _say(prog, "the bot stopped on an unexpected error; the log above says where.")
        return EXIT_FAILED
    finally:
        extractor.close()
        database.close()


async def sync_commands(settings: Settings, token: str, *, guild_id: int | None = None) -> int:
    """Log in (no gateway connection), load every cog and publish the command tree."""
    from bot.chat.client import build_bot
    from bot.chat.endpoint import EndpointError
    from bot.cli.db import open_url
    from bot.clock import SystemClock

    prog = "diplobot sync-commands"
    database = open_url(settings.sqlalchemy_url, prog)
    if database is None:
        return EXIT_DATABASE
    try:
        bot = build_bot(settings, database, SystemClock(), sync_on_start=False)
        async with bot:
            await bot.login(token)
            guild = discord.Object(id=guild_id) if guild_id else None
            if guild is not None:
                bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
    except (EndpointError, ValueError) as exc:
        _say(prog, f"{exc}.")
        return EXIT_SETTINGS
    except discord.LoginFailure:
        _say(prog, REJECTED_HELP)
        return EXIT_REJECTED
    except (aiohttp.ClientError, OSError) as exc:
        _say(prog, f"{UNREACHABLE_HELP} ({type(exc).__name__})")
        return EXIT_UNREACHABLE
    except discord.HTTPException as exc:
        words = " ".join(str(exc.text or "").split()) or "no reason given"
        where = f"server {guild_id}" if guild_id else "every server"
        _say(
            prog,
            f"Discord refused the slash commands for {where} ({exc.status} {words}); check "
            "that the bot was invited with the applications.commands scope.",
        )
        return EXIT_SYNC
    finally:
        database.close()
    where = f"guild {guild_id}" if guild_id else "every server (may take up to an hour to show)"
    names = ", ".join(f"/{c.name}" for c in synced)
    print(f"synced {len(synced)} commands to {where}: {names}")
    return 0
