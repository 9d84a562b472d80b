"""Which Discord the client talks to: Discord itself, or a Discord-compatible server (Spacebar,
a test rig) named by ``DIPLOBOT_DISCORD_API_BASE`` and ``DIPLOBOT_DISCORD_GATEWAY``.

discord.py reads both addresses from class attributes (``Route.BASE`` for REST and webhooks,
``DiscordWebSocket.DEFAULT_GATEWAY`` for the gateway), so they are set for the process when
the client is built, from the settings every time: a process talks to one Discord.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from config.settings import Settings

DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"
_VERSIONED = re.compile(r"/v\d+$")


class EndpointError(ValueError):
    """A Discord address in the settings that cannot work; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    api_base: str
    gateway: str


def _checked(name: str, url: str, schemes: tuple[str, ...]) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in schemes or not parts.hostname:
        raise EndpointError(
            f"{name} must be a {' or '.join(s + '://' for s in schemes)} address, not {url!r}"
        )
    return url.strip()


def endpoint_from(settings: Settings) -> Endpoint:
    """The addresses the settings name, checked; Discord's own where they name none."""
    api = settings.discord_api_base
    if api:
        api = _checked("DIPLOBOT_DISCORD_API_BASE", api, ("https", "http")).rstrip("/")
        if not _VERSIONED.search(api):
            api += "/v10"
    gateway = settings.discord_gateway
    if gateway:
        gateway = _checked("DIPLOBOT_DISCORD_GATEWAY", gateway, ("wss", "ws"))
    return Endpoint(api or DISCORD_API_BASE, gateway or DISCORD_GATEWAY)


def point_discord_at(endpoint: Endpoint) -> None:
    """Make discord.py's REST calls, webhooks (interaction replies) and gateway use ``endpoint``."""
    Route.BASE = endpoint.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(endpoint.gateway)


async def gateway_problem(url: str, timeout_s: float = 15.0) -> str | None:
    """None when ``url`` opens a websocket that greets as a Discord gateway does (HELLO);
    otherwise what went wrong, in words. Checked once at start-up, so a wrong address is a
    sentence instead of discord.py retrying (and failing) forever."""
    target = yarl.URL(url).update_query(v=10, encoding="json")
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout_s)) as session,
            session.ws_connect(target, autoping=False) as ws,
        ):
            message = await ws.receive(timeout=timeout_s)
    except aiohttp.WSServerHandshakeError as exc:
        return f"{url} answered HTTP {exc.status} instead of opening a websocket"
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        return f"{url} did not answer ({type(exc).__name__})"
    try:
        hello = json.loads(message.data) if message.type is aiohttp.WSMsgType.TEXT else {}
    except (TypeError, ValueError):
        hello = {}
    if not isinstance(hello, dict) or hello.get("op") != 10:
        return f"{url} opened a websocket but did not greet as a Discord gateway"
    return None


__all__ = [
    "DISCORD_API_BASE",
    "DISCORD_GATEWAY",
    "Endpoint",
    "EndpointError",
    "endpoint_from",
    "gateway_problem",
    "point_discord_at",
]
