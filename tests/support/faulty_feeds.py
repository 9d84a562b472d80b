"""A loopback feed server whose feeds fail on demand, each the way real sites fail.

Every feed has a name (its path) and a mode:

- ``ok``: a valid RSS 2.0 document of the feed's items (ETag honoured);
- ``timeout``: accepts the request and never answers;
- ``trickle``: answers 200 and then sends one byte every ``trickle_every_s``;
- ``huge``: 50 MB of XML-looking bytes, streamed without a Content-Length;
- ``gzip_bomb``: a small gzip body that inflates to 50 MB;
- ``invalid_xml``: a feed cut off inside its first entry (not well-formed, nothing usable);
- ``html``: a web page instead of a feed;
- ``redirect_loop``: a 302 to itself, forever;
- ``error``: 500.

A test switches a feed back to ``ok`` to see the bot recover.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiohttp import web

MODES = (
    "ok",
    "timeout",
    "trickle",
    "huge",
    "gzip_bomb",
    "invalid_xml",
    "html",
    "redirect_loop",
    "error",
)
FIFTY_MB = 50 * 1024 * 1024


@dataclass
class FeedItem:
    title: str
    link: str
    summary: str = "Officials said the talks would go ahead."
    published: datetime = field(default_factory=lambda: datetime(2025, 2, 1, 8, 0, tzinfo=UTC))


def rss_document(title: str, items: list[FeedItem]) -> bytes:
    entries = "".join(
        "<item>"
        f"<title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f"<guid>{escape(i.link)}</guid><description>{escape(i.summary)}</description>"
        f"<pubDate>{format_datetime(i.published)}</pubDate></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://wire.test/</link>{entries}</channel></rss>"
    ).encode()


_GZIP_BOMB: bytes | None = None


def _gzip_bomb() -> bytes:
    global _GZIP_BOMB
    if _GZIP_BOMB is None:
        _GZIP_BOMB = gzip.compress(b"<" + b" " * (FIFTY_MB - 1), compresslevel=9)
    return _GZIP_BOMB


class FaultyFeedServer:
    """Feeds on 127.0.0.1 whose failure mode a test sets per feed."""

    def __init__(self, *, trickle_every_s: float = 0.3) -> None:
        self.trickle_every_s = trickle_every_s
        self.modes: dict[str, str] = {}
        self.items: dict[str, list[FeedItem]] = {}
        self.hits: Counter[str] = Counter()
        self.pages: dict[str, str] = {}  # article pages the feeds' items link to
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/feeds/{name}", self._feed)
        app.router.add_get("/articles/{slug}", self._article)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/feeds/{name}"

    def add_page(self, slug: str, title: str, text: str) -> str:
        """An article page (HTML) on this server; returns its address for a feed item's link."""
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        self.pages[slug] = (
            f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f"<nav>Home | World</nav><article><h1>{escape(title)}</h1>{paragraphs}</article>"
            "<footer>Copyright</footer></body></html>"
        )
        return f"http://127.0.0.1:{self.port}/articles/{slug}"

    async def _article(self, request: web.Request) -> web.Response:
        page = self.pages.get(request.match_info["slug"])
        if page is None:
            return web.Response(status=404, text="no such article")
        return web.Response(text=page, content_type="text/html")

    def add_feed(self, name: str, mode: str = "ok", items: list[FeedItem] | None = None) -> str:
        self.set_mode(name, mode)
        self.items[name] = list(items or [])
        return self.url(name)

    def set_mode(self, name: str, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        self.modes[name] = mode

    async def _feed(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.hits[name] += 1
        mode = self.modes.get(name, "error")
        if mode == "ok":
            body = rss_document(name, self.items.get(name, []))
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            return web.Response(
                body=body, content_type="application/rss+xml", headers={"ETag": etag}
            )
        if mode == "timeout":
            await asyncio.sleep(3600)
        if mode == "trickle":
            response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            await response.prepare(request)
            with contextlib.suppress(ConnectionError):  # the bot hangs up: that is the point
                for byte in rss_document(name, []):
                    await response.write(bytes([byte]))
                    await asyncio.sleep(self.trickle_every_s)
            return response
        if mode == "huge":
            response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
            await response.prepare(request)
            chunk = b"<item>" + b"x" * 65_530
            with contextlib.suppress(ConnectionError):
                for _ in range(FIFTY_MB // len(chunk)):
                    await response.write(chunk)
            return response
        if mode == "gzip_bomb":
            return web.Response(
                body=_gzip_bomb(),
                headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"},
            )
        if mode == "invalid_xml":
            return web.Response(
                body=b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title>'
                b"<item><title>Summ",
                content_type="application/rss+xml",
            )
        if mode == "html":
            return web.Response(
                text="<!doctype html><html><head><title>Welcome</title></head>"
                "<body><h1>Our news site</h1><p>Subscribe to our newsletter!</p></body></html>",
                content_type="text/html",
            )
        if mode == "redirect_loop":
            raise web.HTTPFound(f"/feeds/{name}")
        return web.Response(status=500, text="internal error")
