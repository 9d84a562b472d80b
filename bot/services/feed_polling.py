"""Reading feeds into the timeline: due feeds fetched concurrently, new entries ingested.

- A feed is due when ``next_poll`` has passed; after a poll it is due again after the interval
  plus or minus a random jitter (so a hundred feeds added at once do not stay in lockstep).
- Conditional GET with the stored ETag / Last-Modified; a 304 costs one round trip.
- A failure backs off exponentially (up to ``max_backoff``) and is written to the feed's
  ``last_error`` and ``failures``, which ``/feeds list`` shows.
- Feeds run concurrently under a bound and each under its own time limit, so one slow or
  broken feed never delays the others.
- An entry with only a summary gets its article page fetched (same guard) and its main text
  extracted with trafilatura; if that fails the summary is used.
- The first poll of a feed (``primed`` false) fills the timeline with alerts switched off
  (``IngestContext(quiet=True)``): reminders for what is ahead are planned, but no channel
  is flooded with old news. A feed's new and changed events also go to its own channel
  (``IngestContext.route``).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from apscheduler.triggers.interval import IntervalTrigger

from bot.clock import Clock
from bot.extract.model import Article
from bot.news.feeds import FEED_ACCEPT, FeedEntry, FeedParseError, ParsedFeed, parse_feed
from bot.news.fetch import Fetcher, FetchError
from bot.news.page import extract_page
from bot.scheduling import JobSpec
from bot.timeline import IngestContext, IngestResult, TimelineService
from storage.db import Database
from storage.models import Feed
from storage.repos import feeds as feed_repo

log = logging.getLogger("diplobot.feeds")

MAX_NEW_PER_POLL = 50


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll of one feed did."""

    feed_id: int
    url: str
    status: str  # "ok", "not_modified", "error"
    new_entries: int = 0
    events_created: int = 0
    events_updated: int = 0
    error: str | None = None
    primed: bool = False


class FeedPoller:
    """Polls the feeds stored in the database; the database holds every feed's schedule."""

    def __init__(
        self,
        db: Database,
        fetcher: Fetcher,
        timeline: TimelineService,
        clock: Clock,
        *,
        interval: timedelta,
        check_every_s: int = 30,
        jitter: float = 0.1,
        concurrency: int = 8,
        feed_timeout_s: float = 60.0,
        max_backoff: timedelta = timedelta(hours=6),
        full_text: bool = True,
        on_ingested: Callable[[], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._db = db
        self._fetcher = fetcher
        self._timeline = timeline
        self._clock = clock
        self.interval = interval
        self._check_every_s = check_every_s
        self._jitter = jitter
        self._gate = asyncio.Semaphore(concurrency)
        self._feed_timeout_s = feed_timeout_s
        self._max_backoff = max_backoff
        self._full_text = full_text
        self._on_ingested = on_ingested
        self._rng = rng or random.Random()
        self._running: set[int] = set()
        self.stopping = False  # shutting down: start no feed, read no further entry

    # ------------------------------------------------------------------ which feeds
    def due_feed_ids(self, *, every: bool = False) -> list[int]:
        with self._db.session() as session:
            return feed_repo.due_ids(session, self._clock(), every=every)

    def job(self) -> JobSpec:
        """The polling pass for the scheduler: often, so each feed is read on its own clock."""
        every = self._check_every_s
        return JobSpec(
            "feeds.poll",
            self.poll_due,
            IntervalTrigger(seconds=every, jitter=max(1, every // 6)),
            misfire_grace_time=every * 4,
            description="poll feeds whose next_poll has passed",
        )

    async def poll_due(self) -> list[PollOutcome]:
        """Poll every feed whose time has come (skipping any still running from a last pass)."""
        ids = await asyncio.to_thread(self.due_feed_ids)
        return await self.poll_many(ids)

    async def poll_all(self) -> list[PollOutcome]:
        """Poll every enabled feed now (the ``diplobot poll`` command)."""
        ids = await asyncio.to_thread(self.due_feed_ids, every=True)
        return await self.poll_many(ids)

    async def poll_many(self, ids: Sequence[int]) -> list[PollOutcome]:
        ids = [i for i in ids if i not in self._running]
        results = await asyncio.gather(*(self._bounded(i) for i in ids))
        return [r for r in results if r is not None]

    async def _bounded(self, feed_id: int) -> PollOutcome | None:
        self._running.add(feed_id)
        try:
            async with self._gate:
                if self.stopping:
                    return None
                try:
                    async with asyncio.timeout(self._feed_timeout_s):
                        return await self.poll_feed(feed_id)
                except TimeoutError:
                    error = f"the feed took longer than {self._feed_timeout_s:g} s to read"
                    return await asyncio.to_thread(self._record_failure, feed_id, error)
                except Exception as exc:  # one broken feed must not stop the others
                    log.exception("polling feed %s failed unexpectedly", feed_id)
                    error = f"unexpected error ({type(exc).__name__})"
                    return await asyncio.to_thread(self._record_failure, feed_id, error)
        finally:
            self._running.discard(feed_id)

    # ------------------------------------------------------------------ one feed
    async def poll_feed(self, feed_id: int) -> PollOutcome | None:
        feed = await asyncio.to_thread(self._load, feed_id)
        if feed is None:
            return None
        try:
            fetched = await self._fetcher.fetch(
                feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
            )
        except FetchError as exc:
            return await asyncio.to_thread(self._record_failure, feed_id, str(exc))
        if fetched.not_modified:
            return await asyncio.to_thread(
                self._record_success,
                feed_id,
                fetched.etag or feed.etag,
                fetched.last_modified or feed.last_modified,
                None,
                PollOutcome(feed_id, feed.url, "not_modified"),
            )
        try:
            parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url)
        except FeedParseError as exc:
            return await asyncio.to_thread(self._record_failure, feed_id, str(exc))
        fresh = await asyncio.to_thread(self._unseen, feed_id, parsed)
        source = parsed.title or feed.title or (urlsplit(feed.url).hostname or "feed")
        created = updated = 0
        # More new entries than one poll takes: read the newest now, keep the old validators
        # (so the next poll gets the whole feed again, not a 304) and come back at once.
        backlog = len(fresh) > MAX_NEW_PER_POLL
        context = IngestContext(
            quiet=not feed.primed,
            route=(feed.guild_id, feed.channel_id) if feed.channel_id else None,
            source=source,
        )
        for entry in reversed(fresh[:MAX_NEW_PER_POLL]):  # oldest first: later news wins
            if self.stopping:  # the feed stays due, its validators unchanged: read the rest later
                return None
            article = await self._article(entry, source)
            result = await asyncio.to_thread(self._ingest, feed_id, entry, article, context)
            created += len(result.created)
            updated += len(result.updated)
            if self._on_ingested is not None and (result.created or result.updated):
                self._on_ingested()
        outcome = PollOutcome(
            feed_id,
            feed.url,
            "ok",
            new_entries=len(fresh),
            events_created=created,
            events_updated=updated,
            primed=not feed.primed,
        )
        return await asyncio.to_thread(
            self._record_success,
            feed_id,
            feed.etag if backlog else fetched.etag,
            feed.last_modified if backlog else fetched.last_modified,
            parsed.title,
            outcome,
            backlog=backlog,
            primed=feed.primed or not backlog,  # a first read stays quiet until it is complete
        )

    async def _article(self, entry: FeedEntry, source: str) -> Article:
        """The entry as an article: its own text, or its page's when it has a summary only."""
        text = entry.text
        dct = entry.dct
        if self._full_text and entry.summary_only and entry.link:
            try:
                page = await self._fetcher.fetch(entry.link, accept="text/html,*/*;q=0.5")
                extracted = await asyncio.to_thread(extract_page, page.body, page.url)
            except FetchError as exc:
                log.info("full text of %s not fetched (%s); using the summary", entry.link, exc)
                extracted = None
            if extracted is not None and len(extracted.text) > len(text):
                text = extracted.text
                dct = dct or extracted.published
        if dct is None:
            dct = self._clock().date()
        body = (
            f"{entry.title}\n\n{text}" if entry.title and not text.startswith(entry.title) else text
        )
        return Article(
            text=body or entry.title,
            dct=dct,
            id=entry.key,
            title=entry.title,
            source=source,
            url=entry.link,
        )

    # ------------------------------------------------------------------ database work
    def _load(self, feed_id: int) -> Feed | None:
        with self._db.session() as session:
            return session.get(Feed, feed_id)

    def _unseen(self, feed_id: int, parsed: ParsedFeed) -> list[FeedEntry]:
        with self._db.session() as session:
            seen = feed_repo.seen_keys(session, feed_id, [e.key for e in parsed.entries])
        return [e for e in parsed.entries if e.key not in seen]

    def _ingest(
        self, feed_id: int, entry: FeedEntry, article: Article, context: IngestContext
    ) -> IngestResult:
        """Ingest, then remember the entry (a crash in between re-ingests a known key: a no-op)."""
        result = self._timeline.ingest(article, ref=entry.link or entry.key, context=context)
        with self._db.session() as session:
            feed_repo.mark_seen(session, feed_id, entry.key, result.article_id, self._clock())
        return result

    def _next_poll(self, now: datetime) -> datetime:
        spread = self.interval.total_seconds() * self._jitter
        return now + self.interval + timedelta(seconds=self._rng.uniform(-spread, spread))

    def _record_success(
        self,
        feed_id: int,
        etag: str | None,
        last_modified: str | None,
        title: str | None,
        outcome: PollOutcome,
        *,
        backlog: bool = False,
        primed: bool = True,
    ) -> PollOutcome:
        now = self._clock()
        values: dict[str, object] = {
            "etag": (etag or None) and etag[:500],
            "last_modified": (last_modified or None) and last_modified[:100],
            "last_polled": now,
            "next_poll": now if backlog else self._next_poll(now),
            "failures": 0,
            "backoff_seconds": 0,
            "last_error": None,
            "primed": primed,
        }
        with self._db.session() as session:
            feed = session.get(Feed, feed_id)
            if feed is None:
                return outcome
            if title and not feed.title:
                values["title"] = title[:300]
            feed_repo.update_feed(session, feed_id, **values)
        log.info(
            "feed %s polled: %s, %d new entries, %d events created, %d updated",
            feed_id,
            outcome.status,
            outcome.new_entries,
            outcome.events_created,
            outcome.events_updated,
        )
        return outcome

    def _record_failure(self, feed_id: int, error: str) -> PollOutcome:
        now = self._clock()
        with self._db.session() as session:
            feed = session.get(Feed, feed_id)
            if feed is None:
                return PollOutcome(feed_id, "", "error", error=error)
            failures = feed.failures + 1
            wait = min(self._max_backoff, self.interval * (2 ** min(failures, 16)) / 2)
            feed_repo.update_feed(
                session,
                feed_id,
                failures=failures,
                backoff_seconds=int(wait.total_seconds()),
                last_error=error[:1000],
                last_polled=now,
                next_poll=now + wait,
            )
            url = feed.url
        log.warning("feed %s (%s) failed %d time(s): %s", feed_id, url, failures, error)
        return PollOutcome(feed_id, url, "error", error=error)


__all__ = ["MAX_NEW_PER_POLL", "FeedPoller", "PollOutcome"]
