"""Argument checks every command shares: a number out of bounds is a usage error (exit 2)
with a sentence, never a value quietly taken (``--limit -1``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

# Exit codes of every command: all went well; some input could not be read (the rest was);
# the command line or a setting is wrong. `diplobot run` adds its own (docs/hosting.md).
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


MAX_SNOWFLAKE = 2**63 - 1


def add_guild_option(parser: argparse.ArgumentParser) -> None:
    """``--guild ID``: the Discord server a command acts for (Developer Mode: Copy Server ID)."""
    parser.add_argument(
        "--guild",
        required=True,
        type=whole_number(1, MAX_SNOWFLAKE),
        metavar="ID",
        help="the server's ID (Discord: User Settings > Advanced > Developer Mode, then "
        "right-click the server > Copy Server ID)",
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """``--countries``, ``--types``, ``--keywords``: the filters a subscription and a calendar
    link share, worded as the slash commands' options are."""
    parser.add_argument("--countries", help="countries or bodies, comma-separated (empty: any)")
    parser.add_argument("--types", help="event types, comma-separated (empty: any)")
    parser.add_argument("--keywords", help="words that must appear (any of them), comma-separated")


def filter_arguments(args: argparse.Namespace) -> dict[str, Any]:
    """The parsed filters of ``add_filter_options``, as the services' keyword arguments, so a
    typo fails the same way on the command line as in Discord. Imported here: the parsers
    reach the database layer, which ``extract`` must not load."""
    from bot.chat.parsing import parse_countries, parse_keywords, parse_types

    return {
        "countries": parse_countries(args.countries),
        "types": parse_types(args.types),
        "keywords": parse_keywords(args.keywords),
    }


def whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` (to ``high``)."""
    allowed = f"a whole number from {low:,}" + (f" to {high:,}" if high is not None else " up")

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {allowed}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{text!r} is out of bounds: give {allowed}")
        return value

    parse.__name__ = "whole number"  # argparse names the type in its own messages
    return parse


__all__ = [
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "MAX_SNOWFLAKE",
    "add_filter_options",
    "add_guild_option",
    "filter_arguments",
    "whole_number",
]
