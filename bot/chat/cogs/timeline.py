"""/timeline and /event: reading the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat import autocomplete
from bot.chat.blocking import off_loop
from bot.chat.embeds import NO_MENTIONS, card_embed
from bot.chat.filters import timeline_filter
from bot.chat.parsing import UserInputError
from bot.chat.views import PAGE_SIZE, TimelinePager, timeline_embed
from bot.render import event_card

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class TimelineCog(commands.Cog, name="Timeline"):
    """The timeline and single events."""

    def __init__(self, bot: Diplobot) -> None:
        self.app = bot.app

    @app_commands.command(name="timeline", description="Upcoming diplomatic events, with filters.")
    @app_commands.describe(**autocomplete.FILTER_DESCRIPTIONS)
    @app_commands.rename(start="from", end="to")
    @app_commands.autocomplete(country=autocomplete.countries, type=autocomplete.event_types)
    @app_commands.choices(status=autocomplete.STATUS_CHOICES)
    async def timeline(
        self,
        interaction: discord.Interaction,
        country: str | None = None,
        type: str | None = None,
        start: str | None = None,
        end: str | None = None,
        status: app_commands.Choice[str] | None = None,
    ) -> None:
        today = self.app.clock().date()
        query = timeline_filter(
            today,
            country=country,
            event_type=type,
            start=start,
            end=end,
            status=status.value if status else None,
        )
        page = await off_loop(self.app.reader.page, query, 1, PAGE_SIZE)
        view = TimelinePager(self.app.reader, query, page)
        await interaction.response.send_message(
            embed=timeline_embed(query, page), view=view, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(
        name="event", description="One event: date, status, who, where, sources, history."
    )
    @app_commands.describe(id="The event's number, as shown on the timeline (#12)")
    async def event(
        self,
        interaction: discord.Interaction,
        id: app_commands.Range[int, 1, 2**62],
    ) -> None:
        detail = await off_loop(self.app.reader.detail, id)
        if detail is None:
            raise UserInputError(
                f"There is no event #{id}. Use /timeline to find an event's number."
            )
        await interaction.response.send_message(
            embed=card_embed(event_card(detail.view())), allowed_mentions=NO_MENTIONS
        )


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(TimelineCog(bot))
