"""Words to a server's admins (a channel paused, a message refused, news that could not be
read): queued like any message, to the channel the server chose with ``/status``, else the
installation's ``DIPLOBOT_ADMIN_CHANNEL_ID`` or the server's system channel (the publisher
picks those for a row addressed to channel 0).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.alerts import kinds
from bot.alerts.messages import card_payload
from bot.render import Card
from storage.repos import outbox
from storage.repos import settings as settings_repo

# A notice row addressed here goes to the server's default place for notices.
DEFAULT_PLACE = 0


def notify_admins(session: Session, guild_id: int, key: str, card: Card, now: datetime) -> bool:
    """Queue ``card`` for the server's admins once per ``key``; True when it was queued."""
    return outbox.enqueue(
        session,
        key=f"notice:{key}",
        channel_id=settings_repo.admin_channel(session, guild_id) or DEFAULT_PLACE,
        guild_id=guild_id,
        kind=kinds.NOTICE,
        payload=card_payload(card),
        now=now,
    )


__all__ = ["DEFAULT_PLACE", "notify_admins"]
