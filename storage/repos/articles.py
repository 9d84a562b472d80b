"""Articles: idempotent insertion by key and bulk key look-ups."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import ArticleRow
from storage.repos.dialect import insert_ignore

KEY_CHUNK = 500  # stays under SQLite's bound-parameter limit


def known_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """The subset of ``keys`` already stored, in a few ``IN`` queries."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for i in range(0, len(wanted), KEY_CHUNK):
        chunk = wanted[i : i + KEY_CHUNK]
        found.update(session.scalars(select(ArticleRow.key).where(ArticleRow.key.in_(chunk))))
    return found


def undated_keys(session: Session, keys: Iterable[str]) -> set[str]:
    """The subset of ``keys`` stored without a publication date (they may be dated later)."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for i in range(0, len(wanted), KEY_CHUNK):
        chunk = wanted[i : i + KEY_CHUNK]
        found.update(
            session.scalars(
                select(ArticleRow.key).where(
                    ArticleRow.key.in_(chunk), ArticleRow.published.is_(None)
                )
            )
        )
    return found


def date_if_undated(
    session: Session, *, key: str, published: date, event_count: int = 0
) -> int | None:
    """Give a stored undated article its date and return its id; None when it has one already.

    One conditional UPDATE, so of two processes dating the same article only one re-reads it.
    """
    table = ArticleRow.__table__
    stmt = (
        update(table)
        .where(table.c.key == key, table.c.published.is_(None))
        .values(published=published, event_count=event_count)
        .returning(table.c.id)
    )
    return session.connection().execute(stmt).scalar_one_or_none()


def insert_if_new(
    session: Session,
    *,
    key: str,
    ingested_at: datetime,
    ref: str = "",
    title: str = "",
    source: str = "",
    url: str | None = None,
    published: date | None = None,
    event_count: int = 0,
) -> int | None:
    """Insert the article and return its id, or None when its key is already stored.

    The unique key decides, so two processes ingesting the same article at once store it once.
    Runs as a Core statement on the session's connection: this is the hot path of a bulk ingest.
    """
    table = ArticleRow.__table__
    stmt = (
        insert_ignore(session, table)
        .values(
            key=key,
            ref=ref[:300],
            title=title[:500],
            source=source[:200],
            url=url[:2000] if url else None,
            published=published,
            ingested_at=ingested_at,
            event_count=event_count,
        )
        .returning(table.c.id)
    )
    return session.connection().execute(stmt).scalar_one_or_none()


def get_by_key(session: Session, key: str) -> ArticleRow | None:
    return session.scalars(select(ArticleRow).where(ArticleRow.key == key)).one_or_none()
