"""The cards of a member's own reminders: the DMs (reminder, moved, cancelled) and their list.

Kept apart from :mod:`bot.render.cards` because they speak to one person, in a direct
message, about a reminder they asked for, not to a channel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.render.cards import DEFAULT_COLOUR, STATUS_COLOURS, Card, event_title
from bot.render.dates import format_date
from bot.render.text import DESCRIPTION_LIMIT, TITLE_LIMIT, clip, join_within
from bot.render.views import EventView

OFFSET_WORDS = {"1d": "1 day before", "1h": "1 hour before"}
FOOTER = "Your reminder · /reminders to see or cancel yours"


@dataclass(frozen=True, slots=True)
class MemberReminderLine:
    """One of a member's reminders as ``/reminders`` lists it."""

    number: int
    event: EventView
    offset: str
    due_at: datetime
    held: bool = False


def _stamp(moment: datetime) -> str:
    unix = int(moment.astimezone(UTC).timestamp())
    return f"<t:{unix}:F> (<t:{unix}:R>)"


def member_reminder_card(event: EventView, starts_at: datetime, day_only: str | None) -> Card:
    """The DM at the chosen moment: the event, its current date, when it starts."""
    lines = [f"**When:** {format_date(event.date, event.end_date)}"]
    if day_only:
        lines.append(f"No time of day is known; counted from 00:00 on that day ({day_only}).")
    else:
        lines.append(f"Starts {_stamp(starts_at)}")
    return Card(
        title=clip(f"Reminder: {event_title(event)}", TITLE_LIMIT),
        description="\n".join(lines),
        footer=f"{FOOTER} · /event {event.id} for details",
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


def member_moved_card(event: EventView, old_date: str, due: Sequence[datetime]) -> Card:
    """One DM when an event with the member's reminders moves: old date, new date, new moment."""
    lines = [
        f"It moved from {format_date(old_date)} to **{format_date(event.date, event.end_date)}**.",
        "Your reminder moved with it: " + ", ".join(_stamp(d) for d in due) + "."
        if due
        else "No reminder time is left before it; your reminder was dropped.",
    ]
    return Card(
        title=clip(f"Moved: {event_title(event)}", TITLE_LIMIT),
        description="\n".join(lines),
        footer=FOOTER,
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


def member_held_card(event: EventView) -> Card:
    """One DM when an event is postponed with no new date yet."""
    return Card(
        title=clip(f"Postponed: {event_title(event)}", TITLE_LIMIT),
        description=(
            "It was postponed and no new date is known yet. Your reminder waits and will "
            "follow the new date when the news gives one."
        ),
        footer=FOOTER,
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


def member_cancelled_card(event: EventView) -> Card:
    """One DM when an event with the member's reminders is called off."""
    return Card(
        title=clip(f"Cancelled: {event_title(event)}", TITLE_LIMIT),
        description=(
            f"It was due {format_date(event.date, event.end_date)} and has been cancelled. "
            "Your reminders for it are cancelled too."
        ),
        footer=FOOTER,
        colour=STATUS_COLOURS.get(event.status, DEFAULT_COLOUR),
    )


def member_reminders_card(lines: Sequence[MemberReminderLine], limit: int) -> Card:
    """``/reminders``: the member's pending reminders, soonest first, with their numbers."""
    if not lines:
        return Card(
            title="Your reminders",
            description='You have no reminders. Press "Remind me" under an event to set one.',
        )
    rows = []
    for line in lines:
        when = "waiting for a new date" if line.held else _stamp(line.due_at)
        rows.append(
            f"**{line.number}** · {clip(event_title(line.event), 80)} · "
            f"{OFFSET_WORDS.get(line.offset, line.offset)} · {when}"
        )
    return Card(
        title=f"Your reminders ({len(lines)} of at most {limit})",
        description=join_within(rows, DESCRIPTION_LIMIT),
        footer="/reminders cancel:<number> to cancel one",
    )


__all__ = [
    "OFFSET_WORDS",
    "MemberReminderLine",
    "member_cancelled_card",
    "member_held_card",
    "member_moved_card",
    "member_reminder_card",
    "member_reminders_card",
]
