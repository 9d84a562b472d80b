"""The "Remind me" button under event cards and alerts, and the choice it opens.

Both are dynamic items: their custom ids carry everything (``remind:<event>`` and
``remind:<event>:<1d|1h|both>``), so a button posted before a restart still works after it,
with nothing kept in memory per message. ``bot.add_dynamic_items`` registers them (the
reminders cog does, when it loads).
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.chat.blocking import off_loop
from bot.chat.embeds import NO_MENTIONS
from bot.chat.errors import UNEXPECTED, send_ephemeral
from bot.services.errors import Refused, sentence

if TYPE_CHECKING:
    from bot.services.member_reminders import MemberReminderService

log = logging.getLogger("diplobot.chat")
CHOICE_LABELS = (("1d", "1 day before"), ("1h", "1 hour before"), ("both", "Both"))


def _service(interaction: discord.Interaction) -> MemberReminderService:
    return interaction.client.app.member_reminders  # type: ignore[attr-defined,no-any-return]


async def _guarded(interaction: discord.Interaction, what: str, work: Any) -> None:
    """Run a button's work; a refusal is an ephemeral sentence, anything else is logged."""
    try:
        await work
    except Refused as refused:
        await send_ephemeral(interaction, sentence(str(refused)))
    except Exception:
        log.exception(
            "unexpected error on %s (guild=%s channel=%s user=%s)",
            what,
            interaction.guild_id,
            interaction.channel_id,
            interaction.user.id,
        )
        await send_ephemeral(interaction, UNEXPECTED)


class RemindMe(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"remind:(?P<event>\d+)"):
    """The button under an event's card: opens the member's choice of moment."""

    def __init__(self, event_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Remind me",
                emoji="⏰",
                style=discord.ButtonStyle.secondary,
                custom_id=f"remind:{event_id}",
            )
        )
        self.event_id = event_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Button[Any],
        match: re.Match[str],
        /,
    ) -> RemindMe:
        return cls(int(match["event"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await _guarded(interaction, "Remind me", self._offer(interaction))

    async def _offer(self, interaction: discord.Interaction) -> None:
        offer = await off_loop(
            _service(interaction).offer,
            interaction.user.id,
            self.event_id,
            interaction.guild_id,
            interaction.channel_id,
        )
        text = f"{offer.notice}\n\n{offer.text}" if offer.notice else offer.text
        await interaction.response.send_message(
            text, view=choice_view(self.event_id), ephemeral=True, allowed_mentions=NO_MENTIONS
        )


class RemindChoice(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"remind:(?P<event>\d+):(?P<choice>1d|1h|both)",
):
    """One of the moments offered: 1 day before, 1 hour before, or both."""

    def __init__(self, event_id: int, choice: str) -> None:
        label = dict(CHOICE_LABELS)[choice]
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.primary,
                custom_id=f"remind:{event_id}:{choice}",
            )
        )
        self.event_id = event_id
        self.choice = choice

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Button[Any],
        match: re.Match[str],
        /,
    ) -> RemindChoice:
        return cls(int(match["event"]), match["choice"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await _guarded(interaction, "a reminder choice", self._set(interaction))

    async def _set(self, interaction: discord.Interaction) -> None:
        text = await off_loop(
            _service(interaction).add,
            interaction.user.id,
            self.event_id,
            self.choice,
            interaction.guild_id,
            interaction.channel_id,
        )
        await interaction.response.edit_message(
            content=text, view=None, allowed_mentions=NO_MENTIONS
        )


def _frozen(view: discord.ui.View) -> discord.ui.View:
    """A view only sent, never listened to: the dynamic items answer its buttons, so it is
    stopped before sending and discord.py keeps nothing of it per message."""
    view.stop()
    return view


def remind_me_view(event_id: int) -> discord.ui.View:
    """The "Remind me" row under an event card or alert."""
    view = discord.ui.View(timeout=None)
    view.add_item(RemindMe(event_id))
    return _frozen(view)


def choice_view(event_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for choice, _ in CHOICE_LABELS:
        view.add_item(RemindChoice(event_id, choice))
    return _frozen(view)


DYNAMIC_ITEMS = (RemindMe, RemindChoice)

__all__ = ["DYNAMIC_ITEMS", "RemindChoice", "RemindMe", "choice_view", "remind_me_view"]
