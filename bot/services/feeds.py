"""Feeds: the RSS/Atom addresses a server reads news from (reading them is ``feed_polling``).

An address is checked when it is added: http(s) only, no credentials, no loopback or
private host written literally; with validation on, it is fetched and parsed once first.
The fetcher checks the resolved address again at fetch time.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import yarl

from bot.clock import Clock
from bot.news.feeds import FeedParseError, probe_feed
from bot.news.fetch import Fetcher, FetchError, address_refusal, parse_ip_literal
from bot.services.errors import Refused
from storage.db import Database
from storage.models import Feed
from storage.repos import feeds as feed_repo
from storage.repos.guild_rows import remove_in_guild

MAX_PER_GUILD = 25
MAX_URL = 2000


class FeedError(Refused, ValueError):
    """An address that cannot be a feed, or a server with too many feeds; says what to do."""


def check_feed_url(url: str, *, allow_loopback: bool = False) -> str:
    """The address, trimmed, when it may be a public feed; else FeedError saying why.

    ``allow_loopback`` lets it be on a private network: for tests that serve feeds on
    127.0.0.1, and for the host:port pairs an admin named (``Fetcher.allows_private``).
    """
    text = url.strip()
    if len(text) > MAX_URL:
        raise FeedError(f"the address is longer than {MAX_URL} characters")
    if any(ch.isspace() or not ch.isprintable() or ch in '<>"\\' for ch in text):
        raise FeedError("the address contains spaces or <, >, quote or backslash characters")
    try:
        parts = urlsplit(text)
        hostname = parts.hostname
    except ValueError:  # "http://[::1" and other broken brackets
        hostname = None
    if not hostname or parts.scheme not in ("http", "https"):
        raise FeedError("give the feed's full address, starting with https://")
    if parts.username or parts.password:
        raise FeedError("feed addresses with a user name or password are not accepted")
    host = hostname.rstrip(".").lower()
    local_name = host == "localhost" or host.endswith((".localhost", ".local", ".internal"))
    if local_name and not allow_loopback:
        raise FeedError("that address points to a private network; use a public feed")
    # Any spelling a resolver accepts ("2130706433", "0177.0.0.1", "[::ffff:10.0.0.1]"), also
    # as the HTTP client will read it (IDNA maps "１２７.０.０.１" to 127.0.0.1).
    try:
        client_host = yarl.URL(text).host or host
    except ValueError:
        raise FeedError("give the feed's full address, starting with https://") from None
    for name in (host, client_host):
        address = parse_ip_literal(name)
        if address is not None and address_refusal(address, allow_loopback=allow_loopback):
            raise FeedError("that address points to a private network; use a public feed")
    return text


class FeedService:
    """Add, list and remove a server's feeds; one short transaction per call."""

    def __init__(self, db: Database, clock: Clock, fetcher: Fetcher, *, validate: bool) -> None:
        self._db = db
        self._clock = clock
        self._fetcher = fetcher
        self.validates = validate

    async def probe(self, url: str) -> str:
        """Fetch and parse a feed once; its title, or Refused saying why it can't be read."""
        try:
            address = self._fetcher.check(url.strip())
        except FetchError as exc:
            raise Refused(f"I cannot fetch that address: {exc}") from None
        try:
            parsed = await probe_feed(self._fetcher, address)
        except (FetchError, FeedParseError) as exc:
            raise Refused(
                f"I could not read a feed at that address: {exc}. Check the URL"
            ) from None
        return parsed.title

    def add(self, *, guild_id: int, channel_id: int | None, url: str) -> tuple[Feed, bool]:
        """The new feed, or the one this server already reads from that address (``False``)."""
        # Feeds may be stored only where the fetcher may go (a private host only when named).
        address = check_feed_url(url, allow_loopback=self._fetcher.allows_private(url.strip()))
        with self._db.session() as session:
            existing = feed_repo.by_url(session, guild_id, address)
            if existing is not None:
                return existing, False
            if feed_repo.count_for_guild(session, guild_id) >= MAX_PER_GUILD:
                raise FeedError(f"this server already has {MAX_PER_GUILD} feeds; remove one first")
            now = self._clock()
            feed = Feed(
                guild_id=guild_id, channel_id=channel_id, url=address, created_at=now, next_poll=now
            )
            session.add(feed)
            session.flush()
            return feed, True

    def remove(self, guild_id: int, feed_id: int) -> Feed | None:
        """Delete the server's feed; None when this server has no such number."""
        with self._db.session() as session:
            return remove_in_guild(session, Feed, guild_id, feed_id)

    def for_guild(self, guild_id: int) -> list[Feed]:
        with self._db.session() as session:
            return feed_repo.for_guild(session, guild_id)
