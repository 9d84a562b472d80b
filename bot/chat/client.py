"""The Discord client: the transport the app posts through, and one cog per feature over it.

:func:`build_bot` makes the client first (the publisher and the scheduled-events gateway post
through it), then the app from the composition root (:func:`bot.app.build_app`), and hands
the app to the client; cogs take their services from ``bot.app``. Background work starts in
``setup_hook`` (once per process), never in ``on_ready`` (which fires again on every
reconnect). Commands are synced only to a configured development guild here; a global sync
is the explicit ``diplobot sync-commands``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord.ext import commands

from bot.alerts.delivery import DeliveryTiming
from bot.app import App, build_app
from bot.chat.cogs import EXTENSIONS
from bot.chat.embeds import NO_MENTIONS
from bot.chat.endpoint import endpoint_from, point_discord_at
from bot.chat.errors import on_app_command_error
from bot.chat.publisher import DiscordPublisher
from bot.chat.scheduled_events import DiscordEvents
from bot.clock import Clock
from bot.news.fetch import Fetcher
from bot.timeline import Extractor
from config.settings import Settings
from storage.db import Database

log = logging.getLogger("diplobot.chat")
IDENTIFY_DELAY_S = 5.0


class CommandSyncFailed(Exception):
    """Discord refused the slash commands for the development guild (at start-up)."""

    def __init__(self, guild_id: int, error: discord.HTTPException) -> None:
        words = " ".join(str(error.text or "").split()) or "no reason given"
        super().__init__(f"guild {guild_id}: {error.status} {words}")
        self.guild_id = guild_id
        self.status = error.status


def intents(read_news_channels: bool = False) -> discord.Intents:
    """Guilds only: slash commands need no message content and no member list. Reading news
    channels adds guild messages and the privileged message-content intent (switch it on in
    the developer portal too, or Discord refuses the login)."""
    if read_news_channels:
        return discord.Intents(guilds=True, guild_messages=True, message_content=True)
    return discord.Intents(guilds=True)


class DiplobotMixin:
    """What the plain and the sharded client share; ``app`` comes from the composition root."""

    app: App
    sync_on_start: bool

    async def setup_hook(self) -> None:
        bot: commands.Bot = self  # type: ignore[assignment]
        bot.tree.on_error = on_app_command_error
        for name in EXTENSIONS:
            await bot.load_extension(name)
        await self.app.start()
        dev_guild = self.app.settings.dev_guild_id
        if dev_guild and self.sync_on_start:
            guild = discord.Object(id=dev_guild)
            bot.tree.copy_global_to(guild=guild)
            try:
                synced = await bot.tree.sync(guild=guild)
            except discord.HTTPException as exc:
                raise CommandSyncFailed(dev_guild, exc) from None
            log.info("synced %d commands to the development guild %s", len(synced), dev_guild)

    async def close(self) -> None:
        if getattr(self, "app", None) is not None:
            await self.app.close()
        await super().close()  # type: ignore[misc]


def _client_options(settings: Settings) -> dict[str, Any]:
    return {
        "command_prefix": commands.when_mentioned,
        "intents": intents(settings.read_news_channels),
        "allowed_mentions": NO_MENTIONS,
        "help_command": None,
    }


class Diplobot(DiplobotMixin, commands.Bot):
    """One gateway connection."""

    def __init__(self, settings: Settings, *, sync_on_start: bool = True, **options: Any) -> None:
        super().__init__(**_client_options(settings), **options)
        self.sync_on_start = sync_on_start


class ShardedDiplobot(DiplobotMixin, commands.AutoShardedBot):
    """Several gateway connections in one process (``shard_count``/``shard_ids`` in settings)."""

    def __init__(
        self,
        settings: Settings,
        *,
        sync_on_start: bool = True,
        identify_delay_s: float = IDENTIFY_DELAY_S,
        **options: Any,
    ) -> None:
        self.identify_delay_s = identify_delay_s
        super().__init__(
            **_client_options(settings),
            shard_count=settings.shard_count,
            shard_ids=settings.shard_ids,
            **options,
        )
        self.sync_on_start = sync_on_start

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Space shard IDENTIFYs as Discord requires (one per 5 s at max_concurrency 1)."""
        if not initial:
            await asyncio.sleep(self.identify_delay_s)


def build_bot(
    settings: Settings,
    database: Database,
    clock: Clock,
    *,
    extractor: Extractor | None = None,
    fetcher: Fetcher | None = None,
    timing: DeliveryTiming | None = None,
    worker_id: str | None = None,
    sync_on_start: bool = True,
    identify_delay_s: float = IDENTIFY_DELAY_S,
    **options: Any,
) -> Diplobot | ShardedDiplobot:
    """The client (plain, or sharded when the settings name shards) with its app, talking to
    the Discord the settings name (EndpointError when they name one that cannot work)."""
    point_discord_at(endpoint_from(settings))
    # The bot never joins voice: don't warn at every start that voice libraries are missing.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    client: Diplobot | ShardedDiplobot
    if settings.shard_count or settings.shard_ids:
        if settings.shard_ids and not settings.shard_count:
            raise ValueError("shard_ids needs shard_count (the total number of shards)")
        client = ShardedDiplobot(
            settings, sync_on_start=sync_on_start, identify_delay_s=identify_delay_s, **options
        )
    else:
        client = Diplobot(settings, sync_on_start=sync_on_start, **options)
    client.app = build_app(
        settings,
        database,
        clock,
        DiscordPublisher(client, admin_channel_id=settings.admin_channel_id),
        events=DiscordEvents(client),
        extractor=extractor,
        fetcher=fetcher,
        timing=timing,
        worker_id=worker_id,
    )
    return client


__all__ = ["CommandSyncFailed", "Diplobot", "ShardedDiplobot", "build_bot", "intents"]
