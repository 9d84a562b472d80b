"""``diplobot doctor``: what this installation uses and what to fix, section by section.

It prints every setting with where its value came from, then checks the database (reachable,
migrations applied), time zones, feeds, and Discord (token, intents, slash commands, the
bot's permissions in every channel and server it serves). It changes nothing. Exit 0 when
nothing needs fixing (warnings allowed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from bot.chat.doctor import discord_checks
from bot.cli.db import add_database_option, database_url, safe_url
from bot.cli.options import EXIT_OK, EXIT_SOME_FAILED
from bot.services.health import (
    Check,
    Footprint,
    HealthService,
    feed_checks,
    schema_check,
    web_checks,
    zone_checks,
)
from config.settings import Settings
from storage.db import open_database
from storage.migrate import current_revision, head_revision

MARKS = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check settings, database, feeds and Discord permissions, and say what to fix",
        description=__doc__.split("\n\n")[1].replace("\n", " "),
    )
    parser.add_argument(
        "--offline", action="store_true", help="skip the questions to Discord (no token needed)"
    )
    add_database_option(parser)
    parser.set_defaults(func=run)


def settings_lines(settings: Settings) -> list[str]:
    """Every setting, its value (secrets hidden) and where the value came from."""
    sources = settings.sources
    width = max(map(len, sources))
    return [
        f"  {name:<{width}}  {settings.shown(name)}  ({sources[name]})"
        for name in type(settings).model_fields
    ]


def database_checks(url: str) -> tuple[list[Check], Footprint | None]:
    """Reachable, and migrated; the footprint when the schema is current."""
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return [
            Check(
                "warn",
                f"no database at {path} yet",
                "the bot creates it when it starts, or run `diplobot db upgrade`; if the bot "
                "already ran, this is not its database: check DATABASE_URL / DIPLOBOT_DATA_DIR",
            )
        ], None
    try:
        database = open_database(url, migrate=False)
    except (SQLAlchemyError, ModuleNotFoundError) as exc:
        return [Check("fail", f"cannot open {safe_url(url)}: {exc}", "check DATABASE_URL")], None
    try:
        with database.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        schema = schema_check(current_revision(database.engine), head_revision(database.engine))
        checks = [Check("ok", f"{safe_url(url)} answers"), schema]
        footprint = HealthService(database).footprint() if schema.status == "ok" else None
        return checks, footprint
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        fix = "check that the server runs and DATABASE_URL names it (user, host, database)"
        return [Check("fail", f"{safe_url(url)} does not answer: {reason}", fix)], None
    finally:
        database.dispose()


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser()


def print_section(title: str, checks: Iterable[Check]) -> None:
    print(title)
    for check in checks:
        print(f"  {MARKS[check.status]}  {check.what}")
        if check.fix and check.status != "ok":
            print(f"        fix: {check.fix}")


def run(args: argparse.Namespace) -> int:
    settings = Settings.load()
    url = database_url(args, settings)
    print("Settings (defaults < config file < environment):")
    print("\n".join(settings_lines(settings)))
    print(f"  config file: {settings.config_file or 'none'}")
    print(f"  database in use: {safe_url(url)}")
    found: list[Check] = []
    db_checks, footprint = database_checks(url)
    sections: list[tuple[str, list[Check]]] = [("Database", db_checks)]
    if footprint is not None:
        sections.append(("Time zones", zone_checks(settings.default_timezone, footprint.zones)))
        sections.append(("Feeds", feed_checks(footprint.feeds, settings.feed_allow_hosts)))
    sections.append(("Calendar links", web_checks(settings.web_bind, settings.web_base_url)))
    sections.append(("Discord", _discord(settings, footprint or Footprint(), args.offline)))
    for title, checks in sections:
        print_section(title, checks)
        found += checks
    failures = sum(c.status == "fail" for c in found)
    warnings = sum(c.status == "warn" for c in found)
    if failures:
        print(f"{failures} problem{'s' if failures != 1 else ''} to fix, {warnings} warnings.")
        return EXIT_SOME_FAILED
    print(f"Nothing to fix ({warnings} warnings).")
    return EXIT_OK


def _discord(settings: Settings, footprint: Footprint, offline: bool) -> list[Check]:
    if offline:
        return [Check("warn", "not asked (--offline)")]
    secret = settings.discord_token
    token = secret.get_secret_value().strip() if secret is not None else ""
    if not token:
        return [
            Check(
                "fail",
                "DISCORD_TOKEN is not set",
                "copy the bot's token from the developer portal (Bot > Reset Token) into "
                "DISCORD_TOKEN, or run doctor --offline",
            )
        ]
    return asyncio.run(discord_checks(settings, token, footprint))
