"""The periodic reminder pass: every active subscription against the events ahead.

Changes plan their reminders as they happen (``AlertWriter``); this pass covers what no change
announces: a new subscription, a changed time zone, and a start after downtime. It is
idempotent (keys), so running it often, or in two processes at once, is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select

from bot.alerts import reminders
from bot.alerts.matching import DEFAULT_OFFSETS, active_rules
from bot.alerts.prefs import channel_prefs
from bot.clock import Clock, utc_now
from storage.db import Database
from storage.models import EventRow

log = logging.getLogger("diplobot.alerts")

# Reminders are planned for events starting within this horizon (the longest offset is 30 days).
HORIZON = timedelta(days=35)


class ReminderPlanner:
    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        *,
        default_offsets: Sequence[str] = DEFAULT_OFFSETS,
        default_timezone: str = "UTC",
    ) -> None:
        self._db = db
        self._clock = clock
        self._offsets = tuple(default_offsets)
        self._timezone = default_timezone

    def run(self) -> int:
        """Plan every missing reminder; returns how many outbox rows were written."""
        now = self._clock()
        written = 0
        with self._db.session() as session:
            rules = active_rules(session, self._offsets)
            if not rules:
                return 0
            prefs = channel_prefs(
                session,
                {(r.guild_id, r.channel_id) for r in rules},
                default_timezone=self._timezone,
            )
            events = list(
                session.scalars(
                    select(EventRow).where(
                        EventRow.status.in_(sorted(reminders.REMINDED_STATUSES)),
                        EventRow.end_day >= (now - timedelta(days=1)).date(),
                        EventRow.start_day <= (now + HORIZON).date(),
                    )
                )
            )
            known = reminders.known_plans(session, now - timedelta(days=2))
            for event in events:
                for rule in rules:
                    if rule.matches(event):
                        zone = prefs[rule.channel_id].zone
                        written += reminders.plan(session, rule, event, zone, now, known=known)
        if written:
            log.info("planned %d reminders", written)
        return written


__all__ = ["HORIZON", "ReminderPlanner"]
