"""One cog per feature; each module is a discord.py extension with ``setup(bot)``.

A cog parses options, calls a service of ``bot.app`` (blocking work through
:func:`bot.chat.blocking.off_loop`) and formats the reply with :mod:`bot.render`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord.ext import commands

if TYPE_CHECKING:
    from bot.app import App
    from bot.chat.client import Diplobot, ShardedDiplobot


class FeatureCog(commands.Cog):
    """A cog of one feature: it keeps the bot and takes its services from the bot's app."""

    def __init__(self, bot: Diplobot | ShardedDiplobot) -> None:
        self.bot = bot
        self.app: App = bot.app


EXTENSIONS: tuple[str, ...] = (
    "bot.chat.cogs.timeline",
    "bot.chat.cogs.subscriptions",
    "bot.chat.cogs.digest",
    "bot.chat.cogs.ingest",
    "bot.chat.cogs.feeds",
    "bot.chat.cogs.export",
    "bot.chat.cogs.reminders",
    "bot.chat.cogs.news_channels",
    "bot.chat.cogs.mirror",
    "bot.chat.cogs.status",
    "bot.chat.cogs.calendar",
)
