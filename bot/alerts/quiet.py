"""A flag that says "this ingestion is back-filling old news: plan reminders, send no alerts".

The feed poller sets it while it reads a feed for the first time; the alert writer reads it
inside the timeline's transaction. A context variable follows the work into
``asyncio.to_thread`` workers, so no argument has to thread through the timeline service.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_QUIET: ContextVar[bool] = ContextVar("diplobot_alerts_quiet", default=False)


@contextmanager
def quiet_alerts(enabled: bool = True) -> Iterator[None]:
    token = _QUIET.set(enabled)
    try:
        yield
    finally:
        _QUIET.reset(token)


def alerts_are_quiet() -> bool:
    return _QUIET.get()


__all__ = ["alerts_are_quiet", "quiet_alerts"]
