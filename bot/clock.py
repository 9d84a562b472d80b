"""The one source of "now": injected everywhere so tests move time instead of sleeping.

A clock is any zero-argument callable returning an aware UTC datetime; that is the shape
the timeline service and the composition root already take (``clock()``), so a bare
function, :class:`SystemClock` and :class:`FakeClock` are interchangeable.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """Anything that tells the current time as an aware datetime."""

    def __call__(self) -> datetime: ...


class SystemClock:
    """The real time, in UTC."""

    def __call__(self) -> datetime:
        return datetime.now(UTC)

    def now(self) -> datetime:
        return self()


class FakeClock:
    """A clock a test sets and advances by hand; it never moves by itself."""

    def __init__(self, start: datetime | None = None) -> None:
        moment = start or datetime(2025, 2, 1, 9, 0, tzinfo=UTC)
        if moment.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = moment.astimezone(UTC)

    def __call__(self) -> datetime:
        return self._now

    def now(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = moment.astimezone(UTC)
        return self._now

    def advance(self, delta: timedelta | None = None, **parts: float) -> datetime:
        self._now += (delta or timedelta()) + timedelta(**parts)
        return self._now


def utc_now() -> datetime:
    return datetime.now(UTC)


__all__ = ["Clock", "FakeClock", "SystemClock", "utc_now"]
