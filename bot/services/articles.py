"""Articles a member hands over: pasted text, or a page's address (guarded fetcher, trafilatura).

The news layer owns the guards (no private or loopback addresses on any hop, size, time and
redirect limits); this service turns its errors into refusals a member can act on.
"""

from __future__ import annotations

import asyncio
from datetime import date
from urllib.parse import urlsplit

from bot.extract.model import Article
from bot.news.articles import article_from_text
from bot.news.fetch import Fetcher, FetchError
from bot.news.page import extract_page
from bot.services.errors import Refused

ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"


class ArticleReader:
    """Reads pasted text or a web page as an article."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def check_url(self, url: str) -> str:
        """Refuse, before anyone waits, what can never be fetched (scheme, credentials, IPs)."""
        try:
            return self.fetcher.check(url.strip())
        except FetchError as exc:
            raise Refused(f"I cannot fetch that address: {exc}") from None

    def from_text(
        self, text: str, *, ref: str, title: str = "", source: str = "", dct: date | None = None
    ) -> Article:
        """Pasted text as an article (DCT from ``dct`` or a dateline); empty text is refused."""
        read = article_from_text(text, ref, dct, title=title, source=source)
        if read.article is None:
            raise Refused(f"I could not use that text: {read.error}")
        return read.article

    async def from_url(self, url: str, *, title: str = "", dct: date | None = None) -> Article:
        address = self.check_url(url)
        try:
            result = await self.fetcher.fetch(address, accept=ACCEPT_HTML)
        except FetchError as exc:
            raise Refused(
                f"I could not fetch that page: {exc}. Paste the article's text instead"
            ) from None
        page = await asyncio.to_thread(extract_page, result.body, result.url)
        if page is None:
            raise Refused(
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
            raise Refused(f"I could not use that page: {read.error}")
        return read.article


__all__ = ["ArticleReader"]
