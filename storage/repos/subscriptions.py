"""Subscriptions: what a channel wants, read by the alerts and changed through the services."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import Subscription


def active(session: Session, *, channels: Iterable[int] | None = None) -> list[Subscription]:
    """Every subscription that is not paused, oldest first (optionally of some channels)."""
    stmt = select(Subscription).where(Subscription.paused.is_(False)).order_by(Subscription.id)
    if channels is not None:
        stmt = stmt.where(Subscription.channel_id.in_(list(channels)))
    return list(session.scalars(stmt))


def places(session: Session) -> list[tuple[int, int, bool]]:
    """(guild, channel, paused) of every channel with a subscription, for `diplobot doctor`."""
    stmt = (
        select(Subscription.guild_id, Subscription.channel_id, func.min(Subscription.paused))
        .group_by(Subscription.guild_id, Subscription.channel_id)
        .order_by(Subscription.guild_id, Subscription.channel_id)
    )
    return [(int(g), int(c), bool(p)) for g, c, p in session.execute(stmt)]


def for_guild(session: Session, guild_id: int) -> list[Subscription]:
    stmt = (
        select(Subscription)
        .where(Subscription.guild_id == guild_id)
        .order_by(Subscription.channel_id, Subscription.id)
    )
    return list(session.scalars(stmt))


def for_channel(session: Session, guild_id: int, channel_id: int) -> list[Subscription]:
    stmt = select(Subscription).where(
        Subscription.guild_id == guild_id, Subscription.channel_id == channel_id
    )
    return list(session.scalars(stmt))


def count_for_guild(session: Session, guild_id: int) -> int:
    stmt = select(func.count()).select_from(Subscription).where(Subscription.guild_id == guild_id)
    return int(session.scalar(stmt) or 0)


def first_subscribed(session: Session) -> dict[int, datetime]:
    """When each channel's oldest active subscription was made."""
    first: dict[int, datetime] = {}
    stmt = select(Subscription.channel_id, Subscription.created_at).where(
        Subscription.paused.is_(False)
    )
    for channel_id, created in session.execute(stmt):
        first[channel_id] = min(created, first.get(channel_id, created))
    return first


def gone_or_paused(session: Session, ids: Iterable[int]) -> set[int]:
    """Of ``ids``, the subscriptions that were removed or are paused."""
    wanted = set(ids)
    found = session.execute(
        select(Subscription.id, Subscription.paused).where(Subscription.id.in_(list(wanted)))
    ).all()
    return {i for i, paused in found if paused} | (wanted - {i for i, _ in found})


def pause_channel(session: Session, channel_id: int, reason: str, now: datetime) -> int:
    """Pause the channel's active subscriptions; returns how many were paused."""
    stmt = (
        update(Subscription)
        .where(Subscription.channel_id == channel_id, Subscription.paused.is_(False))
        .values(paused=True, paused_reason=reason[:500], updated_at=now)
    )
    return int(session.execute(stmt).rowcount or 0)


def version(session: Session) -> tuple[object, ...]:
    """Row count, newest id and newest update: changes whenever any subscription changes."""
    return tuple(
        session.execute(
            select(
                func.count(Subscription.id),
                func.max(Subscription.id),
                func.max(Subscription.updated_at),
            )
        ).one()
    )


__all__ = [
    "active",
    "count_for_guild",
    "first_subscribed",
    "for_channel",
    "for_guild",
    "gone_or_paused",
    "pause_channel",
    "places",
    "version",
]
