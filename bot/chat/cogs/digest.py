"""/digest show and /digest set: a channel's daily digest (the very card the channel gets),
with the picture of the next 14 days when the channel asked for it (``picture:on``)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands

from bot.chat import autocomplete
from bot.chat.blocking import off_loop
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import NO_MENTIONS, answer, card_embed
from bot.chat.parsing import parse_time_of_day, parse_timezone
from bot.render.draw import PICTURE_NAME, draw_png

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
        if preview.picture is None:
            await answer(interaction, schedule, card=preview.card)
            return
        await interaction.response.defer(thinking=True, ephemeral=True)
        png = await off_loop(draw_png, preview.picture)
        await interaction.followup.send(
            schedule + " With the picture of the next 14 days.",
            embed=card_embed(preview.card),
            file=discord.File(io.BytesIO(png), PICTURE_NAME, description=preview.picture.alt),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @digest.command(
        name="set", description="Set when this channel gets its daily digest, and its picture."
    )
    @app_commands.describe(
        time="Time of day, 24-hour clock (08:00); give the time zone with it",
        timezone="IANA time zone, e.g. Europe/Paris, America/New_York, Asia/Tokyo",
        enabled="Post the digest every day (setting a time turns it on)",
        picture="Add a picture of the next 14 days to the digest",
    )
    @app_commands.autocomplete(timezone=autocomplete.timezones)
    @app_commands.checks.has_permissions(manage_channels=True)
    async def set_(
        self,
        interaction: discord.Interaction,
        time: str | None = None,
        timezone: str | None = None,
        enabled: bool | None = None,
        picture: Literal["on", "off"] | None = None,
    ) -> None:
        assert interaction.guild_id is not None and interaction.channel_id is not None
        at = f"{parse_time_of_day(time):%H:%M}" if time is not None else None
        zone = parse_timezone(timezone) if timezone is not None else None
        prefs = await off_loop(
            self.app.digests.set,
            interaction.guild_id,
            interaction.channel_id,
            time=at,
            timezone=zone,
            enabled=enabled,
            picture=None if picture is None else picture == "on",
        )
        local = self.app.clock().astimezone(prefs.zone).strftime("%H:%M")
        what = "will get" if prefs.digest_enabled else "will not get"
        drawn = " with a picture of the next 14 days" if prefs.picture else ""
        await answer(
            interaction,
            f"This channel {what} a daily digest{drawn} at {prefs.time} {prefs.timezone} "
            f"(it is {local} there now).",
        )


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(DigestCog(bot))
