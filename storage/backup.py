"""Backing up a SQLite database while the bot runs, with SQLite's online backup API.

The copy is taken in one step, inside one read transaction: in WAL mode the bot keeps
writing meanwhile, and the copy is the database as it was at one instant. It is written
beside the target, checked with ``PRAGMA integrity_check``, and only then renamed into
place, so a failed or interrupted backup never leaves a half file under the target's name.
PostgreSQL has its own tools (``pg_dump``); this module refuses it with a sentence.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from storage.db import Database


class BackupError(Exception):
    """A backup that could not be made; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: Path
    bytes: int
    seconds: float
    integrity: str


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a SQLite file: ``ok``, or the first problem found."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def backup_sqlite(database: Database, target: Path, *, overwrite: bool = False) -> BackupReport:
    """Copy the open SQLite database to ``target`` (one consistent snapshot), checked."""
    if database.dialect != "sqlite":
        raise BackupError(
            f"db backup copies SQLite files; this database is {database.dialect}: "
            "back it up with pg_dump (docs/hosting.md, Backups)"
        )
    target = target.expanduser().absolute()
    if target.exists() and (target.is_dir() or not overwrite):
        what = "a folder" if target.is_dir() else "a file"
        raise BackupError(f"{target} is already {what}; name a new file (or give --overwrite)")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist; create it first")
    partial = target.with_name(f".{target.name}.part")
    started = time.perf_counter()
    source = database.engine.raw_connection()
    try:
        copy = sqlite3.connect(partial)
        try:
            source.driver_connection.backup(copy)  # pages=-1: every page in one step
        finally:
            copy.close()
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the backup to {target} failed ({exc})") from None
    finally:
        source.close()
    verdict = integrity(partial)
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check ({verdict}); nothing was written")
    partial.replace(target)
    return BackupReport(target, target.stat().st_size, time.perf_counter() - started, verdict)


__all__ = ["BackupError", "BackupReport", "backup_sqlite", "integrity"]
