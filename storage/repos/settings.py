"""Server and channel settings rows: read in bulk for the resolver, written one at a time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import ChannelSettings, GuildSettings


def channel_rows(session: Session, channel_ids: Iterable[int]) -> dict[int, ChannelSettings]:
    ids = list(channel_ids)
    stmt = select(ChannelSettings).where(ChannelSettings.channel_id.in_(ids))
    return {row.channel_id: row for row in session.scalars(stmt)}


def stored_zones(session: Session) -> list[tuple[str, int, str]]:
    """("server" | "channel", id, time zone) of every zone a server or channel set."""
    servers = session.execute(
        select(GuildSettings.guild_id, GuildSettings.timezone).where(
            GuildSettings.timezone.is_not(None)
        )
    )
    channels = session.execute(
        select(ChannelSettings.channel_id, ChannelSettings.timezone).where(
            ChannelSettings.timezone.is_not(None)
        )
    )
    return [("server", int(i), str(z)) for i, z in servers] + [
        ("channel", int(i), str(z)) for i, z in channels
    ]


def notice_channels(session: Session) -> list[tuple[int, int]]:
    """(guild, channel) of every server's admin-notice channel."""
    stmt = select(GuildSettings.guild_id, GuildSettings.admin_notice_channel_id).where(
        GuildSettings.admin_notice_channel_id.is_not(None)
    )
    return [(int(g), int(c)) for g, c in session.execute(stmt)]


def picture_channels(session: Session) -> list[tuple[int, int]]:
    """(guild, channel) of every channel whose digest carries the picture of the weeks."""
    stmt = select(ChannelSettings.guild_id, ChannelSettings.channel_id).where(
        ChannelSettings.digest_picture.is_(True)
    )
    return [(int(g), int(c)) for g, c in session.execute(stmt)]


def guild_rows(session: Session, guild_ids: Iterable[int]) -> dict[int, GuildSettings]:
    ids = sorted(set(guild_ids))
    stmt = select(GuildSettings).where(GuildSettings.guild_id.in_(ids))
    return {row.guild_id: row for row in session.scalars(stmt)}


def guild_row(session: Session, guild_id: int, now: datetime) -> GuildSettings:
    """The server's row, created with the column defaults when it has none yet."""
    row = session.get(GuildSettings, guild_id)
    if row is None:
        row = GuildSettings(guild_id=guild_id, created_at=now, updated_at=now)
        session.add(row)
    return row


def channel_row(session: Session, guild_id: int, channel_id: int, now: datetime) -> ChannelSettings:
    """The channel's row (moved to ``guild_id`` if it was recorded under another server)."""
    row = session.get(ChannelSettings, channel_id)
    if row is None:
        row = ChannelSettings(
            channel_id=channel_id, guild_id=guild_id, created_at=now, updated_at=now
        )
        session.add(row)
    row.guild_id = guild_id
    return row


def admin_channel(session: Session, guild_id: int) -> int | None:
    """Where the server's admins want notices (None: the server's system channel)."""
    row = session.get(GuildSettings, guild_id)
    return row.admin_notice_channel_id if row is not None else None


def version(session: Session) -> tuple[object, ...]:
    """Row counts and newest update times: changes whenever any setting changes."""
    channels = session.execute(
        select(func.count(ChannelSettings.channel_id), func.max(ChannelSettings.updated_at))
    ).one()
    guilds = session.execute(
        select(func.count(GuildSettings.guild_id), func.max(GuildSettings.updated_at))
    ).one()
    return (*channels, *guilds)


__all__ = [
    "admin_channel",
    "channel_row",
    "channel_rows",
    "guild_row",
    "guild_rows",
    "notice_channels",
    "picture_channels",
    "stored_zones",
    "version",
]
