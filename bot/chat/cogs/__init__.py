"""One cog per feature; each module is a discord.py extension with ``setup(bot)``."""

from __future__ import annotations

EXTENSIONS: tuple[str, ...] = (
    "bot.chat.cogs.timeline",
    "bot.chat.cogs.subscriptions",
    "bot.chat.cogs.digest",
    "bot.chat.cogs.ingest",
    "bot.chat.cogs.feeds",
    "bot.chat.cogs.export",
    "bot.chat.cogs.delivery",
    "bot.chat.cogs.news_channels",
    "bot.chat.cogs.mirror",
)
