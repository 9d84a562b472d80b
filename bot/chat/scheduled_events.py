"""Discord's side of scheduled-event mirroring: external events with a place and an end."""

from __future__ import annotations

import discord

from bot.alerts.mirror import EventSpec

EXTERNAL = 3
GUILD_ONLY = 2
CANCELED = 4


class DiscordEvents:
    """Creates, edits and cancels a server's scheduled events through discord.py's HTTP client."""

    def __init__(self, client: discord.Client) -> None:
        self._client = client

    @staticmethod
    def _fields(spec: EventSpec) -> dict[str, object]:
        return {
            "name": spec.name,
            "privacy_level": GUILD_ONLY,
            "scheduled_start_time": spec.start.isoformat(),
            "scheduled_end_time": spec.end.isoformat(),
            "description": spec.description,
            "entity_type": EXTERNAL,
            "entity_metadata": {"location": spec.location},
        }

    async def create(self, guild_id: int, spec: EventSpec) -> int:
        data = await self._client.http.create_guild_scheduled_event(
            guild_id, reason="diplobot timeline mirror", **self._fields(spec)
        )
        return int(data["id"])

    async def update(self, guild_id: int, discord_event_id: int, spec: EventSpec) -> None:
        await self._client.http.edit_scheduled_event(
            guild_id,
            discord_event_id,
            reason="the event changed on the timeline",
            **self._fields(spec),
        )

    async def cancel(self, guild_id: int, discord_event_id: int) -> None:
        try:
            await self._client.http.edit_scheduled_event(
                guild_id, discord_event_id, reason="called off on the timeline", status=CANCELED
            )
        except discord.NotFound:
            return  # already deleted by a member: nothing left to cancel


__all__ = ["DiscordEvents"]
