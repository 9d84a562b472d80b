"""Delivery: the background work that reads feeds and posts alerts, reminders and digests.

Jobs are added in ``cog_load`` (once per process, never in ``on_ready``) with fixed ids and
removed in ``cog_unload``; the scheduler itself is started and stopped by the services.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from discord.ext import commands

from bot.alerts.runtime import AlertOptions, AlertRuntime, build_runtime
from bot.chat.publisher import DiscordPublisher
from bot.chat.scheduled_events import DiscordEvents
from bot.scheduling import install, uninstall

if TYPE_CHECKING:
    from bot.chat.client import Diplobot

log = logging.getLogger("diplobot.chat")


class DeliveryCog(commands.Cog, name="Delivery"):
    """Feeds in; alerts, reminders and digests out, through the outbox."""

    def __init__(self, bot: Diplobot) -> None:
        self.bot = bot
        services = bot.services
        self.runtime: AlertRuntime = build_runtime(
            services.database,
            services.timeline,
            services.clock,
            DiscordPublisher(bot),
            options=AlertOptions.from_settings(services.settings),
            fetcher=services.urls.fetcher,
            events=DiscordEvents(bot),
        )
        self._job_ids: list[str] = []

    async def cog_load(self) -> None:
        self._job_ids = install(self.bot.services.scheduler, self.runtime.jobs())

    async def cog_unload(self) -> None:
        uninstall(self.bot.services.scheduler, self._job_ids)
        await self.runtime.close()


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(DeliveryCog(bot))
