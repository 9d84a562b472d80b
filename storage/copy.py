"""Copying a whole diplobot database to another one (SQLite to PostgreSQL and back).

Every table of the models, parents before children, with its ids, in one transaction on the
target: the target ends with all of it or none of it. The target must be migrated and
empty; PostgreSQL's id sequences are moved past the copied ids; each table's rows are
counted on both sides before the transaction commits, so a source that changed during the
copy (stop the bot first) is reported, not half copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Integer, Table, func, insert, select

from storage.db import Database
from storage.models import metadata

BATCH = 2_000


class CopyError(Exception):
    """A copy that was refused or undone; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class TableCount:
    table: str
    rows: int


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _copy_table(source: Connection, target: Connection, table: Table, batch: int) -> None:
    order = list(table.primary_key.columns) or list(table.columns)
    result = source.execution_options(yield_per=batch).execute(select(table).order_by(*order))
    for rows in result.partitions():
        target.execute(insert(table), [dict(row._mapping) for row in rows])


def _advance_sequences(target: Connection, tables: Sequence[Table]) -> None:
    """PostgreSQL: the next generated id of each table follows the copied ones."""
    for table in tables:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        sequence = func.pg_get_serial_sequence(table.name, keys[0].name)
        if target.execute(select(sequence)).scalar_one() is None:
            continue
        following = func.coalesce(select(func.max(keys[0])).scalar_subquery(), 0) + 1
        target.execute(select(func.setval(sequence, following, False)))


def copy_database(source: Database, target: Database, *, batch: int = BATCH) -> list[TableCount]:
    """Copy every table of ``source`` into the empty ``target``; the rows copied, per table."""
    tables = list(metadata.sorted_tables)
    with source.engine.connect() as src, target.engine.begin() as dst:
        occupied = [(t.name, n) for t in tables if (n := _count(dst, t))]
        if occupied:
            name, rows = occupied[0]
            raise CopyError(
                f"the target already holds data ({rows:,} rows in {name}); copy only into a "
                "new, empty database"
            )
        for table in tables:
            _copy_table(src, dst, table, batch)
        if target.dialect == "postgresql":
            _advance_sequences(dst, tables)
        counts = [TableCount(t.name, _count(src, t)) for t in tables]
        for table, expected in zip(tables, counts, strict=True):
            copied = _count(dst, table)
            if copied != expected.rows:
                raise CopyError(
                    f"{table.name}: {copied:,} rows copied but the source now has "
                    f"{expected.rows:,}; it changed during the copy. Stop the bot and copy "
                    "again (nothing was written)"
                )
    return counts


__all__ = ["CopyError", "TableCount", "copy_database"]
