"""/mirror: show this server's subscribed events as Discord scheduled events (opt-in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat.blocking import off_loop
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class MirrorCog(FeatureCog, name="Mirror"):
    """Opt-in mirroring of upcoming subscribed events as scheduled events."""

    @app_commands.command(
        name="mirror",
        description="Show upcoming subscribed events in this server's Events list (opt-in).",
    )
    @app_commands.describe(enabled="Mirror events as Discord scheduled events")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_events=True)
    @app_commands.checks.has_permissions(manage_events=True)
    async def mirror(self, interaction: discord.Interaction, enabled: bool) -> None:
        assert interaction.guild_id is not None
        await off_loop(self.app.mirroring.switch, interaction.guild_id, enabled)
        if enabled:
            text = (
                "Upcoming events that match this server's subscriptions will appear under "
                "Events within a few minutes, and follow the timeline's changes. I need the "
                "Manage Events permission for that."
            )
        else:
            text = "Mirroring is off; the events I created will be cancelled shortly."
        await answer(interaction, text)
        self.app.mirroring.sync_soon()


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(MirrorCog(bot))
