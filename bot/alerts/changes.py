"""The timeline's change hook: alerts and reminders queued in the transaction of the change.

``TimelineService(on_changes=AlertWriter(...))`` calls this inside each article's unit of work,
so an event and the messages it causes are committed together or not at all. The result's
``IngestContext`` says whether to stay quiet (a feed's first read) and which feed channel
also gets the news.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.alerts import kinds, member_dms, reminders
from bot.alerts.matching import Rule, active_rules
from bot.alerts.messages import card_payload
from bot.alerts.prefs import ChannelDefaults, ChannelPrefs, channel_prefs
from bot.clock import Clock
from bot.render import (
    ChangeView,
    change_alert_card,
    event_view,
    new_event_card,
    source_label,
    with_source,
)
from bot.timeline import NOISE_WINDOW, EventChange, IngestResult
from storage.models import ArticleRow, EventRow
from storage.repos import outbox
from storage.repos import settings as settings_repo
from storage.repos import subscriptions as subscription_repo

log = logging.getLogger("diplobot.alerts")

ALERT_FIELDS = frozenset({"date", "end_date", "status"})
# A "new" event that ended this long ago is old news: no alert (it still joins digests' history).
OLD_NEWS = timedelta(days=1)
NOISE_DROPPED = "superseded: the date moved back within a day"
Source = tuple[str, str | None]


def _change_signature(change: EventChange) -> str:
    text = "|".join(f"{c.field}:{c.old}:{c.new}" for c in change.changes)
    text += f"|{change.event.last_changed.isoformat()}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def new_event_payload(row: EventRow, source: Source | None) -> dict[str, Any]:
    card = new_event_card(event_view(row))
    return card_payload(with_source(card, *source) if source else card)


def change_payload(
    row: EventRow,
    changes: Sequence[tuple[str, str | None, str | None]],
    at: datetime,
    source: Source | None,
) -> dict[str, Any]:
    views = [ChangeView(at=at, field=f, old=o, new=n) for f, o, n in changes]
    card = change_alert_card(event_view(row), views)
    return card_payload(with_source(card, *source) if source else card)


class AlertWriter:
    """The timeline's ``on_changes``: alerts and reminders for the channels that match."""

    def __init__(self, clock: Clock, defaults: ChannelDefaults) -> None:
        self._clock = clock
        self._defaults = defaults
        self._cache: tuple[tuple[object, ...], list[Rule], dict[int, ChannelPrefs]] | None = None

    def __call__(self, session: Session, result: IngestResult) -> None:
        touched = [e for e in result.events if e.kind in ("created", "updated")]
        if not touched:
            return
        now = self._clock()
        rules, prefs = self._rules_and_prefs(session)
        source = self._source(session, result)
        quiet, route = result.context.quiet, result.context.route
        for change in touched:
            event = change.event
            if change.kind == "updated" and any(c.field in ALERT_FIELDS for c in change.changes):
                reminders.cancel_stale(session, event, now)
                fields = [c.field for c in change.changes]
                member_dms.follow_change(session, event, fields, now, self._defaults)
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
        version = subscription_repo.version(session) + settings_repo.version(session)
        if self._cache is not None and self._cache[0] == version:
            return self._cache[1], self._cache[2]
        rules = active_rules(session, self._defaults.reminder_offsets)
        prefs = channel_prefs(session, {(r.guild_id, r.channel_id) for r in rules}, self._defaults)
        self._cache = (version, rules, prefs)
        return rules, prefs

    @staticmethod
    def _source(session: Session, result: IngestResult) -> Source | None:
        """The article behind the alert as people name it (its outlet or feed, or the news
        channel and author, with its headline), and its link; never a local path."""
        if result.article_id is None:
            return None
        article = session.get(ArticleRow, result.article_id)
        if article is None:
            return None
        name = source_label(article.source or result.context.source, article.title)
        return (name, article.url or result.context.link)

    def _alert(
        self,
        session: Session,
        channel_id: int,
        guild_id: int,
        subscription_id: int | None,
        change: EventChange,
        now: datetime,
        source: Source | None,
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
            kind=kinds.ALERT,
            payload=payload,
            now=now,
            # A moved date waits out the noise window: a move undone by then is never sent.
            due_at=now + NOISE_WINDOW if change.moved else None,
            event_id=event.id,
            subscription_id=subscription_id,
        )


__all__ = ["ALERT_FIELDS", "AlertWriter", "change_payload", "new_event_payload"]
