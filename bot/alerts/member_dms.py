"""Members' own reminders as outbox rows: queued when asked, moved or cancelled with the event.

A reminder's direct message is an outbox row of kind ``member_dm`` (its ``channel_id`` is the
member's user id, its payload names the recipient), so the sender's claims, nonces and
retries deliver it exactly once, across restarts. The timeline's change hook calls
:func:`follow_change` inside the article's transaction: a moved event moves its pending
reminders and tells each member once; a cancelled one cancels them and tells each member once.

An event with a time counts back from it; one known only to the day counts back from 00:00 of
that day in the time zone of the channel the member pressed the button in (its digest zone).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.alerts import kinds
from bot.alerts.messages import card_payload
from bot.alerts.prefs import ChannelDefaults, prefs_for, zone_or_utc
from bot.alerts.reminders import event_start
from bot.render import Card, event_view
from bot.render.member_cards import (
    member_cancelled_card,
    member_held_card,
    member_moved_card,
    member_reminder_card,
)
from bot.timeline import NOISE_WINDOW
from storage.models import EventRow, MemberReminder
from storage.repos import member_reminders as repo
from storage.repos import outbox

log = logging.getLogger("diplobot.alerts")

OFFSETS: dict[str, timedelta] = {"1d": timedelta(days=1), "1h": timedelta(hours=1)}
REMINDABLE = frozenset({"scheduled", "postponed"})
MOVED_AWAY = "superseded: the event moved"
MOVED_AGAIN = "superseded: the event moved again while the news was held"
TOLD_DATE = "told_date"
CANCELLED = "the event was cancelled"
CANCELLED_BY_MEMBER = "cancelled by the member"


def zone_for(
    session: Session, guild_id: int | None, channel_id: int | None, defaults: ChannelDefaults
) -> ZoneInfo:
    """The digest time zone of the channel the member asked in (the defaults outside one)."""
    if guild_id is None or channel_id is None:
        return zone_or_utc(defaults.timezone)
    return prefs_for(session, guild_id, channel_id, defaults).zone


def day_only_note(event: EventRow, zone: ZoneInfo) -> str | None:
    """The zone's name when the event has a day but no time (we count from its midnight)."""
    return str(zone.key) if event.start_at is None else None


def dm_payload(user_id: int, card: Card) -> dict[str, Any]:
    return {**card_payload(card), "dm_user": user_id}


def _queue_dm(
    session: Session,
    *,
    key: str,
    user_id: int,
    card: Card,
    now: datetime,
    event_id: int | None,
    due_at: datetime | None = None,
    expires_at: datetime | None = None,
    told_date: str | None = None,
) -> bool:
    payload = dm_payload(user_id, card)
    if told_date is not None:
        payload[TOLD_DATE] = told_date  # what a replacing "Moved" DM moves from
    return outbox.enqueue(
        session,
        key=key,
        channel_id=user_id,
        kind=kinds.MEMBER_DM,
        payload=payload,
        now=now,
        due_at=due_at,
        expires_at=expires_at,
        event_id=event_id,
    )


def schedule(
    session: Session, reminder: MemberReminder, event: EventRow, zone: ZoneInfo, now: datetime
) -> bool:
    """Queue the reminder's DM at ``event start - offset`` (now when that passed but the event
    has not begun); False when the event has no day or has already begun."""
    starts_at = event_start(event, zone)
    if starts_at is None or starts_at <= now or event.id is None:
        return False
    due = max(starts_at - OFFSETS[reminder.offset], now)
    assert reminder.id is not None
    key = f"member:{reminder.id}:{event.date}:{due:%Y%m%dT%H%M}:{now.timestamp():.0f}"
    card = member_reminder_card(event_view(event), starts_at, day_only_note(event, zone))
    _queue_dm(
        session,
        key=key,
        user_id=reminder.user_id,
        card=card,
        now=now,
        event_id=event.id,
        due_at=due,
        expires_at=starts_at,
    )
    reminder.due_at = due
    reminder.event_date = event.date
    reminder.outbox_key = key
    reminder.state = repo.PENDING
    reminder.updated_at = now
    return True


def unschedule(session: Session, reminder: MemberReminder, now: datetime, reason: str) -> None:
    """Drop the reminder's queued DM (if still unsent)."""
    if reminder.outbox_key:
        outbox.drop_keys(session, [reminder.outbox_key], now, reason)
    reminder.outbox_key = None
    reminder.updated_at = now


def _told_date(session: Session, user_id: int, event_id: int, now: datetime) -> str | None:
    """The date the member was last told, when a "Moved" DM for the event is still held: it
    is dropped here, so one DM (from the told date to the latest) replaces it."""
    waiting = outbox.held(session, f"member:moved:{user_id}:{event_id}:", now)
    if not waiting:
        return None
    outbox.drop_keys(session, [key for key, _ in waiting], now, MOVED_AGAIN)
    told = waiting[0][1].get(TOLD_DATE)
    return str(told) if told else None


def follow_change(
    session: Session,
    event: EventRow,
    fields: Iterable[str],
    now: datetime,
    defaults: ChannelDefaults,
) -> int:
    """Move or cancel the event's pending member reminders after a change of its date or
    status; each member hears of it once. Returns how many reminders were touched."""
    if event.id is None:
        return 0
    pending = repo.pending_for_event(session, event.id)
    if not pending:
        return 0
    changed = set(fields)
    by_user: dict[int, list[MemberReminder]] = defaultdict(list)
    for reminder in pending:
        by_user[reminder.user_id].append(reminder)
    view = event_view(event)
    touched = 0
    for user_id, mine in by_user.items():
        if event.status not in REMINDABLE:
            for reminder in mine:
                unschedule(session, reminder, now, CANCELLED)
                reminder.state = repo.CANCELLED
                touched += 1
            if event.status == "cancelled":
                _queue_dm(
                    session,
                    key=f"member:cancelled:{user_id}:{event.id}",
                    user_id=user_id,
                    card=member_cancelled_card(view),
                    now=now,
                    event_id=event.id,
                )
            continue
        if "date" not in changed and event.status == "postponed" and "status" in changed:
            for reminder in mine:  # postponed, no new date: wait for one
                unschedule(session, reminder, now, MOVED_AWAY)
                touched += 1
            _queue_dm(
                session,
                key=f"member:held:{user_id}:{event.id}:{event.date}",
                user_id=user_id,
                card=member_held_card(view),
                now=now,
                event_id=event.id,
            )
            continue
        moved = [r for r in mine if r.event_date != event.date or r.outbox_key is None]
        if not moved:
            continue
        old_date = _told_date(session, user_id, event.id, now) or moved[0].event_date
        due: list[datetime] = []
        for reminder in moved:
            unschedule(session, reminder, now, MOVED_AWAY)
            zone = zone_for(session, reminder.guild_id, reminder.channel_id, defaults)
            if schedule(session, reminder, event, zone, now):
                due.append(reminder.due_at)
            else:
                reminder.state = repo.CANCELLED
            touched += 1
        if old_date == event.date:
            continue  # moved back to the date the member was last told: nothing to say
        _queue_dm(
            session,
            key=f"member:moved:{user_id}:{event.id}:{old_date}:{event.date}:{now.timestamp():.0f}",
            user_id=user_id,
            card=member_moved_card(view, old_date, sorted(due)),
            now=now,
            event_id=event.id,
            # Like the channels' move alerts, it waits out the noise window: a move undone by
            # then is never told (the timeline drops it), a further move replaces it.
            due_at=now + NOISE_WINDOW,
            told_date=old_date,
        )
    if touched:
        log.info("event %s changed: %d member reminders followed it", event.id, touched)
    return touched


__all__ = [
    "CANCELLED_BY_MEMBER",
    "OFFSETS",
    "REMINDABLE",
    "dm_payload",
    "follow_change",
    "schedule",
    "unschedule",
    "zone_for",
]
