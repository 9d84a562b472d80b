"""Subscriptions: which events a channel wants (countries, types, keywords) and its reminders.

The chat layer and the command line call these; alerts read the same rows. Every change is
scoped to one server: a subscription number from another server is treated as unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from bot.clock import Clock
from bot.services.errors import Refused
from config.offsets import format_offset, parse_offsets
from storage.db import Database
from storage.models import Subscription
from storage.repos import subscriptions as subscription_repo
from storage.repos.guild_rows import remove_in_guild

MAX_PER_GUILD = 50


class SubscriptionLimitError(Refused):
    """A server already has as many subscriptions as one server may have."""


class Outcome(StrEnum):
    """What ``create`` did, so both the chat and the command line can say it."""

    CREATED = "created"
    UPDATED = "updated"  # the channel had it; its reminders changed or stayed
    RESUMED = "resumed"  # the channel had it paused (it had lost the channel); now active

    def sentence(self, number: int) -> str:
        """The reply's first words, e.g. "Subscribed this channel (#3)"."""
        return {
            Outcome.CREATED: f"Subscribed this channel (#{number})",
            Outcome.UPDATED: f"This channel already had that subscription (#{number}); "
            "reminders updated",
            Outcome.RESUMED: f"Resumed the paused subscription #{number}: alerts and "
            "reminders flow to this channel again",
        }[self]

    def brief(self) -> str:
        """The command line's shorter word for the same outcome."""
        return {
            Outcome.CREATED: "subscribed",
            Outcome.UPDATED: "the channel already had it; reminders updated",
            Outcome.RESUMED: "resumed (it was paused)",
        }[self]


class SubscriptionService:
    """Create, list and remove a server's subscriptions; one short transaction per call."""

    def __init__(self, db: Database, clock: Clock, default_offsets: Sequence[str]) -> None:
        self._db = db
        self._clock = clock
        self._default_offsets = tuple(default_offsets)

    def offsets(self, typed: str | None) -> list[str]:
        """Reminder offsets as typed ("1d, 1h"), else the defaults, in the stored form."""
        try:
            found = parse_offsets(typed or ", ".join(self._default_offsets))
        except ValueError as exc:
            raise Refused(str(exc)) from None
        return [format_offset(o) for o in found]

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
    ) -> tuple[Subscription, Outcome]:
        """The new subscription, or the identical one the channel already has.

        Subscribing again is how an admin resumes a subscription that was paused when the
        bot lost the channel, so an identical paused one is made active again.
        """
        wanted = (sorted(countries), sorted(types), sorted(keywords))
        with self._db.session() as session:
            for sub in subscription_repo.for_channel(session, guild_id, channel_id):
                if (sorted(sub.countries), sorted(sub.types), sorted(sub.keywords)) == wanted:
                    outcome = Outcome.RESUMED if sub.paused else Outcome.UPDATED
                    if sub.paused or list(sub.reminder_offsets) != list(reminder_offsets):
                        sub.reminder_offsets = list(reminder_offsets)
                        sub.paused = False
                        sub.paused_reason = None
                        sub.updated_at = self._clock()
                    return sub, outcome
            if subscription_repo.count_for_guild(session, guild_id) >= MAX_PER_GUILD:
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
            return sub, Outcome.CREATED

    def remove(self, guild_id: int, subscription_id: int) -> Subscription | None:
        """Delete the server's subscription; None when this server has no such number."""
        with self._db.session() as session:
            return remove_in_guild(session, Subscription, guild_id, subscription_id)

    def for_guild(self, guild_id: int) -> list[Subscription]:
        with self._db.session() as session:
            return subscription_repo.for_guild(session, guild_id)


__all__ = ["MAX_PER_GUILD", "Outcome", "SubscriptionLimitError", "SubscriptionService"]
