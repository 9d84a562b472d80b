"""News channels: mark, unmark and list them, and read what is posted there as news: live,
what was posted while the bot was away (catch-up), and again what could not be read (retry).

A message is read twice over: its own text as an article, and each page it links (at most
three), fetched with the guarded fetcher. New and changed events then alert subscribed
channels like any other news (the sender is kicked at once).

- **Shared state.** Which channels are news channels is read from the database again every
  ``refresh_every`` (the ``news_channels.refresh`` job), so a channel marked through another
  process (or the command line) is read here within that time.
- **Catch-up.** Each channel remembers the newest message read (``last_message_id``). On
  connecting, each channel is read from there through Discord's history, bounded by
  ``catchup_age`` and ``catchup_messages``. A channel's catch-up and its live messages take
  turns on one lock, and live messages only move the mark once the catch-up is done, so
  nothing posted meanwhile is skipped; a message seen both ways is read once (an article
  already stored is known by its key and not extracted again).
- **Retry.** A message whose reading failed (extraction failed or timed out) is kept with its
  words and read again with back-off (the ``news_channels.retry`` job); after the last try
  the server's admins are told.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from apscheduler.triggers.interval import IntervalTrigger

from bot.alerts.notices import notify_admins
from bot.clock import Clock
from bot.extract.model import Article
from bot.news.channels import MessageText, links_in, message_article, message_source, snowflake_at
from bot.render import news_unread_card
from bot.scheduling import JobSpec
from bot.services.articles import ArticleReader
from bot.services.errors import Refused
from bot.timeline import IngestContext, TimelineService
from config.settings import Settings
from storage.db import Database
from storage.models import NewsChannel, NewsRetry
from storage.repos import news_channels as channel_repo
from storage.repos.guild_rows import remove_in_guild

log = logging.getLogger("diplobot.news")
MAX_PER_GUILD = 10
RETRIES_PER_PASS = 20


class HistoryReader(Protocol):
    """Reads a channel's history (the Discord layer provides it)."""

    async def __call__(self, channel_id: int, after: int, limit: int) -> list[MessageText]:
        """The channel's messages after id ``after``: at most the newest ``limit``, oldest
        first, without the bot's own."""
        ...


@dataclass(frozen=True, slots=True)
class NewsPolicy:
    """How often shared state is re-read, how far catch-up goes, how reading is retried."""

    refresh_every: timedelta = timedelta(seconds=30)
    catchup_age: timedelta = timedelta(hours=24)
    catchup_messages: int = 200
    retry_attempts: int = 5
    retry_first: timedelta = timedelta(minutes=1)

    @classmethod
    def from_settings(cls, settings: Settings) -> NewsPolicy:
        return cls(
            refresh_every=timedelta(seconds=settings.shared_poll_seconds),
            catchup_age=timedelta(hours=settings.catchup_max_hours),
            catchup_messages=settings.catchup_max_messages,
            retry_attempts=settings.news_retry_attempts,
        )

    def retry_delay(self, attempts: int) -> timedelta:
        """1 min, 2, 4, 8 ... after the ``attempts``-th failed try."""
        return self.retry_first * (2 ** max(0, attempts - 1))


def _message_of(row: NewsRetry) -> MessageText:
    return MessageText(
        guild_id=row.guild_id,
        channel_id=row.channel_id,
        message_id=row.message_id,
        channel_name=row.channel_name,
        created=row.posted,
        text=row.text,
        author=row.author,
        url=row.url,
    )


class NewsChannelService:
    """The news channels (their ids kept in memory for the message listener, re-read from the
    database on a schedule) and the reading of their messages."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        timeline: TimelineService,
        articles: ArticleReader,
        on_ingested: Callable[[], None],
        policy: NewsPolicy | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._timeline = timeline
        self._articles = articles
        self._on_ingested = on_ingested
        self.policy = policy or NewsPolicy()
        self._ids: set[int] | None = None
        self._locks: dict[int, asyncio.Lock] = {}
        self._caught_up: set[int] = set()
        self.stopping = False  # shutting down: take no new message (catch-up reads it later)

    # ------------------------------------------------------------------ which channels
    def refresh(self) -> set[int]:
        """Read the news channels from the database again (other processes may have changed
        them); blocking: run it off the event loop."""
        with self._db.session() as session:
            self._ids = channel_repo.all_ids(session)
        return self._ids

    def all_ids(self) -> set[int]:
        return self._ids if self._ids is not None else self.refresh()

    def is_news_channel(self, channel_id: int) -> bool:
        return channel_id in self.all_ids()

    def jobs(self) -> list[JobSpec]:
        return [
            JobSpec(
                "news_channels.refresh",
                lambda: asyncio.to_thread(self.refresh),
                IntervalTrigger(seconds=max(1, int(self.policy.refresh_every.total_seconds()))),
                misfire_grace_time=None,  # a late re-read is as good as a timely one
                description="read the news channels again (other processes may change them)",
            ),
            JobSpec(
                "news_channels.retry",
                self.retry_due,
                IntervalTrigger(seconds=max(1, int(self.policy.retry_first.total_seconds()))),
                misfire_grace_time=None,
                description="read again the news messages whose reading failed",
            ),
        ]

    def add(self, guild_id: int, channel_id: int, added_by: int | None) -> bool:
        """True when newly marked; Refused when the server has too many."""
        with self._db.session() as session:
            if session.get(NewsChannel, channel_id) is not None:
                return False
            if len(channel_repo.for_guild(session, guild_id)) >= MAX_PER_GUILD:
                raise Refused(
                    f"this server already reads {MAX_PER_GUILD} news channels; remove one first"
                )
            session.add(
                NewsChannel(
                    channel_id=channel_id,
                    guild_id=guild_id,
                    added_by=added_by,
                    added_at=self._clock(),
                )
            )
        self.all_ids().add(channel_id)
        self._caught_up.add(channel_id)  # read from now on: nothing before it to catch up
        return True

    def remove(self, guild_id: int, channel_id: int) -> bool:
        with self._db.session() as session:
            if remove_in_guild(session, NewsChannel, guild_id, channel_id) is None:
                return False
        self.all_ids().discard(channel_id)
        return True

    def for_guild(self, guild_id: int) -> list[NewsChannel]:
        with self._db.session() as session:
            return channel_repo.for_guild(session, guild_id)

    # ------------------------------------------------------------------ reading
    def _lock(self, channel_id: int) -> asyncio.Lock:
        return self._locks.setdefault(channel_id, asyncio.Lock())

    async def read(self, message: MessageText) -> int:
        """Ingest a message posted now, and its links; how many events were created or changed."""
        async with self._lock(message.channel_id):
            if self.stopping:
                return 0
            return await self._read_one(message, mark=message.channel_id in self._caught_up)

    async def _read_one(self, message: MessageText, *, mark: bool) -> int:
        """Read, then remember it as read (``mark``) or keep it for a retry if that failed."""
        changed, error = await self._ingest(message)
        await asyncio.to_thread(self._after_read, message, error, mark)
        return changed

    async def _ingest(self, message: MessageText) -> tuple[int, str | None]:
        """(events created or changed, why reading failed or None)."""
        articles: list[Article] = []
        own = message_article(message)
        if own is not None:
            articles.append(own)
        for link in links_in(message.text):
            try:
                articles.append(await self._articles.from_url(link, dct=message.created))
            except Refused as exc:
                log.info("news channel %s: link %s not read: %s", message.channel_id, link, exc)
        context = IngestContext(source=message_source(message), link=message.url)
        changed = 0
        error: str | None = None
        for article in articles:
            try:
                result = await asyncio.to_thread(self._timeline.ingest, article, context=context)
            except Exception as exc:  # one bad article must not stop the channel
                log.exception(
                    "news channel %s: ingesting %s failed", message.channel_id, article.id
                )
                error = f"{type(exc).__name__}: {exc}"
                continue
            if result.status == "failed":
                error = result.error or "reading failed"
            changed += len(result.created) + len(result.updated)
        if changed:
            self._on_ingested()
        return changed, error

    def _after_read(self, message: MessageText, error: str | None, mark: bool) -> None:
        now = self._clock()
        with self._db.session() as session:
            if mark:
                channel_repo.mark_read(session, message.channel_id, message.message_id)
            if error is None or session.get(NewsRetry, message.message_id) is not None:
                return
            log.warning(
                "news channel %s: message %s not read (%s); trying again later",
                message.channel_id,
                message.message_id,
                error,
            )
            session.add(
                NewsRetry(
                    message_id=message.message_id,
                    channel_id=message.channel_id,
                    guild_id=message.guild_id,
                    channel_name=message.channel_name[:100],
                    author=message.author[:100],
                    url=message.url[:500] if message.url else None,
                    posted=message.created,
                    text=message.text,
                    attempts=1,
                    next_attempt=now + self.policy.retry_delay(1),
                    last_error=error[:1000],
                    created_at=now,
                )
            )

    # ------------------------------------------------------------------ catch-up
    def catch_up_from(self, channel: NewsChannel, now: datetime) -> int:
        """The id after which a channel is read back: the last message read, but never before
        the channel was marked nor further back than ``catchup_age``."""
        floor = max(snowflake_at(channel.added_at), snowflake_at(now - self.policy.catchup_age))
        return max(channel.last_message_id or 0, floor)

    def begin_reconnect(self) -> None:
        """The gateway connection is new: live messages wait for each channel's catch-up before
        they move its mark again."""
        self._caught_up.clear()

    async def catch_up(self, history: HistoryReader, guild_ids: Collection[int]) -> int:
        """Read what each news channel of ``guild_ids`` got while the bot was away; how many
        messages were handed to reading."""

        def channels() -> list[NewsChannel]:
            with self._db.session() as session:
                return channel_repo.every(session)

        handed = 0
        for channel in await asyncio.to_thread(channels):
            if self.stopping:
                break
            if channel.guild_id not in guild_ids:
                continue  # another process (shard) serves that server
            async with self._lock(channel.channel_id):
                after = self.catch_up_from(channel, self._clock())
                try:
                    messages = await history(
                        channel.channel_id, after, self.policy.catchup_messages
                    )
                except Exception as exc:  # a channel we cannot read must not stop the others
                    log.warning(
                        "news channel %s: history not read (%s: %s)",
                        channel.channel_id,
                        type(exc).__name__,
                        exc,
                    )
                    continue
                for message in messages:
                    if self.stopping:  # the mark stays at the last message read
                        return handed
                    await self._read_one(message, mark=True)
                    handed += 1
                self._caught_up.add(channel.channel_id)
            if messages:
                log.info(
                    "news channel %s: read %d messages posted while away",
                    channel.channel_id,
                    len(messages),
                )
        return handed

    # ------------------------------------------------------------------ retry
    async def retry_due(self) -> int:
        """Read again the messages whose time for another try has come; how many were read."""

        def due() -> list[NewsRetry]:
            with self._db.session() as session:
                return channel_repo.due_retries(session, self._clock(), RETRIES_PER_PASS)

        read = 0
        for row in await asyncio.to_thread(due):
            if self.stopping:
                break
            message = _message_of(row)
            async with self._lock(message.channel_id):
                _, error = await self._ingest(message)
            await asyncio.to_thread(self._after_retry, message, error)
            read += error is None
        return read

    def _after_retry(self, message: MessageText, error: str | None) -> None:
        now = self._clock()
        with self._db.session() as session:
            row = session.get(NewsRetry, message.message_id)
            if row is None:
                return
            if error is None:
                channel_repo.forget_retry(session, message.message_id)
                return
            row.attempts += 1
            row.last_error = error[:1000]
            if row.attempts < self.policy.retry_attempts:
                row.next_attempt = now + self.policy.retry_delay(row.attempts)
                return
            row.gave_up_at = now
            log.warning(
                "news channel %s: message %s not read after %d tries: %s",
                message.channel_id,
                message.message_id,
                row.attempts,
                error,
            )
            card = news_unread_card(message.channel_id, message.url, error)
            notify_admins(session, message.guild_id, f"news-unread:{message.message_id}", card, now)


__all__ = ["MAX_PER_GUILD", "HistoryReader", "NewsChannelService", "NewsPolicy"]
