"""A token bucket per calendar link, so one link polled in a loop cannot load the bot.

Buckets are keyed by the token's hash (unknown tokens too, so guessing is limited the same
way) and kept for the most recently seen keys only, so random tokens cannot fill memory.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

BURST = 20  # requests a link may make at once
PER_SECOND = 1 / 3  # refill: one request every 3 s on average (a calendar app polls hourly)
MAX_KEYS = 10_000


class RateLimiter:
    """``allow(key)`` is 0 when the request may go, else the seconds to wait."""

    def __init__(
        self,
        burst: int = BURST,
        per_second: float = PER_SECOND,
        *,
        max_keys: int = MAX_KEYS,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._burst = float(burst)
        self._rate = per_second
        self._max_keys = max_keys
        self._now = now
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, key: str) -> int:
        now = self._now()
        tokens, last = self._buckets.pop(key, (self._burst, now))
        tokens = min(self._burst, tokens + (now - last) * self._rate)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            wait = 0
        else:
            self._buckets[key] = (tokens, now)
            wait = max(1, math.ceil((1 - tokens) / self._rate))
        while len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
        return wait


__all__ = ["RateLimiter"]
