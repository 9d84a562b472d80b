"""What a member reads when a command fails: an ephemeral sentence that says what to do.

Errors a member can cause (bad input, missing permission, wrong place) are answered
plainly; anything else is logged with the command's context and answered politely.
"""

from __future__ import annotations

import contextlib
import logging

import discord
from discord import app_commands

from bot.chat.embeds import NO_MENTIONS
from bot.render import clip
from bot.services.errors import Refused, sentence

log = logging.getLogger("diplobot.chat")

UNEXPECTED = (
    "Something went wrong on our side while running this command. "
    "It has been logged; please try again in a minute."
)
# Set in ``interaction.extras`` by a command that deferred publicly.
PUBLIC_THINKING = "diplobot.public_thinking"
MESSAGE_LIMIT = 2000  # Discord refuses longer message content
_PERMISSION_NAMES = {"manage_channels": "Manage Channels", "manage_guild": "Manage Server"}


def user_message(error: app_commands.AppCommandError) -> str | None:
    """The sentence for an error a member caused, or None when the fault is ours."""
    original = getattr(error, "original", None)
    if isinstance(original, Refused):  # a service or a parser said no, and why
        return sentence(str(original))
    if isinstance(error, app_commands.MissingPermissions):
        names = ", ".join(
            _PERMISSION_NAMES.get(p, p.replace("_", " ").title()) for p in error.missing_permissions
        )
        return (
            f"You need the {names} permission to change this server's subscriptions, "
            "feeds or settings. Ask a moderator to run this command."
        )
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works only inside a server channel."
    if isinstance(error, app_commands.BotMissingPermissions):
        names = ", ".join(error.missing_permissions)
        return f"I am missing the permission(s) {names} here; ask an admin to grant them."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        return f"I could not read {error.value!r} for this option; pick one from the list."
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use this command here."
    return None


def _context(interaction: discord.Interaction) -> str:
    command = interaction.command.qualified_name if interaction.command else "?"
    options = (interaction.data or {}).get("options")
    return (
        f"command=/{command} guild={interaction.guild_id} channel={interaction.channel_id} "
        f"user={interaction.user.id if interaction.user else None} options={options!r}"
    )


async def send_ephemeral(interaction: discord.Interaction, text: str) -> None:
    """Answer once: as the response if none was sent yet, else as a follow-up.

    After a public "thinking..." the error would show to everyone, so that placeholder
    is deleted first and the sentence goes only to the member.
    """
    text = clip(text, MESSAGE_LIMIT)  # a sentence may quote what the member typed, at any length
    if interaction.response.is_done():
        if interaction.extras.pop(PUBLIC_THINKING, False):
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def on_app_command_error(
    interaction: discord.Interaction, error: app_commands.AppCommandError
) -> None:
    """The command tree's error handler (set in the composition root)."""
    message = user_message(error)
    if message is None:
        original = getattr(error, "original", error)
        log.error(
            "unexpected error in %s",
            _context(interaction),
            exc_info=(type(original), original, original.__traceback__),
        )
        message = UNEXPECTED
    try:
        await send_ephemeral(interaction, message)
    except discord.HTTPException:
        log.warning("could not tell the member about an error in %s", _context(interaction))
