"""The timeline's change hook: alerts and reminders queued in the transaction of the change.

``TimelineService(on_changes=AlertWriter(...))`` calls this inside each article's unit of work,
so an event and the messages it causes are committed together or not at all.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.alerts import outbox, reminders
from bot.alerts.matching import DEFAULT_OFFSETS, Rule, active_rules
from bot.alerts.messages import change_payload, new_event_payload
from bot.alerts.prefs import ChannelPrefs, channel_prefs
from bot.alerts.quiet import alerts_are_quiet, current_route
from bot.clock import Clock, utc_now
from bot.timeline import NOISE_WINDOW, EventChange, IngestResult
from storage.models import ArticleRow, ChannelSettings, GuildSettings, Subscription

log = logging.getLogger("diplobot.alerts")

ALERT_FIELDS = frozenset({"date", "end_date", "status"})
# A "new" event that ended this long ago is old news: no alert (it still joins digests' history).
OLD_NEWS = timedelta(days=1)
NOISE_DROPPED = "superseded: the date moved back within a day"


def _change_signature(change: EventChange) -> str:
    text = "|".join(f"{c.field}:{c.old}:{c.new}" for c in change.changes)
    text += f"|{change.event.last_changed.isoformat()}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class AlertWriter:
    """The timeline's ``on_changes``: alerts and reminders for the channels that match."""

    def __init__(
        self,
        clock: Clock = utc_now,
        *,
        default_offsets: Sequence[str] = DEFAULT_OFFSETS,
        default_timezone: str = "UTC",
        default_time: str = "08:00",
    ) -> None:
        self._clock = clock
        self._offsets = tuple(default_offsets)
        self._timezone = default_timezone
        self._time = default_time
        self._cache: tuple[tuple[object, ...], list[Rule], dict[int, ChannelPrefs]] | None = None

    def __call__(self, session: Session, result: IngestResult) -> None:
        touched = [e for e in result.events if e.kind in ("created", "updated")]
        if not touched:
            return
        now = self._clock()
        rules, prefs = self._rules_and_prefs(session)
        source = self._source(session, result.article_id)
        quiet = alerts_are_quiet()
        route = current_route()
        for change in touched:
            event = change.event
            if change.kind == "updated" and any(c.field in ALERT_FIELDS for c in change.changes):
                reminders.cancel_stale(session, event, now)
            if change.noise:  # back where it was within a day: the held move alert is void
                outbox.drop_held_changes(session, event.id, now, reason=NOISE_DROPPED)
            speak = not quiet and not change.noise
            evidence = change.extracted.evidence if change.extracted else ""
            for rule in rules:
                if not rule.matches(event, evidence):
                    continue
                zone = prefs[rule.channel_id].zone
                reminders.plan(session, rule, event, zone, now)
                if speak:
                    self._alert(
                        session, rule.channel_id, rule.guild_id, rule.id, change, now, source
                    )
            if route is not None and speak:
                self._alert(session, route[1], route[0], None, change, now, source)

    def _rules_and_prefs(self, session: Session) -> tuple[list[Rule], dict[int, ChannelPrefs]]:
        """Subscriptions and channel settings, re-read only when they changed.

        Reading 1,000 subscriptions for every article would cost more than the article; a
        version (row counts, newest ids and update times) read in the same transaction says
        when the cached copy is stale.
        """
        version = (
            tuple(
                session.execute(
                    select(
                        func.count(Subscription.id),
                        func.max(Subscription.id),
                        func.max(Subscription.updated_at),
                    )
                ).one()
            )
            + tuple(
                session.execute(
                    select(
                        func.count(ChannelSettings.channel_id), func.max(ChannelSettings.updated_at)
                    )
                ).one()
            )
            + tuple(
                session.execute(
                    select(func.count(GuildSettings.guild_id), func.max(GuildSettings.updated_at))
                ).one()
            )
        )
        if self._cache is not None and self._cache[0] == version:
            return self._cache[1], self._cache[2]
        rules = active_rules(session, self._offsets)
        prefs = channel_prefs(
            session,
            {(r.guild_id, r.channel_id) for r in rules},
            default_timezone=self._timezone,
            default_time=self._time,
        )
        self._cache = (version, rules, prefs)
        return rules, prefs

    @staticmethod
    def _source(session: Session, article_id: int | None) -> tuple[str, str | None] | None:
        if article_id is None:
            return None
        article = session.get(ArticleRow, article_id)
        if article is None:
            return None
        return (article.title or article.source or article.ref or "article", article.url)

    def _alert(
        self,
        session: Session,
        channel_id: int,
        guild_id: int,
        subscription_id: int | None,
        change: EventChange,
        now: datetime,
        source: tuple[str, str | None] | None,
    ) -> None:
        event = change.event
        if change.kind == "created":
            if event.end_day < (now - OLD_NEWS).date():
                return
            key = f"alert:new:{channel_id}:{event.id}"
            payload = new_event_payload(event, source)
        else:
            fields = [c for c in change.changes if c.field in ALERT_FIELDS]
            if not fields:
                return
            key = f"alert:chg:{channel_id}:{event.id}:{_change_signature(change)}"
            payload = change_payload(event, [(c.field, c.old, c.new) for c in fields], now, source)
        if subscription_id is None:
            payload["route"] = "feed"  # a feed's own channel: no subscription behind it
        outbox.enqueue(
            session,
            key=key,
            channel_id=channel_id,
            guild_id=guild_id,
            kind=outbox.KIND_ALERT,
            payload=payload,
            now=now,
            # A moved date waits out the noise window: a move undone by then is never sent.
            due_at=now + NOISE_WINDOW if change.moved else None,
            event_id=event.id,
            subscription_id=subscription_id,
        )


__all__ = ["ALERT_FIELDS", "AlertWriter"]
