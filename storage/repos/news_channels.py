"""News channels: the channels whose messages are read as news."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import NewsChannel


def all_ids(session: Session) -> set[int]:
    return set(session.scalars(select(NewsChannel.channel_id)))


def every(session: Session) -> list[NewsChannel]:
    return list(session.scalars(select(NewsChannel).order_by(NewsChannel.channel_id)))


def for_guild(session: Session, guild_id: int) -> list[NewsChannel]:
    stmt = select(NewsChannel).where(NewsChannel.guild_id == guild_id)
    return list(session.scalars(stmt))


__all__ = ["all_ids", "every", "for_guild"]
