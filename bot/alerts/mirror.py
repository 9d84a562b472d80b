"""Mirroring upcoming subscribed events as Discord scheduled events, for servers that opt in.

The database says what should exist (events ahead that match one of the server's
subscriptions, with a day or a time); ``scheduled_event_mirror`` says what was made. A pass
creates what is missing, updates what moved or changed place, and cancels what was called
off or no longer matches. Discord's side is behind :class:`EventsGateway`, so the planning is
tested without Discord and the gateway with the loopback server.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal, Protocol

from sqlalchemy.orm import Session

from bot.alerts.matching import Rule, active_rules
from bot.alerts.prefs import zone_or_utc
from bot.clock import Clock
from bot.names import participants_text
from bot.titles import title_of
from storage.db import Database
from storage.models import EventRow
from storage.repos import events as event_repo
from storage.repos import mirrors as mirror_repo
from storage.repos import settings as settings_repo

log = logging.getLogger("diplobot.alerts")

HORIZON = timedelta(days=30)
MIRRORED_STATUSES = frozenset({"scheduled", "postponed"})
TIMED_LENGTH = timedelta(hours=2)  # the news rarely says when a meeting ends
NAME_LIMIT = 100
LOCATION_LIMIT = 100


@dataclass(frozen=True, slots=True)
class EventSpec:
    """What a Discord scheduled event should say."""

    name: str
    start: datetime
    end: datetime
    location: str
    description: str


@dataclass(frozen=True, slots=True)
class MirrorAction:
    kind: Literal["create", "update", "cancel"]
    guild_id: int
    event_id: int
    discord_event_id: int | None
    spec: EventSpec | None
    date: str
    status: str


class EventsGateway(Protocol):
    async def create(self, guild_id: int, spec: EventSpec) -> int: ...

    async def update(self, guild_id: int, discord_event_id: int, spec: EventSpec) -> None: ...

    async def cancel(self, guild_id: int, discord_event_id: int) -> None: ...


def spec_for(event: EventRow, zone_name: str, now: datetime) -> EventSpec | None:
    """The scheduled event for a timeline event, or None when it cannot be one (vague or begun)."""
    zone = zone_or_utc(zone_name)
    if event.start_at is not None:
        start, end = event.start_at, event.start_at + TIMED_LENGTH
    elif event.precision in ("day", "time"):
        start = datetime.combine(event.start_day, time(0, 0), tzinfo=zone)
        end = datetime.combine(event.end_day + timedelta(days=1), time(0, 0), tzinfo=zone)
    else:
        return None
    if start <= now:
        return None
    where = event.location or participants_text(event.participant_codes)
    name = title_of(event)
    return EventSpec(
        name=name[:NAME_LIMIT],
        start=start,
        end=end,
        location=where[:LOCATION_LIMIT] or "—",
        description=f"From the diplomatic timeline ({event.status}); /event {event.id}.",
    )


def plan(
    session: Session, now: datetime, offsets: Sequence[str], default_timezone: str = "UTC"
) -> list[MirrorAction]:
    """Every create, update and cancel needed for the servers that opted in.

    Day events start at midnight in the server's zone, else the installation's default zone.
    """
    guilds = mirror_repo.mirroring_guilds(session)
    live_elsewhere = mirror_repo.live_outside(session, guilds)
    # A server that turned mirroring off gets its mirrored events cancelled.
    stopped = [
        MirrorAction(
            "cancel",
            m.guild_id,
            m.event_id,
            m.discord_event_id,
            None,
            m.synced_date or "",
            "cancelled",
        )
        for m in live_elsewhere
    ]
    if not guilds:
        return stopped
    rules: dict[int, list[Rule]] = defaultdict(list)
    for rule in active_rules(session, offsets):
        if rule.guild_id in guilds:
            rules[rule.guild_id].append(rule)
    events = event_repo.starting_between(
        session, (now - timedelta(days=1)).date(), (now + HORIZON).date()
    )
    mirrors = mirror_repo.of_guilds(session, guilds)
    actions: list[MirrorAction] = stopped
    wanted: set[tuple[int, int]] = set()
    for guild_id, settings in guilds.items():
        for event in events:
            assert event.id is not None
            key = (guild_id, event.id)
            if event.status not in MIRRORED_STATUSES:
                continue
            if not any(rule.matches(event) for rule in rules[guild_id]):
                continue
            spec = spec_for(event, settings.timezone or default_timezone, now)
            if spec is None:
                if key in mirrors:
                    wanted.add(key)  # already begun: Discord runs and ends it
                continue
            wanted.add(key)
            mirror = mirrors.get(key)
            live = (
                mirror is not None
                and mirror.discord_event_id
                and mirror.synced_status != "cancelled"
            )
            if not live:
                actions.append(
                    MirrorAction("create", guild_id, event.id, None, spec, event.date, event.status)
                )
            elif mirror.synced_date != event.date or mirror.synced_status != event.status:
                actions.append(
                    MirrorAction(
                        "update",
                        guild_id,
                        event.id,
                        mirror.discord_event_id,
                        spec,
                        event.date,
                        event.status,
                    )
                )
    for key, mirror in mirrors.items():
        if key in wanted or mirror.synced_status == "cancelled" or not mirror.discord_event_id:
            continue
        event = next((e for e in events if e.id == key[1]), None)
        if event is not None and event.status == "occurred":
            continue  # Discord ends it by itself
        actions.append(
            MirrorAction(
                "cancel",
                key[0],
                key[1],
                mirror.discord_event_id,
                None,
                mirror.synced_date or "",
                "cancelled",
            )
        )
    return actions


class MirrorSync:
    """One pass of mirroring: plan in the database, apply through the gateway, record."""

    def __init__(
        self,
        db: Database,
        gateway: EventsGateway,
        clock: Clock,
        offsets: Sequence[str],
        default_timezone: str = "UTC",
    ) -> None:
        self._db = db
        self._gateway = gateway
        self._clock = clock
        self._offsets = tuple(offsets)
        self._default_timezone = default_timezone

    async def run(self) -> int:
        now = self._clock()

        def planned() -> list[MirrorAction]:
            with self._db.session() as session:
                return plan(session, now, self._offsets, self._default_timezone)

        actions = await asyncio.to_thread(planned)
        done = 0
        failed_guilds: set[int] = set()
        for action in actions:
            if action.guild_id in failed_guilds:
                continue
            try:
                discord_id = await self._apply(action)
            except Exception as exc:  # one server's refusal must not stop the others
                log.warning(
                    "mirroring event %s in server %s failed (%s): %s",
                    action.event_id,
                    action.guild_id,
                    action.kind,
                    exc,
                )
                failed_guilds.add(action.guild_id)
                continue

            def save(a: MirrorAction = action, d: int | None = discord_id) -> None:
                with self._db.session() as session:
                    mirror_repo.record(
                        session,
                        a.guild_id,
                        a.event_id,
                        d,
                        date=a.date,
                        status=a.status,
                        now=self._clock(),
                    )

            await asyncio.to_thread(save)
            done += 1
        return done

    async def _apply(self, action: MirrorAction) -> int | None:
        if action.kind == "create":
            assert action.spec is not None
            return await self._gateway.create(action.guild_id, action.spec)
        assert action.discord_event_id is not None
        if action.kind == "update":
            assert action.spec is not None
            await self._gateway.update(action.guild_id, action.discord_event_id, action.spec)
        else:
            await self._gateway.cancel(action.guild_id, action.discord_event_id)
        return None


def set_mirroring(db: Database, guild_id: int, enabled: bool, now: datetime) -> bool:
    """Switch a server's mirroring; returns the previous value."""
    with db.session() as session:
        settings = settings_repo.guild_row(session, guild_id, now)
        before = bool(settings.mirror_scheduled_events)
        settings.mirror_scheduled_events = enabled
        settings.updated_at = now
        return before


__all__ = [
    "EventSpec",
    "EventsGateway",
    "MirrorAction",
    "MirrorSync",
    "plan",
    "set_mirroring",
    "spec_for",
]
