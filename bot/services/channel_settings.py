"""Per-channel digest settings (time of day and IANA time zone), falling back to the server's.

The effective value of each setting is the channel's own, else the server's, else the
process defaults; ``DigestSettings.source`` says which, so members know what to change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.db import Database
from storage.models import ChannelSettings, GuildSettings

Clock = Callable[[], datetime]
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """A channel's effective digest schedule."""

    guild_id: int
    channel_id: int
    time: str
    timezone: str
    enabled: bool
    source: str  # "channel", "server" or "default"


def check_digest(time: str, timezone: str) -> None:
    """ValueError unless ``time`` is ``HH:MM`` (24 h) and ``timezone`` an IANA zone."""
    if not _TIME.match(time):
        raise ValueError(f"{time!r} is not a time of day (HH:MM, 24-hour clock)")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{timezone!r} is not an IANA time zone") from None


class ChannelSettingsService:
    """Reads and writes digest settings; one short transaction per call."""

    def __init__(
        self,
        db: Database,
        *,
        default_time: str = "08:00",
        default_timezone: str = "UTC",
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self._default_time = default_time
        self._default_timezone = default_timezone
        self._clock = clock

    def digest(self, guild_id: int, channel_id: int) -> DigestSettings:
        with self._db.session() as session:
            channel = session.get(ChannelSettings, channel_id)
            guild = session.get(GuildSettings, guild_id)
        if channel is not None and channel.guild_id != guild_id:
            channel = None
        time, timezone, source = self._default_time, self._default_timezone, "default"
        if guild is not None:
            time, timezone, source = guild.digest_time, guild.timezone, "server"
        if channel is not None and (channel.digest_time or channel.timezone):
            time = channel.digest_time or time
            timezone = channel.timezone or timezone
            source = "channel"
        enabled = channel.digest_enabled if channel is not None else True
        return DigestSettings(guild_id, channel_id, time, timezone, enabled, source)

    def set_digest(
        self, guild_id: int, channel_id: int, *, time: str, timezone: str, enabled: bool = True
    ) -> DigestSettings:
        """Set the channel's own digest time and zone (validated)."""
        check_digest(time, timezone)
        now = self._clock()
        with self._db.session() as session:
            row = session.get(ChannelSettings, channel_id)
            if row is None:
                row = ChannelSettings(
                    channel_id=channel_id, guild_id=guild_id, created_at=now, updated_at=now
                )
                session.add(row)
            row.guild_id = guild_id
            row.digest_time = time
            row.timezone = timezone
            row.digest_enabled = enabled
            row.updated_at = now
        return self.digest(guild_id, channel_id)
