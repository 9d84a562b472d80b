"""Turning render cards into Discord embeds, and the reply options every message shares."""

from __future__ import annotations

import discord

from bot.render import FOOTER_LIMIT, MAX_FIELDS, TITLE_LIMIT, Card, clip

# Nothing the bot sends may ping anyone, whatever an article or a member wrote.
NO_MENTIONS = discord.AllowedMentions.none()


def card_embed(card: Card) -> discord.Embed:
    """A card as an embed, within Discord's limits (render already clipped the long parts)."""
    embed = discord.Embed(
        title=clip(card.title, TITLE_LIMIT),
        description=card.description or None,
        colour=discord.Colour(card.colour),
    )
    for name, value in card.fields[:MAX_FIELDS]:
        embed.add_field(name=clip(name, TITLE_LIMIT), value=value or "—", inline=False)
    if card.footer:
        embed.set_footer(text=clip(card.footer, FOOTER_LIMIT))
    return embed
