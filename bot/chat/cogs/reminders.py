"""/reminders: a member's own reminders (set with "Remind me" under events), listed or
cancelled one by one; always ephemeral, and only ever the member's own."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat.blocking import off_loop
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.chat.reminder_buttons import DYNAMIC_ITEMS

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class RemindersCog(FeatureCog, name="Reminders"):
    """A member's reminders, and the "Remind me" buttons that set them."""

    async def cog_load(self) -> None:
        # Buttons posted before a restart answer after it: they are matched by custom id.
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)

    @app_commands.command(
        name="reminders", description="Your reminders of events; cancel one by its number."
    )
    @app_commands.describe(cancel="The number of one of your reminders to cancel")
    async def reminders(
        self,
        interaction: discord.Interaction,
        cancel: app_commands.Range[int, 1] | None = None,
    ) -> None:
        service = self.app.member_reminders
        user_id = interaction.user.id
        if cancel is not None:
            notice = await off_loop(service.closed_notice, user_id)
            text = await off_loop(service.cancel, user_id, cancel)
            await answer(interaction, f"{notice}\n\n{text}" if notice else text)
            return
        listing = await off_loop(service.listing, user_id)
        await answer(interaction, listing.notice, card=listing.card)


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(RemindersCog(bot))
