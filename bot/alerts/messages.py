"""What the outbox stores for a message: a card as JSON (the publisher makes the embed).

Cards are rendered when the row is written, so the message says what was true when it was
planned; a later change of the event plans a new message (and cancels stale reminders).
A digest's picture is stored the same way, as its layout (a few kilobytes of rows and marks,
:class:`~bot.render.picture.Picture`), not as a PNG: the publisher draws it when it sends,
the same pixels on a resend, and the outbox stays small.
"""

from __future__ import annotations

from typing import Any

from bot.render import DEFAULT_COLOUR, Card
from bot.render.picture import Picture


def card_payload(card: Card, content: str = "", picture: Picture | None = None) -> dict[str, Any]:
    extra = {"picture": picture.payload()} if picture is not None else {}
    return {
        **extra,
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
        colour=int(raw.get("colour") or DEFAULT_COLOUR),
    )


def payload_picture(payload: dict[str, Any]) -> Picture | None:
    """The picture a row carries, if any; a damaged one is None (the message goes without)."""
    raw = payload.get("picture")
    if raw is None:
        return None
    try:
        return Picture.from_payload(raw)
    except ValueError:
        return None


__all__ = ["card_payload", "payload_card", "payload_picture"]
