"""/ingest url: a real page on a loopback web server, the guarded fetcher, the real extractor."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.demo import DEMO_DIR
from bot.news.fetch import Fetcher
from tests.support.bot import Running

pytestmark = pytest.mark.e2e

SEED = DEMO_DIR / "01-ishiba-trump-2025-02-06.txt"


@pytest.fixture
def fetcher() -> Fetcher:
    """This module's pages are on 127.0.0.1, which the bot may reach here and nowhere else."""
    return Fetcher(timeout_s=5.0, allow_loopback=True)


def _page(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (
        "<html><head><title>Ishiba heads to Washington</title>"
        '<meta property="article:published_time" content="2025-02-06"></head>'
        f"<body><nav>Home | World</nav><article><h1>Ishiba heads to Washington</h1>"
        f"{paragraphs}</article><footer>Copyright</footer></body></html>"
    )


@pytest.fixture
async def news_site() -> AsyncIterator[str]:
    app = web.Application()
    page = _page(SEED.read_text())

    async def article(request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    async def empty(request: web.Request) -> web.Response:
        return web.Response(text="<html><body></body></html>", content_type="text/html")

    app.router.add_get("/world/ishiba-trump", article)
    app.router.add_get("/empty", empty)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def test_ingest_url_reads_the_page_and_reports_the_summit(
    running: Running, news_site: str
) -> None:
    reply = await running.server.invoke("ingest", {"url": f"{news_site}/world/ishiba-trump"})
    text = reply.text()
    assert "Ishiba heads to Washington" in text
    assert "Japan–United States summit" in text and "Fri 7 Feb 2025" in text
    listed = await running.server.invoke("timeline", {"country": "Japan"})
    assert "Japan–United States summit" in listed.text()


async def test_a_page_without_article_text_gets_a_hint(running: Running, news_site: str) -> None:
    reply = await running.server.invoke("ingest", {"url": f"{news_site}/empty"})
    assert "Paste the article's text instead" in reply.text()
