"""/status: how delivery goes in this server (messages waiting and failed with their reasons,
feeds in trouble, news not read, the last digest, the bot's version), and where the bot's
notices to admins go. For members with Manage Server."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat.blocking import off_loop
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.render import status_card

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class StatusCog(FeatureCog, name="Status"):
    """Delivery's state for the server's admins."""

    @app_commands.command(
        name="status",
        description="Messages waiting and failed, feeds in trouble, the last digest.",
    )
    @app_commands.describe(notices="Send the bot's notices for admins to this channel from now on")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def status(
        self, interaction: discord.Interaction, notices: discord.TextChannel | None = None
    ) -> None:
        assert interaction.guild_id is not None
        text = None
        if notices is not None:
            await off_loop(self.app.status.set_notice_channel, interaction.guild_id, notices.id)
            text = f"Notices for admins now go to <#{notices.id}>."
        view = await off_loop(self.app.status.status, interaction.guild_id)
        await answer(interaction, text, card=status_card(view))


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(StatusCog(bot))
