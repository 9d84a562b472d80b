"""The Discord client: loads one cog per feature and owns nothing it was not handed.

Background work starts in ``setup_hook`` (once per process), never in ``on_ready``
(which fires again on every reconnect). Commands are synced only to a configured
development guild here; a global sync is the explicit ``diplobot sync-commands``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
from discord.ext import commands

from bot.chat.cogs import EXTENSIONS
from bot.chat.embeds import NO_MENTIONS
from bot.chat.errors import on_app_command_error

if TYPE_CHECKING:
    from bot.chat.app import BotServices

log = logging.getLogger("diplobot.chat")
IDENTIFY_DELAY_S = 5.0


def intents(read_news_channels: bool = False) -> discord.Intents:
    """Guilds only: slash commands need no message content and no member list. Reading news
    channels adds guild messages and the privileged message-content intent (switch it on in
    the developer portal too, or Discord refuses the login)."""
    if read_news_channels:
        return discord.Intents(guilds=True, guild_messages=True, message_content=True)
    return discord.Intents(guilds=True)


class DiplobotMixin:
    """What the plain and the sharded client share; ``services`` come from the composition root."""

    services: BotServices
    http_session: aiohttp.ClientSession | None
    sync_on_start: bool

    def _init_diplobot(self, services: BotServices, sync_on_start: bool) -> None:
        self.services = services
        self.http_session = None
        self.sync_on_start = sync_on_start

    async def setup_hook(self) -> None:
        bot: commands.Bot = self  # type: ignore[assignment]
        self.http_session = aiohttp.ClientSession()
        bot.tree.on_error = on_app_command_error
        for name in EXTENSIONS:
            await bot.load_extension(name)
        await self.services.start()
        dev_guild = self.services.settings.dev_guild_id
        if dev_guild and self.sync_on_start:
            guild = discord.Object(id=dev_guild)
            bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
            log.info("synced %d commands to the development guild %s", len(synced), dev_guild)

    async def close(self) -> None:
        await self.services.stop()
        if self.http_session is not None:
            await self.http_session.close()
        await super().close()  # type: ignore[misc]


class Diplobot(DiplobotMixin, commands.Bot):
    """One gateway connection."""

    def __init__(
        self, services: BotServices, *, sync_on_start: bool = True, **options: Any
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(services.settings.read_news_channels),
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            **options,
        )
        self._init_diplobot(services, sync_on_start)


class ShardedDiplobot(DiplobotMixin, commands.AutoShardedBot):
    """Several gateway connections in one process (``shard_count``/``shard_ids`` in settings)."""

    def __init__(
        self,
        services: BotServices,
        *,
        sync_on_start: bool = True,
        identify_delay_s: float = IDENTIFY_DELAY_S,
        **options: Any,
    ) -> None:
        self.identify_delay_s = identify_delay_s
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(services.settings.read_news_channels),
            allowed_mentions=NO_MENTIONS,
            help_command=None,
            **options,
        )
        self._init_diplobot(services, sync_on_start)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Space shard IDENTIFYs as Discord requires (one per 5 s at max_concurrency 1)."""
        if not initial:
            await asyncio.sleep(self.identify_delay_s)


def create_bot(
    services: BotServices,
    *,
    sync_on_start: bool = True,
    identify_delay_s: float = IDENTIFY_DELAY_S,
    **options: Any,
) -> Diplobot | ShardedDiplobot:
    """The plain client, or the sharded one when the settings name shards."""
    # The bot never joins voice: don't warn at every start that voice libraries are missing.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    settings = services.settings
    if settings.shard_count or settings.shard_ids:
        if settings.shard_ids and not settings.shard_count:
            raise ValueError("shard_ids needs shard_count (the total number of shards)")
        return ShardedDiplobot(
            services,
            sync_on_start=sync_on_start,
            shard_count=settings.shard_count,
            shard_ids=settings.shard_ids,
            identify_delay_s=identify_delay_s,
            **options,
        )
    return Diplobot(services, sync_on_start=sync_on_start, **options)
