"""/digest show and /digest set: a channel's daily digest (the very card the channel gets)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import discord
from discord import app_commands

from bot.chat import autocomplete
from bot.chat.blocking import off_loop
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.chat.parsing import parse_time_of_day, parse_timezone

if TYPE_CHECKING:
    from bot.chat.client import Diplobot

_SOURCE = {
    "channel": "this channel's setting",
    "server": "the server's setting",
    "default": "the default",
}


class DigestCog(FeatureCog, name="Digest"):
    """Daily digests: what is on today and in the week ahead."""

    digest = app_commands.Group(
        name="digest", description="The daily digest of this channel", guild_only=True
    )

    @digest.command(name="show", description="Show today's digest for this channel now.")
    async def show(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None and interaction.channel_id is not None
        preview = await off_loop(
            self.app.digests.show, interaction.guild_id, interaction.channel_id
        )
        prefs = preview.prefs
        schedule = (
            f"Posted daily at {prefs.time} {prefs.timezone} ({_SOURCE[prefs.source]})."
            if prefs.digest_enabled
            else "Daily posting is off for this channel."
        )
        if not preview.subscribed:
            schedule += " This channel has no subscriptions, so nothing is posted here yet."
        await answer(interaction, schedule, card=preview.card)

    @digest.command(name="set", description="Set when this channel gets its daily digest.")
    @app_commands.describe(
        time="Time of day, 24-hour clock (08:00)",
        timezone="IANA time zone, e.g. Europe/Paris, America/New_York, Asia/Tokyo",
        enabled="Post the digest every day (default yes)",
    )
    @app_commands.autocomplete(timezone=autocomplete.timezones)
    @app_commands.checks.has_permissions(manage_channels=True)
    async def set_(
        self,
        interaction: discord.Interaction,
        time: str,
        timezone: str,
        enabled: bool = True,
    ) -> None:
        assert interaction.guild_id is not None and interaction.channel_id is not None
        at = parse_time_of_day(time)
        zone = parse_timezone(timezone)
        prefs = await off_loop(
            self.app.digests.set,
            interaction.guild_id,
            interaction.channel_id,
            time=f"{at:%H:%M}",
            timezone=zone,
            enabled=enabled,
        )
        local = self.app.clock().astimezone(ZoneInfo(zone)).strftime("%H:%M")
        what = "will get" if prefs.digest_enabled else "will not get"
        await answer(
            interaction,
            f"This channel {what} a daily digest at {prefs.time} {prefs.timezone} "
            f"(it is {local} there now).",
        )


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(DigestCog(bot))
