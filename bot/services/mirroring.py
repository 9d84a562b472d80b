"""A server's opt-in to mirroring its subscribed events as Discord scheduled events."""

from __future__ import annotations

import asyncio

from bot.alerts.delivery import Delivery
from bot.alerts.mirror import set_mirroring
from bot.clock import Clock
from bot.scheduling import guarded
from storage.db import Database


class MirrorService:
    """Switches mirroring and runs a first pass at once rather than at the next quarter hour."""

    def __init__(self, db: Database, clock: Clock, delivery: Delivery) -> None:
        self._db = db
        self._clock = clock
        self._delivery = delivery
        self._task: asyncio.Task[None] | None = None

    def switch(self, guild_id: int, enabled: bool) -> bool:
        """Turn the server's mirroring on or off (blocking); returns the previous value."""
        return set_mirroring(self._db, guild_id, enabled, self._clock())

    def sync_soon(self) -> None:
        """Start a mirroring pass in the background (a no-op without a Discord connection)."""
        if self._delivery.mirror is None:
            return
        self._task = asyncio.get_running_loop().create_task(
            guarded("mirror.now", self._delivery.sync_mirrors)(), name="mirror-now"
        )


__all__ = ["MirrorService"]
