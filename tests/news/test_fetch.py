"""The guarded fetcher against a real HTTP server on loopback, and the address guard's cases."""

from __future__ import annotations

import gzip
import ipaddress

import pytest
from aiohttp import web

from bot.news.fetch import BlockedAddressError, Fetcher, FetchError, address_refusal, check_url
from bot.news.page import extract_page

ARTICLE_HTML = (
    "<html><head><title>Summit moved</title>"
    '<meta property="article:published_time" content="2025-02-06T10:00:00Z"></head>'
    "<body><nav>Home | World | Markets</nav><article><h1>EU-China summit moved</h1>"
    + "<p>The EU-China summit planned for March 3 has been postponed to April 2, "
    "officials said on Thursday.</p>" * 4 + "</article><footer>Copyright</footer></body></html>"
)


@pytest.fixture
async def fetchers():
    """Fetchers made by a test, closed afterwards even when the test fails."""
    made: list[Fetcher] = []

    def make(**kwargs) -> Fetcher:
        made.append(Fetcher(**kwargs))
        return made[-1]

    yield make
    for fetcher in made:
        await fetcher.close()


@pytest.fixture
async def server():
    app = web.Application()
    hits: dict[str, int] = {}

    async def article(request: web.Request) -> web.Response:
        hits["article"] = hits.get("article", 0) + 1
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(text=ARTICLE_HTML, content_type="text/html", headers={"ETag": '"v1"'})

    async def loop(request: web.Request) -> web.Response:
        raise web.HTTPFound("/loop")

    async def huge(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(200):
            await response.write(b"x" * 65_536)
        return response

    async def bomb(request: web.Request) -> web.Response:
        body = gzip.compress(b"\0" * 50_000_000)
        return web.Response(body=body, headers={"Content-Encoding": "gzip"})

    async def to_metadata(request: web.Request) -> web.Response:
        raise web.HTTPFound("http://169.254.169.254/latest/meta-data/")

    async def missing(request: web.Request) -> web.Response:
        return web.Response(status=404, text="no")

    app.router.add_get("/article", article)
    app.router.add_get("/loop", loop)
    app.router.add_get("/huge", huge)
    app.router.add_get("/bomb", bomb)
    app.router.add_get("/metadata", to_metadata)
    app.router.add_get("/missing", missing)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}", hits
    await runner.cleanup()


async def test_loopback_is_refused_unless_explicitly_allowed(server, fetchers) -> None:
    base, hits = server
    fetcher = fetchers()
    with pytest.raises(BlockedAddressError, match="loopback"):
        await fetcher.fetch(f"{base}/article")
    with pytest.raises(BlockedAddressError, match="loopback"):
        await fetcher.fetch(f"http://localhost:{base.rsplit(':', 1)[1]}/article")
    assert hits == {}


async def test_page_fetch_extracts_the_article_and_honours_etag(server, fetchers) -> None:
    base, hits = server
    fetcher = fetchers(allow_loopback=True)
    result = await fetcher.fetch(f"{base}/article")
    page = extract_page(result.body, result.url)
    assert page is not None and "postponed to April 2" in page.text
    assert "Copyright" not in page.text and "Markets" not in page.text
    again = await fetcher.fetch(f"{base}/article", etag=result.etag)
    assert again.not_modified and again.body == b""
    assert hits["article"] == 2


async def test_limits_give_sentences(server, fetchers) -> None:
    base, _ = server
    fetcher = fetchers(allow_loopback=True, max_bytes=1_000_000, max_redirects=3)
    with pytest.raises(FetchError, match="redirects"):
        await fetcher.fetch(f"{base}/loop")
    with pytest.raises(FetchError, match="limit"):
        await fetcher.fetch(f"{base}/huge")
    with pytest.raises(FetchError, match="limit"):
        await fetcher.fetch(f"{base}/bomb")
    with pytest.raises(FetchError, match="404"):
        await fetcher.fetch(f"{base}/missing")
    # A redirect to the metadata service is refused even though the first hop was allowed.
    with pytest.raises(BlockedAddressError, match="link-local"):
        await fetcher.fetch(f"{base}/metadata")


REFUSED = [
    "http://127.0.0.1/",
    "http://127.5.6.7/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::]/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://224.0.0.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.0.0.1/",
    "http://127.1/",
    "http://017700000001/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_guard_refuses_every_non_public_form(url: str) -> None:
    with pytest.raises(BlockedAddressError):
        check_url(url)


def test_guard_accepts_public_addresses_and_rejects_other_schemes() -> None:
    assert address_refusal(ipaddress.ip_address("93.184.216.34")) is None
    assert address_refusal(ipaddress.ip_address("2606:2800:220:1::")) is None
    for url in ("file:///etc/passwd", "ftp://example.com/", "gopher://x/", "http:///nohost"):
        with pytest.raises(FetchError):
            check_url(url)
    with pytest.raises(FetchError, match="password"):
        check_url("http://user:pw@example.com/")


async def test_names_resolving_to_private_addresses_are_refused(fetchers) -> None:
    fetcher = fetchers()
    with pytest.raises(BlockedAddressError, match="loopback"):
        await fetcher.fetch("http://localhost/")
