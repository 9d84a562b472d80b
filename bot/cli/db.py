"""``diplobot db upgrade|current|backup|copy|recheck``, the ``--db`` option every storage
command shares, and the app those commands work through (:func:`open_app`: the composition
root over that database)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from bot.app import App, build_app
from bot.cli.options import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from bot.clock import SystemClock
from bot.services.errors import Refused, sentence
from config.settings import Settings, database_url_problem, hide_password
from storage.db import Database, normalise_url, open_database, prepare_data_dir


def database_argument(text: str) -> str:
    """``--db``'s check: the same rules as ``DATABASE_URL`` (a usage error, exit 2)."""
    problem = database_url_problem(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{hide_password(text)!r}: {problem}")
    return text


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        type=database_argument,
        help="database URL (default: DATABASE_URL, else diplobot.db in the data folder; "
        "`diplobot doctor` says which)",
    )


def database_url(args: argparse.Namespace, settings: Settings | None = None) -> str:
    """The database the command works on: ``--db``, else the settings' (``DATABASE_URL`` or
    the SQLite file in the data folder)."""
    if getattr(args, "db", None):
        return str(args.db)
    return (settings or Settings.load()).sqlalchemy_url


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    return hide_password(url)


def open_url(url: str, prog: str, *, migrate: bool = True) -> Database | None:
    """Open (and migrate) the database at ``url``, or print a sentence saying what is wrong."""
    try:
        return open_database(url, migrate=migrate)
    except ArgumentError:
        print(f"{prog}: {safe_url(url)!r} is not a database URL", file=sys.stderr)
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


def open_from_args(args: argparse.Namespace, prog: str, *, migrate: bool = True) -> Database | None:
    """Open (and migrate) the command's database (``--db``, else the settings'), or print a
    sentence saying what is wrong and return None."""
    settings = Settings.load()
    if not getattr(args, "db", None) and settings.uses_default_database:
        try:
            prepare_data_dir(settings.data_dir)
        except OSError as exc:
            print(
                f"{prog}: cannot create the data folder {settings.data_dir} ({exc.strerror}); "
                "set DIPLOBOT_DATA_DIR to a folder this user may write, or DATABASE_URL",
                file=sys.stderr,
            )
            return None
    return open_url(database_url(args, settings), prog, migrate=migrate)


def open_app(args: argparse.Namespace, prog: str) -> App | None:
    """The app over the database the arguments name, queueing messages without sending them
    (the bot process sends); None after a sentence saying why the database can't be opened.
    Close it with ``app.database.dispose()``."""
    database = open_from_args(args, prog)
    if database is None:
        return None
    return build_app(Settings.load(), database, SystemClock(), None)


def with_app(args: argparse.Namespace, prog: str, work: Callable[[App], int]) -> int:
    """Open the app, run ``work(app)`` and close it; a service's refusal is printed as a
    sentence (exit 1), as the Discord error handler answers it."""
    app = open_app(args, prog)
    if app is None:
        return EXIT_SOME_FAILED
    try:
        return work(app)
    except Refused as exc:
        print(f"{prog}: {sentence(str(exc))}", file=sys.stderr)
        return EXIT_SOME_FAILED
    finally:
        asyncio.run(app.close())
        app.database.dispose()


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "db",
        help="the database: migrations, backups, copies to another database, rechecks",
        description="Look after the database: apply migrations (also done when the bot "
        "starts), back it up while the bot runs, copy it to another database (SQLite to "
        "PostgreSQL and back), split events older merge rules joined.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="apply every migration")
    upgrade.set_defaults(func=run_schema)
    current = actions.add_parser("current", help="show the schema's revision")
    current.set_defaults(func=run_schema)
    backup = actions.add_parser(
        "backup",
        help="copy the SQLite database to a file, consistently, while the bot runs",
        description="Copy the SQLite database with SQLite's online backup API: one "
        "consistent snapshot, taken while the bot keeps writing, checked with "
        "PRAGMA integrity_check before it is renamed into place.",
    )
    backup.add_argument("path", type=Path, help="the backup file to write")
    backup.add_argument("--overwrite", action="store_true", help="replace an existing file")
    backup.set_defaults(func=run_backup)
    copy = actions.add_parser(
        "copy",
        help="copy everything to another, empty database (SQLite <-> PostgreSQL)",
        description="Copy every table, ids included, into an empty database (migrated "
        "first), in one transaction, and check the row counts. Stop the bot before.",
    )
    copy.add_argument(
        "--to", required=True, metavar="URL", type=database_argument, help="the target database"
    )
    copy.set_defaults(func=run_copy)
    recheck = actions.add_parser(
        "recheck", help="split events older merge rules joined, alerting nobody"
    )
    recheck.add_argument("--dry-run", action="store_true", help="only report")
    recheck.set_defaults(func=run_recheck)
    for action in (upgrade, current, backup, copy, recheck):
        add_database_option(action)


def run_schema(args: argparse.Namespace) -> int:
    from storage.migrate import current_revision, head_revision

    database = open_from_args(args, "diplobot db", migrate=args.action == "upgrade")
    if database is None:
        return EXIT_SOME_FAILED
    try:
        current = current_revision(database.engine)
        head = head_revision(database.engine)
        print(f"{safe_url(database_url(args))}: schema at revision {current} (latest {head})")
    finally:
        database.dispose()
    return EXIT_OK


def run_backup(args: argparse.Namespace) -> int:
    from storage.backup import BackupError, backup_sqlite

    database = open_from_args(args, "diplobot db backup")
    if database is None:
        return EXIT_SOME_FAILED
    try:
        report = backup_sqlite(database, args.path, overwrite=args.overwrite)
    except BackupError as exc:
        print(f"diplobot db backup: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    finally:
        database.dispose()
    print(
        f"backed up {safe_url(database_url(args))} to {report.path}: {report.bytes:,} bytes "
        f"in {report.seconds:.1f} s, integrity check {report.integrity}"
    )
    return EXIT_OK


def run_copy(args: argparse.Namespace) -> int:
    from storage.copy import CopyError, copy_database

    prog = "diplobot db copy"
    source_url = database_url(args)
    if normalise_url(source_url) == normalise_url(args.to):
        print(f"{prog}: --to names the database being copied; name another", file=sys.stderr)
        return EXIT_USAGE
    source = open_from_args(args, prog)
    if source is None:
        return EXIT_SOME_FAILED
    target = open_url(args.to, prog)
    if target is None:
        source.dispose()
        return EXIT_SOME_FAILED
    try:
        counts = copy_database(source, target)
    except CopyError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    finally:
        source.dispose()
        target.dispose()
    rows = sum(c.rows for c in counts)
    print(f"copied {rows:,} rows from {safe_url(source_url)} to {safe_url(args.to)}:")
    for count in counts:
        print(f"  {count.table:<24} {count.rows:>10,}  (same count on both sides)")
    return EXIT_OK


def run_recheck(args: argparse.Namespace) -> int:
    """The command: open (and migrate) the database, recheck, print what was done."""
    from bot.services.recheck import MAX_LISTED, Rechecker

    database = open_from_args(args, "diplobot db recheck")
    if database is None:
        return EXIT_SOME_FAILED
    try:
        report = Rechecker(database, clock=SystemClock(), dry_run=args.dry_run).run()
    finally:
        database.dispose()
    print("\n".join(report.lines(dry_run=args.dry_run)))
    for event_id, new_ids in report.splits[:MAX_LISTED]:
        print(f"  event {event_id} -> also " + ", ".join(f"event {i}" for i in new_ids))
    if len(report.splits) > MAX_LISTED:
        print(f"  ... and {len(report.splits) - MAX_LISTED:,} more")
    return EXIT_OK
