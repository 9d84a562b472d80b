"""/timeline and /event: reading the timeline, as pages of events or (``view:picture``) as
the picture of the 14 days from the filter's first day."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands

from bot.chat import autocomplete
from bot.chat.blocking import off_loop
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import NO_MENTIONS, card_embed
from bot.chat.filters import describe, timeline_filter
from bot.chat.parsing import UserInputError
from bot.chat.reminder_buttons import remind_me_view
from bot.chat.views import PAGE_SIZE, TimelinePager, timeline_embed
from bot.render import day_text, event_card
from bot.render.draw import PICTURE_NAME, draw_png
from storage.repos.events import TimelineFilter

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class TimelineCog(FeatureCog, name="Timeline"):
    """The timeline and single events."""

    @app_commands.command(name="timeline", description="Upcoming diplomatic events, with filters.")
    @autocomplete.filter_options
    @app_commands.describe(view="list (pages of events, the default) or picture (14 days)")
    async def timeline(
        self,
        interaction: discord.Interaction,
        country: str | None = None,
        type: str | None = None,
        start: str | None = None,
        end: str | None = None,
        status: app_commands.Choice[str] | None = None,
        view: Literal["list", "picture"] = "list",
    ) -> None:
        today = self.app.clock().date()
        query = timeline_filter(today, country, type, start, end, status)
        if view == "picture":
            await self._picture(interaction, query, today)
            return
        page = await off_loop(self.app.reader.page, query, 1, PAGE_SIZE)
        view = TimelinePager(self.app.reader, query, page)
        await interaction.response.send_message(
            embed=timeline_embed(query, page), view=view, allowed_mentions=NO_MENTIONS
        )

    async def _picture(
        self, interaction: discord.Interaction, query: TimelineFilter, today: date
    ) -> None:
        """The 14 days as a picture, drawn off the event loop, with its alt text."""
        await interaction.response.defer(thinking=True)
        what = describe(replace(query, start=None, end=None))
        title = f"Timeline · {what}" if what else "Timeline"
        picture = await off_loop(self.app.reader.picture, query, today, title=title)
        png = await off_loop(draw_png, picture)
        count = f"{picture.events} event{'' if picture.events == 1 else 's'}"
        await interaction.followup.send(
            f"{count} in the 14 days from {day_text(picture.first)}"
            + (f" ({what})." if what else "."),
            file=discord.File(io.BytesIO(png), PICTURE_NAME, description=picture.alt),
            allowed_mentions=NO_MENTIONS,
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
        # The event's card carries the "Remind me" button, like alerts in channels do.
        await interaction.response.send_message(
            embed=card_embed(event_card(detail.view())),
            view=remind_me_view(id),
            allowed_mentions=NO_MENTIONS,
        )


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(TimelineCog(bot))
