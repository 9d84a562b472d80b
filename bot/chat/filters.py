"""Timeline filters from slash-command options: the command line's rules, upcoming by default."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from discord import app_commands

from bot.chat.parsing import UserInputError
from bot.names import participant_name
from bot.services.filters import build_filter
from storage.repos.events import TimelineFilter


def describe(filters: TimelineFilter) -> str:
    """The filters in words, for a timeline's heading."""
    parts = []
    if filters.countries:
        parts.append(", ".join(participant_name(c) for c in filters.countries))
    if filters.types:
        parts.append(", ".join(filters.types))
    if filters.statuses:
        parts.append(", ".join(filters.statuses))
    if filters.start and filters.end:
        parts.append(f"{filters.start:%d %b %Y} to {filters.end:%d %b %Y}")
    elif filters.start:
        parts.append(f"from {filters.start:%d %b %Y}")
    elif filters.end:
        parts.append(f"until {filters.end:%d %b %Y}")
    return " · ".join(parts)


def timeline_filter(
    today: date,
    country: str | None,
    event_type: str | None,
    start: str | None,
    end: str | None,
    status: app_commands.Choice[str] | None,
) -> TimelineFilter:
    """Options as typed -> the same filter the command line builds; upcoming when no dates."""
    try:
        filters = build_filter(
            today=today,
            start=start,
            end=end,
            countries=[country] if country else [],
            types=[event_type] if event_type else [],
            statuses=[status.value] if status else [],
        )
    except ValueError as exc:
        raise UserInputError(str(exc)) from None
    if filters.start is None and filters.end is None:
        filters = replace(filters, start=today)
    return filters
