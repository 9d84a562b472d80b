"""What the ingestion at hand means for alerts, said by the caller without new arguments.

- ``quiet``: back-filling old news (a feed's first poll): plan reminders, send no alerts.
- ``route``: the (guild, channel) a feed posts its new events to, besides subscriptions.

The feed poller sets these while it ingests; the alert writer reads them inside the
timeline's transaction. Context variables follow the work into ``asyncio.to_thread``
workers, so nothing has to thread through the timeline service.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_QUIET: ContextVar[bool] = ContextVar("diplobot_alerts_quiet", default=False)
_ROUTE: ContextVar[tuple[int, int] | None] = ContextVar("diplobot_alerts_route", default=None)


@contextmanager
def quiet_alerts(enabled: bool = True) -> Iterator[None]:
    token = _QUIET.set(enabled)
    try:
        yield
    finally:
        _QUIET.reset(token)


@contextmanager
def routed_to(guild_id: int, channel_id: int | None) -> Iterator[None]:
    """New and changed events of this ingestion also go to ``channel_id`` (a feed's channel)."""
    token = _ROUTE.set((guild_id, channel_id) if channel_id else None)
    try:
        yield
    finally:
        _ROUTE.reset(token)


def alerts_are_quiet() -> bool:
    return _QUIET.get()


def current_route() -> tuple[int, int] | None:
    return _ROUTE.get()


__all__ = ["alerts_are_quiet", "current_route", "quiet_alerts", "routed_to"]
