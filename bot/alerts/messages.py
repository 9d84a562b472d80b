"""What the outbox stores for a message: a card as JSON (the publisher makes the embed).

Cards are rendered when the row is written, so the message says what was true when it was
planned; a later change of the event plans a new message (and cancels stale reminders).
"""

from __future__ import annotations

from typing import Any

from bot.render import DEFAULT_COLOUR, Card


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
        colour=int(raw.get("colour") or DEFAULT_COLOUR),
    )


__all__ = ["card_payload", "payload_card"]
