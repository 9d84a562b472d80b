"""``INSERT ... ON CONFLICT DO NOTHING`` for whichever backend the session is on."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert


def insert_ignore(session: Session, table: Any) -> Insert:
    """An INSERT that skips rows whose unique key exists (a normal outcome, not an error)."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    raise NotImplementedError(f"unsupported database backend {name!r}: use SQLite or PostgreSQL")
