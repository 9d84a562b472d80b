"""/calendar create, list and revoke: secret calendar links a channel's members subscribe to."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat import autocomplete
from bot.chat.blocking import off_loop
from bot.chat.checks import managers_group
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.chat.parsing import UserInputError, parse_countries, parse_keywords, parse_types
from bot.render.text import escape, join_within
from bot.services.calendars import describe_filters

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class CalendarCog(FeatureCog, name="Calendar"):
    """Calendar links: the timeline in calendar apps, kept up to date."""

    calendar = managers_group("calendar", "Calendar links calendar apps subscribe to")

    @calendar.command(
        name="create", description="Make a secret calendar link (optionally filtered)."
    )
    @app_commands.describe(
        countries="Countries or bodies, comma-separated (JP, United States, EU); empty = any",
        types="Event types, comma-separated (summit, tariff, ...); empty = any",
        keywords="Words that must appear (any of them), comma-separated",
        channel="The channel the link belongs to (default: this channel)",
    )
    @app_commands.autocomplete(countries=autocomplete.countries, types=autocomplete.event_types)
    @app_commands.checks.has_permissions(manage_channels=True)
    async def create(
        self,
        interaction: discord.Interaction,
        countries: str | None = None,
        types: str | None = None,
        keywords: str | None = None,
        channel: discord.TextChannel | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        target = channel.id if channel else interaction.channel_id
        if target is None:
            raise UserInputError("Pick a text channel for the calendar link.")
        made = await off_loop(
            self.app.calendars.create,
            guild_id=interaction.guild_id,
            channel_id=target,
            countries=parse_countries(countries),
            types=parse_types(types),
            keywords=parse_keywords(keywords),
            created_by=interaction.user.id,
        )
        number = made.calendar.id
        await answer(
            interaction,
            f"Calendar link #{number} ({escape(describe_filters(made.calendar))}):\n"
            f"Calendar apps: <{made.ics_url}>\n"
            f"Web page: <{made.page_url}>\n"
            "Anyone with the link sees this calendar, so share it with care. It is shown only "
            f"now; revoke it with `/calendar revoke calendar:{number}`.",
        )

    @calendar.command(name="list", description="List this server's calendar links.")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        found = await off_loop(self.app.calendars.for_guild, interaction.guild_id)
        if not found:
            await answer(interaction, "This server has no calendar links; make one with "
                         "`/calendar create`.")  # fmt: skip
            return
        lines = []
        for cal in found:
            state = (
                f"revoked {cal.revoked_at:%Y-%m-%d}"
                if cal.revoked_at
                else f"made {cal.created_at:%Y-%m-%d}"
            )
            lines.append(
                f"#{cal.id} <#{cal.channel_id}>: {escape(describe_filters(cal))} ({state})"
            )
        await answer(
            interaction,
            "Calendar links of this server (links are shown only when made):\n"
            + join_within(lines, 1800),
        )

    @calendar.command(name="revoke", description="Stop a calendar link from working.")
    @app_commands.describe(calendar="The link's number, from /calendar list")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def revoke(
        self, interaction: discord.Interaction, calendar: app_commands.Range[int, 1, 2**62]
    ) -> None:
        assert interaction.guild_id is not None
        await off_loop(self.app.calendars.revoke, interaction.guild_id, calendar)
        await answer(interaction, f"Calendar link #{calendar} is revoked; it answers no more.")


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(CalendarCog(bot))
