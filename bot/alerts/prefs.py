"""The one settings resolver: a channel's own value, else its server's, else the defaults.

The defaults come from the settings (``ChannelDefaults.from_settings``) and nowhere else;
the alert writer, the planners, ``/digest show`` and ``/digest set`` all resolve through
:func:`resolve`, so a channel's digest time means the same thing everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from storage.models import ChannelSettings, GuildSettings
from storage.repos import settings as settings_repo

if TYPE_CHECKING:
    from config.settings import Settings

Source = Literal["channel", "server", "default"]
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class ChannelDefaults:
    """What a channel gets when neither it nor its server set anything (from the settings)."""

    timezone: str
    digest_time: str
    reminder_offsets: tuple[str, ...]

    @classmethod
    def from_settings(cls, settings: Settings) -> ChannelDefaults:
        return cls(
            timezone=settings.default_timezone,
            digest_time=settings.default_digest_time,
            reminder_offsets=tuple(settings.default_reminder_offsets),
        )


@dataclass(frozen=True, slots=True)
class ChannelPrefs:
    """A channel's effective time zone and digest schedule, and where each came from."""

    guild_id: int
    channel_id: int
    timezone: str
    time: str
    digest_enabled: bool
    source: Source
    zone: ZoneInfo
    digest_time: time
    picture: bool = False  # the digest carries a picture of the next 14 days (channel only)


def check_time_of_day(text: str) -> time:
    """``HH:MM`` on the 24-hour clock; ValueError says what to type."""
    match = _HHMM.match(text or "")
    if match is None:
        raise ValueError(f"{text!r} is not a time of day (HH:MM, 24-hour clock)")
    return time(int(match[1]), int(match[2]))


def check_timezone(name: str) -> ZoneInfo:
    """An IANA time zone; ValueError says what to type."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not an IANA time zone") from None


def zone_or_utc(name: str | None, fallback: str = "UTC") -> ZoneInfo:
    """A stored zone name as a zone; an unreadable one falls back rather than stopping a pass."""
    for candidate in (name, fallback):
        if candidate:
            try:
                return check_timezone(candidate)
            except ValueError:
                continue
    return ZoneInfo("UTC")


def _time_or(text: str, fallback: str) -> time:
    try:
        return check_time_of_day(text)
    except ValueError:
        return check_time_of_day(fallback)


def resolve(
    guild_id: int,
    channel_id: int,
    channel: ChannelSettings | None,
    guild: GuildSettings | None,
    defaults: ChannelDefaults,
) -> ChannelPrefs:
    """Channel over server over defaults, field by field; a row of another server is ignored."""
    if channel is not None and channel.guild_id != guild_id:
        channel = None
    zone_name, at, source = defaults.timezone, defaults.digest_time, "default"
    if guild is not None and (guild.timezone or guild.digest_time):
        zone_name, at = guild.timezone or zone_name, guild.digest_time or at
        source = "server"
    enabled, picture = True, False
    if channel is not None:
        picture = bool(channel.digest_picture)
        if channel.timezone or channel.digest_time:
            zone_name, at = channel.timezone or zone_name, channel.digest_time or at
            source = "channel"
        enabled = channel.digest_enabled
    return ChannelPrefs(
        guild_id,
        channel_id,
        zone_name,
        at,
        enabled,
        source,  # type: ignore[arg-type]
        zone_or_utc(zone_name, defaults.timezone),
        _time_or(at, defaults.digest_time),
        picture,
    )


def channel_prefs(
    session: Session, pairs: Iterable[tuple[int, int]], defaults: ChannelDefaults
) -> dict[int, ChannelPrefs]:
    """Prefs for each ``(guild_id, channel_id)``, read in two queries whatever their number."""
    pairs = list(pairs)
    channels = settings_repo.channel_rows(session, [c for _, c in pairs])
    guilds = settings_repo.guild_rows(session, [g for g, _ in pairs])
    return {
        channel_id: resolve(
            guild_id, channel_id, channels.get(channel_id), guilds.get(guild_id), defaults
        )
        for guild_id, channel_id in pairs
    }


def prefs_for(
    session: Session, guild_id: int, channel_id: int, defaults: ChannelDefaults
) -> ChannelPrefs:
    return channel_prefs(session, [(guild_id, channel_id)], defaults)[channel_id]


__all__ = [
    "ChannelDefaults",
    "ChannelPrefs",
    "channel_prefs",
    "check_time_of_day",
    "check_timezone",
    "prefs_for",
    "resolve",
    "zone_or_utc",
]
