"""A channel's daily digest: what it will get (``/digest show``) and when (``/digest set``).

The preview is the planner's own digest for the channel's local day, so what a member sees
here is what the channel receives; the schedule resolves channel -> server -> default
through :mod:`bot.alerts.prefs`, the same resolver the planner uses.
"""

from __future__ import annotations

from bot.alerts.digests import DigestPlanner, DigestPreview
from bot.alerts.prefs import (
    ChannelDefaults,
    ChannelPrefs,
    check_time_of_day,
    check_timezone,
    prefs_for,
)
from bot.clock import Clock
from bot.services.errors import Refused
from storage.db import Database
from storage.repos import settings as settings_repo


class DigestService:
    """Shows and schedules a channel's digest; one short transaction per call."""

    def __init__(
        self, db: Database, clock: Clock, defaults: ChannelDefaults, planner: DigestPlanner
    ) -> None:
        self._db = db
        self._clock = clock
        self._defaults = defaults
        self._planner = planner

    def show(self, guild_id: int, channel_id: int) -> DigestPreview:
        """Today's digest for the channel, exactly as it is (or will be) posted."""
        return self._planner.preview(guild_id, channel_id)

    def schedule(self, guild_id: int, channel_id: int) -> ChannelPrefs:
        with self._db.session() as session:
            return prefs_for(session, guild_id, channel_id, self._defaults)

    def set(
        self,
        guild_id: int,
        channel_id: int,
        *,
        time: str | None = None,
        timezone: str | None = None,
        enabled: bool | None = None,
        picture: bool | None = None,
    ) -> ChannelPrefs:
        """Set what is given of the channel's own digest: time and zone (validated, and
        together: a time means nothing without its zone), on or off, with or without the
        picture of the next 14 days; its new schedule. Setting a time turns the digest on
        unless ``enabled`` says otherwise."""
        if (time is None) != (timezone is None):
            raise Refused("Give both the time and the time zone (e.g. 08:00 and Europe/Paris).")
        if time is None and enabled is None and picture is None:
            raise Refused("Say what to change: a time and time zone, enabled, or picture.")
        try:
            if time is not None and timezone is not None:
                check_time_of_day(time)
                check_timezone(timezone)
        except ValueError as exc:
            raise Refused(str(exc)) from None
        now = self._clock()
        with self._db.session() as session:
            row = settings_repo.channel_row(session, guild_id, channel_id, now)
            if time is not None:
                row.digest_time, row.timezone = time, timezone
                row.digest_enabled = True if enabled is None else enabled
            elif enabled is not None:
                row.digest_enabled = enabled
            if picture is not None:
                row.digest_picture = picture
            row.updated_at = now
        return self.schedule(guild_id, channel_id)


__all__ = ["DigestService"]
