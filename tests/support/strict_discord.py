"""The loopback Discord server, made stricter the way Discord is for channel messages.

- Rate limits with Discord's headers: a bucket per channel (``X-RateLimit-*``, 429 with
  ``retry_after`` when it is empty) and a global limit per second (429 with ``global``).
- Channels that answer 403 (permission lost) or 404 (deleted) on demand.
"""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from tests.support.discord_server import DiscordLoopback, _json_response


class StrictLoopback(DiscordLoopback):
    def __init__(
        self,
        *,
        per_channel: int = 5,
        per_channel_window_s: float = 5.0,
        global_per_s: int = 50,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.per_channel = per_channel
        self.per_channel_window_s = per_channel_window_s
        self.global_per_s = global_per_s
        self.lost: dict[int, int] = {}  # channel id -> 403 or 404
        self.limited_channel = 0
        self.limited_global = 0
        self._buckets: dict[int, tuple[float, int]] = {}
        self._global: tuple[float, int] = (0.0, 0)
        self.scheduled_events: dict[str, dict[str, Any]] = {}

    async def _unknown(self, request: web.Request) -> web.Response:
        """Scheduled events (create, edit) on top of the base server's routes."""
        parts = request.path.split("/")
        if "scheduled-events" not in parts:
            return await super()._unknown(request)
        guild_id = parts[parts.index("guilds") + 1]
        body = await request.json() if request.can_read_body else {}
        if request.method == "POST":
            event_id = str(self.snowflake())
            self.scheduled_events[event_id] = {"id": event_id, "guild_id": guild_id, **body}
        elif request.method == "PATCH":
            event_id = parts[-1]
            if event_id not in self.scheduled_events:
                return _json_response({"message": "Unknown Guild Scheduled Event"}, status=404)
            self.scheduled_events[event_id].update(body)
        else:
            return await super()._unknown(request)
        return _json_response(self.scheduled_events[event_id])

    @staticmethod
    def _limited(retry_after: float, *, scope: str) -> web.Response:
        response = _json_response(
            {
                "message": "You are being rate limited.",
                "retry_after": round(retry_after, 3),
                "global": scope == "global",
            },
            status=429,
        )
        response.headers["Retry-After"] = f"{max(retry_after, 0.001):.3f}"
        response.headers["Via"] = "1.1 google"  # discord.py reads a 429 without it as a ban
        response.headers["X-RateLimit-Scope"] = scope
        if scope == "global":
            response.headers["X-RateLimit-Global"] = "true"
        return response

    async def _channel_message(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["cid"])
        now = time.monotonic()
        started, used = self._global
        if now - started >= 1.0:
            started, used = now, 0
        if used >= self.global_per_s:
            self.limited_global += 1
            return self._limited(1.0 - (now - started), scope="global")
        self._global = (started, used + 1)
        if channel_id in self.lost:
            status = self.lost[channel_id]
            message = "Missing Permissions" if status == 403 else "Unknown Channel"
            code = 50013 if status == 403 else 10003
            return _json_response({"message": message, "code": code}, status=status)
        opened, count = self._buckets.get(channel_id, (now, 0))
        if now - opened >= self.per_channel_window_s:
            opened, count = now, 0
        reset_after = self.per_channel_window_s - (now - opened)
        if count >= self.per_channel:
            self.limited_channel += 1
            response = self._limited(reset_after, scope="user")
            self._rate_headers(response, channel_id, 0, reset_after)
            return response
        self._buckets[channel_id] = (opened, count + 1)
        body, uploads = await self._read_upload(request)
        response = self._create_message(channel_id, body, uploads)
        self._rate_headers(response, channel_id, self.per_channel - count - 1, reset_after)
        return response

    def _rate_headers(
        self, response: web.Response, channel_id: int, remaining: int, reset_after: float
    ) -> None:
        response.headers["X-RateLimit-Limit"] = str(self.per_channel)
        response.headers["X-RateLimit-Remaining"] = str(max(0, remaining))
        response.headers["X-RateLimit-Reset-After"] = f"{max(reset_after, 0.001):.3f}"
        response.headers["X-RateLimit-Reset"] = f"{time.time() + max(reset_after, 0.001):.3f}"
        response.headers["X-RateLimit-Bucket"] = "channel-messages"
