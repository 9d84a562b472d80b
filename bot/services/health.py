"""What ``diplobot doctor`` learns from the database, and its verdicts that need no Discord:
which channels the bot must reach and for what, the schema's revision, feeds' last state,
time zones. Each verdict is a :class:`Check` that says what to fix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from storage.db import Database
from storage.models import Feed
from storage.repos import feeds as feed_repo
from storage.repos import mirrors as mirror_repo
from storage.repos import news_channels as channel_repo
from storage.repos import settings as settings_repo
from storage.repos import subscriptions as subscription_repo

Status = Literal["ok", "warn", "fail"]
# What a channel is used for; the Discord layer maps each use to the permissions it needs.
SUBSCRIPTIONS, NEWS, FEED_POSTS, NOTICES = "subscriptions", "news channel", "feed posts", "notices"
PICTURES = "digest picture"  # /digest set picture:on: the digest carries a PNG


@dataclass(frozen=True, slots=True)
class Check:
    """One verdict: ``ok``, ``warn`` (works, but not as meant) or ``fail``, and the fix."""

    status: Status
    what: str
    fix: str = ""


@dataclass(frozen=True, slots=True)
class ChannelUse:
    guild_id: int
    channel_id: int
    uses: tuple[str, ...]
    paused: bool = False  # its subscriptions were paused (the channel was lost)


@dataclass(frozen=True, slots=True)
class Footprint:
    """Where the bot acts: channels and their uses, servers that mirror events, feeds, zones."""

    channels: list[ChannelUse] = field(default_factory=list)
    mirror_guilds: list[int] = field(default_factory=list)
    feeds: list[Feed] = field(default_factory=list)
    zones: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def guilds(self) -> list[int]:
        return sorted({c.guild_id for c in self.channels} | set(self.mirror_guilds))


class HealthService:
    """Reads the footprint in one short session."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def footprint(self) -> Footprint:
        uses: dict[tuple[int, int], list[str]] = defaultdict(list)
        paused: set[int] = set()
        with self._db.session() as session:
            for guild, channel, is_paused in subscription_repo.places(session):
                uses[(guild, channel)].append(SUBSCRIPTIONS)
                if is_paused:
                    paused.add(channel)
            for row in channel_repo.every(session):
                uses[(row.guild_id, row.channel_id)].append(NEWS)
            feeds = feed_repo.every(session)
            for feed in feeds:
                if feed.channel_id and FEED_POSTS not in uses[(feed.guild_id, feed.channel_id)]:
                    uses[(feed.guild_id, feed.channel_id)].append(FEED_POSTS)
            for guild, channel in settings_repo.notice_channels(session):
                uses[(guild, channel)].append(NOTICES)
            for guild, channel in settings_repo.picture_channels(session):
                uses[(guild, channel)].append(PICTURES)
            mirrors = sorted(mirror_repo.mirroring_guilds(session))
            zones = settings_repo.stored_zones(session)
        channels = [ChannelUse(g, c, tuple(u), c in paused) for (g, c), u in sorted(uses.items())]
        return Footprint(channels, mirrors, feeds, zones)


def schema_check(current: str | None, head: str | None) -> Check:
    if current == head:
        return Check("ok", f"schema at the latest revision ({head})")
    return Check(
        "fail",
        f"schema at revision {current or 'none'}, the code expects {head}",
        "run `diplobot db upgrade` (the bot also upgrades when it starts)",
    )


def zone_checks(default: str, zones: Sequence[tuple[str, int, str]]) -> list[Check]:
    """The default zone and every stored one must be known to this machine's zone database."""
    bad = [(kind, ident, zone) for kind, ident, zone in zones if not _known_zone(zone)]
    if not _known_zone("Europe/Paris"):
        return [
            Check(
                "fail",
                "this machine has no time zone database",
                "install the tzdata package (apt install tzdata, or pip install tzdata)",
            )
        ]
    checks = [Check("ok", f"default time zone {default}; {len(zones)} set by servers or channels")]
    for kind, ident, zone in bad:
        checks.append(
            Check(
                "warn",
                f"{kind} {ident} has the unknown time zone {zone!r}; UTC is used instead",
                "set it again with /digest set timezone:... in that server",
            )
        )
    return checks


def web_checks(bind: str, base_url: str | None) -> list[Check]:
    """Where the calendar web server listens and what its links show. Links carry secret
    tokens, so a plain http:// address other people reach is worth a warning."""
    if bind == "off":
        return [Check("ok", "calendar links are off (DIPLOBOT_WEB_BIND=off)")]
    shown = base_url or f"http://{bind}"
    checks = [Check("ok", f"calendar web server on {bind}; links start with {shown}/cal/")]
    host = (urlsplit(shown).hostname or "").lower()
    local = host in ("localhost", "::1") or host.startswith("127.")
    if shown.startswith("http://") and not local:
        checks.append(
            Check(
                "warn",
                f"calendar links go out as plain http:// ({shown}); each carries a secret token",
                "put a reverse proxy with TLS in front and set DIPLOBOT_WEB_BASE_URL to its "
                "https:// address (docs/hosting.md, calendar links)",
            )
        )
    elif base_url is None:
        checks.append(
            Check(
                "ok",
                f"calendar links point at {shown}, which only this machine can open; to share "
                "them, put a reverse proxy in front and set DIPLOBOT_WEB_BASE_URL",
            )
        )
    return checks


def feed_checks(feeds: Iterable[Feed], allow_hosts: Sequence[str]) -> list[Check]:
    """One line per feed that is failing or disabled; a summary for the rest."""
    feeds = list(feeds)
    checks: list[Check] = []
    for feed in feeds:
        where = f"feed #{feed.id} of server {feed.guild_id} ({feed.url})"
        reason = f": {feed.last_error}" if feed.last_error else ""
        if feed.disabled:
            checks.append(
                Check(
                    "fail",
                    f"{where} is disabled after {feed.failures} failures{reason}",
                    f"check the address, then `diplobot feeds remove --guild {feed.guild_id} "
                    f"{feed.id}` and add it again",
                )
            )
        elif feed.failures:
            checks.append(
                Check(
                    "warn",
                    f"{where} failed its last {feed.failures} reads{reason}",
                    "it is retried with back-off; check the address if it keeps failing",
                )
            )
    healthy = len(feeds) - len(checks)
    checks.insert(0, Check("ok", f"{healthy} of {len(feeds)} feeds read fine at their last poll"))
    hosts = ", ".join(allow_hosts) if allow_hosts else "none"
    checks.append(
        Check("ok", f"private hosts feeds may reach (DIPLOBOT_FEED_ALLOW_HOSTS): {hosts}")
    )
    return checks


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


__all__ = [
    "FEED_POSTS",
    "NEWS",
    "NOTICES",
    "SUBSCRIPTIONS",
    "ChannelUse",
    "Check",
    "Footprint",
    "HealthService",
    "feed_checks",
    "schema_check",
    "web_checks",
    "zone_checks",
]
