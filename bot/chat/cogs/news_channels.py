"""News channels: /newschannels add|remove|list, and reading what is posted there as news.

A message in a news channel (including crossposts from followed announcement channels) is
read twice over: its own text as an article, and each page it links (at most three),
fetched with the guarded fetcher. New and changed events then alert subscribed channels like
any other news.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.chat.embeds import NO_MENTIONS
from bot.chat.parsing import UserInputError
from bot.extract.model import Article
from bot.news.channels import MessageText, NewsChannelService, links_in, message_article

if TYPE_CHECKING:
    from bot.chat.client import Diplobot

log = logging.getLogger("diplobot.chat")


def message_text(message: discord.Message) -> str:
    """The message's words plus those of its embeds (crossposted news often comes as embeds)."""
    parts = [message.content or ""]
    for embed in message.embeds:
        parts.extend(p for p in (embed.title, embed.description, embed.url) if p)
    return "\n".join(p for p in parts if p)


class NewsChannelsCog(commands.Cog, name="NewsChannels"):
    """Channels whose messages are read as news."""

    group = app_commands.Group(
        name="newschannels",
        description="Channels whose messages (and the pages they link) are read as news",
        guild_only=True,
        default_permissions=discord.Permissions(manage_channels=True),
    )

    def __init__(self, bot: Diplobot) -> None:
        self.bot = bot
        self.channels = NewsChannelService(bot.services.database, bot.services.clock)
        self._tasks: set[asyncio.Task[None]] = set()

    async def cog_load(self) -> None:
        await asyncio.to_thread(self.channels.all_ids)

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
        assert interaction.guild_id is not None and interaction.channel_id is not None
        target = channel.id if channel else interaction.channel_id
        try:
            added = await asyncio.to_thread(
                self.channels.add, interaction.guild_id, target, interaction.user.id
            )
        except ValueError as exc:
            raise UserInputError(f"{str(exc).capitalize()}.") from None
        text = (
            f"I will read new messages in <#{target}> as news, and the pages they link."
            if added
            else f"<#{target}> is already a news channel."
        )
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @group.command(name="remove", description="Stop reading a channel as news.")
    @app_commands.describe(channel="The channel (default: this one)")
    @app_commands.checks.has_permissions(manage_channels=True)
    async def remove(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        assert interaction.guild_id is not None and interaction.channel_id is not None
        target = channel.id if channel else interaction.channel_id
        removed = await asyncio.to_thread(self.channels.remove, interaction.guild_id, target)
        text = (
            f"I no longer read <#{target}> as news."
            if removed
            else f"<#{target}> is not a news channel; see /newschannels list."
        )
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @group.command(name="list", description="The channels this server reads as news.")
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        rows = await asyncio.to_thread(self.channels.for_guild, interaction.guild_id)
        text = (
            "News channels: " + ", ".join(f"<#{r.channel_id}>" for r in rows)
            if rows
            else "No news channels yet. Add one with /newschannels add."
        )
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)

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
        text = message_text(message)
        articles: list[Article] = []
        own = message_article(
            MessageText(
                guild_id=message.guild.id,
                channel_id=message.channel.id,
                message_id=message.id,
                channel_name=getattr(message.channel, "name", "news"),
                created=message.created_at.date(),
                text=text,
            )
        )
        if own is not None:
            articles.append(own)
        urls = self.bot.services.urls
        for link in links_in(text):
            try:
                articles.append(await urls.fetch(link, dct=message.created_at.date()))
            except UserInputError as exc:
                log.info("news channel %s: link %s not read: %s", message.channel.id, link, exc)
        changed = 0
        timeline = self.bot.services.timeline
        for article in articles:
            try:
                result = await asyncio.to_thread(timeline.ingest, article)
            except Exception:  # one bad article must not stop the channel
                log.exception(
                    "news channel %s: ingesting %s failed", message.channel.id, article.id
                )
                continue
            changed += len(result.created) + len(result.updated)
        if changed:
            delivery = self.bot.get_cog("Delivery")
            runtime = getattr(delivery, "runtime", None)
            if runtime is not None:
                runtime.sender.kick()
        return changed


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(NewsChannelsCog(bot))
