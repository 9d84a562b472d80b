"""Interactive message parts: the timeline's page buttons."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.chat.blocking import off_loop
from bot.chat.embeds import NO_MENTIONS, card_embed
from bot.chat.errors import UNEXPECTED, send_ephemeral
from bot.chat.filters import describe
from bot.render import timeline_card
from bot.services.timeline_reader import TimelinePage, TimelineReader
from storage.repos.events import TimelineFilter

log = logging.getLogger("diplobot.chat")
PAGE_SIZE = 10


def timeline_embed(filters: TimelineFilter, page: TimelinePage) -> discord.Embed:
    card = timeline_card(
        page.events, page=page.page, has_more=page.has_next, filters=describe(filters)
    )
    return card_embed(card)


class TimelinePager(discord.ui.View):
    """Previous/next buttons over one timeline query; the query lives in the view."""

    def __init__(self, reader: TimelineReader, query: TimelineFilter, page: TimelinePage) -> None:
        super().__init__(timeout=600)
        self.reader = reader
        self.query = query
        self.page = page
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page.page <= 1
        self.next.disabled = not self.page.has_next

    async def _show(self, interaction: discord.Interaction, number: int) -> None:
        self.page = await off_loop(self.reader.page, self.query, number, PAGE_SIZE)
        self._sync_buttons()
        await interaction.response.edit_message(
            embed=timeline_embed(self.query, self.page), view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="Previous", emoji="◀️", custom_id="timeline:previous")
    async def previous(
        self, interaction: discord.Interaction, _button: discord.ui.Button[Any]
    ) -> None:
        await self._show(interaction, max(1, self.page.page - 1))

    @discord.ui.button(label="Next", emoji="▶️", custom_id="timeline:next")
    async def next(self, interaction: discord.Interaction, _button: discord.ui.Button[Any]) -> None:
        await self._show(interaction, self.page.page + 1)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        log.error(
            "unexpected error paging the timeline (guild=%s channel=%s user=%s)",
            interaction.guild_id,
            interaction.channel_id,
            interaction.user.id,
            exc_info=error,
        )
        await send_ephemeral(interaction, UNEXPECTED)
