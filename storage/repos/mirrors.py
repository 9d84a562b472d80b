"""Scheduled-event mirrors: which Discord scheduled event mirrors which timeline event."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import GuildSettings, ScheduledEventMirror


def mirroring_guilds(session: Session) -> dict[int, GuildSettings]:
    """The servers that opted in, with their settings."""
    stmt = select(GuildSettings).where(GuildSettings.mirror_scheduled_events.is_(True))
    return {g.guild_id: g for g in session.scalars(stmt)}


def live_outside(session: Session, guild_ids: Iterable[int]) -> list[ScheduledEventMirror]:
    """Mirrors still live in servers other than ``guild_ids`` (they turned mirroring off)."""
    stmt = select(ScheduledEventMirror).where(
        ScheduledEventMirror.guild_id.not_in(list(guild_ids)),
        ScheduledEventMirror.synced_status != "cancelled",
        ScheduledEventMirror.discord_event_id.is_not(None),
    )
    return list(session.scalars(stmt))


def of_guilds(
    session: Session, guild_ids: Iterable[int]
) -> dict[tuple[int, int], ScheduledEventMirror]:
    stmt = select(ScheduledEventMirror).where(ScheduledEventMirror.guild_id.in_(list(guild_ids)))
    return {(m.guild_id, m.event_id): m for m in session.scalars(stmt)}


def record(
    session: Session,
    guild_id: int,
    event_id: int,
    discord_event_id: int | None,
    *,
    date: str,
    status: str,
    now: datetime,
) -> None:
    """What was made (or changed) in Discord for this event."""
    row = session.get(ScheduledEventMirror, (guild_id, event_id))
    if row is None:
        row = ScheduledEventMirror(guild_id=guild_id, event_id=event_id, updated_at=now)
        session.add(row)
    if discord_event_id is not None:
        row.discord_event_id = discord_event_id
    row.synced_date = date
    row.synced_status = status
    row.updated_at = now


def forget_guild(session: Session, guild_id: int) -> None:
    session.execute(delete(ScheduledEventMirror).where(ScheduledEventMirror.guild_id == guild_id))


__all__ = ["forget_guild", "live_outside", "mirroring_guilds", "of_guilds", "record"]
