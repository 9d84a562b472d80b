"""Members' own reminders: "Remind me" on an event, ``/reminders`` to list and cancel them.

One member's reminders belong to that member alone: every call takes the member's user id,
and a number of someone else's reminder is treated as unknown. The DMs themselves go through
the outbox (:mod:`bot.alerts.member_dms`), so they arrive once even across restarts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.alerts import member_dms
from bot.alerts.prefs import ChannelDefaults
from bot.alerts.reminders import event_start
from bot.clock import Clock
from bot.render import Card, event_title, event_view, format_date
from bot.render.member_cards import OFFSET_WORDS, MemberReminderLine, member_reminders_card
from bot.services.errors import Refused
from storage.db import Database
from storage.models import EventRow, MemberReminder
from storage.repos import member_reminders as repo

MAX_PENDING = 100
CHOICES: dict[str, tuple[str, ...]] = {"1d": ("1d",), "1h": ("1h",), "both": ("1d", "1h")}
DMS_CLOSED_SENTENCE = (
    "Your direct messages are closed to this bot, so your reminders could not arrive and "
    "were stopped. Allow direct messages from server members (User Settings > Privacy), "
    'then press "Remind me" again.'
)


@dataclass(frozen=True, slots=True)
class Offer:
    """What a member sees after pressing "Remind me": the question, and a word about closed
    DMs if their reminders failed on them (said once)."""

    event_id: int
    text: str
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    card: Card
    notice: str | None = None


class MemberReminderService:
    """Set, list and cancel one member's reminders; one short transaction per call."""

    def __init__(self, db: Database, clock: Clock, defaults: ChannelDefaults) -> None:
        self._db = db
        self._clock = clock
        self._defaults = defaults

    @staticmethod
    def _remindable(event: EventRow | None, number: int) -> EventRow:
        if event is None:
            raise Refused(f"event {number} is no longer on the timeline")
        if event.status not in member_dms.REMINDABLE:
            raise Refused(f"this event is {event.status}; there is nothing to remind you of")
        return event

    def _zone(self, session: Session, guild_id: int | None, channel_id: int | None) -> ZoneInfo:
        return member_dms.zone_for(session, guild_id, channel_id, self._defaults)

    def _closed_notice(self, session: Session, user_id: int) -> str | None:
        """The closed-DMs sentence, once: the reminders it speaks of are marked told."""
        ids = repo.untold_closed(session, user_id)
        if not ids:
            return None
        repo.mark_told(session, ids, self._clock())
        return DMS_CLOSED_SENTENCE

    @staticmethod
    def _check_room(held: int, wanted: int) -> None:
        if held + wanted > MAX_PENDING:
            raise Refused(
                f"you already have {held} reminders, and a member can hold at most "
                f"{MAX_PENDING}. Cancel some with /reminders cancel:<number> first"
            )

    def offer(
        self, user_id: int, event_id: int, guild_id: int | None, channel_id: int | None
    ) -> Offer:
        """The question "remind you when?" for an event, or a refusal saying why not."""
        with self._db.session() as session:
            notice = self._closed_notice(session, user_id)
            event = self._remindable(session.get(EventRow, event_id), event_id)
            zone = self._zone(session, guild_id, channel_id)
            starts = event_start(event, zone)
            if starts is None:
                raise Refused(
                    f"{event_title(event_view(event))} has no exact day yet "
                    f"({format_date(event.date)}); reminders need one. "
                    "Press the button again once the news gives a day"
                )
            if starts <= self._clock():
                raise Refused("this event has already begun")
            repo.settle(session, user_id, self._clock())
            self._check_room(repo.count_pending(session, user_id), 1)
            text = (
                f"Remind you of **{event_title(event_view(event))}** "
                f"({format_date(event.date, event.end_date)}) by direct message:"
            )
            if event.start_at is None:
                text += (
                    f"\nIt has no time of day, so I count from 00:00 on that day in this "
                    f"channel's time zone ({zone.key})."
                )
            return Offer(event_id, text, notice)

    def add(
        self,
        user_id: int,
        event_id: int,
        choice: str,
        guild_id: int | None,
        channel_id: int | None,
    ) -> str:
        """Set the chosen reminders (``1d``, ``1h`` or ``both``); the reply says when they fire."""
        offsets = CHOICES.get(choice)
        if offsets is None:
            raise Refused(f"{choice!r} is not a choice; pick 1 day, 1 hour or both")
        now = self._clock()
        with self._db.session() as session:
            event = self._remindable(session.get(EventRow, event_id), event_id)
            zone = self._zone(session, guild_id, channel_id)
            starts = event_start(event, zone)
            if starts is None or starts <= now:
                raise Refused("this event has no exact day yet, or has already begun")
            wanted: list[str] = []
            passed: list[str] = []
            already: list[MemberReminder] = []
            for offset in offsets:
                existing = repo.find(session, user_id, event_id, offset)
                if existing is not None and existing.state == repo.PENDING:
                    already.append(existing)
                elif starts - member_dms.OFFSETS[offset] <= now:
                    passed.append(offset)
                else:
                    wanted.append(offset)
            if not wanted and not already:
                words = " and ".join(OFFSET_WORDS[o] for o in passed)
                raise Refused(f"{words} has already passed; pick a later reminder")
            repo.settle(session, user_id, now)
            self._check_room(repo.count_pending(session, user_id), len(wanted))
            made: list[MemberReminder] = []
            for offset in wanted:
                row = repo.find(session, user_id, event_id, offset)
                if row is None:
                    row = MemberReminder(
                        user_id=user_id,
                        event_id=event_id,
                        offset=offset,
                        event_date=event.date,
                        due_at=now,
                        created_at=now,
                        updated_at=now,
                    )
                    session.add(row)
                    session.flush()
                row.guild_id, row.channel_id = guild_id, channel_id
                row.failed_reason, row.told_at = None, None
                member_dms.schedule(session, row, event, zone, now)
                made.append(row)
            lines = [
                f"I will send you a direct message {OFFSET_WORDS[r.offset]} "
                f"{event_title(event_view(event))}: <t:{int(r.due_at.timestamp())}:F> "
                f"(reminder {r.id})."
                for r in made + already
            ]
            if passed:
                lines.append(
                    "Not set: "
                    + " and ".join(OFFSET_WORDS[o] for o in passed)
                    + " has already passed."
                )
            if event.start_at is None:
                lines.append(
                    f"The event has no time of day, so I counted from 00:00 on "
                    f"{event.start_day:%d %b %Y} ({zone.key})."
                )
            lines.append("/reminders lists or cancels yours.")
            return "\n".join(lines)

    def listing(self, user_id: int) -> Listing:
        """The member's pending reminders, soonest first."""
        with self._db.session() as session:
            notice = self._closed_notice(session, user_id)
            repo.settle(session, user_id, self._clock())
            lines = []
            for row in repo.for_user(session, user_id, MAX_PENDING):
                event = session.get(EventRow, row.event_id)
                if event is None or row.id is None:
                    continue
                lines.append(
                    MemberReminderLine(
                        row.id, event_view(event), row.offset, row.due_at, row.outbox_key is None
                    )
                )
            return Listing(member_reminders_card(lines, MAX_PENDING), notice)

    def cancel(self, user_id: int, number: int) -> str:
        """Cancel one of the member's pending reminders by its number."""
        now: datetime = self._clock()
        with self._db.session() as session:
            row = session.get(MemberReminder, number)
            if row is None or row.user_id != user_id or row.state != repo.PENDING:
                raise Refused(
                    f"you have no pending reminder number {number}; /reminders lists yours"
                )
            member_dms.unschedule(session, row, now, member_dms.CANCELLED_BY_MEMBER)
            row.state = repo.CANCELLED
            event = session.get(EventRow, row.event_id)
            title = event_title(event_view(event)) if event is not None else "the event"
            return f"Cancelled reminder {number} ({OFFSET_WORDS[row.offset]} {title})."

    def closed_notice(self, user_id: int) -> str | None:
        with self._db.session() as session:
            return self._closed_notice(session, user_id)


__all__ = [
    "CHOICES",
    "DMS_CLOSED_SENTENCE",
    "MAX_PENDING",
    "Listing",
    "MemberReminderService",
    "Offer",
]
