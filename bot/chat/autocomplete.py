"""Option help shared by the cogs: autocomplete for countries (names and codes), types and time
zones, the status choices, and the timeline filters' options."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import discord
from discord import app_commands

from bot.chat.parsing import lookup_countries, lookup_timezones
from bot.extract.model import EVENT_TYPES, STATUSES

_MAX = 25
T = TypeVar("T")
STATUS_CHOICES = [app_commands.Choice(name=name, value=name) for name in STATUSES]
# /timeline and /export filter the same way; their options read the same.
FILTER_DESCRIPTIONS = {
    "country": "Countries or bodies (names or codes, comma-separated), e.g. JP, United States",
    "type": "Event types, comma-separated: summit, meeting, visit, ...",
    "start": "From this date (YYYY-MM-DD, YYYY-MM, or words like 'next friday'); default today",
    "end": "Until this date (YYYY-MM-DD, YYYY-MM, or words like 'in 2 weeks')",
    "status": "Only events with this status",
}


def filter_options(func: T) -> T:
    """The timeline filters' option help, names ("from", "to"), autocomplete and choices."""
    decorators: list[Callable[[T], T]] = [
        app_commands.describe(**FILTER_DESCRIPTIONS),
        app_commands.rename(start="from", end="to"),
        app_commands.autocomplete(country=countries, type=event_types),
        app_commands.choices(status=STATUS_CHOICES),
    ]
    for decorate in reversed(decorators):
        func = decorate(func)
    return func


def _last_part(current: str) -> tuple[str, str]:
    """For comma lists: what was typed before the last comma, and the part being typed."""
    head, _, tail = current.rpartition(",")
    return (head + ", " if head else ""), tail.strip()


async def countries(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    head, tail = _last_part(current)
    choices = []
    for country in lookup_countries(tail, limit=_MAX):
        value = f"{head}{country.code}"
        label = f"{head}{country.name} ({country.code})"
        choices.append(app_commands.Choice(name=label[:100], value=value[:100]))
    return choices


async def event_types(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    head, tail = _last_part(current)
    return [
        app_commands.Choice(name=f"{head}{kind}"[:100], value=f"{head}{kind}"[:100])
        for kind in EVENT_TYPES
        if kind.startswith(tail.casefold())
    ][:_MAX]


async def timezones(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=z, value=z) for z in lookup_timezones(current, limit=_MAX)]
