"""Daily digests: one per subscribed channel per local day, at the channel's local time.

A pass (every minute) looks at each channel's clock with ``zoneinfo``: once the local time
has reached its digest time, and no digest exists for that local date, the digest is written
to the outbox together with a ``digest_run`` row whose primary key (channel, local date)
makes it once per day, also across processes. Because the test is "local time reached, day
not over", a digest missed while the bot was down goes out once when it returns the same
local day, and a day whose local midnight passed is skipped. DST needs nothing special:
the digest time is computed on the local wall clock each day.

:func:`digest_card` is the one digest: the planner queues it and ``/digest show`` shows it
(:meth:`DigestPlanner.preview`), so a channel sees beforehand exactly what it will get.
A channel that asked for it (``/digest set picture:on``) also gets the picture of the next
14 days (:func:`digest_picture`), stored in the row as its layout and drawn when sent.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.alerts import kinds
from bot.alerts.matching import Rule, active_rules
from bot.alerts.messages import card_payload
from bot.alerts.prefs import ChannelDefaults, ChannelPrefs, channel_prefs
from bot.clock import Clock
from bot.render import Card, change_text, clip, digest_card, event_title, event_view
from bot.render.picture import WINDOW_DAYS, Picture, plan_picture
from bot.timeline import NOISE
from storage.db import Database
from storage.models import EventHistory, EventRow
from storage.repos import digests as digest_repo
from storage.repos import events as event_repo
from storage.repos import outbox
from storage.repos import subscriptions as subscription_repo

log = logging.getLogger("diplobot.alerts")

WEEK = timedelta(days=7)
# What the planner reads ahead: the week of "Coming up", or the picture's 14 days.
AHEAD = max(WEEK, timedelta(days=WINDOW_DAYS - 1))
CHANGE_FIELDS = ("date", "end_date", "status")
BATCH = 200
MAX_LINES = 15
# "Coming up" lists only events still expected: one reported as having taken place (or
# called off) is not coming up, whatever its date says (a digest for a past day, or a date
# the news got wrong).
AHEAD_STATUSES = frozenset({"scheduled", "postponed"})


@dataclass(frozen=True, slots=True)
class DueDigest:
    channel_id: int
    guild_id: int
    local_date: date
    zone_name: str
    expires_at: datetime
    since: datetime
    rules: tuple[Rule, ...]
    picture: bool = False


@dataclass(frozen=True, slots=True)
class DigestPreview:
    """A channel's digest for its current local day, and the schedule it follows."""

    prefs: ChannelPrefs
    card: Card
    subscribed: bool
    picture: Picture | None = None


def local_due(prefs: ChannelPrefs, now: datetime) -> tuple[date, datetime] | None:
    """(local date, the moment of today's digest) when it is due at ``now``, else None."""
    if not prefs.digest_enabled:
        return None
    local = now.astimezone(prefs.zone)
    at = datetime.combine(local.date(), prefs.digest_time, tzinfo=prefs.zone)
    if now < at:
        return None
    return local.date(), at


def _end_of_local_day(day: date, prefs: ChannelPrefs) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=prefs.zone)


def build_digest(
    day: date,
    zone_name: str,
    events: Sequence[EventRow],
    history: Sequence[tuple[EventHistory, EventRow]],
    since: datetime,
    until: datetime,
    wanted: Callable[[EventRow], bool],
) -> Card:
    """The digest of ``day``: what is on, what comes within a week, what changed in
    (``since``, ``until``]."""
    today = [event_view(e) for e in events if e.start_day <= day <= e.end_day and wanted(e)]
    ahead = [
        event_view(e)
        for e in events
        if day < e.start_day <= day + WEEK and e.status in AHEAD_STATUSES and wanted(e)
    ]
    card = digest_card(day, zone_name, today[:MAX_LINES], ahead[:MAX_LINES])
    changes = [
        f"{event_title(event_view(row))}: {change_text(h.field, h.old, h.new)}"
        for h, row in history
        if since < h.at <= until and wanted(row)
    ]
    if not changes:
        return card
    return replace(
        card,
        description="" if card.description.startswith("Nothing") else card.description,
        fields=(
            *card.fields,
            ("Changed since the last digest", clip("\n".join(changes[-MAX_LINES:]), 1024)),
        ),
    )


def digest_picture(
    day: date, events: Sequence[EventRow], wanted: Callable[[EventRow], bool]
) -> Picture:
    """The picture of the 14 days from ``day`` of the events the channel follows."""
    last = day + timedelta(days=WINDOW_DAYS - 1)
    views = [
        event_view(e) for e in events if e.start_day <= last and e.end_day >= day and wanted(e)
    ]
    return plan_picture(views, day, today=day, title="Daily digest")


def _wanted_by(rules: Sequence[Rule]) -> Callable[[EventRow], bool]:
    return lambda event: any(rule.matches(event) for rule in rules)


def _window(
    session: Session, first: date, last: date, since: datetime
) -> tuple[list[EventRow], list[tuple[EventHistory, EventRow]]]:
    return (
        event_repo.overlapping(session, first, last + AHEAD),
        event_repo.changes_since(session, since, CHANGE_FIELDS, skip_reason=NOISE),
    )


@dataclass
class DigestPlanner:
    """Writes the due digests of every subscribed channel to the outbox."""

    db: Database
    clock: Clock
    defaults: ChannelDefaults

    def run(self) -> int:
        """Queue every digest due now; returns how many were queued."""
        now = self.clock()
        due = self._due(now)
        queued = 0
        for start in range(0, len(due), BATCH):
            with self.db.session() as session:
                queued += self._queue(session, due[start : start + BATCH], now)
        if queued:
            log.info("queued %d daily digests", queued)
        return queued

    def preview(self, guild_id: int, channel_id: int) -> DigestPreview:
        """The digest this channel gets (or got) for its local day now (``/digest show``)."""
        now = self.clock()
        with self.db.session() as session:
            prefs = channel_prefs(session, [(guild_id, channel_id)], self.defaults)[channel_id]
            rules = active_rules(session, self.defaults.reminder_offsets, channels=[channel_id])
            day = now.astimezone(prefs.zone).date()
            runs = digest_repo.runs_since(session, [channel_id], day - WEEK)
            since = digest_repo.since_of(session, channel_id, day) or _last_run(
                runs, channel_id, now
            )
            events, history = _window(session, day, day, since)
        wanted = _wanted_by(rules)
        card = build_digest(day, prefs.timezone, events, history, since, now, wanted)
        picture = digest_picture(day, events, wanted) if prefs.picture else None
        return DigestPreview(prefs, card, bool(rules), picture)

    def _due(self, now: datetime) -> list[DueDigest]:
        with self.db.session() as session:
            rules = active_rules(session, self.defaults.reminder_offsets)
            by_channel: dict[int, list[Rule]] = defaultdict(list)
            for rule in rules:
                by_channel[rule.channel_id].append(rule)
            if not by_channel:
                return []
            prefs = channel_prefs(
                session, {(r.guild_id, r.channel_id) for r in rules}, self.defaults
            )
            first_sub = subscription_repo.first_subscribed(session)
            candidates: dict[int, tuple[date, datetime]] = {}
            for channel_id in by_channel:
                found = local_due(prefs[channel_id], now)
                if found is not None:
                    candidates[channel_id] = found
            if not candidates:
                return []
            first_day = min(d for d, _ in candidates.values()) - WEEK
            runs = digest_repo.runs_since(session, candidates, first_day)
        done = {(c, d) for c, d, _ in runs}
        out: list[DueDigest] = []
        for channel_id, (day, at) in sorted(candidates.items()):
            if (channel_id, day) in done:
                continue
            created = first_sub.get(channel_id)
            if created is not None and created > at:
                continue  # subscribed after today's digest time: the first one is tomorrow
            pref = prefs[channel_id]
            rules_here = tuple(by_channel[channel_id])
            out.append(
                DueDigest(
                    channel_id=channel_id,
                    guild_id=rules_here[0].guild_id,
                    local_date=day,
                    zone_name=pref.zone.key,
                    expires_at=_end_of_local_day(day, pref),
                    since=_last_run(runs, channel_id, now),
                    rules=rules_here,
                    picture=pref.picture,
                )
            )
        return out

    def _queue(self, session: Session, due: list[DueDigest], now: datetime) -> int:
        first = min(d.local_date for d in due)
        last = max(d.local_date for d in due)
        events, history = _window(session, first, last, min(d.since for d in due))
        queued = 0
        for digest in due:
            if not digest_repo.claim_day(
                session,
                digest.channel_id,
                digest.local_date,
                outbox_key=self.key(digest),
                since=digest.since,
                now=now,
            ):
                continue  # another process queued it first
            wanted = _wanted_by(digest.rules)
            card = build_digest(
                digest.local_date,
                digest.zone_name,
                events,
                history,
                digest.since,
                now,
                wanted,
            )
            picture = digest_picture(digest.local_date, events, wanted) if digest.picture else None
            outbox.enqueue(
                session,
                key=self.key(digest),
                channel_id=digest.channel_id,
                guild_id=digest.guild_id,
                kind=kinds.DIGEST,
                payload=card_payload(card, picture=picture),
                now=now,
                expires_at=digest.expires_at,
            )
            queued += 1
        return queued

    @staticmethod
    def key(digest: DueDigest) -> str:
        return f"digest:{digest.channel_id}:{digest.local_date.isoformat()}"


def _last_run(runs: list[tuple[int, date, datetime]], channel_id: int, now: datetime) -> datetime:
    """When the channel's last digest was planned (a day ago when it never had one)."""
    times = [created for c, _, created in runs if c == channel_id]
    return max(times) if times else now - timedelta(days=1)


__all__ = [
    "DigestPlanner",
    "DigestPreview",
    "DueDigest",
    "build_digest",
    "digest_picture",
    "local_due",
]
