"""/feeds add|remove|list: the RSS/Atom feeds a server reads news from."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat.blocking import off_loop
from bot.chat.checks import managers_group
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.chat.parsing import UserInputError
from bot.render import clip, feed_line

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class FeedsCog(FeatureCog, name="Feeds"):
    """Where a server's news comes from."""

    feeds = managers_group("feeds", "The RSS/Atom feeds this server reads news from")

    @feeds.command(name="add", description="Read news from an RSS or Atom feed.")
    @app_commands.describe(
        url="The feed's address (https://...)",
        channel="Where to post its new events (default: this channel)",
    )
    @app_commands.checks.has_permissions(manage_channels=True)
    async def add(
        self,
        interaction: discord.Interaction,
        url: app_commands.Range[str, 8, 2000],
        channel: discord.TextChannel | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        target = channel.id if channel else interaction.channel_id
        feeds = self.app.feeds
        if feeds.validates:
            # A first fetch can take seconds: answer "thinking" now, the result follows.
            await interaction.response.defer(ephemeral=True, thinking=True)
            await feeds.probe(url)
        feed, created = await off_loop(
            feeds.add, guild_id=interaction.guild_id, channel_id=target, url=url
        )
        text = (
            f"Added feed #{feed.id}: <{feed.url}>. New articles will be read every "
            f"{self.app.settings.feed_poll_minutes} minutes."
            if created
            else f"This server already reads <{feed.url}> (feed #{feed.id})."
        )
        await answer(interaction, text)

    @feeds.command(name="remove", description="Stop reading a feed.")
    @app_commands.describe(feed="The feed's number, from /feeds list")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def remove(
        self, interaction: discord.Interaction, feed: app_commands.Range[int, 1, 2**62]
    ) -> None:
        assert interaction.guild_id is not None
        removed = await off_loop(self.app.feeds.remove, interaction.guild_id, feed)
        if removed is None:
            raise UserInputError(
                f"This server has no feed #{feed}. Use /feeds list to see their numbers."
            )
        await answer(
            interaction,
            f"Removed feed #{feed} (<{removed.url}>).",
        )

    @feeds.command(name="list", description="List this server's feeds.")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        found = await off_loop(self.app.feeds.for_guild, interaction.guild_id)
        if not found:
            text = "This server reads no feeds yet. Add one with /feeds add."
        else:
            lines = [feed_line(f) for f in found]
            text = "**Feeds of this server**\n" + clip("\n".join(lines), 1900)
        await answer(interaction, text)


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(FeedsCog(bot))
