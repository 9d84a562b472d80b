"""Articles from web pages for ``/ingest url:``: the guarded fetcher, then trafilatura.

The news layer owns the guards (no private or loopback addresses on any hop, size, time
and redirect limits); this module turns its errors into sentences a member can act on.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from bot.chat.parsing import UserInputError, sentence
from bot.extract.model import Article
from bot.news.articles import article_from_text
from bot.news.fetch import Fetcher, FetchError, check_url
from bot.news.page import extract_page

ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"


@dataclass
class UrlArticles:
    """Fetch a page and read its main text as an article."""

    fetcher: Fetcher

    def check(self, url: str) -> str:
        """Refuse, before anyone waits, what can never be fetched (scheme, credentials, IPs)."""
        text = url.strip()
        try:
            return check_url(text, allow_loopback=self.fetcher.allow_loopback)
        except FetchError as exc:
            raise UserInputError(sentence(f"I cannot fetch that address: {exc}")) from None

    async def fetch(self, url: str, title: str = "", dct: date | None = None) -> Article:
        address = self.check(url)
        try:
            result = await self.fetcher.fetch(address, accept=ACCEPT_HTML)
        except FetchError as exc:
            raise UserInputError(
                sentence(f"I could not fetch that page: {exc}. Paste the article's text instead")
            ) from None
        page = await asyncio.to_thread(extract_page, result.body, result.url)
        if page is None:
            raise UserInputError(
                "That page has no article text I can read. Paste the article's text instead."
            )
        read = article_from_text(
            page.text,
            result.url,
            dct or page.published,
            title=title or page.title,
            source=urlsplit(result.url).hostname or "",
            url=result.url,
        )
        if read.article is None:
            raise UserInputError(sentence(f"I could not use that page: {read.error}"))
        return read.article

    async def close(self) -> None:
        await self.fetcher.close()
