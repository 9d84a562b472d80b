"""What the outbox stores for a message: a render card as JSON (the publisher makes the embed).

Rendering happens when the row is written, so the message says what was true when it was
planned; a later change of the event plans a new message (and cancels stale reminders).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.chat.mapping import event_view
from bot.render import (
    FIELD_VALUE_LIMIT,
    STATUS_COLOURS,
    Card,
    ChangeView,
    EventView,
    change_alert_card,
    clip,
    event_line,
    event_title,
    link,
    new_event_card,
)
from storage.models import EventRow


def view_of(row: EventRow) -> EventView:
    """The render layer's view of a stored event (sources and history are not needed here)."""
    return event_view(row)


def card_payload(card: Card, content: str = "") -> dict[str, Any]:
    return {
        "content": content,
        "card": {
            "title": card.title,
            "description": card.description,
            "fields": [list(f) for f in card.fields],
            "footer": card.footer,
            "colour": card.colour,
        },
    }


def payload_card(payload: dict[str, Any]) -> Card | None:
    raw = payload.get("card")
    if not isinstance(raw, dict):
        return None
    return Card(
        title=str(raw.get("title") or ""),
        description=str(raw.get("description") or ""),
        fields=tuple((str(n), str(v)) for n, v in raw.get("fields") or ()),
        footer=str(raw.get("footer") or ""),
        colour=int(raw.get("colour") or 0x3B82F6),
    )


def _with_source(card: Card, source: tuple[str, str | None] | None) -> Card:
    if source is None:
        return card
    title, url = source
    return replace(card, fields=(*card.fields, ("Source", clip(link(title, url), 1024))))


def new_event_payload(row: EventRow, source: tuple[str, str | None] | None) -> dict[str, Any]:
    return card_payload(_with_source(new_event_card(view_of(row)), source))


def change_payload(
    row: EventRow,
    changes: Sequence[tuple[str, str | None, str | None]],
    at: datetime,
    source: tuple[str, str | None] | None,
) -> dict[str, Any]:
    views = [ChangeView(at=at, field=f, old=o, new=n) for f, o, n in changes]
    return card_payload(_with_source(change_alert_card(view_of(row), views), source))


def reminder_payload(row: EventRow, starts_at: datetime, days_before: int | None) -> dict[str, Any]:
    """ "Tomorrow: …" for a day-precise event; "Starts <t:…:R>" for one with a time."""
    view = view_of(row)
    if days_before is None:
        lead = f"Starts <t:{int(starts_at.astimezone(UTC).timestamp())}:R>"
        heading = "Coming up"
    elif days_before == 1:
        lead, heading = "Tomorrow", "Tomorrow"
    else:
        lead, heading = f"In {days_before} days", f"In {days_before} days"
    card = Card(
        title=clip(f"{heading}: {event_title(view)}", 256),
        description=f"{lead}\n{event_line(view)}",
        footer=f"Reminder · /event {view.id} for details",
        colour=STATUS_COLOURS.get(view.status, 0x3B82F6),
    )
    return card_payload(card)


def notice_payload(channel_id: int, reason: str) -> dict[str, Any]:
    card = Card(
        title="Alerts paused for a channel",
        description=clip(
            f"I could not post in <#{channel_id}>: {reason}. Its subscriptions are paused. "
            "Give me back the Send Messages and Embed Links permissions there (or pick another "
            "channel with /subscribe), then subscribe again.",
            FIELD_VALUE_LIMIT * 2,
        ),
        colour=STATUS_COLOURS["postponed"],
    )
    return card_payload(card)


__all__ = [
    "card_payload",
    "change_payload",
    "new_event_payload",
    "notice_payload",
    "payload_card",
    "reminder_payload",
    "view_of",
]
