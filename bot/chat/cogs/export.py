"""/export: the filtered timeline as an iCalendar (.ics) attachment."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat import autocomplete
from bot.chat.blocking import off_loop
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import NO_MENTIONS
from bot.chat.filters import describe, timeline_filter
from bot.chat.parsing import UserInputError

if TYPE_CHECKING:
    from bot.chat.client import Diplobot

MAX_EXPORT = 2000


class ExportCog(FeatureCog, name="Export"):
    """Calendar files of the timeline."""

    @app_commands.command(
        name="export", description="Download the timeline as a calendar (.ics) file."
    )
    @autocomplete.filter_options
    async def export(
        self,
        interaction: discord.Interaction,
        country: str | None = None,
        type: str | None = None,
        start: str | None = None,
        end: str | None = None,
        status: app_commands.Choice[str] | None = None,
    ) -> None:
        filters = timeline_filter(self.app.clock().date(), country, type, start, end, status)
        await interaction.response.defer(thinking=True, ephemeral=True)
        count, data = await off_loop(self.app.reader.export_ics, filters, MAX_EXPORT)
        if count == 0:
            raise UserInputError("No events match these filters, so there is nothing to export.")
        what = describe(filters) or "the timeline"
        more = (
            f" (the first {MAX_EXPORT}; narrow the filters for the rest)"
            if count > MAX_EXPORT
            else ""
        )
        await interaction.followup.send(
            f"{min(count, MAX_EXPORT)} events from {what}{more}. "
            "Day dates are all-day events; times are kept as reported.",
            file=discord.File(io.BytesIO(data), filename="diplobot-timeline.ics"),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(ExportCog(bot))
