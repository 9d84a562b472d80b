"""/subscribe, /unsubscribe and /subscriptions: which events a channel wants."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat import autocomplete
from bot.chat.blocking import off_loop
from bot.chat.checks import manages_channels
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.chat.parsing import UserInputError, parse_countries, parse_keywords, parse_types
from bot.render import subscriptions_card

if TYPE_CHECKING:
    from bot.chat.client import Diplobot


class SubscriptionsCog(FeatureCog, name="Subscriptions"):
    """A channel's subscriptions to events."""

    @app_commands.command(
        name="subscribe", description="Post new and changed events, and reminders, in a channel."
    )
    @app_commands.describe(
        countries="Countries or bodies, comma-separated (JP, United States, EU); empty = any",
        types="Event types, comma-separated (summit, tariff, ...); empty = any",
        keywords="Words that must appear (any of them), comma-separated",
        reminders="Reminders before each event, e.g. 1d, 1h (default from the server's settings)",
        channel="Where to post (default: this channel)",
    )
    @app_commands.autocomplete(countries=autocomplete.countries, types=autocomplete.event_types)
    @manages_channels()
    async def subscribe(
        self,
        interaction: discord.Interaction,
        countries: str | None = None,
        types: str | None = None,
        keywords: str | None = None,
        reminders: str | None = None,
        channel: discord.TextChannel | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        target = channel.id if channel else interaction.channel_id
        if target is None:
            raise UserInputError("Pick a text channel for the subscription.")
        service = self.app.subscriptions
        offsets = service.offsets(reminders)
        sub, outcome = await off_loop(
            service.create,
            guild_id=interaction.guild_id,
            channel_id=target,
            countries=parse_countries(countries),
            types=parse_types(types),
            keywords=parse_keywords(keywords),
            reminder_offsets=offsets,
            created_by=interaction.user.id,
        )
        assert sub.id is not None
        card = subscriptions_card([sub], title=outcome.sentence(sub.id))
        await answer(interaction, card=card)

    @app_commands.command(
        name="unsubscribe", description="Remove one of this server's subscriptions."
    )
    @app_commands.describe(subscription="The subscription's number, from /subscriptions")
    @manages_channels()
    async def unsubscribe(
        self, interaction: discord.Interaction, subscription: app_commands.Range[int, 1, 2**62]
    ) -> None:
        assert interaction.guild_id is not None
        removed = await off_loop(self.app.subscriptions.remove, interaction.guild_id, subscription)
        if removed is None:
            raise UserInputError(
                f"This server has no subscription #{subscription}. "
                "Use /subscriptions to see their numbers."
            )
        await answer(
            interaction,
            f"Removed subscription #{subscription} (<#{removed.channel_id}>).",
        )

    @app_commands.command(name="subscriptions", description="List this server's subscriptions.")
    @app_commands.guild_only()
    async def subscriptions(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        subs = await off_loop(self.app.subscriptions.for_guild, interaction.guild_id)
        card = subscriptions_card(subs, title="Subscriptions in this server")
        await answer(interaction, card=card)


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(SubscriptionsCog(bot))
