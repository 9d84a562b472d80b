"""SQLModel tables: the timeline (articles, events, sources, history) and the bot's state.

Every datetime column is timezone-aware and stored as UTC (``UTCDateTime``). Discord
snowflakes are ``BIGINT``. Lists are JSON. Schema changes go through Alembic
(``storage/migrations``); ``tests/storage`` checks that the migrations match these models.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime

# Deterministic constraint names, so migrations can address them on both backends.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# --------------------------------------------------------------------------- the timeline


class ArticleRow(SQLModel, table=True):
    """One ingested article; its ``key`` (canonical URL, else content hash) is unique."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=300, unique=True)
    ref: str = Field(default="", max_length=300)
    title: str = Field(default="", max_length=500)
    source: str = Field(default="", max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    published: dt.date | None = None
    ingested_at: dt.datetime = Field(sa_type=UTCDateTime)
    event_count: int = 0


class EventRow(SQLModel, table=True):
    """One real-world event, merged from every article that mentions it.

    ``date`` keeps the contract's string at its precision; ``start_day``/``end_day`` are the
    first and last day it may cover (a month-precision date spans the month) and drive
    sorting and range filters; ``start_at`` is set only when the source gave a time and zone.
    ``revision`` counts recorded changes (the iCalendar SEQUENCE, so calendars pick them up).
    """

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_start_day", "start_day", "end_day"),
        Index("ix_event_type_start", "type", "start_day", "end_day"),
        Index("ix_event_status_start", "status", "start_day", "end_day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    type: str = Field(max_length=20)
    date: str = Field(max_length=40)
    precision: str = Field(max_length=8)
    start_day: dt.date
    end_day: dt.date
    start_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    end_date: str | None = Field(default=None, max_length=40)
    participants: str = Field(default="", max_length=500)
    people: list[str] = Field(default_factory=list, sa_type=JSON)
    location: str | None = Field(default=None, max_length=200)
    status: str = Field(default="scheduled", max_length=12)
    title: str = Field(default="", max_length=300)
    confidence: float = 0.0
    source_count: int = 0
    revision: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    as_of: dt.date | None = None
    first_seen: dt.datetime = Field(sa_type=UTCDateTime)
    last_changed: dt.datetime = Field(sa_type=UTCDateTime)

    @property
    def participant_codes(self) -> list[str]:
        return self.participants.split() if self.participants else []


class EventParticipant(SQLModel, table=True):
    """One participant code of an event, with the event's span copied for the country index.

    ``(code, start_day, end_day, event_id)`` answers "this country's events in this range" in
    timeline order from the index alone, so a LIMIT stops the scan early.
    """

    __tablename__ = "event_participant"
    __table_args__ = (
        Index("ix_event_participant_code_span", "code", "start_day", "end_day", "event_id"),
    )

    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    code: str = Field(primary_key=True, max_length=8)
    start_day: dt.date
    end_day: dt.date


class EventArticle(SQLModel, table=True):
    """An article's mention of an event: its evidence and what it said of date and status."""

    __tablename__ = "event_article"
    __table_args__ = (Index("ix_event_article_article", "article_id"),)

    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    evidence: str = Field(default="", max_length=2000)
    date: str = Field(max_length=40)
    end_date: str | None = Field(default=None, max_length=40)
    status: str = Field(max_length=12)
    confidence: float = 0.0
    linked_at: dt.datetime = Field(sa_type=UTCDateTime)
    # The participants this mention named (space-separated codes), so a recheck can judge it
    # again; None on rows stored before they were kept.
    participants: str | None = Field(default=None, max_length=500)


class EventHistory(SQLModel, table=True):
    """One change of one event field, with the article that caused it (None for manual edits).

    ``reason`` says why, where the rules need it said: the wording that moved a date, a
    refinement, a move undone as noise, a tie left apart, a split by ``diplobot db recheck``.
    """

    __tablename__ = "event_history"
    __table_args__ = (Index("ix_event_history_event_at", "event_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE")
    at: dt.datetime = Field(sa_type=UTCDateTime)
    field: str = Field(max_length=20)
    old: str | None = Field(default=None, max_length=500)
    new: str | None = Field(default=None, max_length=500)
    article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="SET NULL")
    reason: str | None = Field(default=None, max_length=500)


# --------------------------------------------------------------------------- servers and channels


class GuildSettings(SQLModel, table=True):
    """Per-server settings: time zone, digest time, and the scheduled-events mirroring opt-in.

    An empty zone or time means the installation's defaults from the settings, so a row made
    for another reason (mirroring, the admins' channel) never freezes them.
    """

    __tablename__ = "guild_settings"

    guild_id: int = Field(sa_type=BigInteger, primary_key=True)
    timezone: str | None = Field(default=None, max_length=64)
    digest_time: str | None = Field(default=None, max_length=5)
    mirror_scheduled_events: bool = False
    admin_notice_channel_id: int | None = Field(default=None, sa_type=BigInteger)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class ChannelSettings(SQLModel, table=True):
    """Per-channel overrides (None = use the server's value), the digest switch, and whether
    the digest carries a picture of the next 14 days."""

    __tablename__ = "channel_settings"
    __table_args__ = (Index("ix_channel_settings_guild", "guild_id"),)

    channel_id: int = Field(sa_type=BigInteger, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger)
    timezone: str | None = Field(default=None, max_length=64)
    digest_time: str | None = Field(default=None, max_length=5)
    digest_enabled: bool = True
    digest_picture: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class Subscription(SQLModel, table=True):
    """What a channel wants: countries, types, keywords (empty = any) and reminder offsets."""

    __tablename__ = "subscription"
    __table_args__ = (
        Index("ix_subscription_guild", "guild_id"),
        Index("ix_subscription_channel", "channel_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger)
    channel_id: int = Field(sa_type=BigInteger)
    countries: list[str] = Field(default_factory=list, sa_type=JSON)
    types: list[str] = Field(default_factory=list, sa_type=JSON)
    keywords: list[str] = Field(default_factory=list, sa_type=JSON)
    reminder_offsets: list[str] = Field(default_factory=list, sa_type=JSON)
    paused: bool = False
    paused_reason: str | None = Field(default=None, max_length=500)
    created_by: int | None = Field(default=None, sa_type=BigInteger)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class NewsChannel(SQLModel, table=True):
    """A channel whose messages (and the pages they link) are read as news."""

    __tablename__ = "news_channel"
    __table_args__ = (Index("ix_news_channel_guild", "guild_id"),)

    channel_id: int = Field(sa_type=BigInteger, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger)
    added_by: int | None = Field(default=None, sa_type=BigInteger)
    added_at: dt.datetime = Field(sa_type=UTCDateTime)
    # The newest message read here: after downtime, reading resumes after it (catch-up).
    last_message_id: int | None = Field(default=None, sa_type=BigInteger)


class NewsRetry(SQLModel, table=True):
    """A news channel message that could not be read (extraction failed or timed out), kept
    with its words so it is read again with back-off, and reported after the last try."""

    __tablename__ = "news_retry"
    __table_args__ = (Index("ix_news_retry_next_attempt", "next_attempt"),)

    message_id: int = Field(sa_type=BigInteger, primary_key=True)
    channel_id: int = Field(sa_type=BigInteger)
    guild_id: int = Field(sa_type=BigInteger)
    channel_name: str = Field(default="", max_length=100)
    author: str = Field(default="", max_length=100)
    url: str | None = Field(default=None, max_length=500)
    posted: dt.date
    text: str = Field(sa_type=Text)
    attempts: int = 0
    next_attempt: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, max_length=1000)
    gave_up_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)


# --------------------------------------------------------------------------- feeds


class Feed(SQLModel, table=True):
    """An RSS/Atom feed of a server: conditional-GET validators, schedule, back-off, error state."""

    __tablename__ = "feed"
    __table_args__ = (
        UniqueConstraint("guild_id", "url", name="uq_feed_guild_url"),
        Index("ix_feed_next_poll", "next_poll"),
    )

    id: int | None = Field(default=None, primary_key=True)
    guild_id: int = Field(sa_type=BigInteger)
    channel_id: int | None = Field(default=None, sa_type=BigInteger)
    url: str = Field(max_length=2000)
    title: str = Field(default="", max_length=300)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_polled: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    next_poll: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    failures: int = 0
    backoff_seconds: int = 0
    last_error: str | None = Field(default=None, max_length=1000)
    disabled: bool = False
    primed: bool = False
    created_at: dt.datetime = Field(sa_type=UTCDateTime)


class FeedEntrySeen(SQLModel, table=True):
    """An entry taken from a feed; ``entry_key`` is an identity that survives guid changes."""

    __tablename__ = "feed_entry_seen"
    __table_args__ = (UniqueConstraint("feed_id", "entry_key", name="uq_feed_entry"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="feed.id", ondelete="CASCADE")
    entry_key: str = Field(max_length=300)
    article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="SET NULL")
    seen_at: dt.datetime = Field(sa_type=UTCDateTime)


# --------------------------------------------------------------------------- delivery

NONCE_LENGTH = 24  # Discord takes at most 25 characters


def new_nonce() -> str:
    """96 random bits: unique across rows, restored backups and installations, unlike a row id
    (a server that remembers nonces would answer a repeat with the old message)."""
    return secrets.token_hex(NONCE_LENGTH // 2)


class OutboxMessage(SQLModel, table=True):
    """A message to send, written in the transaction that caused it; ``dedup_key`` makes it once."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_pending", "sent_at", "failed_at", "next_attempt"),
        Index("ix_outbox_created", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    dedup_key: str = Field(max_length=300, unique=True)
    # Sent with the message: random, so no other row, database or installation repeats it;
    # only a resend of this row (after a crash) reuses it, and Discord then drops the copy.
    nonce: str = Field(default_factory=new_nonce, max_length=25)
    guild_id: int | None = Field(default=None, sa_type=BigInteger)
    channel_id: int = Field(sa_type=BigInteger)
    kind: str = Field(max_length=20)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    event_id: int | None = Field(default=None, foreign_key="event.id", ondelete="SET NULL")
    subscription_id: int | None = Field(
        default=None, foreign_key="subscription.id", ondelete="SET NULL"
    )
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    due_at: dt.datetime = Field(sa_type=UTCDateTime)
    expires_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    claimed_by: str | None = Field(default=None, max_length=100)
    claimed_until: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    attempts: int = 0
    next_attempt: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    sent_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    failed_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    failed_reason: str | None = Field(default=None, max_length=1000)
    # Why it was not sent: "refused" (Discord said no), "gave_up" (after repeated failures),
    # "channel_lost" (deleted or closed to the bot): the admins are told and can retry it;
    # "dropped" (no longer wanted: expired, unsubscribed, superseded): nobody needs to act.
    failure: str | None = Field(default=None, max_length=12)


class DigestRun(SQLModel, table=True):
    """A digest planned for a channel on a local day; the key stops a second one that day."""

    __tablename__ = "digest_run"

    channel_id: int = Field(sa_type=BigInteger, primary_key=True)
    local_date: dt.date = Field(primary_key=True)
    outbox_key: str | None = Field(default=None, max_length=300)
    since: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)


class ReminderPlan(SQLModel, table=True):
    """A reminder for (subscription, event, offset), due at a time derived from the date."""

    __tablename__ = "reminder_plan"
    __table_args__ = (
        UniqueConstraint(
            "subscription_id", "event_id", "offset", "event_date", name="uq_reminder_plan"
        ),
        Index("ix_reminder_plan_fire_at", "fire_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: int = Field(foreign_key="subscription.id", ondelete="CASCADE")
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE")
    offset: str = Field(max_length=16)
    event_date: str = Field(max_length=40)
    fire_at: dt.datetime = Field(sa_type=UTCDateTime)
    outbox_key: str | None = Field(default=None, max_length=300)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)


class MemberReminder(SQLModel, table=True):
    """One member's "remind me" for one event at one offset, delivered as a direct message.

    ``due_at`` follows the event's current date (a move re-computes it); ``outbox_key`` names
    the queued DM, so the outbox's exactly-once machinery delivers it. ``state`` is pending,
    sent, cancelled or failed; a failure because the member's DMs are closed is told to them
    once (``told_at``) the next time they use the bot.
    """

    __tablename__ = "member_reminder"
    __table_args__ = (
        UniqueConstraint("user_id", "event_id", "offset", name="uq_member_reminder"),
        Index("ix_member_reminder_user_state", "user_id", "state"),
        Index("ix_member_reminder_event_state", "event_id", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_type=BigInteger)
    guild_id: int | None = Field(default=None, sa_type=BigInteger)
    channel_id: int | None = Field(default=None, sa_type=BigInteger)
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE")
    offset: str = Field(max_length=8)
    event_date: str = Field(max_length=40)
    due_at: dt.datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default="pending", max_length=12)
    outbox_key: str | None = Field(default=None, max_length=300)
    failed_reason: str | None = Field(default=None, max_length=300)
    told_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class ScheduledEventMirror(SQLModel, table=True):
    """The Discord scheduled event mirroring a timeline event in a server that opted in."""

    __tablename__ = "scheduled_event_mirror"

    guild_id: int = Field(sa_type=BigInteger, primary_key=True)
    event_id: int = Field(foreign_key="event.id", primary_key=True, ondelete="CASCADE")
    discord_event_id: int | None = Field(default=None, sa_type=BigInteger)
    synced_date: str | None = Field(default=None, max_length=40)
    synced_status: str | None = Field(default=None, max_length=12)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


# --------------------------------------------------------------------------- calendars


class CalendarToken(SQLModel, table=True):
    """A secret calendar link of a channel, with the filters of ``/subscribe``.

    Only the token's SHA-256 is stored: a copy of the database does not give the links away.
    A revoked link keeps its row (``revoked_at``), so ``/calendar list`` can say so.
    """

    __tablename__ = "calendar_token"
    __table_args__ = (Index("ix_calendar_token_guild", "guild_id"),)

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    guild_id: int = Field(sa_type=BigInteger)
    channel_id: int = Field(sa_type=BigInteger)
    countries: list[str] = Field(default_factory=list, sa_type=JSON)
    types: list[str] = Field(default_factory=list, sa_type=JSON)
    keywords: list[str] = Field(default_factory=list, sa_type=JSON)
    created_by: int | None = Field(default=None, sa_type=BigInteger)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    revoked_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class Installation(SQLModel, table=True):
    """One row: this installation's random id, made on first use and kept by backups and
    copies, so calendar UIDs of two installations never collide."""

    __tablename__ = "installation"

    id: int = Field(default=1, primary_key=True)
    uid: str = Field(max_length=32)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)


metadata = SQLModel.metadata
