"""Permission checks for commands that change a server's subscriptions, feeds or settings.

Discord hides such commands from members without Manage Channels (the declared
default permissions), but server admins can override that per command, so the
bot checks again on its side before changing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import discord
from discord import app_commands

T = TypeVar("T")


def manages_channels() -> Callable[[T], T]:
    """Declared default permission, server-side check, and guild-only, in one decorator."""

    def decorate(func: T) -> T:
        func = app_commands.checks.has_permissions(manage_channels=True)(func)  # type: ignore[arg-type,assignment]
        func = app_commands.default_permissions(manage_channels=True)(func)  # type: ignore[arg-type,assignment]
        return app_commands.guild_only()(func)  # type: ignore[arg-type,return-value]

    return decorate


def managers_group(name: str, description: str) -> app_commands.Group:
    """A command group for a server's settings: hidden from members without Manage Channels
    (each command checks again with ``has_permissions``), and only inside servers."""
    return app_commands.Group(
        name=name,
        description=description,
        guild_only=True,
        default_permissions=discord.Permissions(manage_channels=True),
    )
