"""Reminder planning: when each subscription's offsets fall for an event, and the rows to send.

An event with a time (``start_at``) is reminded at ``start - offset``. A day-precise event has
no hour to count back from, so an offset of up to a day means the morning before (08:00 in the
channel's time zone), two days means the morning two days before, and so on; several offsets
that land on the same morning give one reminder. Weeks and months are too vague to remind.

Every planned reminder is a ``reminder_plan`` row and an outbox row with the key
``reminder:<channel>:<event>:<slot>:<event date>``: planning again changes nothing, a moved
event gets new keys and its stale reminders are dropped, and a reminder that was due while
the bot was down is still sent if the event is ahead (the outbox row expires at its start).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.alerts import kinds
from bot.alerts.matching import Rule
from bot.alerts.messages import card_payload
from bot.render import event_view, reminder_card
from config.offsets import format_offset
from storage.models import EventRow
from storage.repos import outbox
from storage.repos import reminders as plan_repo

# Day-precise events are reminded in the morning: early enough to plan, late enough to read.
MORNING = time(8, 0)
REMINDED_STATUSES = frozenset({"scheduled"})
SUPERSEDED = "superseded: the event's date or status changed"
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Slot:
    """One reminder moment: a stable label, when it fires, and when the event begins."""

    label: str
    fire_at: datetime
    starts_at: datetime
    days_before: int | None


def event_start(event: EventRow, zone: ZoneInfo) -> datetime | None:
    """The event's first moment: its time when known, else local midnight of its first day."""
    if event.start_at is not None:
        return event.start_at
    if event.precision in ("day", "time"):
        return datetime.combine(event.start_day, time(0, 0), tzinfo=zone)
    return None


def slots(event: EventRow, offsets: Sequence[timedelta], zone: ZoneInfo) -> list[Slot]:
    """Every reminder moment for ``offsets`` before ``event``, in firing order."""
    starts_at = event_start(event, zone)
    if starts_at is None or not offsets:
        return []
    if event.start_at is not None:
        found = [
            Slot(format_offset(o), starts_at - o, starts_at, None)
            for o in sorted(set(offsets), reverse=True)
        ]
    else:
        days = sorted({max(1, math.ceil(o / _DAY)) for o in offsets}, reverse=True)
        found = [
            Slot(
                f"{d}d@08",
                datetime.combine(event.start_day - timedelta(days=d), MORNING, tzinfo=zone),
                starts_at,
                d,
            )
            for d in days
        ]
    return sorted(found, key=lambda s: s.fire_at)


def to_plan(found: list[Slot], now: datetime) -> list[Slot]:
    """The slots worth planning now: all ahead; of those already past, only the latest, and only
    when nothing else is still ahead (an event found an hour before gets one reminder, not two)."""
    ahead = [s for s in found if s.starts_at > now]
    future = [s for s in ahead if s.fire_at > now]
    overdue = [s for s in ahead if s.fire_at <= now]
    if future or not overdue:
        return future
    return [overdue[-1]]


def reminder_payload(row: EventRow, starts_at: datetime, days_before: int | None) -> dict[str, Any]:
    return card_payload(reminder_card(event_view(row), starts_at, days_before))


def reminder_key(channel_id: int, event: EventRow, slot: Slot) -> str:
    return f"reminder:{channel_id}:{event.id}:{slot.label}:{event.date}"


def plan(
    session: Session,
    rule: Rule,
    event: EventRow,
    zone: ZoneInfo,
    now: datetime,
    *,
    known: set[str] | None = None,
) -> int:
    """Write the reminder rows ``rule`` wants for ``event``; returns how many were new.

    ``known`` (plan keys already stored, as ``sub:key``) lets a bulk pass skip the database.
    """
    if event.status not in REMINDED_STATUSES or event.id is None:
        return 0
    written = 0
    for slot in to_plan(slots(event, rule.offsets, zone), now):
        key = reminder_key(rule.channel_id, event, slot)
        if known is not None and f"{rule.id}:{key}" in known:
            continue
        plan_repo.add(
            session,
            subscription_id=rule.id,
            event_id=event.id,
            offset=slot.label,
            event_date=event.date,
            fire_at=slot.fire_at,
            outbox_key=key,
            now=now,
        )
        queued = outbox.enqueue(
            session,
            key=key,
            channel_id=rule.channel_id,
            guild_id=rule.guild_id,
            kind=kinds.REMINDER,
            payload=reminder_payload(event, slot.starts_at, slot.days_before),
            now=now,
            due_at=slot.fire_at,
            expires_at=slot.starts_at,
            event_id=event.id,
            subscription_id=rule.id,
        )
        if not queued:  # an event moved away and back: its stale reminder is wanted again
            outbox.revive(session, key, SUPERSEDED)
        written += int(queued)
    return written


def cancel_stale(session: Session, event: EventRow, now: datetime) -> int:
    """Drop unsent reminders planned for another date (or a status that is not reminded)."""
    assert event.id is not None
    other_date = event.date if event.status in REMINDED_STATUSES else None
    stale = plan_repo.for_event(session, event.id, except_date=other_date)
    if not stale:
        return 0
    dropped = outbox.drop_keys(
        session, [p.outbox_key for p in stale if p.outbox_key], now, SUPERSEDED
    )
    plan_repo.delete_ids(session, [p.id for p in stale if p.id is not None])
    return dropped


def known_plans(session: Session, since: datetime) -> set[str]:
    """``sub:key`` of plans firing from ``since`` on, so a bulk pass only writes what is new."""
    return plan_repo.keys_since(session, since)


__all__ = [
    "MORNING",
    "SUPERSEDED",
    "Slot",
    "cancel_stale",
    "event_start",
    "known_plans",
    "plan",
    "reminder_key",
    "reminder_payload",
    "slots",
    "to_plan",
]
