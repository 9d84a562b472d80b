"""/ingest: read an article (pasted text or a URL) into the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.chat.blocking import off_loop
from bot.chat.checks import manages_channels
from bot.chat.cogs import FeatureCog
from bot.chat.embeds import answer
from bot.chat.errors import PUBLIC_THINKING
from bot.chat.parsing import UserInputError
from bot.news.articles import parse_dct

if TYPE_CHECKING:
    from bot.chat.client import Diplobot

MAX_TEXT = 6000


def _first_line(text: str, limit: int = 100) -> str:
    """A title for pasted text: its first non-empty line, shortened."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "pasted article")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class IngestCog(FeatureCog, name="Ingest"):
    """Adding news to the timeline by hand."""

    @app_commands.command(
        name="ingest", description="Read an article into the timeline and show what changed."
    )
    @app_commands.describe(
        url="The article's address (http or https)",
        text="Or paste the article's text",
        published="The article's publication date (YYYY-MM-DD) if the text has no dateline",
        title="A title for the article (shown as its source)",
    )
    @manages_channels()
    async def ingest(
        self,
        interaction: discord.Interaction,
        url: str | None = None,
        text: app_commands.Range[str, 1, MAX_TEXT] | None = None,
        published: str | None = None,
        title: app_commands.Range[str, 1, 200] | None = None,
    ) -> None:
        if bool(url) == bool(text):
            raise UserInputError("Give either a url or the article's text (one of the two).")
        try:
            dct = parse_dct(published)
        except ValueError as exc:
            raise UserInputError(f"{exc}.") from None
        articles = self.app.articles
        if url:
            articles.check_url(url)
            await interaction.response.defer(thinking=True)
            interaction.extras[PUBLIC_THINKING] = True
            article = await articles.from_url(url, title=title or "", dct=dct)
        else:
            assert text is not None
            article = articles.from_text(
                text,
                ref=f"discord:{interaction.guild_id}:{interaction.id}",
                title=title or _first_line(text),
                source=f"pasted in {interaction.guild.name}" if interaction.guild else "pasted",
                dct=dct,
            )
            await interaction.response.defer(thinking=True)
            interaction.extras[PUBLIC_THINKING] = True
        report = await off_loop(self.app.ingest.ingest, article)
        await answer(interaction, card=report.card(), public=True)


async def setup(bot: Diplobot) -> None:
    await bot.add_cog(IngestCog(bot))
