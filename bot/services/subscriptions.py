"""Subscriptions: which events a channel wants (countries, types, keywords) and its reminders.

The chat layer and the command line call these; alerts read the same rows. Every change is
scoped to one server: a subscription number from another server is treated as unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select

from storage.db import Database
from storage.models import Subscription

Clock = Callable[[], datetime]
MAX_PER_GUILD = 50


class SubscriptionLimitError(ValueError):
    """A server already has as many subscriptions as one server may have."""


class SubscriptionService:
    """Create, list and remove a server's subscriptions; one short transaction per call."""

    def __init__(self, db: Database, clock: Clock = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._clock = clock

    def create(
        self,
        *,
        guild_id: int,
        channel_id: int,
        countries: Sequence[str] = (),
        types: Sequence[str] = (),
        keywords: Sequence[str] = (),
        reminder_offsets: Sequence[str] = (),
        created_by: int | None = None,
    ) -> tuple[Subscription, bool]:
        """The new subscription, or the identical one the channel already has (``False``)."""
        wanted = (sorted(countries), sorted(types), sorted(keywords))
        with self._db.session() as session:
            existing = session.scalars(
                select(Subscription).where(
                    Subscription.guild_id == guild_id, Subscription.channel_id == channel_id
                )
            ).all()
            for sub in existing:
                if (sorted(sub.countries), sorted(sub.types), sorted(sub.keywords)) == wanted:
                    if list(sub.reminder_offsets) != list(reminder_offsets):
                        sub.reminder_offsets = list(reminder_offsets)
                        sub.updated_at = self._clock()
                    return sub, False
            count = session.scalar(
                select(func.count())
                .select_from(Subscription)
                .where(Subscription.guild_id == guild_id)
            )
            if (count or 0) >= MAX_PER_GUILD:
                raise SubscriptionLimitError(
                    f"this server already has {MAX_PER_GUILD} subscriptions; remove one first"
                )
            now = self._clock()
            sub = Subscription(
                guild_id=guild_id,
                channel_id=channel_id,
                countries=wanted[0],
                types=wanted[1],
                keywords=wanted[2],
                reminder_offsets=list(reminder_offsets),
                created_by=created_by,
                created_at=now,
                updated_at=now,
            )
            session.add(sub)
            session.flush()
            return sub, True

    def remove(self, guild_id: int, subscription_id: int) -> Subscription | None:
        """Delete the server's subscription; None when this server has no such number."""
        with self._db.session() as session:
            sub = session.get(Subscription, subscription_id)
            if sub is None or sub.guild_id != guild_id:
                return None
            session.delete(sub)
            return sub

    def for_guild(self, guild_id: int) -> list[Subscription]:
        with self._db.session() as session:
            return list(
                session.scalars(
                    select(Subscription)
                    .where(Subscription.guild_id == guild_id)
                    .order_by(Subscription.channel_id, Subscription.id)
                )
            )
