"""Fetching URLs with strict limits: time, size, redirects, and no private or loopback addresses.

Every address a name resolves to, and every IP literal, is checked before a connection is
made, on the first request and on each redirect; anything that is not a public unicast
address is refused (loopback, private, link-local, carrier-grade NAT, multicast, reserved,
the cloud metadata address, IPv4-mapped and 6to4 forms of those). Tests that serve feeds
on 127.0.0.1 must say so explicitly with ``allow_loopback=True``.

An admin who runs a feed bridge on the same machine or a private network names it, and only
it, as ``host:port`` pairs (``DIPLOBOT_FEED_ALLOW_HOSTS``): a request to exactly that host
and port may reach a loopback or private address; link-local, multicast and the rest stay
refused, and every other host and port keeps the whole guard, on each redirect too.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
import yarl
from aiohttp.abc import AbstractResolver, ResolveResult

USER_AGENT = "diplobot/0.1 (+https://example.invalid/diplobot; diplomatic-event timeline bot)"
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_TIMEOUT_S = 15.0
DEFAULT_MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Not globally reachable, though Python 3.11 counts parts of them as global: IETF protocol
# assignments (Oracle Cloud's legacy metadata service answers on 192.0.0.192).
_NOT_PUBLIC = (ipaddress.ip_network("192.0.0.0/24"),)


class FetchError(Exception):
    """A fetch that failed for a reason a user can read and act on."""


class BlockedAddressError(FetchError):
    """The URL points at an address the bot must not reach."""


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside IPv4-mapped, IPv4-compatible, 6to4 or NAT64 IPv6 forms."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    packed = address.packed
    if packed[:12] == bytes(12) and packed[12:] != bytes(4):  # ::a.b.c.d (deprecated compat)
        return ipaddress.IPv4Address(packed[12:])
    if packed[:12] == bytes.fromhex("0064ff9b0000000000000000"):  # 64:ff9b::/96 NAT64
        return ipaddress.IPv4Address(packed[12:])
    return None


def host_key(host: str, port: int) -> str:
    """``host:port`` as ``DIPLOBOT_FEED_ALLOW_HOSTS`` names it (IPv6 in brackets, lower case)."""
    name = host.strip("[]").rstrip(".").lower()
    return f"[{name}]:{port}" if ":" in name else f"{name}:{port}"


def url_host_key(url: str) -> str | None:
    """The ``host:port`` a URL connects to (the scheme's port when none is written)."""
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return host_key(parts.hostname, port)


def address_refusal(
    address: _IPAddress, *, allow_loopback: bool = False, allow_private: bool = False
) -> str | None:
    """Why ``address`` may not be contacted, or None when it is a public unicast address
    (or, with ``allow_private``, a loopback or private one: an admin's named feed bridge)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None:
            return address_refusal(
                inner, allow_loopback=allow_loopback, allow_private=allow_private
            )
    if address.is_loopback:
        return None if allow_loopback or allow_private else "a loopback address"
    if address.is_unspecified:
        return "the unspecified address (0.0.0.0 or ::)"
    if address.is_link_local:
        return "a link-local address (cloud metadata services live there)"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return None if allow_private else "a private-network address"
    if address.is_reserved:
        return "a reserved address"
    if not address.is_global or any(address in net for net in _NOT_PUBLIC):
        return "an address that is not publicly routable"
    return None


def parse_ip_literal(host: str) -> _IPAddress | None:
    """An IP address written in any form a resolver would accept (decimal, octal, hex, short)."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:  # inet_aton accepts "2130706433", "0177.0.0.1", "0x7f.1", "127.1"
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def check_url(
    url: str, *, allow_loopback: bool = False, allow_hosts: frozenset[str] = frozenset()
) -> str:
    """Validate a URL's form and, for IP literals, its address; return it unchanged.
    ``allow_hosts``: the ``host:port`` pairs that may be loopback or private."""
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
        # The host the HTTP client will actually use: yarl applies IDNA (NFKC) mapping, so
        # "１２７.０.０.１" and "127。0。0。1" become 127.0.0.1, which aiohttp then connects to
        # directly, without asking the resolver.
        client_host = yarl.URL(url).host
    except ValueError:  # "http://[::1" and other broken brackets
        raise FetchError(
            "the URL is malformed; give a full address like https://example.com/"
        ) from None
    if parts.scheme not in ("http", "https"):
        scheme = parts.scheme or "this"
        raise FetchError(f"only http and https URLs can be fetched, not {scheme!r}")
    if not hostname:
        raise FetchError("the URL has no host name; give a full address like https://example.com/")
    if parts.username or parts.password:
        raise FetchError("URLs with a user name or password are not fetched")
    allow_private = url_host_key(url) in allow_hosts
    for host in dict.fromkeys(h for h in (hostname, client_host) if h):
        literal = parse_ip_literal(host)
        if literal is not None:
            reason = address_refusal(
                literal, allow_loopback=allow_loopback, allow_private=allow_private
            )
            if reason:
                raise BlockedAddressError(f"refused: {host} is {reason}")
    return url


class GuardedResolver(AbstractResolver):
    """A resolver that drops every non-public address a name resolves to."""

    def __init__(
        self, *, allow_loopback: bool = False, allow_hosts: frozenset[str] = frozenset()
    ) -> None:
        self._allow_loopback = allow_loopback
        self._allow_hosts = allow_hosts

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(
                host, port, type=socket.SOCK_STREAM, family=family, flags=socket.AI_ADDRCONFIG
            )
        except socket.gaierror as exc:
            raise FetchError(f"the host name {host!r} could not be resolved") from exc
        results: list[ResolveResult] = []
        refusals: list[str] = []
        allow_private = host_key(host, port) in self._allow_hosts
        for fam, _, proto, _, sockaddr in infos:
            address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
            reason = address_refusal(
                address, allow_loopback=self._allow_loopback, allow_private=allow_private
            )
            if reason:
                refusals.append(f"{address} is {reason}")
                continue
            results.append(
                ResolveResult(
                    hostname=host,
                    host=str(address),
                    port=int(sockaddr[1]),
                    family=fam,
                    proto=proto,
                    flags=socket.AI_NUMERICHOST,
                )
            )
        if not results:
            detail = "; ".join(refusals) or "no addresses"
            raise BlockedAddressError(f"refused: {host} resolves to {detail}")
        return results

    async def close(self) -> None:
        return None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a fetch brought back: the final URL, status, a few headers and the body."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class Fetcher:
    """One shared HTTP client with the guard and the limits; close it when done."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    allow_loopback: bool = False
    allow_hosts: frozenset[str] = frozenset()  # host:port pairs that may be loopback or private
    _session: aiohttp.ClientSession | None = None

    def check(self, url: str) -> str:
        """:func:`check_url` with this fetcher's allowances: what it would refuse to fetch."""
        return check_url(url, allow_loopback=self.allow_loopback, allow_hosts=self.allow_hosts)

    def allows_private(self, url: str) -> bool:
        """Whether ``url`` may be on a private network (tests' loopback, or a named bridge)."""
        return self.allow_loopback or url_host_key(url) in self.allow_hosts

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                resolver=GuardedResolver(
                    allow_loopback=self.allow_loopback, allow_hosts=self.allow_hosts
                ),
                limit=50,
                limit_per_host=4,
                ttl_dns_cache=None,
                use_dns_cache=False,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                timeout=aiohttp.ClientTimeout(
                    total=self.timeout_s, sock_connect=min(10.0, self.timeout_s)
                ),
                headers={"User-Agent": USER_AGENT},
                trust_env=False,
                max_line_size=16_384,
                max_field_size=16_384,
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> FetchResult:
        """GET ``url`` following at most ``max_redirects`` redirects, each one re-checked."""
        headers: dict[str, Any] = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        try:
            async with asyncio.timeout(self.timeout_s):
                for _ in range(self.max_redirects + 1):
                    self.check(current)
                    async with self._client().get(
                        current, headers=headers, allow_redirects=False
                    ) as response:
                        if response.status in _REDIRECTS and "Location" in response.headers:
                            current = urljoin(current, response.headers["Location"])
                            continue
                        return await self._result(current, response)
        except FetchError:
            raise
        except TimeoutError as exc:
            raise FetchError(f"no complete answer within {self.timeout_s:g} s; try later") from exc
        except aiohttp.ClientConnectorError as exc:
            cause = exc.__cause__ or exc.os_error
            if isinstance(cause, FetchError):
                raise cause from exc
            raise FetchError(
                f"could not connect to {urlsplit(current).hostname}: {exc.os_error}"
            ) from exc
        except aiohttp.ClientError as exc:
            raise FetchError(
                f"the server's answer could not be read ({type(exc).__name__})"
            ) from exc
        raise FetchError(
            f"more than {self.max_redirects} redirects; the URL loops or moved too often"
        )

    async def _result(self, url: str, response: aiohttp.ClientResponse) -> FetchResult:
        declared = response.content_length
        if declared is not None and declared > self.max_bytes:
            raise FetchError(
                f"the page is {declared:,} bytes, over the {self.max_bytes:,}-byte limit"
            )
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(65_536):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"the page is over the {self.max_bytes:,}-byte limit")
            chunks.append(chunk)
        if response.status >= 400:
            raise FetchError(
                f"the server answered {response.status} {response.reason or ''}".strip()
            )
        return FetchResult(
            url=url,
            status=response.status,
            body=b"".join(chunks),
            content_type=response.headers.get("Content-Type", ""),
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            headers={k: v for k, v in response.headers.items()},
        )
