"""A loopback stand-in for Discord's gateway and REST API, for the real discord.py client.

Discord's servers are the one border the tests cannot reach, so this server speaks
the real protocol instead: the gateway over a websocket (JSON text frames: HELLO,
heartbeat ACK, IDENTIFY -> READY + GUILD_CREATE, INTERACTION_CREATE dispatches)
and the REST routes the bot uses (login, application info, command sync,
interaction callbacks, webhook follow-ups, channel messages). It records all the
bot sent, so tests assert what a member of the server would see.

Point the bot at it through its settings (``DIPLOBOT_DISCORD_API_BASE`` and
``DIPLOBOT_DISCORD_GATEWAY``): :meth:`DiscordLoopback.endpoint` gives both. Channel messages
behave as Discord documents them: ids are snowflakes of the moment they were made, a nonce
sent with ``enforce_nonce`` returns the earlier message instead of posting again (remembered
for good here: stricter than Discord's few minutes), a body Discord would refuse gets a 400
with its error shape, and ``GET /channels/{id}/messages`` pages through a channel's history.
Files come as Discord documents uploads: ``multipart/form-data`` with a ``payload_json`` part
and ``files[n]`` parts, described by ``payload_json``'s ``attachments`` (``id`` = n,
``filename``, ``description``: the alt text, at most 1024 characters); the message answered
and recorded carries Discord's attachment objects (id, filename, description, content_type,
size, url, and width and height of an image).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import mimetypes
import struct
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord
from aiohttp import WSMsgType, web

APPLICATION_ID = 900_000_000_000_000_001
BOT_USER_ID = APPLICATION_ID
DEFAULT_GUILD_ID = 910_000_000_000_000_001
DEFAULT_CHANNEL_ID = 920_000_000_000_000_001
OTHER_CHANNEL_ID = 920_000_000_000_000_002
DEFAULT_USER_ID = 930_000_000_000_000_001
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024
DISCORD_EPOCH_MS = 1_420_070_400_000
NONCE_MAX_CHARS = 25
ATTACHMENT_DESCRIPTION_MAX = 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT = 50, 100

# Option types of Discord's application command payloads.
_SUB_COMMAND, _SUB_COMMAND_GROUP = 1, 2
_CHANNEL_OPTION = 7

_JSON = "application/json"
_CLIENT_ERRORS = {
    401: ("401: Unauthorized", 0),
    403: ("Missing Access", 50001),
    404: ("Unknown Channel", 10003),
}


def _json_response(data: Any, status: int = 200) -> web.Response:
    """A JSON reply whose Content-Type is exactly ``application/json`` (discord.py needs that)."""
    body = json.dumps(data).encode()
    response = web.Response(body=body, status=status)
    response.headers["Content-Type"] = _JSON
    return response


def _iso_now() -> str:
    return datetime.now(UTC).isoformat()


def _snowflake_time(snowflake: int) -> str:
    return datetime.fromtimestamp(((snowflake >> 22) + DISCORD_EPOCH_MS) / 1000, tz=UTC).isoformat()


def invalid_form_body(path: str, message: str, code: str = "BASE_TYPE_INVALID") -> web.Response:
    """Discord's 400 for a body it refuses: code 50035 and the errors nested by field path."""
    errors: dict[str, Any] = {"_errors": [{"code": code, "message": message}]}
    for part in reversed(path.split(".")):
        errors = {part: errors}
    return _json_response(
        {"code": 50035, "errors": errors, "message": "Invalid Form Body"}, status=400
    )


@dataclass
class Refusal:
    """Refuse (400, Invalid Form Body) channel messages whose JSON body contains ``match``,
    as a Discord-compatible server does with a field it will not take; ``count`` of them, or
    all when None. ``refused`` records each refused body."""

    match: str
    path: str = "embeds.0.fields.0.value"
    message: str = "Must be 1024 or fewer in length."
    count: int | None = 1
    refused: list[dict[str, Any]] = field(default_factory=list)

    def applies(self, body: dict[str, Any]) -> bool:
        if self.count is not None and self.count <= 0:
            return False
        return self.match in json.dumps(body)


@dataclass
class Reply:
    """What a member sees after an interaction: the response message, as Discord would show it."""

    interaction_id: int
    type: int
    data: dict[str, Any]
    message_id: int | None
    files: list[tuple[str, bytes]] = field(default_factory=list)
    followups: list[dict[str, Any]] = field(default_factory=list)
    latency_s: float = 0.0

    @property
    def content(self) -> str:
        return str(self.data.get("content") or "")

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list(self.data.get("embeds") or [])

    @property
    def ephemeral(self) -> bool:
        return bool(int(self.data.get("flags") or 0) & 64)

    @property
    def components(self) -> list[dict[str, Any]]:
        return list(self.data.get("components") or [])

    @property
    def allowed_mentions(self) -> dict[str, Any] | None:
        return self.data.get("allowed_mentions")

    @property
    def choices(self) -> list[dict[str, Any]]:
        return list(self.data.get("choices") or [])

    def buttons(self) -> list[dict[str, Any]]:
        """Every button of the message, in display order."""
        return [
            item
            for row in self.components
            for item in row.get("components", [])
            if item.get("type") == 2
        ]

    def text(self) -> str:
        """Everything readable: content, embed titles, descriptions, fields, footers, follow-ups."""
        parts = [_readable(self.data)]
        parts.extend(_readable(f) for f in self.followups)
        return "\n".join(p for p in parts if p)


def _readable(body: dict[str, Any]) -> str:
    parts = [str(body.get("content") or "")]
    for embed in body.get("embeds") or []:
        parts.append(str(embed.get("title") or ""))
        parts.append(str(embed.get("description") or ""))
        for fld in embed.get("fields") or []:
            parts.append(f"{fld.get('name')}\n{fld.get('value')}")
        parts.append(str((embed.get("footer") or {}).get("text") or ""))
    return "\n".join(p for p in parts if p)


@dataclass
class Fault:
    """A failure injected into the REST requests whose ``"METHOD /path"`` contains ``match``.

    ``status`` 429 answers as Discord's rate limiter does (``retry_after`` in the body and
    the ``Retry-After`` header, ``global`` when ``is_global``); 5xx answers as a failing
    Discord; another 4xx as Discord refusing (403 Missing Access, ...); 0 answers normally.
    ``delay_s`` holds every matching answer back first (a slow
    Discord). ``after_processing`` makes a 5xx happen after the request took effect (the
    ambiguous failure: the message was posted but the bot was told it was not).
    ``count`` requests are affected, or every one until :meth:`DiscordLoopback.clear_faults`.
    """

    status: int = 503
    match: str = ""
    count: int | None = 1
    retry_after: float = 0.2
    is_global: bool = False
    delay_s: float = 0.0
    after_processing: bool = False
    hits: list[float] = field(default_factory=list)  # perf_counter of each affected request


@dataclass(frozen=True)
class Upload:
    """One ``files[n]`` part of a multipart request, as it arrived."""

    index: int
    filename: str
    content_type: str
    data: bytes


def _image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG (from its IHDR chunk), as Discord reports them for images."""
    if data[:8] != PNG_SIGNATURE or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


@dataclass
class _Pending:
    future: asyncio.Future[Reply]
    sent_at: float
    message_id: int | None = None


class DiscordLoopback:
    """One guild, a couple of text channels, one application; everything on 127.0.0.1."""

    def __init__(
        self,
        *,
        guild_id: int = DEFAULT_GUILD_ID,
        channel_ids: tuple[int, ...] = (DEFAULT_CHANNEL_ID, OTHER_CHANNEL_ID),
        accepted_token: str = "loopback-token",
    ) -> None:
        self.guild_id = guild_id
        self.channel_ids = channel_ids
        self.accepted_token = accepted_token
        self._last_snowflake = 0
        self._runner: web.AppRunner | None = None
        self.port: int = 0
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = 0
        self._identified = asyncio.Event()
        self._pending: dict[int, _Pending] = {}
        self._replies: dict[int, Reply] = {}
        # What the bot sent, in order.
        self.requests: list[tuple[str, str]] = []
        self.channel_messages: list[dict[str, Any]] = []
        self.arrivals: list[float] = []  # perf_counter of each channel message the bot posted
        self._arrived = asyncio.Event()
        # Every message of every channel (the bot's and members'), as Discord stores them.
        self.history: dict[int, list[dict[str, Any]]] = {}
        # enforce_nonce: the message each nonce made, kept for good (Discord: a few minutes).
        self.nonces: dict[str, dict[str, Any]] = {}
        self.duplicates_refused = 0
        self.refusals: list[Refusal] = []
        self.interaction_callbacks: list[dict[str, Any]] = []
        self.followups: list[dict[str, Any]] = []
        self.deleted_originals: list[str] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.identify_payloads: list[dict[str, Any]] = []
        self.sync_count = 0
        self._resumed = asyncio.Event()
        # Fault injection (outage tests): REST faults, and the gateway's answer to RESUME.
        self.faults: list[Fault] = []
        self.refuse_resume = False
        self.resume_count = 0
        # What `diplobot doctor` reads: the portal's application flags (intents), roles beyond
        # @everyone, each member's roles, and each channel's permission overwrites.
        self.application_flags = 0
        self.extra_roles: list[dict[str, Any]] = []
        self.member_roles: dict[int, list[int]] = {}
        self.overwrites: dict[int, list[dict[str, Any]]] = {}
        # Direct messages: each member's DM channel (Create DM answers the same one every
        # time), the messages the bot sent there, and members whose DMs are closed (Discord
        # answers 403 with code 50007, "Cannot send messages to this user").
        self.dm_channels: dict[int, int] = {}
        self.direct_messages: list[dict[str, Any]] = []
        self.dms_closed: set[int] = set()
        self.dms_refused: list[int] = []  # the member of each DM refused with 50007

    # ------------------------------------------------------------------ lifecycle
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application(
            client_max_size=ATTACHMENT_SIZE_LIMIT, middlewares=[self._fault_middleware]
        )
        app.router.add_get("/gateway", self._gateway)
        api = "/api/v10"
        routes = [
            ("GET", "/users/@me", self._users_me),
            ("GET", "/oauth2/applications/@me", self._application),
            ("GET", "/applications/@me", self._application),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway_bot),
            ("PUT", "/applications/{app}/commands", self._put_commands),
            ("PUT", "/applications/{app}/guilds/{guild}/commands", self._put_commands),
            ("GET", "/applications/{app}/commands", self._get_commands),
            ("GET", "/applications/{app}/guilds/{guild}/commands", self._get_commands),
            ("POST", "/interactions/{iid}/{token}/callback", self._callback),
            ("PATCH", "/webhooks/{app}/{token}/messages/@original", self._edit_original),
            ("GET", "/webhooks/{app}/{token}/messages/@original", self._get_original),
            ("DELETE", "/webhooks/{app}/{token}/messages/@original", self._delete_original),
            ("POST", "/webhooks/{app}/{token}", self._followup),
            ("PATCH", "/webhooks/{app}/{token}/messages/{mid}", self._edit_followup),
            ("POST", "/users/@me/channels", self._create_dm),
            ("POST", "/channels/{cid}/messages", self._channel_message),
            ("GET", "/channels/{cid}/messages", self._channel_history),
            ("GET", "/channels/{cid}", self._get_channel),
            ("GET", "/guilds/{gid}", self._get_guild),
            ("GET", "/guilds/{gid}/members/{uid}", self._get_member),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, api + path, handler)
        app.router.add_route("*", api + "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def endpoint(self) -> dict[str, str]:
        """The bot's settings that point it here (as ``DIPLOBOT_DISCORD_API_BASE`` and
        ``DIPLOBOT_DISCORD_GATEWAY`` would)."""
        return {"discord_api_base": self.api_base, "discord_gateway": self.gateway_url}

    def environment(self) -> dict[str, str]:
        """The same, as the environment of a bot process."""
        return {f"DIPLOBOT_{k.upper()}": v for k, v in self.endpoint().items()}

    async def wait_identified(self, wait_s: float = 10.0) -> None:
        await asyncio.wait_for(self._identified.wait(), wait_s)

    async def wait_resumed(self, wait_s: float = 10.0) -> None:
        await asyncio.wait_for(self._resumed.wait(), wait_s)

    async def drop_connections(self, code: int = 4000) -> None:
        """Close every gateway socket as Discord does on a hiccup; the client should RESUME."""
        for ws in list(self._sockets):
            await ws.close(code=code, message=b"loopback hiccup")

    def snowflake(self) -> int:
        """A Discord id: milliseconds since Discord's epoch, shifted, unique and increasing."""
        made = (time.time_ns() // 1_000_000 - DISCORD_EPOCH_MS) << 22
        self._last_snowflake = max(made, self._last_snowflake + 1)
        return self._last_snowflake

    async def wait_messages(self, count: int, within_s: float) -> bool:
        """Wait (on arrivals, not on a clock) until ``count`` channel messages were posted."""
        deadline = time.monotonic() + within_s
        while len(self.channel_messages) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), left)
        return True

    def messages_in(self, channel_id: int) -> list[dict[str, Any]]:
        """What the bot posted in ``channel_id``, in order."""
        return [m for m in self.channel_messages if m["channel_id"] == channel_id]

    def refuse(self, refusal: Refusal) -> Refusal:
        """Answer matching channel messages with a 400 (see :class:`Refusal`)."""
        self.refusals.append(refusal)
        return refusal

    async def post_message(
        self,
        channel_id: int,
        content: str,
        *,
        embeds: list[dict[str, Any]] | None = None,
        author_id: int = DEFAULT_USER_ID,
        author_name: str = "member",
    ) -> int:
        """A member (or a followed channel) posts in ``channel_id``: stored in the channel's
        history, and dispatched as MESSAGE_CREATE to the bot when it is connected."""
        payload = self._message_payload(channel_id, {"content": content, "embeds": embeds or []})
        payload["author"] = self.user_payload(author_id, author_name)
        self.history.setdefault(channel_id, []).append(payload)
        if self._sockets:
            await self._broadcast("MESSAGE_CREATE", payload)
        return int(payload["id"])

    # ------------------------------------------------------------------ fault injection
    @property
    def connected(self) -> bool:
        """Whether the bot holds a gateway connection that has identified or resumed."""
        return bool(self._sockets)

    def inject(self, fault: Fault) -> Fault:
        """Make matching REST requests fail (or wait) as ``fault`` says; returns it for its hits."""
        self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        self.faults.clear()

    async def invalidate_sessions(self) -> None:
        """Send INVALID_SESSION (not resumable) on every connection: the client re-IDENTIFYs."""
        for ws in list(self._sockets):
            await ws.send_str(json.dumps({"op": 9, "d": False}))

    def _fault_for(self, request: web.Request) -> Fault | None:
        api = "/api/v10"
        if not request.path.startswith(api):
            return None
        described = f"{request.method} {request.path.removeprefix(api)}"
        for fault in self.faults:
            if fault.match in described and (fault.count is None or fault.count > 0):
                if fault.count is not None:
                    fault.count -= 1
                fault.hits.append(time.perf_counter())
                return fault
        return None

    @web.middleware
    async def _fault_middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        fault = self._fault_for(request)
        if fault is None:
            return await handler(request)
        if fault.delay_s:
            await asyncio.sleep(fault.delay_s)
        if fault.status == 429:
            scope = "global" if fault.is_global else "user"
            body = {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.is_global,
            }
            response = _json_response(body, status=429)
            response.headers["Retry-After"] = f"{fault.retry_after:.3f}"
            response.headers["Via"] = "1.1 google"  # discord.py reads a 429 without it as a ban
            response.headers["X-RateLimit-Scope"] = scope
            if fault.is_global:
                response.headers["X-RateLimit-Global"] = "true"
            return response
        if fault.status >= 500:
            if fault.after_processing:
                await handler(request)
            return _json_response({"message": "Service Unavailable", "code": 0}, fault.status)
        if fault.status >= 400:  # Discord refusing the request, with its error code
            message, code = _CLIENT_ERRORS.get(fault.status, ("Bad Request", 0))
            return _json_response({"message": message, "code": code}, fault.status)
        return await handler(request)

    # ------------------------------------------------------------------ payloads
    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": str(BOT_USER_ID),
            "username": "diplobot",
            "discriminator": "0",
            "global_name": "Diplobot",
            "avatar": None,
            "bot": True,
            "flags": 0,
            "verified": True,
            "mfa_enabled": False,
        }

    def user_payload(self, user_id: int = DEFAULT_USER_ID, name: str = "member") -> dict[str, Any]:
        return {
            "id": str(user_id),
            "username": name,
            "discriminator": "0",
            "global_name": name.title(),
            "avatar": None,
        }

    def channel_payload(self, channel_id: int) -> dict[str, Any]:
        index = self.channel_ids.index(channel_id) if channel_id in self.channel_ids else 99
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": "news" if index == 0 else f"channel-{index}",
            "position": index,
            "permission_overwrites": self.overwrites.get(channel_id, []),
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
        }

    def _guild_payload(self) -> dict[str, Any]:
        everyone = {
            "id": str(self.guild_id),
            "name": "@everyone",
            "permissions": str(discord.Permissions.general().value),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        return {
            "id": str(self.guild_id),
            "name": "Loopback Guild",
            "icon": None,
            "owner_id": str(DEFAULT_USER_ID),
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "features": [],
            "roles": [everyone, *self.extra_roles],
            "emojis": [],
            "stickers": [],
            "channels": [self.channel_payload(cid) for cid in self.channel_ids],
            "threads": [],
            "members": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "member_count": 2,
            "large": False,
            "unavailable": False,
            "joined_at": _iso_now(),
            "system_channel_id": None,
            "rules_channel_id": None,
        }

    def _message_payload(
        self, channel_id: int, body: dict[str, Any], message_id: int | None = None
    ) -> dict[str, Any]:
        made = message_id or self.snowflake()
        return {
            "id": str(made),
            "channel_id": str(channel_id),
            "guild_id": str(self.guild_id),
            "author": self._bot_user(),
            "content": body.get("content") or "",
            "timestamp": _snowflake_time(made),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [a for a in body.get("attachments") or [] if "url" in a],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": int(body.get("flags") or 0),
        }

    # ------------------------------------------------------------------ gateway
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41_250}}))
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                op = payload.get("op")
                if op == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif op == 2:
                    await self._on_identify(ws, payload["d"])
                elif op == 6:
                    self.resume_count += 1
                    if self.refuse_resume:
                        # INVALID_SESSION, not resumable: the client must IDENTIFY again.
                        await ws.send_str(json.dumps({"op": 9, "d": False}))
                        continue
                    await self._dispatch(ws, "RESUMED", {})
                    self._resumed.set()
        finally:
            self._sockets.remove(ws)
        return ws

    async def _dispatch(self, ws: web.WebSocketResponse, event: str, data: Any) -> None:
        self._seq += 1
        await ws.send_str(json.dumps({"op": 0, "t": event, "s": self._seq, "d": data}))

    async def _on_identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        self.identify_payloads.append(data)
        shard = data.get("shard") or [0, 1]
        ready = {
            "v": 10,
            "user": self._bot_user(),
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": f"session-{self.snowflake()}",
            "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
            "shard": shard,
            "application": {"id": str(APPLICATION_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self._dispatch(ws, "READY", ready)
        # A guild belongs to shard (guild_id >> 22) % shard_count.
        if (self.guild_id >> 22) % int(shard[1]) == int(shard[0]):
            await self._dispatch(ws, "GUILD_CREATE", self._guild_payload())
        self._identified.set()

    async def _broadcast(self, event: str, data: Any) -> None:
        if not self._sockets:
            raise RuntimeError("the bot is not connected to the loopback gateway")
        for ws in list(self._sockets):
            await self._dispatch(ws, event, data)

    # ------------------------------------------------------------------ REST
    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bot {self.accepted_token}"

    async def _users_me(self, request: web.Request) -> web.Response:
        self.requests.append(("GET", "users/@me"))
        if not self._authorised(request):
            return _json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        return _json_response(self._bot_user())

    async def _application(self, request: web.Request) -> web.Response:
        self.requests.append(("GET", "applications/@me"))
        return _json_response(
            {
                "id": str(APPLICATION_ID),
                "name": "diplobot",
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "owner": self.user_payload(),
                "team": None,
                "flags": self.application_flags,
                "interactions_endpoint_url": None,
                "rpc_origins": [],
            }
        )

    async def _get_gateway(self, request: web.Request) -> web.Response:
        return _json_response({"url": f"ws://127.0.0.1:{self.port}/gateway"})

    async def _get_gateway_bot(self, request: web.Request) -> web.Response:
        self.requests.append(("GET", "gateway/bot"))
        return _json_response(
            {
                "url": f"ws://127.0.0.1:{self.port}/gateway",
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    async def _put_commands(self, request: web.Request) -> web.Response:
        guild = request.match_info.get("guild")
        scope = int(guild) if guild else None
        self.requests.append(("PUT", f"commands:{scope}"))
        self.sync_count += 1
        body = await request.json()
        stored = []
        for command in body:
            item = dict(command)
            item["id"] = str(self.snowflake())
            item["application_id"] = str(APPLICATION_ID)
            item["version"] = "1"
            if scope is not None:
                item["guild_id"] = str(scope)
            perms = item.get("default_member_permissions")
            # Discord stores and returns permission bit sets as strings.
            item["default_member_permissions"] = None if perms is None else str(perms)
            item.setdefault("dm_permission", True)
            item.setdefault("nsfw", False)
            stored.append(item)
        self.commands[scope] = stored
        return _json_response(stored)

    async def _get_commands(self, request: web.Request) -> web.Response:
        guild = request.match_info.get("guild")
        return _json_response(self.commands.get(int(guild) if guild else None, []))

    async def _read_body(
        self, request: web.Request
    ) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
        """JSON body, or the ``payload_json`` part of a multipart upload plus its files."""
        body, uploads = await self._read_upload(request)
        return body, [(u.filename, u.data) for u in uploads]

    async def _read_upload(self, request: web.Request) -> tuple[dict[str, Any], list[Upload]]:
        """JSON body, or ``payload_json`` and the ``files[n]`` parts of a multipart upload."""
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            body = json.loads(str(form.get("payload_json") or "{}"))
            uploads = []
            for key, value in form.items():
                if key.startswith("files[") and isinstance(value, web.FileField):
                    index = int(key.removeprefix("files[").rstrip("]"))
                    content_type = value.content_type or "application/octet-stream"
                    uploads.append(Upload(index, value.filename, content_type, value.file.read()))
            return body, uploads
        if request.can_read_body:
            return await request.json(), []
        return {}, []

    def _attachment_objects(
        self, channel_id: int, body: dict[str, Any], uploads: list[Upload]
    ) -> list[dict[str, Any]] | web.Response:
        """Discord's attachment objects for the uploaded files, described by ``payload_json``'s
        ``attachments`` (``id`` = the ``files[n]`` index); a 400 for what Discord refuses."""
        by_index = {u.index: u for u in uploads}
        declared = {}
        for n, item in enumerate(body.get("attachments") or []):
            try:
                index = int(item["id"])
            except (KeyError, TypeError, ValueError):
                return invalid_form_body(f"attachments.{n}.id", "Value is not snowflake.")
            if index not in by_index:
                return invalid_form_body(
                    f"attachments.{n}", "Attachment data not found", "ATTACHMENT_NOT_FOUND"
                )
            description = item.get("description")
            if description is not None and len(str(description)) > ATTACHMENT_DESCRIPTION_MAX:
                return invalid_form_body(
                    f"attachments.{n}.description",
                    f"Must be {ATTACHMENT_DESCRIPTION_MAX} or fewer in length.",
                    "BASE_TYPE_MAX_LENGTH",
                )
            declared[index] = item
        objects = []
        for upload in sorted(uploads, key=lambda u: u.index):
            item = declared.get(upload.index, {})
            filename = str(item.get("filename") or upload.filename)
            content_type = upload.content_type
            if content_type == "application/octet-stream":  # Discord names the media type
                content_type = mimetypes.guess_type(filename)[0] or content_type
            attachment_id = self.snowflake()
            url = f"{self.base_url}/attachments/{channel_id}/{attachment_id}/{filename}"
            obj: dict[str, Any] = {
                "id": str(attachment_id),
                "filename": filename,
                "content_type": content_type,
                "size": len(upload.data),
                "url": url,
                "proxy_url": url,
            }
            if item.get("description") is not None:
                obj["description"] = str(item["description"])
            size = _image_size(upload.data)
            if size is not None:
                obj["width"], obj["height"] = size
            objects.append(obj)
        return objects

    async def _callback(self, request: web.Request) -> web.Response:
        interaction_id = int(request.match_info["iid"])
        body, files = await self._read_body(request)
        received = time.perf_counter()
        self.interaction_callbacks.append({"interaction_id": interaction_id, **body})
        kind = int(body["type"])
        data = dict(body.get("data") or {})
        pending = self._pending.get(interaction_id)
        message_id = None
        response: dict[str, Any] = {
            "interaction": {
                "id": str(interaction_id),
                "type": 2,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & 64),
            }
        }
        if kind in (4, 5, 7):
            same = kind == 7 and pending is not None and pending.message_id is not None
            message_id = pending.message_id if same else self.snowflake()  # type: ignore[union-attr]
            response["interaction"]["response_message_id"] = str(message_id)
            response["resource"] = {
                "type": kind,
                "message": self._message_payload(DEFAULT_CHANNEL_ID, data, message_id),
            }
        reply = Reply(interaction_id, kind, data, message_id, files=files)
        if pending is not None:
            reply.latency_s = received - pending.sent_at
        self._replies[interaction_id] = reply
        if pending is not None and not pending.future.done() and kind not in (5, 6):
            pending.future.set_result(reply)
        return _json_response(response)

    def _reply_for_token(self, token: str) -> Reply | None:
        if token.startswith("token-"):
            return self._replies.get(int(token.removeprefix("token-")))
        return None

    async def _edit_original(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        body, files = await self._read_body(request)
        reply = self._reply_for_token(token)
        if reply is None:
            return _json_response({"message": "Unknown Webhook", "code": 10015}, status=404)
        merged = {**reply.data, **body}
        reply.data = merged
        reply.files.extend(files)
        pending = self._pending.get(reply.interaction_id)
        if pending is not None and not pending.future.done():
            pending.future.set_result(reply)
        return _json_response(self._message_payload(DEFAULT_CHANNEL_ID, merged, reply.message_id))

    async def _get_original(self, request: web.Request) -> web.Response:
        reply = self._reply_for_token(request.match_info["token"])
        if reply is None:
            return _json_response({"message": "Unknown Message", "code": 10008}, status=404)
        return _json_response(
            self._message_payload(DEFAULT_CHANNEL_ID, reply.data, reply.message_id)
        )

    async def _delete_original(self, request: web.Request) -> web.Response:
        self.deleted_originals.append(request.match_info["token"])
        return web.Response(status=204)

    async def _followup(self, request: web.Request) -> web.Response:
        body, files = await self._read_body(request)
        self.followups.append(body)
        reply = self._reply_for_token(request.match_info["token"])
        if reply is not None and reply.type == 5 and not reply.data.get("_answered"):
            # The first follow-up to a deferred response replaces its "thinking..." state.
            flags = int(reply.data.get("flags") or 0)
            reply.data = {**body, "flags": flags | int(body.get("flags") or 0), "_answered": True}
            reply.files.extend(files)
            pending = self._pending.get(reply.interaction_id)
            if pending is not None and not pending.future.done():
                pending.future.set_result(reply)
        elif reply is not None:
            reply.followups.append(body)
            reply.files.extend(files)
            pending = self._pending.get(reply.interaction_id)
            if pending is not None and not pending.future.done():
                pending.future.set_result(reply)
        return _json_response(self._message_payload(DEFAULT_CHANNEL_ID, body))

    async def _edit_followup(self, request: web.Request) -> web.Response:
        body, _ = await self._read_body(request)
        mid = int(request.match_info["mid"])
        return _json_response(self._message_payload(DEFAULT_CHANNEL_ID, body, mid))

    def _dm_user(self, channel_id: int) -> int | None:
        return next((u for u, c in self.dm_channels.items() if c == channel_id), None)

    def dm_payload(self, user_id: int) -> dict[str, Any]:
        """A DM channel object (type 1) with its one recipient, as Discord documents it."""
        return {
            "id": str(self.dm_channels[user_id]),
            "type": 1,
            "last_message_id": None,
            "recipients": [self.user_payload(user_id)],
        }

    async def _create_dm(self, request: web.Request) -> web.Response:
        """Create DM: ``{"recipient_id": ...}`` -> the DM channel (the existing one if any)."""
        body, _ = await self._read_body(request)
        try:
            user_id = int(body["recipient_id"])
        except (KeyError, TypeError, ValueError):
            return invalid_form_body("recipient_id", "This field is required", "BASE_TYPE_REQUIRED")
        self.requests.append(("POST", f"users/@me/channels:{user_id}"))
        if user_id not in self.dm_channels:
            self.dm_channels[user_id] = self.snowflake()
        return _json_response(self.dm_payload(user_id))

    def dms_to(self, user_id: int) -> list[dict[str, Any]]:
        """The direct messages the bot sent to a member, oldest first."""
        return [m for m in self.direct_messages if m["user_id"] == user_id]

    async def press(
        self,
        message: dict[str, Any],
        custom_id: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        user_permissions: discord.Permissions | None = None,
        wait_s: float = 10.0,
    ) -> Reply:
        """A member presses button ``custom_id`` on a channel message (as stored in
        ``history``): a MESSAGE_COMPONENT interaction; returns the bot's response."""
        ids = [
            c.get("custom_id")
            for row in message.get("components") or []
            for c in row.get("components") or []
        ]
        if custom_id not in ids:
            raise KeyError(f"the message has no component {custom_id!r}; it has {ids}")
        perms = user_permissions if user_permissions is not None else discord.Permissions.all()
        interaction_id, payload = self._interaction_payload(
            3,
            {"custom_id": custom_id, "component_type": 2},
            user_permissions=perms,
            channel_id=int(message["channel_id"]),
            user_id=user_id,
            message=message,
        )
        return await self._send_interaction(interaction_id, payload, wait_s)

    async def _channel_message(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["cid"])
        body, uploads = await self._read_upload(request)
        return self._create_message(channel_id, body, uploads)

    def _create_message(
        self, channel_id: int, body: dict[str, Any], uploads: list[Upload]
    ) -> web.Response:
        """Create Message as Discord documents it: unknown channel 404, a refused body 400, a
        repeated nonce under ``enforce_nonce`` the earlier message, else a new message."""
        dm_user = self._dm_user(channel_id)
        if channel_id not in self.channel_ids and dm_user is None:
            return _json_response({"message": "Unknown Channel", "code": 10003}, status=404)
        if dm_user is not None and dm_user in self.dms_closed:
            self.dms_refused.append(dm_user)
            return _json_response(
                {"message": "Cannot send messages to this user", "code": 50007}, status=403
            )
        nonce = body.get("nonce")
        if nonce is not None and len(str(nonce)) > NONCE_MAX_CHARS:
            return invalid_form_body(
                "nonce", f"Must be {NONCE_MAX_CHARS} or fewer in length.", "BASE_TYPE_MAX_LENGTH"
            )
        for refusal in self.refusals:
            if refusal.applies(body):
                if refusal.count is not None:
                    refusal.count -= 1
                refusal.refused.append(body)
                return invalid_form_body(refusal.path, refusal.message)
        if nonce is not None and body.get("enforce_nonce"):
            earlier = self.nonces.get(str(nonce))
            if earlier is not None:  # the same author (the bot) used this nonce before
                self.duplicates_refused += 1
                return _json_response(earlier)
        attachments = self._attachment_objects(channel_id, body, uploads)
        if isinstance(attachments, web.Response):
            return attachments
        files = [(u.filename, u.data) for u in sorted(uploads, key=lambda u: u.index)]
        body = {**body, "attachments": attachments}
        payload = self._message_payload(channel_id, body)
        if dm_user is not None:
            payload.pop("guild_id", None)
            self.direct_messages.append({"channel_id": channel_id, "user_id": dm_user, **body})
        else:
            self.channel_messages.append({"channel_id": channel_id, "files": files, **body})
            self.arrivals.append(time.perf_counter())
            self._arrived.set()
        if nonce is not None:
            payload["nonce"] = nonce
            self.nonces[str(nonce)] = payload
        self.history.setdefault(channel_id, []).append(payload)
        return _json_response(payload)

    async def _channel_history(self, request: web.Request) -> web.Response:
        """Get Channel Messages: ``limit`` (1-100, default 50) and one of ``around``,
        ``before``, ``after``; newest first, as Discord answers (with ``after``: the messages
        right after it)."""
        channel_id = int(request.match_info["cid"])
        self.requests.append(("GET", f"history:{channel_id}"))
        if channel_id not in self.channel_ids:
            return _json_response({"message": "Unknown Channel", "code": 10003}, status=404)
        try:
            limit = int(request.query.get("limit", HISTORY_DEFAULT_LIMIT))
            anchors = {
                k: int(request.query[k])
                for k in ("around", "before", "after")
                if k in request.query
            }
        except ValueError:
            return invalid_form_body("limit", "Value is not int.", "NUMBER_TYPE_COERCE")
        if not 1 <= limit <= HISTORY_MAX_LIMIT:
            return invalid_form_body(
                "limit",
                f"Int value should be between 1 and {HISTORY_MAX_LIMIT}.",
                "NUMBER_TYPE_MAX",
            )
        messages = sorted(self.history.get(channel_id, []), key=lambda m: int(m["id"]))
        if "after" in anchors:
            chosen = [m for m in messages if int(m["id"]) > anchors["after"]][:limit]
        elif "before" in anchors:
            chosen = [m for m in messages if int(m["id"]) < anchors["before"]][-limit:]
        elif "around" in anchors:
            older = [m for m in messages if int(m["id"]) <= anchors["around"]][-(limit // 2 + 1) :]
            newer = [m for m in messages if int(m["id"]) > anchors["around"]][: limit - len(older)]
            chosen = older + newer
        else:
            chosen = messages[-limit:]
        return _json_response(list(reversed(chosen)))

    async def _get_channel(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["cid"])
        if channel_id not in self.channel_ids:
            return _json_response({"message": "Unknown Channel", "code": 10003}, status=404)
        return _json_response(self.channel_payload(channel_id))

    async def _get_guild(self, request: web.Request) -> web.Response:
        if int(request.match_info["gid"]) != self.guild_id:
            return _json_response({"message": "Unknown Guild", "code": 10004}, status=404)
        return _json_response(self._guild_payload())

    async def _get_member(self, request: web.Request) -> web.Response:
        user_id = int(request.match_info["uid"])
        if int(request.match_info["gid"]) != self.guild_id:
            return _json_response({"message": "Unknown Guild", "code": 10004}, status=404)
        user = self._bot_user() if user_id == BOT_USER_ID else self.user_payload(user_id)
        member = {
            "user": user,
            "roles": [str(r) for r in self.member_roles.get(user_id, [])],
            "joined_at": _iso_now(),
            "deaf": False,
            "mute": False,
            "flags": 0,
        }
        return _json_response(member)

    def add_role(self, role_id: int, permissions: discord.Permissions, *members: int) -> None:
        """A role with these permissions, given to ``members``."""
        self.extra_roles.append(
            {
                "id": str(role_id),
                "name": f"role-{role_id}",
                "permissions": str(permissions.value),
                "position": len(self.extra_roles) + 1,
                "color": 0,
                "hoist": False,
                "managed": False,
                "mentionable": False,
                "flags": 0,
            }
        )
        for member in members:
            self.member_roles.setdefault(member, []).append(role_id)

    async def _unknown(self, request: web.Request) -> web.Response:
        self.requests.append((request.method, request.path))
        return _json_response({"message": "404: Not Found", "code": 0}, status=404)

    # ------------------------------------------------------------------ interactions
    def command_definition(self, name: str, guild_id: int | None = None) -> dict[str, Any]:
        """The synced definition of a top-level command, as Discord stored it."""
        gid = self.guild_id if guild_id is None else guild_id
        for scope in (gid, None):
            for command in self.commands.get(scope, []):
                if command["name"] == name:
                    return command
        raise KeyError(f"command /{name} was never synced")

    def _build_options(
        self,
        definition: dict[str, Any],
        path: list[str],
        values: dict[str, Any],
        focused: str | None,
        resolved: dict[str, Any],
    ) -> list[dict[str, Any]]:
        options = definition.get("options") or []
        if path:
            sub = next((o for o in options if o["name"] == path[0]), None)
            if sub is None or sub["type"] not in (_SUB_COMMAND, _SUB_COMMAND_GROUP):
                raise KeyError(f"no sub-command {path[0]!r}")
            inner = self._build_options(sub, path[1:], values, focused, resolved)
            return [{"type": sub["type"], "name": sub["name"], "options": inner}]
        built = []
        known = {o["name"]: o for o in options}
        for name, value in values.items():
            if name not in known:
                raise KeyError(f"command has no option {name!r}; it has {sorted(known)}")
            option = {"type": known[name]["type"], "name": name, "value": value}
            if known[name]["type"] == _CHANNEL_OPTION:
                option["value"] = str(value)
                channel = self.channel_payload(int(value))
                channel["permissions"] = str(discord.Permissions.all().value)
                resolved.setdefault("channels", {})[str(value)] = channel
            if name == focused:
                option["focused"] = True
            built.append(option)
        return built

    def _interaction_payload(
        self,
        kind: int,
        data: dict[str, Any],
        *,
        user_permissions: discord.Permissions,
        channel_id: int,
        user_id: int,
        message: dict[str, Any] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        interaction_id = self.snowflake()
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(APPLICATION_ID),
            "type": kind,
            "token": f"token-{interaction_id}",
            "version": 1,
            "guild_id": str(self.guild_id),
            "channel_id": str(channel_id),
            "channel": self.channel_payload(channel_id),
            "member": {
                "user": self.user_payload(user_id),
                "roles": [],
                "joined_at": _iso_now(),
                "deaf": False,
                "mute": False,
                "flags": 0,
                "pending": False,
                "nick": None,
                "avatar": None,
                "permissions": str(user_permissions.value),
            },
            "app_permissions": str(discord.Permissions.all().value),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
            "data": data,
        }
        if message is not None:
            payload["message"] = message
        return interaction_id, payload

    async def _send_interaction(
        self, interaction_id: int, payload: dict[str, Any], wait_s: float
    ) -> Reply:
        loop = asyncio.get_running_loop()
        message = payload.get("message") or {}
        message_id = int(message["id"]) if message.get("id") else None
        pending = _Pending(loop.create_future(), time.perf_counter(), message_id)
        self._pending[interaction_id] = pending
        try:
            await self._broadcast("INTERACTION_CREATE", payload)
            return await asyncio.wait_for(pending.future, wait_s)
        finally:
            del self._pending[interaction_id]

    async def invoke(
        self,
        command: str,
        options: dict[str, Any] | None = None,
        *,
        user_permissions: discord.Permissions | None = None,
        channel_id: int = DEFAULT_CHANNEL_ID,
        user_id: int = DEFAULT_USER_ID,
        focused: str | None = None,
        wait_s: float = 10.0,
    ) -> Reply:
        """Run ``/command`` (``"feeds add"`` for a sub-command) as a member would; return the reply.

        Option types come from the synced command definition, as on Discord. A
        deferred reply resolves when the bot edits its original response.
        ``focused`` names an option to autocomplete instead of running the command.
        """
        top, *path = command.split()
        definition = self.command_definition(top)
        resolved: dict[str, Any] = {}
        data: dict[str, Any] = {
            "id": definition["id"],
            "name": top,
            "type": 1,
            "options": self._build_options(definition, path, options or {}, focused, resolved),
        }
        if definition.get("guild_id"):
            data["guild_id"] = definition["guild_id"]
        if resolved:
            data["resolved"] = resolved
        perms = user_permissions if user_permissions is not None else discord.Permissions.all()
        kind = 4 if focused else 2
        interaction_id, payload = self._interaction_payload(
            kind, data, user_permissions=perms, channel_id=channel_id, user_id=user_id
        )
        return await self._send_interaction(interaction_id, payload, wait_s)

    async def autocomplete(
        self, command: str, options: dict[str, Any], focused: str, **kwargs: Any
    ) -> list[dict[str, Any]]:
        """The choices the bot offers while a member types into option ``focused``."""
        reply = await self.invoke(command, options, focused=focused, **kwargs)
        return reply.choices

    async def click(
        self,
        reply: Reply,
        custom_id: str,
        *,
        user_permissions: discord.Permissions | None = None,
        channel_id: int = DEFAULT_CHANNEL_ID,
        user_id: int = DEFAULT_USER_ID,
        wait_s: float = 10.0,
    ) -> Reply:
        """Press button ``custom_id`` on the message of ``reply``; return the updated message."""
        message = self._message_payload(channel_id, reply.data, reply.message_id)
        perms = user_permissions if user_permissions is not None else discord.Permissions.all()
        interaction_id, payload = self._interaction_payload(
            3,
            {"custom_id": custom_id, "component_type": 2},
            user_permissions=perms,
            channel_id=channel_id,
            user_id=user_id,
            message=message,
        )
        return await self._send_interaction(interaction_id, payload, wait_s)
