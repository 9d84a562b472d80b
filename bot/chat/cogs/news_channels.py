"""News channels: /newschannels add|remove|list, and handing what is posted there to the
news channel service (which reads the message and the pages it links as news).

Crossposts from followed announcement channels count as messages of the channel.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.blocking import off_loop
from bot.chat.checks import managers_group
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.news.channels import MessageText

if TYPE_CHECKING:
    from bot.chat.client import Diplobot

log = logging.getLogger("diplobot.chat")


def message_text(message: discord.Message) -> str:
    """The message's words plus those of its embeds (crossposted news often comes as embeds)."""
    parts = [message.content or ""]
    for embed in message.embeds:
        parts.extend(p for p in (embed.title, embed.description, embed.url) if p)
    return "\n".join(p for p in parts if p)


def _target(interaction: discord.Interaction, channel: discord.TextChannel | None) -> int:
    """The channel named in the options, else the one the command was typed in."""
    target = channel.id if channel else interaction.channel_id
    assert target is not None
    return target


class NewsChannelsCog(FeatureCog, name="NewsChannels"):
    """Channels whose messages are read as news."""

    group = managers_group(
        "newschannels", "Channels whose messages (and the pages they link) are read as news"
    )

    def __init__(self, bot: Diplobot) -> None:
        super().__init__(bot)
        self.channels = self.app.news_channels
        self._tasks: set[asyncio.Task[int]] = set()

    async def cog_load(self) -> None:
        await off_loop(self.channels.all_ids)

    async def idle(self) -> None:
        """Wait until every message received so far has been read."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def cog_unload(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    # ------------------------------------------------------------------ commands
    @group.command(name="add", description="Read this channel's messages as news.")
    @app_commands.describe(channel="The channel to read (default: this one)")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def add(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        assert interaction.guild_id is not None
        target = _target(interaction, channel)
        added = await off_loop(self.channels.add, interaction.guild_id, target, interaction.user.id)
        text = (
            f"I will read new messages in <#{target}> as news, and the pages they link."
            if added
            else f"<#{target}> is already a news channel."
        )
        await answer(interaction, text)

    @group.command(name="remove", description="Stop reading a channel as news.")
    @app_commands.describe(channel="The channel (default: this one)")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def remove(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        assert interaction.guild_id is not None
        target = _target(interaction, channel)
        removed = await off_loop(self.channels.remove, interaction.guild_id, target)
        text = (
            f"I no longer read <#{target}> as news."
            if removed
            else f"<#{target}> is not a news channel; see /newschannels list."
        )
        await answer(interaction, text)

    @group.command(name="list", description="The channels this server reads as news.")
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        rows = await off_loop(self.channels.for_guild, interaction.guild_id)
        text = (
            "News channels: " + ", ".join(f"<#{r.channel_id}>" for r in rows)
            if rows
            else "No news channels yet. Add one with /newschannels add."
        )
        await answer(interaction, text)

    # ------------------------------------------------------------------ reading
    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.guild is None or not self.channels.is_news_channel(message.channel.id):
            return
        me = self.bot.user
        if me is not None and message.author.id == me.id:
            return
        task = asyncio.get_running_loop().create_task(self.read(message), name="news-message")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def read(self, message: discord.Message) -> int:
        """Ingest the message and its links; returns how many events were created or changed."""
        assert message.guild is not None
        return await self.channels.read(
            MessageText(
                guild_id=message.guild.id,
                channel_id=message.channel.id,
                message_id=message.id,
                channel_name=getattr(message.channel, "name", "news"),
                created=message.created_at.date(),
                text=message_text(message),
            )
        )


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(NewsChannelsCog(bot))
