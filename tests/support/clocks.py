"""Clocks for benchmarks that drive the scheduler through whole days in seconds."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from bot.clock import FakeClock


class MovingClock(FakeClock):
    """A clock the script sets that also moves with real time (retries need time to pass)."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self._since = time.perf_counter()

    def __call__(self) -> datetime:
        return super().__call__() + timedelta(seconds=time.perf_counter() - self._since)

    def set(self, moment: datetime) -> datetime:
        self._since = time.perf_counter()
        return super().set(moment)
