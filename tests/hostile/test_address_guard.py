"""The address guard against forms beyond tests/news/test_fetch.py: nothing private is reached.

Three ways to point the bot at a private address: write it (in any spelling a resolver or
the HTTP client accepts), give a name that resolves to it, or redirect to either. Names are
resolved by a stand-in for the system resolver (no network), and every fetch goes to a
real HTTP server on loopback that counts its hits: a refused fetch must not reach it.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web

from bot.news.fetch import BlockedAddressError, Fetcher, FetchError, check_url
from bot.services.feeds import FeedError, check_feed_url

# Spellings the resolver or yarl (IDNA/NFKC) turn into non-public addresses.
LITERALS = [
    "http://0/",
    "http://0x7f000001/",
    "http://127.000.000.001/",
    "http://[0:0:0:0:0:ffff:7f00:1]/",
    "http://[::127.0.0.1]/",
    "http://[0::1]/",
    "http://[::]:80/",
    "http://0.0.0.0:8080/",
    "HTTP://127.0.0.1/",
    "http://１２７.０.０.１/",
    "http://127。0。0。1/",
    "http://①②⑦.0.0.1/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://2852039166/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://0251.0376.0251.0376/",
    "http://[fe80::1%25eth0]/",
    "http://[fd00:ec2::254]/",
    "http://100.100.100.200/",
    "http://192.0.0.192/",
    "http://198.18.0.1/",
    "http://[2001:db8::1]/",
    "http://[::ffff:0:7f00:1]/",
    "http://[64:ff9b:1::a9fe:a9fe]/",
    "http://[ff02::1]/",
]
# Names a (stand-in) DNS answers with non-public addresses, as a rebinding attacker would.
PRIVATE_NAMES = {
    "loopback.attacker.example": ["127.0.0.1"],
    "private.attacker.example": ["10.1.2.3"],
    "metadata.attacker.example": ["169.254.169.254"],
    "cgnat.attacker.example": ["100.64.1.1"],
    "v6-loopback.attacker.example": ["::1"],
    "v6-ula.attacker.example": ["fd00:ec2::254"],
    "mapped.attacker.example": ["::ffff:10.0.0.1"],
    "nat64.attacker.example": ["64:ff9b::a9fe:a9fe"],
    "bridge.lan": ["127.0.0.1"],  # an admin's feed bridge, reachable only once named
}
REDIRECT_TARGETS = [
    "http://10.0.0.1/",
    "http://2852039166/latest/meta-data/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://0251.0376.0251.0376/",
    "http://[fd00:ec2::254]/",
    "http://private.attacker.example/",
    "http://metadata.attacker.example/",
    "//10.0.0.1/",  # scheme-relative
]


@pytest.mark.parametrize("url", LITERALS)
def test_every_spelling_of_a_private_address_is_refused(url: str) -> None:
    with pytest.raises(BlockedAddressError):
        check_url(url)
    with pytest.raises(FeedError, match="private network"):
        check_feed_url(url)


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer for the attacker's names; everything else goes to the real resolver (loopback)."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in PRIVATE_NAMES:
            infos = []
            for address in PRIVATE_NAMES[name]:
                family = socket.AF_INET6 if ":" in address else socket.AF_INET
                sockaddr = (address, int(port or 0), 0, 0) if ":" in address else (address, port)
                infos.append((family, socket.SOCK_STREAM, 6, "", sockaddr))
            return infos
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
async def counting_server() -> AsyncIterator[tuple[str, dict[str, int]]]:
    """A loopback server that redirects ``/to?u=…`` and counts every request."""
    hits: dict[str, int] = {}

    async def any_path(request: web.Request) -> web.Response:
        hits[request.path] = hits.get(request.path, 0) + 1
        if request.path == "/to":
            raise web.HTTPFound(request.query["u"])
        return web.Response(text="<rss/>", content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/{tail:.*}", any_path)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}", hits
    finally:
        await runner.cleanup()


@pytest.fixture
async def fetchers() -> AsyncIterator[Callable[..., Fetcher]]:
    made: list[Fetcher] = []

    def make(**kwargs: Any) -> Fetcher:
        made.append(Fetcher(timeout_s=5.0, **kwargs))
        return made[-1]

    yield make
    for fetcher in made:
        await fetcher.close()


@pytest.mark.parametrize("name", sorted(PRIVATE_NAMES))
async def test_names_resolving_to_private_addresses_are_refused(
    name: str, fake_dns: None, fetchers: Callable[..., Fetcher], counting_server: Any
) -> None:
    _, hits = counting_server
    with pytest.raises(BlockedAddressError, match="resolves to"):
        await fetchers().fetch(f"http://{name}/feed")
    assert hits == {}


async def test_spellings_of_loopback_never_reach_a_loopback_server(
    fetchers: Callable[..., Fetcher], counting_server: Any
) -> None:
    base, hits = counting_server
    port = base.rsplit(":", 1)[1]
    fetcher = fetchers()
    for host in ["127.0.0.1", "localhost", "127.1", "2130706433", "0x7f.0.0.1", "１２７.０.０.１",
                 "127。0。0。1", "①②⑦.0.0.1", "[::ffff:127.0.0.1]", "127.0.0.1."]:  # fmt: skip
        with pytest.raises(FetchError):
            await fetcher.fetch(f"http://{host}:{port}/secret")
    assert hits == {}


@pytest.mark.parametrize("target", REDIRECT_TARGETS)
async def test_redirects_to_private_addresses_are_refused(
    target: str, fake_dns: None, fetchers: Callable[..., Fetcher], counting_server: Any
) -> None:
    base, hits = counting_server
    # Loopback is allowed for this test's own server only, so the first hop is reachable.
    fetcher = fetchers(allow_loopback=True)
    with pytest.raises(BlockedAddressError):
        await fetcher.fetch(f"{base}/to?u={target}")
    assert hits == {"/to": 1}


# ---------------------------------------------------------------- DIPLOBOT_FEED_ALLOW_HOSTS
async def test_a_named_host_and_port_may_be_on_loopback_and_nothing_else_may(
    fake_dns: None, fetchers: Callable[..., Fetcher], counting_server: Any
) -> None:
    base, hits = counting_server
    port = int(base.rsplit(":", 1)[1])
    fetcher = fetchers(allow_hosts=frozenset({f"127.0.0.1:{port}", f"bridge.lan:{port}"}))
    assert (await fetcher.fetch(f"{base}/feed")).status == 200
    assert (await fetcher.fetch(f"http://bridge.lan:{port}/feed")).status == 200
    assert hits == {"/feed": 2}
    for other in (f"http://127.0.0.1:{port + 1}/", f"http://localhost:{port}/",
                  f"http://[::1]:{port}/", f"http://bridge.lan:{port + 1}/",
                  f"http://2130706433:{port}/", "http://private.attacker.example/"):  # fmt: skip
        with pytest.raises(FetchError):
            await fetcher.fetch(other)
    assert hits == {"/feed": 2}


@pytest.mark.parametrize(
    "target", [*REDIRECT_TARGETS, "http://loopback.attacker.example/", "http://127.0.0.1:1/"]
)
async def test_a_named_host_cannot_redirect_anywhere_private(
    target: str, fake_dns: None, fetchers: Callable[..., Fetcher], counting_server: Any
) -> None:
    base, hits = counting_server
    fetcher = fetchers(allow_hosts=frozenset({base.removeprefix("http://")}))
    with pytest.raises(BlockedAddressError):
        await fetcher.fetch(f"{base}/to?u={target}")
    assert hits == {"/to": 1}


async def test_naming_a_host_never_opens_link_local_or_metadata_addresses(
    fake_dns: None, fetchers: Callable[..., Fetcher]
) -> None:
    fetcher = fetchers(
        allow_hosts=frozenset({"metadata.attacker.example:80", "169.254.169.254:80"})
    )
    for url in ("http://metadata.attacker.example/", "http://169.254.169.254/latest/"):
        with pytest.raises(BlockedAddressError, match="link-local"):
            await fetcher.fetch(url)


def test_a_named_bridge_may_be_added_as_a_feed_and_only_it(
    fetchers: Callable[..., Fetcher],
) -> None:
    fetcher = fetchers(allow_hosts=frozenset({"127.0.0.1:3000", "bridge.lan:8080"}))
    for url in ("http://127.0.0.1:3000/feed", "http://bridge.lan:8080/?action=display"):
        assert fetcher.allows_private(url) and check_feed_url(url, allow_loopback=True) == url
    for url in ("http://bridge.lan/feed", "http://bridge.lan:8081/"):  # names: at fetch time
        assert not fetcher.allows_private(url)
    for url in ("http://127.0.0.1:3001/feed", "http://localhost:3000/feed"):
        assert not fetcher.allows_private(url)
        with pytest.raises(FeedError, match="private network"):
            check_feed_url(url, allow_loopback=fetcher.allows_private(url))
