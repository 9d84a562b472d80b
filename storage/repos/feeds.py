"""Feeds and the entries taken from them: schedule, validators, back-off, seen keys."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from storage.models import Feed, FeedEntrySeen
from storage.repos.dialect import insert_ignore


def due_ids(session: Session, now: datetime, *, every: bool = False) -> list[int]:
    """Enabled feeds whose next poll has passed (``every``: all enabled feeds), soonest first."""
    stmt = select(Feed.id).where(Feed.disabled.is_(False)).order_by(Feed.next_poll, Feed.id)
    if not every:
        stmt = stmt.where(or_(Feed.next_poll.is_(None), Feed.next_poll <= now))
    return [int(i) for i in session.scalars(stmt)]


def every(session: Session) -> list[Feed]:
    return list(session.scalars(select(Feed).order_by(Feed.guild_id, Feed.id)))


def for_guild(session: Session, guild_id: int) -> list[Feed]:
    return list(session.scalars(select(Feed).where(Feed.guild_id == guild_id).order_by(Feed.id)))


def by_url(session: Session, guild_id: int, url: str) -> Feed | None:
    return session.scalar(select(Feed).where(Feed.guild_id == guild_id, Feed.url == url))


def count_for_guild(session: Session, guild_id: int) -> int:
    stmt = select(func.count()).select_from(Feed).where(Feed.guild_id == guild_id)
    return int(session.scalar(stmt) or 0)


def with_errors(session: Session, guild_id: int | None) -> list[Feed]:
    """Feeds whose last poll failed or that were switched off after failing (all servers'
    when ``guild_id`` is None)."""
    stmt = select(Feed).where(or_(Feed.last_error.is_not(None), Feed.disabled.is_(True)))
    if guild_id is not None:
        stmt = stmt.where(Feed.guild_id == guild_id)
    return list(session.scalars(stmt.order_by(Feed.id)))


def update_feed(session: Session, feed_id: int, **values: Any) -> None:
    session.execute(update(Feed).where(Feed.id == feed_id).values(**values))


def seen_keys(session: Session, feed_id: int, keys: Sequence[str]) -> set[str]:
    """Of ``keys``, the entries already taken from this feed."""
    stmt = select(FeedEntrySeen.entry_key).where(
        FeedEntrySeen.feed_id == feed_id, FeedEntrySeen.entry_key.in_(list(keys))
    )
    return set(session.scalars(stmt))


def mark_seen(
    session: Session, feed_id: int, entry_key: str, article_id: int | None, now: datetime
) -> None:
    session.execute(
        insert_ignore(session, FeedEntrySeen.__table__).values(
            feed_id=feed_id, entry_key=entry_key, article_id=article_id, seen_at=now
        )
    )


__all__ = [
    "by_url",
    "count_for_guild",
    "due_ids",
    "every",
    "for_guild",
    "mark_seen",
    "seen_keys",
    "update_feed",
    "with_errors",
]
