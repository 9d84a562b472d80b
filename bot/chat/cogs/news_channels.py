"""News channels: /newschannels add|remove|list, and handing what is posted there to the
news channel service (which reads the message and the pages it links as news): live, and on
every (re)connection what was posted while the bot was away, through Discord's history.

Crossposts from followed announcement channels count as messages of the channel.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

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
UNLOAD_WAIT_S = 3.0


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
        """Shutdown: messages being read finish (a few seconds at most); the rest stop."""
        if self._tasks:
            _, late = await asyncio.wait(set(self._tasks), timeout=UNLOAD_WAIT_S)
            for task in late:
                task.cancel()

    def _spawn(self, work: Coroutine[Any, Any, int], name: str) -> None:
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

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
        if self._own(message):
            return
        self._spawn(self.read(message), "news-message")

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Connected (again, after a session was lost): read what came meanwhile."""
        if self.app.settings.read_news_channels:
            self.channels.begin_reconnect()
            self._spawn(self.catch_up(), "news-catch-up")

    @commands.Cog.listener()
    async def on_resumed(self) -> None:
        await self.on_ready()  # Discord replays what it kept; the history covers the rest

    async def catch_up(self) -> int:
        """Read each news channel of the servers this connection serves from its last mark."""
        guilds = {guild.id for guild in self.bot.guilds}
        handed = await self.channels.catch_up(self.history, guilds)
        self.bot.dispatch("news_caught_up", handed)  # for whoever waits on it (tests)
        return handed

    async def history(self, channel_id: int, after: int, limit: int) -> list[MessageText]:
        """The channel's newest ``limit`` messages after id ``after``, oldest first."""
        channel = self.bot.get_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            return []
        found = [
            message
            async for message in channel.history(
                limit=limit, after=discord.Object(id=after), oldest_first=False
            )
        ]
        return [as_text(m) for m in reversed(found) if m.guild is not None and not self._own(m)]

    def _own(self, message: discord.Message) -> bool:
        me = self.bot.user
        return me is not None and message.author.id == me.id

    async def read(self, message: discord.Message) -> int:
        """Ingest the message and its links; returns how many events were created or changed."""
        return await self.channels.read(as_text(message))


def as_text(message: discord.Message) -> MessageText:
    """What the service needs of a message: where, when, by whom, its words and its link."""
    assert message.guild is not None
    return MessageText(
        guild_id=message.guild.id,
        channel_id=message.channel.id,
        message_id=message.id,
        channel_name=getattr(message.channel, "name", "news"),
        created=message.created_at.date(),
        text=message_text(message),
        author=message.author.display_name,
        url=message.jump_url,
    )


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(NewsChannelsCog(bot))
