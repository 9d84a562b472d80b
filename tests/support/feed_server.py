"""A loopback HTTP server that serves feeds and article pages the way real sites do."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiohttp import web


@dataclass
class Item:
    title: str
    link: str
    summary: str
    guid: str = ""
    published: datetime = field(default_factory=lambda: datetime(2025, 2, 1, 8, 0, tzinfo=UTC))
    content: str = ""


def rss(items: list[Item], title: str = "Loopback Wire") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        f"<channel><title>{escape(title)}</title><link>http://wire.test/</link>",
    ]
    for item in items:
        parts.append(
            "<item>"
            f"<title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f'<guid isPermaLink="false">{escape(item.guid or item.link)}</guid>'
            f"<description>{escape(item.summary)}</description>"
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            + (f"<content:encoded>{escape(item.content)}</content:encoded>" if item.content else "")
            + "</item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


class FeedServer:
    """Serves ``/feeds/<name>`` and ``/pages/<name>``; counts requests, honours ETags."""

    def __init__(self) -> None:
        self.feeds: dict[str, bytes] = {}
        self.pages: dict[str, str] = {}
        self.delays: dict[str, float] = {}
        self.statuses: dict[str, int] = {}
        self.hits: dict[str, int] = {}
        self.not_modified = 0
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._stopping = asyncio.Event()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/feeds/{name}", self._feed)
        app.router.add_get("/pages/{name}", self._page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        self._stopping.set()  # release handlers still "slow" so shutdown does not wait
        if self._runner is not None:
            await self._runner.cleanup()

    async def _feed(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        self.hits[name] = self.hits.get(name, 0) + 1
        if name in self.delays:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.delays[name])
        if name in self.statuses:
            return web.Response(status=self.statuses[name], text="broken")
        body = self.feeds.get(name)
        if body is None:
            return web.Response(status=404, text="no such feed")
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            self.not_modified += 1
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(
            body=body, headers={"ETag": etag, "Content-Type": "application/rss+xml"}
        )

    async def _page(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        self.hits[f"page:{name}"] = self.hits.get(f"page:{name}", 0) + 1
        html = self.pages.get(name)
        if html is None:
            return web.Response(status=404, text="gone")
        return web.Response(text=html, content_type="text/html")


def article_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{escape(title)}</title>"
        '<meta property="article:published_time" content="2025-02-01"></head>'
        f"<body><nav>Home | World | Business</nav><article><h1>{escape(title)}</h1>"
        f"{body}</article><footer>Copyright Loopback Wire</footer></body></html>"
    )
