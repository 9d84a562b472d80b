"""Daily digests: one per subscribed channel per local day, at the channel's local time.

A pass (every minute) looks at each channel's clock with ``zoneinfo``: once the local time
has reached its digest time, and no digest exists for that local date, the digest is written
to the outbox together with a ``digest_run`` row whose primary key (channel, local date)
makes it once per day, also across processes. Because the test is "local time reached, day
not over", a digest missed while the bot was down goes out once when it returns the same
local day, and a day whose local midnight passed is skipped. DST needs nothing special:
08:00 is computed on the local wall clock each day.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.alerts import outbox
from bot.alerts.matching import DEFAULT_OFFSETS, Rule, active_rules
from bot.alerts.messages import card_payload, view_of
from bot.alerts.prefs import ChannelPrefs, channel_prefs
from bot.clock import Clock, utc_now
from bot.render import STATUS_LABELS, clip, digest_card, event_title, format_date
from bot.timeline import NOISE
from storage.db import Database
from storage.models import DigestRun, EventHistory, EventRow, Subscription
from storage.repos.dialect import insert_ignore

log = logging.getLogger("diplobot.alerts")

WEEK = timedelta(days=7)
CHANGE_FIELDS = ("date", "end_date", "status")
BATCH = 200
MAX_LINES = 15


@dataclass(frozen=True, slots=True)
class DueDigest:
    channel_id: int
    guild_id: int
    local_date: date
    zone_name: str
    expires_at: datetime
    since: datetime
    rules: tuple[Rule, ...]


def local_due(prefs: ChannelPrefs, now: datetime) -> tuple[date, datetime] | None:
    """(local date, the moment of today's digest) when it is due at ``now``, else None."""
    if not prefs.digest_enabled:
        return None
    local = now.astimezone(prefs.zone)
    at = datetime.combine(local.date(), prefs.digest_time, tzinfo=prefs.zone)
    if now < at:
        return None
    return local.date(), at


def change_text(field: str, old: str | None, new: str | None) -> str:
    """``date Mon 3 Mar 2025 → Tue 4 Mar 2025`` / ``status scheduled → postponed``."""

    def value(text: str | None) -> str:
        if not text:
            return "—"
        if field in ("date", "end_date"):
            return format_date(text)
        return STATUS_LABELS.get(text, text)

    return f"{field.replace('_', ' ')} {value(old)} → {value(new)}"


def _end_of_local_day(day: date, zone_prefs: ChannelPrefs) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=zone_prefs.zone)


class DigestPlanner:
    """Writes the due digests of every subscribed channel to the outbox."""

    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        *,
        default_timezone: str = "UTC",
        default_time: str = "08:00",
        default_offsets: Sequence[str] = DEFAULT_OFFSETS,
    ) -> None:
        self._db = db
        self._clock = clock
        self._timezone = default_timezone
        self._time = default_time
        self._offsets = tuple(default_offsets)

    def run(self) -> int:
        """Queue every digest due now; returns how many were queued."""
        now = self._clock()
        due = self._due(now)
        queued = 0
        for start in range(0, len(due), BATCH):
            with self._db.session() as session:
                queued += self._queue(session, due[start : start + BATCH], now)
        if queued:
            log.info("queued %d daily digests", queued)
        return queued

    def _due(self, now: datetime) -> list[DueDigest]:
        with self._db.session() as session:
            rules = active_rules(session, self._offsets)
            by_channel: dict[int, list[Rule]] = defaultdict(list)
            for rule in rules:
                by_channel[rule.channel_id].append(rule)
            if not by_channel:
                return []
            prefs = channel_prefs(
                session,
                {(r.guild_id, r.channel_id) for r in rules},
                default_timezone=self._timezone,
                default_time=self._time,
            )
            first_sub: dict[int, datetime] = {}
            for channel_id, created in session.execute(
                select(Subscription.channel_id, Subscription.created_at).where(
                    Subscription.paused.is_(False)
                )
            ):
                first_sub[channel_id] = min(created, first_sub.get(channel_id, created))
            candidates: dict[int, tuple[date, datetime]] = {}
            for channel_id in by_channel:
                found = local_due(prefs[channel_id], now)
                if found is not None:
                    candidates[channel_id] = found
            if not candidates:
                return []
            runs = session.execute(
                select(DigestRun.channel_id, DigestRun.local_date, DigestRun.created_at).where(
                    DigestRun.channel_id.in_(list(candidates)),
                    DigestRun.local_date >= min(d for d, _ in candidates.values()) - WEEK,
                )
            ).all()
        done = {(c, d) for c, d, _ in runs}
        last_run: dict[int, datetime] = {}
        for channel_id, _, created in runs:
            last_run[channel_id] = max(created, last_run.get(channel_id, created))
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
                    since=last_run.get(channel_id, now - timedelta(days=1)),
                    rules=rules_here,
                )
            )
        return out

    def _queue(self, session: Session, due: list[DueDigest], now: datetime) -> int:
        first = min(d.local_date for d in due)
        last = max(d.local_date for d in due) + WEEK
        events = list(
            session.scalars(
                select(EventRow)
                .where(EventRow.end_day >= first, EventRow.start_day <= last)
                .order_by(EventRow.start_day, EventRow.start_at, EventRow.id)
            )
        )
        since = min(d.since for d in due)
        history = list(
            session.execute(
                select(EventHistory, EventRow)
                .join(EventRow, EventRow.id == EventHistory.event_id)
                .where(EventHistory.at > since, EventHistory.field.in_(CHANGE_FIELDS))
                .where(or_(EventHistory.reason.is_(None), ~EventHistory.reason.startswith(NOISE)))
                .order_by(EventHistory.at, EventHistory.id)
            ).all()
        )
        queued = 0
        for digest in due:
            inserted = session.execute(
                insert_ignore(session, DigestRun.__table__).values(
                    channel_id=digest.channel_id,
                    local_date=digest.local_date,
                    outbox_key=self.key(digest),
                    since=digest.since,
                    created_at=now,
                )
            ).rowcount
            if not inserted:
                continue  # another process queued it first
            outbox.enqueue(
                session,
                key=self.key(digest),
                channel_id=digest.channel_id,
                guild_id=digest.guild_id,
                kind=outbox.KIND_DIGEST,
                payload=self.payload(digest, events, history),
                now=now,
                expires_at=digest.expires_at,
            )
            queued += 1
        return queued

    @staticmethod
    def key(digest: DueDigest) -> str:
        return f"digest:{digest.channel_id}:{digest.local_date.isoformat()}"

    @staticmethod
    def payload(
        digest: DueDigest,
        events: list[EventRow],
        history: list[tuple[EventHistory, EventRow]],
    ) -> dict[str, object]:
        def wanted(event: EventRow) -> bool:
            return any(rule.matches(event) for rule in digest.rules)

        day = digest.local_date
        today = [view_of(e) for e in events if e.start_day <= day <= e.end_day and wanted(e)]
        ahead = [view_of(e) for e in events if day < e.start_day <= day + WEEK and wanted(e)]
        card = digest_card(day, digest.zone_name, today[:MAX_LINES], ahead[:MAX_LINES])
        changes = [
            f"{event_title(view_of(row))}: {change_text(h.field, h.old, h.new)}"
            for h, row in history
            if h.at > digest.since and wanted(row)
        ]
        if changes:
            card = replace(
                card,
                description="" if card.description.startswith("Nothing") else card.description,
                fields=(
                    *card.fields,
                    ("Changed since the last digest", clip("\n".join(changes[-MAX_LINES:]), 1024)),
                ),
            )
        return card_payload(card)


__all__ = ["DigestPlanner", "DueDigest", "local_due"]
