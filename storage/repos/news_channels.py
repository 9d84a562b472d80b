"""News channels (the channels whose messages are read as news), how far each was read, and
the messages whose reading failed and waits for another try."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage.models import NewsChannel, NewsRetry


def all_ids(session: Session) -> set[int]:
    return set(session.scalars(select(NewsChannel.channel_id)))


def every(session: Session) -> list[NewsChannel]:
    return list(session.scalars(select(NewsChannel).order_by(NewsChannel.channel_id)))


def for_guild(session: Session, guild_id: int) -> list[NewsChannel]:
    stmt = select(NewsChannel).where(NewsChannel.guild_id == guild_id)
    return list(session.scalars(stmt))


def mark_read(session: Session, channel_id: int, message_id: int) -> None:
    """Remember ``message_id`` as read, unless a later message of the channel already was."""
    session.execute(
        update(NewsChannel)
        .where(
            NewsChannel.channel_id == channel_id,
            or_(NewsChannel.last_message_id.is_(None), NewsChannel.last_message_id < message_id),
        )
        .values(last_message_id=message_id)
    )


def due_retries(session: Session, now: datetime, limit: int) -> list[NewsRetry]:
    """Messages waiting for another try whose time has come, oldest first."""
    stmt = (
        select(NewsRetry)
        .where(NewsRetry.gave_up_at.is_(None), NewsRetry.next_attempt <= now)
        .order_by(NewsRetry.next_attempt, NewsRetry.message_id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def forget_retry(session: Session, message_id: int) -> None:
    session.execute(delete(NewsRetry).where(NewsRetry.message_id == message_id))


def count_unread(session: Session, guild_id: int | None) -> int:
    """Messages given up on after every try."""
    stmt = select(func.count()).select_from(NewsRetry).where(NewsRetry.gave_up_at.is_not(None))
    if guild_id is not None:
        stmt = stmt.where(NewsRetry.guild_id == guild_id)
    return int(session.scalar(stmt) or 0)


__all__ = [
    "all_ids",
    "count_unread",
    "due_retries",
    "every",
    "for_guild",
    "forget_retry",
    "mark_read",
]
