"""Which subscriptions want which events: countries, types and keywords (empty = any)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.titles import participant_name
from storage.models import EventRow, Subscription

DEFAULT_OFFSETS: tuple[str, ...] = ("1d", "1h")
_OFFSET = re.compile(r"^\s*(\d{1,4})\s*([mhdw])\s*$", re.I)
_UNIT = {"m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_offset(text: str) -> timedelta | None:
    """``"1d"`` -> one day (the format subscriptions store); None when unreadable."""
    match = _OFFSET.match(text or "")
    if not match:
        return None
    return timedelta(seconds=int(match[1]) * _UNIT[match[2].lower()])


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


def event_text(event: EventRow, extra: str = "") -> str:
    """The words a keyword can match: title, place, people, country names, the evidence."""
    names = [participant_name(code) for code in event.participant_codes]
    parts = [event.title, event.location or "", *event.people, *names, extra]
    return " ".join(p for p in parts if p).lower()


def rule_from(sub: Subscription, default_offsets: Sequence[str] = DEFAULT_OFFSETS) -> Rule:
    offsets = [parse_offset(o) for o in (sub.reminder_offsets or default_offsets)]
    return Rule(
        id=int(sub.id or 0),
        guild_id=sub.guild_id,
        channel_id=sub.channel_id,
        countries=frozenset(c.upper() for c in sub.countries or ()),
        types=frozenset(t.lower() for t in sub.types or ()),
        keywords=tuple(k.lower().strip() for k in sub.keywords or () if k.strip()),
        offsets=tuple(sorted({o for o in offsets if o and o > timedelta(0)}, reverse=True)),
    )


def active_rules(
    session: Session,
    default_offsets: Sequence[str] = DEFAULT_OFFSETS,
    *,
    channels: Iterable[int] | None = None,
) -> list[Rule]:
    """Every subscription that is not paused (optionally only those of some channels)."""
    stmt = select(Subscription).where(Subscription.paused.is_(False)).order_by(Subscription.id)
    if channels is not None:
        stmt = stmt.where(Subscription.channel_id.in_(list(channels)))
    return [rule_from(sub, default_offsets) for sub in session.scalars(stmt)]


__all__ = ["DEFAULT_OFFSETS", "Rule", "active_rules", "event_text", "parse_offset", "rule_from"]
