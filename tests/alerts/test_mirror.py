"""Scheduled-event mirroring: created for subscribed events ahead, moved, and cancelled."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.alerts.mirror import EventSpec, MirrorSync, set_mirroring
from storage.db import Database
from tests.support.world import GUILD, event, make_world


@dataclass
class FakeEvents:
    live: dict[int, EventSpec] = field(default_factory=dict)
    cancelled: list[int] = field(default_factory=list)
    refuse: bool = False

    async def create(self, guild_id: int, spec: EventSpec) -> int:
        if self.refuse:
            raise PermissionError("Missing Permissions")
        new_id = 500 + len(self.live) + len(self.cancelled)
        self.live[new_id] = spec
        return new_id

    async def update(self, guild_id: int, discord_event_id: int, spec: EventSpec) -> None:
        self.live[discord_event_id] = spec

    async def cancel(self, guild_id: int, discord_event_id: int) -> None:
        self.live.pop(discord_event_id, None)
        self.cancelled.append(discord_event_id)


async def test_mirrors_follow_the_timeline_for_servers_that_opt_in(db: Database) -> None:
    world = make_world(db)
    gateway = FakeEvents()
    sync = MirrorSync(db, gateway, world.clock, world.app.defaults.reminder_offsets)
    world.subscribe(countries=["CN"])
    world.news("a1", "2025-02-01", event("2025-02-10", "EU", "CN", location="Brussels"))
    world.news("a2", "2025-02-01", event("2025-02-12", "JP", "US"))  # not subscribed
    world.news("a3", "2025-02-01", event("2025-03", "CN", "RU"))  # a month: too vague
    assert await sync.run() == 0, "nothing before the server opts in"
    set_mirroring(db, GUILD, True, world.clock())
    assert await sync.run() == 1
    (spec,) = gateway.live.values()
    assert spec.location == "Brussels" and spec.start.date().isoformat() == "2025-02-10"
    assert spec.end > spec.start
    assert await sync.run() == 0, "in step: nothing to do"

    world.news("a4", "2025-02-02", event("2025-02-20", "EU", "CN", status="postponed"))
    assert await sync.run() == 1
    (moved,) = gateway.live.values()
    assert moved.start.date().isoformat() == "2025-02-20"

    world.news("a5", "2025-02-03", event("2025-02-20", "EU", "CN", status="cancelled"))
    assert await sync.run() == 1
    assert gateway.live == {} and len(gateway.cancelled) == 1


async def test_turning_mirroring_off_cancels_and_a_refusal_is_survived(db: Database) -> None:
    world = make_world(db, datetime(2025, 2, 1, 9, 0, tzinfo=UTC))
    gateway = FakeEvents()
    sync = MirrorSync(db, gateway, world.clock, world.app.defaults.reminder_offsets)
    world.subscribe()
    world.news("a1", "2025-02-01", event("2025-02-10"))
    set_mirroring(db, GUILD, True, world.clock())
    gateway.refuse = True
    assert await sync.run() == 0  # the bot lacks Manage Events: logged, retried next pass
    gateway.refuse = False
    assert await sync.run() == 1
    set_mirroring(db, GUILD, False, world.clock())
    assert await sync.run() == 1
    assert gateway.live == {} and len(gateway.cancelled) == 1
    assert await sync.run() == 0
