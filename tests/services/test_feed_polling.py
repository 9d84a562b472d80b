"""Feed polling against a real HTTP server on loopback, with an injected clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.alerts import kinds
from bot.alerts.sender import OutboxSender
from bot.app import build_app
from bot.clock import FakeClock
from bot.extract.model import Event
from bot.news.fetch import Fetcher
from bot.services.feed_polling import FeedPoller
from storage.db import Database
from storage.models import Feed, Subscription
from tests.support.extraction import StandInExtractor
from tests.support.feed_server import FeedServer, Item, article_page, rss
from tests.support.world import CHANNEL, GUILD, RecordingPublisher, shipped_settings

INTERVAL = timedelta(minutes=15)
FEED_TIMEOUT_S = 3.0  # the slow feed below answers after 10 s


@dataclass
class Rig:
    db: Database
    clock: FakeClock
    server: FeedServer
    extractor: StandInExtractor
    poller: FeedPoller
    sender: OutboxSender
    publisher: RecordingPublisher

    def add_feed(self, name: str) -> int:
        with self.db.session() as session:
            feed = Feed(
                guild_id=GUILD,
                url=self.server.url(f"/feeds/{name}"),
                created_at=self.clock(),
                next_poll=self.clock(),
            )
            session.add(feed)
            session.flush()
            assert feed.id is not None
            return feed.id

    def feed(self, feed_id: int) -> Feed:
        with self.db.session() as session:
            found = session.get(Feed, feed_id)
            assert found is not None
            return found


def summit(day: str) -> Event:
    return Event(
        type="summit", date=day, participants=["EU", "CN"], evidence="summit", confidence=0.7
    )


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    srv = FeedServer()
    await srv.start()
    yield srv
    await srv.stop()


@pytest.fixture
async def rig(sqlite_db: Database, server: FeedServer) -> AsyncIterator[Rig]:
    clock = FakeClock(datetime(2025, 2, 1, 9, 0, tzinfo=UTC))
    extractor = StandInExtractor()
    fetcher = Fetcher(allow_loopback=True, timeout_s=5)
    publisher = RecordingPublisher()
    app = build_app(
        shipped_settings(), sqlite_db, clock, publisher, extractor=extractor, fetcher=fetcher
    )
    poller = FeedPoller(
        sqlite_db, fetcher, app.timeline, clock, interval=INTERVAL, feed_timeout_s=FEED_TIMEOUT_S
    )
    sender = app.delivery.sender
    with sqlite_db.session() as session:
        session.add(
            Subscription(guild_id=GUILD, channel_id=CHANNEL, created_at=clock(), updated_at=clock())
        )
    yield Rig(sqlite_db, clock, server, extractor, poller, sender, publisher)
    await fetcher.close()


OLD = Item("Old summit news", "http://127.0.0.1:9/old", "Leaders will meet.")
NEW = Item("EU-China summit set for March 3", "http://127.0.0.1:9/new", "They will meet.")


async def test_first_poll_backfills_quietly_then_a_new_item_alerts_once(rig: Rig) -> None:
    rig.extractor.events[OLD.title] = [summit("2025-02-20")]
    rig.extractor.events[NEW.title] = [summit("2025-03-03")]
    rig.server.feeds["wire"] = rss([OLD])
    feed_id = rig.add_feed("wire")
    (first,) = await rig.poller.poll_due()
    assert first.status == "ok" and first.primed and first.events_created == 1
    await rig.sender.run_until_idle()
    assert rig.publisher.sent == [], "no alerts for the news already in a new feed"
    assert rig.feed(feed_id).primed

    rig.server.feeds["wire"] = rss([NEW, OLD])
    rig.clock.advance(minutes=20)
    (second,) = await rig.poller.poll_due()
    assert second.new_entries == 1 and not second.primed
    await rig.sender.run_until_idle()
    (title,) = rig.publisher.titles()
    assert title.startswith("New:") and "China" in title

    rig.clock.advance(minutes=20)
    (third,) = await rig.poller.poll_due()
    assert third.status == "not_modified" and rig.server.not_modified == 1
    await rig.sender.run_until_idle()
    assert len(rig.publisher.sent) == 1


async def test_a_feed_is_not_polled_before_its_time(rig: Rig) -> None:
    rig.server.feeds["wire"] = rss([OLD])
    feed_id = rig.add_feed("wire")
    await rig.poller.poll_due()
    next_poll = rig.feed(feed_id).next_poll
    assert next_poll is not None
    gap = next_poll - rig.clock()
    assert timedelta(minutes=13, seconds=30) <= gap <= timedelta(minutes=16, seconds=30)
    rig.clock.advance(minutes=5)
    assert await rig.poller.poll_due() == []
    assert rig.server.hits["wire"] == 1


async def test_a_broken_feed_backs_off_shows_its_error_and_delays_no_other(rig: Rig) -> None:
    rig.server.feeds["good"] = rss([OLD])
    rig.server.statuses["broken"] = 500
    rig.server.feeds["slow"] = rss([OLD])
    rig.server.delays["slow"] = 10.0
    good, broken, slow = (rig.add_feed(n) for n in ("good", "broken", "slow"))
    outcomes = {o.feed_id: o for o in await rig.poller.poll_due()}
    assert outcomes[good].status == "ok"
    assert outcomes[broken].status == "error" and "500" in (outcomes[broken].error or "")
    # Cut at its own time limit, long before the server's 10 s answer.
    cut = f"longer than {FEED_TIMEOUT_S:g} s"
    assert outcomes[slow].status == "error" and cut in (outcomes[slow].error or "")
    first = rig.feed(broken)
    assert first.failures == 1 and "500" in (first.last_error or "")
    rig.clock.set(first.next_poll or rig.clock())
    await rig.poller.poll_many([broken])
    second = rig.feed(broken)
    assert second.failures == 2 and second.backoff_seconds == 2 * first.backoff_seconds
    rig.server.statuses.pop("broken")
    rig.server.feeds["broken"] = rss([OLD])
    await rig.poller.poll_many([broken])
    healed = rig.feed(broken)
    assert healed.failures == 0 and healed.last_error is None


async def test_summary_only_entries_get_their_full_text_from_the_page(rig: Rig) -> None:
    paragraphs = [
        "The European Union and China will hold their annual summit in Brussels on March 3, "
        "officials from both sides said on Friday after weeks of talks.",
        "The meeting is expected to focus on trade, electric vehicles and climate policy, "
        "with both delegations preparing a joint statement for the leaders to sign.",
    ]
    rig.server.pages["summit"] = article_page("EU-China summit", paragraphs)
    item = Item("EU-China summit", rig.server.url("/pages/summit"), "Short teaser.")
    rig.server.feeds["wire"] = rss([item])
    rig.add_feed("wire")
    await rig.poller.poll_due()
    text = rig.extractor.texts["EU-China summit"]
    assert "electric vehicles" in text and "Copyright" not in text
    assert rig.server.hits["page:summit"] == 1


async def test_the_guard_refuses_a_feed_on_loopback_unless_allowed(
    sqlite_db: Database, rig: Rig
) -> None:
    rig.server.feeds["wire"] = rss([OLD])
    feed_id = rig.add_feed("wire")
    guarded = Fetcher(timeout_s=5)  # the production default: loopback refused
    try:
        poller = FeedPoller(sqlite_db, guarded, rig.poller._timeline, rig.clock, interval=INTERVAL)
        (outcome,) = await poller.poll_due()
    finally:
        await guarded.close()
    assert outcome.status == "error" and "loopback" in (outcome.error or "")
    assert "wire" not in rig.server.hits
    assert "loopback" in (rig.feed(feed_id).last_error or "")
    rig.clock.set(rig.feed(feed_id).next_poll or rig.clock())
    (allowed,) = await rig.poller.poll_due()  # this test's poller says allow_loopback=True
    assert allowed.status == "ok"


async def test_alerts_reach_the_outbox_in_the_ingest_transaction(rig: Rig) -> None:
    rig.extractor.events[NEW.title] = [summit("2025-03-03")]
    rig.server.feeds["wire"] = rss([])
    feed_id = rig.add_feed("wire")
    await rig.poller.poll_due()
    rig.server.feeds["wire"] = rss([NEW])
    rig.clock.set(rig.feed(feed_id).next_poll or rig.clock())
    await rig.poller.poll_due()
    with rig.db.session() as session:
        from sqlalchemy import select

        from storage.models import OutboxMessage

        found = sorted(r.kind for r in session.scalars(select(OutboxMessage)))
    assert found == sorted([kinds.ALERT, kinds.REMINDER])


async def test_the_poll_command_refuses_loopback_feeds_and_says_so(
    tmp_path, server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from bot.cli import poll
    from storage.db import open_database

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    database = open_database(url)
    with database.session() as session:
        session.add(
            Feed(
                guild_id=GUILD,
                url=server.url("/feeds/wire"),
                created_at=datetime.now(UTC),
                next_poll=datetime.now(UTC),
            )
        )
    database.dispose()
    server.feeds["wire"] = rss([OLD])
    parser = argparse.ArgumentParser()
    poll.register(parser.add_subparsers())
    args = parser.parse_args(["poll", "--db", url])
    code = await asyncio.to_thread(args.func, args)
    err = capsys.readouterr().err
    assert code == 1
    assert "loopback" in err and "wire" not in server.hits


async def test_a_feed_with_a_channel_posts_its_new_events_there(rig: Rig) -> None:
    other = 444
    rig.extractor.events[NEW.title] = [summit("2025-03-03")]
    rig.server.feeds["wire"] = rss([])
    feed_id = rig.add_feed("wire")
    with rig.db.session() as session:
        feed = session.get(Feed, feed_id)
        assert feed is not None
        feed.channel_id = other
    await rig.poller.poll_due()
    rig.server.feeds["wire"] = rss([NEW])
    rig.clock.set(rig.feed(feed_id).next_poll or rig.clock())
    await rig.poller.poll_due()
    await rig.sender.run_until_idle()
    channels = sorted(m.channel_id for m in rig.publisher.sent)
    assert channels == sorted([CHANNEL, other])  # the subscription and the feed's channel


async def test_probe_feed_validates_an_address_before_it_is_added(server: FeedServer) -> None:
    from bot.news.feeds import FeedParseError, probe_feed

    server.feeds["wire"] = rss([OLD])
    server.pages["home"] = article_page("Home", ["Welcome to the Loopback Wire home page."])
    fetcher = Fetcher(allow_loopback=True, timeout_s=5)
    try:
        parsed = await probe_feed(fetcher, server.url("/feeds/wire"))
        assert parsed.title == "Loopback Wire" and len(parsed.entries) == 1
        with pytest.raises(FeedParseError, match="not an RSS or Atom feed"):
            await probe_feed(fetcher, server.url("/pages/home"))
    finally:
        await fetcher.close()


async def test_a_backlog_larger_than_one_poll_is_read_in_full_and_quietly(rig: Rig) -> None:
    from bot.services.feed_polling import MAX_NEW_PER_POLL

    total = MAX_NEW_PER_POLL + 30
    body = "The ministers will meet again next month to continue the talks. " * 12
    items = [
        Item(f"Story {i}", f"http://127.0.0.1:9/s{i}", f"Words {i}.", content=body)
        for i in range(total)
    ]
    for item in items:
        rig.extractor.events[item.title] = [summit("2025-03-03")]
    rig.server.feeds["wire"] = rss(items)
    feed_id = rig.add_feed("wire")
    (first,) = await rig.poller.poll_due()
    assert first.new_entries == total
    assert not rig.feed(feed_id).primed, "still back-filling"
    rig.clock.advance(seconds=30)
    (second,) = await rig.poller.poll_due()  # due again at once, and not answered with a 304
    assert second.status == "ok" and second.new_entries == total - MAX_NEW_PER_POLL
    assert rig.feed(feed_id).primed
    assert len(rig.extractor.texts) == total
    await rig.sender.run_until_idle()
    assert rig.publisher.sent == [], "the whole back-fill stayed quiet"
