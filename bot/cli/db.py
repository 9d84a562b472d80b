"""``diplobot db upgrade|current``, the ``--db`` option every storage command shares, and the
app those commands work through (:func:`open_app`: the composition root over that database)."""

from __future__ import annotations

import argparse
import sys

from alembic.util import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from bot.app import App, build_app
from bot.clock import SystemClock
from config.settings import Settings
from storage.db import Database, open_database


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL (default: DATABASE_URL, else data/diplobot.db)",
    )


def database_url(args: argparse.Namespace) -> str:
    if getattr(args, "db", None):
        return str(args.db)
    return Settings.load().sqlalchemy_url


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def open_from_args(args: argparse.Namespace, prog: str, *, migrate: bool = True) -> Database | None:
    """Open (and migrate) the database, or print a sentence saying what is wrong and return None."""
    return open_or_explain(database_url(args), prog, migrate=migrate)


def open_or_explain(url: str, prog: str, *, migrate: bool = True) -> Database | None:
    """Open (and migrate) the database at ``url``, or print one sentence saying what is wrong
    and return None."""
    try:
        return open_database(url, migrate=migrate)
    except ArgumentError:
        print(
            f"{prog}: {safe_url(url)!r} is not a database URL "
            "(try sqlite:///path/to/file.db or postgresql://user@host/db)",
            file=sys.stderr,
        )
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"{prog}: cannot open the database {safe_url(url)}: {reason}", file=sys.stderr)
    except ModuleNotFoundError as exc:
        print(
            f"{prog}: no driver for {safe_url(url)} ({exc.name} is not installed)", file=sys.stderr
        )
    except CommandError as exc:  # e.g. a schema newer than this diplobot knows
        print(
            f"{prog}: the database {safe_url(url)} cannot be brought up to date: {exc}; "
            "is it from a newer diplobot?",
            file=sys.stderr,
        )
    except (SQLAlchemyError, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"{prog}: cannot open the database {safe_url(url)}: {reason}", file=sys.stderr)
    return None


def open_app(args: argparse.Namespace, prog: str) -> App | None:
    """The app over the database the arguments name, queueing messages without sending them
    (the bot process sends); None after a sentence saying why the database can't be opened.
    Close it with ``app.database.dispose()``."""
    database = open_from_args(args, prog)
    if database is None:
        return None
    return build_app(Settings.load(), database, SystemClock(), None)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "db",
        help="database schema: upgrade to the latest migration, or show the current one",
        description="Apply Alembic migrations (also done automatically when the bot starts).",
    )
    parser.add_argument(
        "action",
        choices=["upgrade", "current", "recheck"],
        help="what to do (recheck: split events older merge rules joined, alerting nobody)",
    )
    parser.add_argument("--dry-run", action="store_true", help="recheck: only report")
    add_database_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from storage.migrate import current_revision, head_revision

    if args.action == "recheck":
        return run_recheck(args)
    database = open_from_args(args, "diplobot db", migrate=args.action == "upgrade")
    if database is None:
        return 1
    try:
        current = current_revision(database.engine)
        head = head_revision(database.engine)
        print(f"{safe_url(database_url(args))}: schema at revision {current} (latest {head})")
    finally:
        database.dispose()
    return 0


def run_recheck(args: argparse.Namespace) -> int:
    """The command: open (and migrate) the database, recheck, print what was done."""
    from bot.clock import SystemClock
    from bot.services.recheck import MAX_LISTED, Rechecker

    database = open_from_args(args, "diplobot db recheck")
    if database is None:
        return 1
    try:
        report = Rechecker(database, clock=SystemClock(), dry_run=args.dry_run).run()
    finally:
        database.dispose()
    print("\n".join(report.lines(dry_run=args.dry_run)))
    for event_id, new_ids in report.splits[:MAX_LISTED]:
        print(f"  event {event_id} -> also " + ", ".join(f"event {i}" for i in new_ids))
    if len(report.splits) > MAX_LISTED:
        print(f"  ... and {len(report.splits) - MAX_LISTED:,} more")
    return 0
