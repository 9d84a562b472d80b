"""What the calendar service keeps between requests, so a poll costs a look-up, not a redraw.

- :class:`VeventCache`: each event's drawn VEVENT, by the event's version, shared by every
  link of the process;
- :class:`FeedCache`: each link's last list of events with the timeline marker it was read
  at; when the marker moved, the service checks only the events changed since (a change
  elsewhere in the world leaves a link's feed, and its ETag, as they were). An entry lives
  ``FEED_TTL_S`` at most: another process's transaction may commit an older id after a
  newer one, and a deleted event leaves no history behind.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

VEVENT_CACHE = 20_000  # drawn VEVENTs kept (about 500 bytes each)
FEED_CACHE = 2_000  # links whose feed is kept
FEED_TTL_S = 60.0  # a link's events are read again at least this often
Feed = TypeVar("Feed")


class VeventCache:
    """The latest drawn VEVENTs by event version (least recently used dropped first)."""

    def __init__(self, size: int = VEVENT_CACHE) -> None:
        self._size = size
        self._items: OrderedDict[tuple[object, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[tuple[object, ...]]) -> list[bytes | None]:
        with self._lock:
            found = []
            for key in keys:
                chunk = self._items.get(key)
                if chunk is not None:
                    self._items.move_to_end(key)
                found.append(chunk)
            return found

    def put_many(self, items: Iterable[tuple[tuple[object, ...], bytes]]) -> None:
        with self._lock:
            for key, chunk in items:
                self._items[key] = chunk
                self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


@dataclass(frozen=True, slots=True)
class Held(Generic[Feed]):
    feed: Feed
    marker: tuple[int, int]
    read_at: float


class FeedCache(Generic[Feed]):
    """Each link's last feed and the timeline marker it was read at."""

    def __init__(
        self,
        size: int = FEED_CACHE,
        ttl_s: float = FEED_TTL_S,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._size = size
        self._ttl_s = ttl_s
        self._now = now
        self._items: OrderedDict[int, Held[Feed]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, calendar_id: int) -> Held[Feed] | None:
        with self._lock:
            held = self._items.get(calendar_id)
            if held is None or self._now() - held.read_at > self._ttl_s:
                return None
            self._items.move_to_end(calendar_id)
            return held

    def put(self, calendar_id: int, feed: Feed, marker: tuple[int, int]) -> None:
        self._store(calendar_id, Held(feed, marker, self._now()))

    def still(self, calendar_id: int, held: Held[Feed], marker: tuple[int, int]) -> None:
        """The feed is still right at ``marker`` (read no later than before)."""
        self._store(calendar_id, replace(held, marker=marker))

    def _store(self, calendar_id: int, held: Held[Feed]) -> None:
        with self._lock:
            self._items[calendar_id] = held
            self._items.move_to_end(calendar_id)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


__all__ = ["FEED_TTL_S", "FeedCache", "Held", "VeventCache"]
