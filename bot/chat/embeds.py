"""Turning render cards into Discord embeds, and the one way a command answers a member."""

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


async def answer(
    interaction: discord.Interaction,
    text: str | None = None,
    *,
    card: Card | None = None,
    public: bool = False,
) -> None:
    """Reply with text and/or a card, mentions off; ephemeral unless ``public``; as a
    follow-up when the command already deferred ("thinking...")."""
    embed = card_embed(card) if card is not None else discord.utils.MISSING
    if interaction.response.is_done():
        await interaction.followup.send(
            text or discord.utils.MISSING,
            embed=embed,
            ephemeral=not public,
            allowed_mentions=NO_MENTIONS,
        )
    else:
        await interaction.response.send_message(
            text, embed=embed, ephemeral=not public, allowed_mentions=NO_MENTIONS
        )
