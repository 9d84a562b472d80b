"""Which subscriptions want which events: countries, types and keywords (empty = any)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from sqlalchemy.orm import Session

from bot.names import participant_name
from config.offsets import stored_offsets
from storage.models import EventRow, Subscription
from storage.repos import subscriptions as subscription_repo


@dataclass(frozen=True, slots=True)
class Rule:
    """A subscription reduced to what matching and planning need."""

    id: int
    guild_id: int
    channel_id: int
    countries: frozenset[str]
    types: frozenset[str]
    keywords: tuple[str, ...]
    offsets: tuple[timedelta, ...]

    def matches(self, event: EventRow, extra_text: str = "") -> bool:
        if self.types and event.type.lower() not in self.types:
            return False
        if self.countries and not self.countries & set(event.participant_codes):
            return False
        if self.keywords:
            haystack = event_text(event, extra_text)
            return any(k in haystack for k in self.keywords)
        return True


@lru_cache(maxsize=8192)
def _names(participants: str) -> tuple[str, ...]:
    """Participant names of a stored participants string (calendars match thousands of
    events per read; the same few combinations come back again and again)."""
    return tuple(participant_name(code) for code in participants.split())


def event_text(event: EventRow, extra: str = "") -> str:
    """The words a keyword can match: title, place, people, country names, the evidence."""
    names = _names(event.participants)
    parts = [event.title, event.location or "", *event.people, *names, extra]
    return " ".join(p for p in parts if p).lower()


def rule_from(sub: Subscription, default_offsets: Sequence[str]) -> Rule:
    return Rule(
        id=int(sub.id or 0),
        guild_id=sub.guild_id,
        channel_id=sub.channel_id,
        countries=frozenset(c.upper() for c in sub.countries or ()),
        types=frozenset(t.lower() for t in sub.types or ()),
        keywords=tuple(k.lower().strip() for k in sub.keywords or () if k.strip()),
        offsets=stored_offsets(sub.reminder_offsets or default_offsets),
    )


def active_rules(
    session: Session, default_offsets: Sequence[str], *, channels: Iterable[int] | None = None
) -> list[Rule]:
    """Every subscription that is not paused (optionally only those of some channels)."""
    return [
        rule_from(sub, default_offsets)
        for sub in subscription_repo.active(session, channels=channels)
    ]


__all__ = ["Rule", "active_rules", "event_text", "rule_from"]
