"""A world for alert tests: the app from the composition root over a test database, with a
scripted extractor, a fake clock and a recording publisher."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from bot.alerts.delivery import Delivery
from bot.alerts.digests import DigestPlanner
from bot.alerts.planner import ReminderPlanner
from bot.alerts.sender import OutboxSender, SendResult
from bot.app import App, build_app
from bot.clock import FakeClock
from bot.extract.model import Article, Event
from bot.timeline import NO_CONTEXT, IngestContext, IngestResult, TimelineService
from config.settings import Settings
from storage.db import Database
from storage.models import ChannelSettings, GuildSettings, OutboxMessage, Subscription
from storage.repos import outbox
from tests.support.extraction import StandInExtractor

GUILD = 111
CHANNEL = 222
OTHER_CHANNEL = 333


@dataclass
class RecordingPublisher:
    """Stands in for Discord at the sender's border; answers what a test tells it to."""

    sent: list[outbox.Claimed] = field(default_factory=list)
    answers: dict[int, SendResult] = field(default_factory=dict)  # by channel id
    calls: int = 0

    async def send(self, message: outbox.Claimed) -> SendResult:
        self.calls += 1
        answer = self.answers.get(message.channel_id)
        if answer is not None and answer.outcome != "sent":
            return answer
        self.sent.append(message)
        return SendResult("sent", message_id=10_000 + len(self.sent))

    def titles(self, channel: int | None = None) -> list[str]:
        return [
            m.payload["card"]["title"]
            for m in self.sent
            if channel is None or m.channel_id == channel
        ]


@dataclass
class World:
    app: App
    extractor: StandInExtractor
    publisher: RecordingPublisher

    @property
    def db(self) -> Database:
        return self.app.database

    @property
    def clock(self) -> FakeClock:
        assert isinstance(self.app.clock, FakeClock)
        return self.app.clock

    @property
    def timeline(self) -> TimelineService:
        return self.app.timeline

    @property
    def delivery(self) -> Delivery:
        return self.app.delivery

    @property
    def sender(self) -> OutboxSender:
        return self.app.delivery.sender

    @property
    def digests(self) -> DigestPlanner:
        return self.app.delivery.digests

    @property
    def reminders(self) -> ReminderPlanner:
        return self.app.delivery.reminders

    def news(
        self,
        ref: str,
        dct: str,
        *events: Event,
        url: str | None = None,
        context: IngestContext = NO_CONTEXT,
    ) -> IngestResult:
        self.extractor.events[ref] = list(events)
        article = Article(
            text=f"{ref}: made-up report", dct=date.fromisoformat(dct), id=ref, title=ref, url=url
        )
        return self.timeline.ingest(article, ref=ref, context=context)

    def subscribe(
        self,
        channel: int = CHANNEL,
        *,
        guild: int = GUILD,
        countries: list[str] | None = None,
        types: list[str] | None = None,
        keywords: list[str] | None = None,
        offsets: list[str] | None = None,
    ) -> int:
        now = self.clock()
        with self.db.session() as session:
            sub = Subscription(
                guild_id=guild,
                channel_id=channel,
                countries=countries or [],
                types=types or [],
                keywords=keywords or [],
                reminder_offsets=offsets or [],
                created_at=now,
                updated_at=now,
            )
            session.add(sub)
            session.flush()
            assert sub.id is not None
            return sub.id

    def set_zone(self, channel: int, zone: str, at: str = "08:00", guild: int = GUILD) -> None:
        now = self.clock()
        with self.db.session() as session:
            session.merge(
                ChannelSettings(
                    channel_id=channel,
                    guild_id=guild,
                    timezone=zone,
                    digest_time=at,
                    created_at=now,
                    updated_at=now,
                )
            )

    def set_admin_channel(self, channel: int, guild: int = GUILD) -> None:
        now = self.clock()
        with self.db.session() as session:
            session.merge(
                GuildSettings(
                    guild_id=guild, admin_notice_channel_id=channel, created_at=now, updated_at=now
                )
            )

    def rows(self, kind: str | None = None) -> list[OutboxMessage]:
        with self.db.session() as session:
            stmt = select(OutboxMessage).order_by(OutboxMessage.id)
            if kind:
                stmt = stmt.where(OutboxMessage.kind == kind)
            return list(session.scalars(stmt))


def shipped_settings(**overrides: object) -> Settings:
    """The shipped defaults, whatever the developer's ``config/diplobot.toml`` says."""
    return Settings.load(toml_path=Path("/nonexistent/diplobot.toml"), **overrides)


def make_world(db: Database, start: datetime | None = None, **settings: object) -> World:
    """The app on ``db`` with the shipped settings, but for ``settings`` overrides."""
    clock = FakeClock(start or datetime(2025, 2, 1, 9, 0, tzinfo=UTC))
    extractor = StandInExtractor()
    publisher = RecordingPublisher()
    app = build_app(
        shipped_settings(**settings),
        db,
        clock,
        publisher,
        extractor=extractor,
        worker_id="test-worker",
    )
    return World(app=app, extractor=extractor, publisher=publisher)


def event(
    day: str,
    *codes: str,
    kind: str = "summit",
    status: str = "scheduled",
    location: str | None = None,
) -> Event:
    return Event(
        type=kind,
        date=day,
        participants=list(codes or ("EU", "CN")),
        status=status,
        location=location,
        evidence=f"{kind} {day} {status}",
        confidence=0.7,
    )
