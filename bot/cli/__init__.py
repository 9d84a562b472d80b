"""Command-line interface: one module per sub-command, each exposing ``register``.

A module's ``register(subparsers)`` adds its parser and sets ``func`` to a
callable taking the parsed arguments and returning the exit code.
"""

from __future__ import annotations

import argparse
import importlib

# Sub-command modules, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "bot.cli.extract",
    "bot.cli.ingest",
    "bot.cli.poll",
    "bot.cli.timeline",
    "bot.cli.event",
    "bot.cli.export",
    "bot.cli.feeds",
    "bot.cli.subscriptions",
    "bot.cli.calendar",
    "bot.cli.db",
    "bot.cli.outbox",
    "bot.cli.run",
    "bot.cli.invite",
    "bot.cli.doctor",
    "bot.cli.demo",
)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with ``command``, of that one alone when its module
    bears its name, so ``diplobot extract`` starts without loading the app, the database
    layer and the Discord client that other commands need."""
    parser = argparse.ArgumentParser(
        prog="diplobot",
        description="Diplomatic-event timeline and alerting bot.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    module = f"bot.cli.{command}"
    names = (module,) if command and module in COMMAND_MODULES else COMMAND_MODULES
    for name in names:
        importlib.import_module(name).register(subparsers)
    if names != COMMAND_MODULES and command not in subparsers.choices:
        return build_parser()
    return parser
