"""The periodic reminder pass: every active subscription against the events ahead.

Changes plan their reminders as they happen (``AlertWriter``); this pass covers what no change
announces: a new subscription, a changed time zone, and a start after downtime. It is
idempotent (keys), so running it often, or in two processes at once, is harmless.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.alerts import reminders
from bot.alerts.matching import active_rules
from bot.alerts.prefs import ChannelDefaults, channel_prefs
from bot.clock import Clock
from storage.db import Database
from storage.repos import events as event_repo

log = logging.getLogger("diplobot.alerts")

# Reminders are planned for events starting within this horizon (the longest offset is 30 days).
HORIZON = timedelta(days=35)


@dataclass
class ReminderPlanner:
    """Plans the reminders no change announced (new subscriptions, after downtime)."""

    db: Database
    clock: Clock
    defaults: ChannelDefaults

    def run(self) -> int:
        """Plan every missing reminder; returns how many outbox rows were written."""
        now = self.clock()
        written = 0
        with self.db.session() as session:
            rules = active_rules(session, self.defaults.reminder_offsets)
            if not rules:
                return 0
            prefs = channel_prefs(
                session, {(r.guild_id, r.channel_id) for r in rules}, self.defaults
            )
            events = event_repo.overlapping(
                session, (now - timedelta(days=1)).date(), (now + HORIZON).date()
            )
            known = reminders.known_plans(session, now - timedelta(days=2))
            for event in events:
                if event.status not in reminders.REMINDED_STATUSES:
                    continue
                for rule in rules:
                    if rule.matches(event):
                        zone = prefs[rule.channel_id].zone
                        written += reminders.plan(session, rule, event, zone, now, known=known)
        if written:
            log.info("planned %d reminders", written)
        return written


__all__ = ["HORIZON", "ReminderPlanner"]
