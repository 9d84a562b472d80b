"""A channel's effective time zone and digest time: its own, else its server's, else defaults."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import ChannelSettings, GuildSettings


@dataclass(frozen=True, slots=True)
class ChannelPrefs:
    channel_id: int
    zone: ZoneInfo
    digest_time: time
    digest_enabled: bool


def zone_or_utc(name: str | None, fallback: str = "UTC") -> ZoneInfo:
    for candidate in (name, fallback, "UTC"):
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def parse_hhmm(text: str | None, fallback: str = "08:00") -> time:
    for candidate in (text, fallback, "08:00"):
        try:
            hours, minutes = (candidate or "").split(":")
            return time(int(hours), int(minutes))
        except ValueError:
            continue
    return time(8, 0)


def channel_prefs(
    session: Session,
    pairs: Iterable[tuple[int, int]],
    *,
    default_timezone: str = "UTC",
    default_time: str = "08:00",
) -> dict[int, ChannelPrefs]:
    """Prefs for each ``(guild_id, channel_id)``, read in two queries whatever their number."""
    pairs = list(pairs)
    channel_ids = [c for _, c in pairs]
    guild_ids = sorted({g for g, _ in pairs})
    channels = {
        row.channel_id: row
        for row in session.scalars(
            select(ChannelSettings).where(ChannelSettings.channel_id.in_(channel_ids))
        )
    }
    guilds = {
        row.guild_id: row
        for row in session.scalars(
            select(GuildSettings).where(GuildSettings.guild_id.in_(guild_ids))
        )
    }
    out: dict[int, ChannelPrefs] = {}
    for guild_id, channel_id in pairs:
        zone_name, at = default_timezone, default_time
        guild = guilds.get(guild_id)
        if guild is not None:
            zone_name, at = guild.timezone or zone_name, guild.digest_time or at
        channel = channels.get(channel_id)
        enabled = True
        if channel is not None:
            zone_name = channel.timezone or zone_name
            at = channel.digest_time or at
            enabled = channel.digest_enabled
        out[channel_id] = ChannelPrefs(
            channel_id, zone_or_utc(zone_name, default_timezone), parse_hhmm(at), enabled
        )
    return out


__all__ = ["ChannelPrefs", "channel_prefs", "parse_hhmm", "zone_or_utc"]
