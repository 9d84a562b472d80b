"""The calendar web server: ``/cal/<token>.ics`` for calendar apps, ``/cal/<token>`` for people.

It runs inside the bot process on aiohttp (which discord.py already uses), started and
stopped with the app (:meth:`bot.app.App.start` / ``close``). Database work runs on a few
threads of its own, so a burst of calendar polls never takes the threads Discord's commands
use. What it promises:

- the same answer, 404 "not found", for an unknown and a revoked link, after the same work
  (the token is hashed and looked up either way);
- ``ETag`` on every calendar and page, and 304 for ``If-None-Match`` when nothing changed;
- a token bucket per link (:mod:`bot.web.limits`): 429 with ``Retry-After`` beyond it;
- strict headers on every answer: no scripts, no framing, no referrer (the link is a
  secret), no sniffing; and no token ever in a log line (aiohttp's access log is off).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from aiohttp import web

from bot.render.html import CONTENT_SECURITY_POLICY
from bot.services.calendars import CalendarService, hash_token
from bot.web.limits import RateLimiter

log = logging.getLogger("diplobot.web")
T = TypeVar("T")
WORKERS = 4
_PLAIN_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
_COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "interest-cohort=()",
    "X-Robots-Tag": "noindex, nofollow",
}
NOT_FOUND_TEXT = "not found: this calendar link is unknown or was revoked\n"


def split_bind(bind: str) -> tuple[str, int]:
    """``host:port`` (``[v6]:port`` too) as a host and a port number."""
    host, _, port = bind.rpartition(":")
    return host.strip("[]"), int(port)


def etag_matches(header: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak forms and ``*`` included)."""
    if not header:
        return False
    for candidate in header.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


@web.middleware
async def _security_headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:  # aiohttp's own 404/405 get the headers too
        response = web.Response(status=exc.status, text=f"{exc.reason.lower()}\n")
    for name, value in _COMMON_HEADERS.items():
        response.headers.setdefault(name, value)
    response.headers.setdefault("Content-Security-Policy", _PLAIN_CSP)
    response.headers.setdefault("Cache-Control", "no-store")
    return response


async def _no_server_header(_request: web.Request, response: web.StreamResponse) -> None:
    response.headers.pop("Server", None)


class CalendarServer:
    """The web server of one process; ``start`` listens on ``bind``, ``stop`` closes it."""

    def __init__(
        self,
        service: CalendarService,
        bind: str,
        *,
        base_url: str | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        """``base_url`` is the admin's public address; without it links show the address
        the server listens on (the port it got, when ``bind`` asks for port 0)."""
        self.service = service
        self.bind = bind
        self.base_url = base_url
        self.limiter = limiter or RateLimiter()
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._pool: ThreadPoolExecutor | None = None

    def application(self) -> web.Application:
        app = web.Application(middlewares=[_security_headers])
        app.router.add_get("/cal/{name}", self.calendar)
        app.router.add_get("/healthz", self.health)
        app.on_response_prepare.append(_no_server_header)
        return app

    async def start(self) -> None:
        """Listen; OSError when the address cannot be had (in use, not this machine's)."""
        host, port = split_bind(self.bind)
        self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="calendar-web")
        runner = web.AppRunner(self.application(), access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            self._pool.shutdown(wait=False)
            raise
        self._runner = runner
        server = site._server  # the listening socket tells which port "0" became
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else port
        if self.base_url is None:
            shown = f"[{host}]" if ":" in host else host
            self.service.base_url = f"http://{shown}:{self.port}"
        log.info("calendar links served on %s:%s", host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    async def _run(self, fn: Callable[..., T], *args: object) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, fn, *args)

    async def health(self, _request: web.Request) -> web.Response:
        return web.Response(text="ok\n", headers={"Cache-Control": "no-store"})

    async def calendar(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        as_file = name.endswith(".ics")
        token = name.removesuffix(".ics")
        wait = self.limiter.allow(hash_token(token))
        if wait:
            return web.Response(
                status=429,
                text=f"too many requests for this calendar; try again in {wait} s\n",
                headers={"Retry-After": str(wait)},
            )
        try:
            feed = await self._run(self.service.feed, token)
            if feed is None:
                return web.Response(status=404, text=NOT_FOUND_TEXT)
            etag = feed.etag("ics" if as_file else "page")
            headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
            if etag_matches(request.headers.get("If-None-Match"), etag):
                if not as_file:
                    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
                return web.Response(status=304, headers=headers)
            if as_file:
                body = await self._run(self.service.ics, feed)
                headers["Content-Disposition"] = 'inline; filename="diplomatic-events.ics"'
                response = web.Response(
                    body=body, content_type="text/calendar", charset="utf-8", headers=headers
                )
            else:
                ics_url, _ = self.service.links(token)
                page = await self._run(self.service.page, feed, ics_url)
                headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
                response = web.Response(
                    text=page, content_type="text/html", charset="utf-8", headers=headers
                )
        except Exception:  # never the token in the log: only that a calendar failed
            log.exception("a calendar request failed")
            return web.Response(
                status=503, text="the calendar cannot be read now; try again later\n",
                headers={"Retry-After": "60"},
            )  # fmt: skip
        wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        if wants_gzip and len(response.body or b"") > 1024:
            response.enable_compression(web.ContentCoding.gzip)
        return response


__all__ = ["CalendarServer", "etag_matches", "split_bind"]
