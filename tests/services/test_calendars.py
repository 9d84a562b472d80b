"""The calendar service on both databases: links stored hashed, the filters of /subscribe,
the 30-day window, and calendar files as calendar apps read them."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import select

from bot.render.ics import SourceLink, to_ics
from bot.services.calendars import MAX_PER_GUILD, REFRESH, CalendarService, hash_token
from bot.services.errors import Refused
from storage.db import Database, open_database
from storage.models import CalendarToken
from tests.support.world import World, event, make_world


@pytest.fixture
def world(db: Database) -> World:
    return make_world(db)


def calendar_of(world: World, token: str) -> list[icalendar.cal.Component]:
    service = world.app.calendars
    feed = service.feed(token)
    assert feed is not None
    return list(icalendar.Calendar.from_ical(service.ics(feed)).walk("VEVENT"))


def summaries(world: World, token: str) -> list[str]:
    return [str(v["SUMMARY"]) for v in calendar_of(world, token)]


def test_links_are_long_random_and_only_their_hash_is_stored(world: World) -> None:
    made = world.app.calendars.create(guild_id=1, channel_id=2)
    other = world.app.calendars.create(guild_id=1, channel_id=2)
    assert len(made.token) >= 32 and made.token != other.token  # 192 bits, URL-safe
    assert made.ics_url.endswith(f"/cal/{made.token}.ics")
    with world.db.engine.connect() as conn:
        dump = repr(conn.execute(select(CalendarToken.__table__)).all())
    assert made.token not in dump and hash_token(made.token) in dump


def test_the_filters_of_subscribe_choose_the_events(world: World) -> None:
    world.news("a", "2025-02-01", event("2025-02-10", "JP", "US"))
    world.news("b", "2025-02-01", event("2025-02-11", "FR", "DE", kind="meeting"))
    world.news("c", "2025-02-01", event("2025-02-12", "JP", "CN", location="Kananaskis"))
    service = world.app.calendars
    japan = service.create(guild_id=1, channel_id=2, countries=["JP"])
    meetings = service.create(guild_id=1, channel_id=2, types=["meeting"])
    place = service.create(guild_id=1, channel_id=2, keywords=["kananaskis"])
    assert summaries(world, japan.token) == [
        "Japan–United States summit",
        "China–Japan summit, Kananaskis",
    ]
    assert summaries(world, meetings.token) == ["France–Germany meeting"]
    assert summaries(world, place.token) == ["China–Japan summit, Kananaskis"]


def test_a_calendar_starts_thirty_days_back(world: World) -> None:
    world.news("old", "2024-12-01", event("2024-12-20", "JP", "US"))
    world.news("recent", "2025-01-01", event("2025-01-10", "JP", "CN"))
    made = world.app.calendars.create(guild_id=1, channel_id=2)
    assert summaries(world, made.token) == ["China–Japan summit"]  # 1 Feb - 30 days


def test_dates_keep_their_precision_and_statuses_show(world: World) -> None:
    world.news("day", "2025-02-01", event("2025-02-10", "JP", "US", status="cancelled"))
    world.news("week", "2025-02-01", event("2025-W08", "FR", "DE"))
    world.news("month", "2025-02-01", event("2025-03", "EU", "CN"))
    world.news("time", "2025-02-01", event("2025-02-20T14:00+01:00", "IN", "BR"))
    made = world.app.calendars.create(guild_id=1, channel_id=2)
    by_title = {str(v["SUMMARY"]).split(" (")[0]: v for v in calendar_of(world, made.token)}
    cancelled = by_title["Japan–United States summit"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and "CANCELLED" in str(cancelled["SUMMARY"])
    week = by_title["France–Germany summit"]
    assert (week.decoded("DTSTART"), week.decoded("DTEND")) == (
        date(2025, 2, 17),
        date(2025, 2, 24),
    )
    month = by_title["China–EU summit"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (
        date(2025, 3, 1),
        date(2025, 4, 1),
    )
    timed = by_title["Brazil–India summit"]
    assert isinstance(timed.decoded("DTSTART"), datetime) and "DTEND" not in timed


def test_sources_are_listed_with_their_links(world: World) -> None:
    world.news("a", "2025-02-01", event("2025-02-10", "JP", "US"), url="https://news.example/a")
    world.news("b", "2025-02-02", event("2025-02-10", "JP", "US"), url="javascript:alert(1)")
    made = world.app.calendars.create(guild_id=1, channel_id=2)
    [summit] = calendar_of(world, made.token)
    description = str(summit["DESCRIPTION"])
    assert "https://news.example/a" in description
    assert "javascript:" not in description  # only web addresses are links
    assert str(summit["URL"]) == "https://news.example/a"


def test_two_installations_never_share_uids(world: World, tmp_path: Path) -> None:
    other_db = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    other = make_world(other_db)
    uids = []
    for each in (world, other):
        each.news("a", "2025-02-01", event("2025-02-10", "JP", "US"))
        made = each.app.calendars.create(guild_id=1, channel_id=2)
        [summit] = calendar_of(each, made.token)
        uids.append(str(summit["UID"]))
        assert each.app.reader.installation() in uids[-1]
    other_db.dispose()
    assert uids[0] != uids[1]  # the same event id, row for row, in two installations
    [again] = calendar_of(world, world.app.calendars.create(guild_id=1, channel_id=2).token)
    assert str(again["UID"]) == uids[0]  # and stable within one


def test_revoking_is_per_server_and_links_are_limited(world: World) -> None:
    service: CalendarService = world.app.calendars
    made = service.create(guild_id=1, channel_id=2)
    with pytest.raises(Refused, match="no calendar link"):
        service.revoke(99, int(made.calendar.id or 0))
    assert service.feed(made.token) is not None
    service.revoke(1, int(made.calendar.id or 0))
    assert service.feed(made.token) is None
    for _ in range(MAX_PER_GUILD):
        service.create(guild_id=1, channel_id=2)
    with pytest.raises(Refused, match="revoke one first"):
        service.create(guild_id=1, channel_id=2)


def test_the_etag_moves_with_a_change_and_with_the_day(world: World) -> None:
    world.news("a", "2025-02-01", event("2025-02-10", "JP", "US"))
    made = world.app.calendars.create(guild_id=1, channel_id=2)
    service = world.app.calendars
    first = service.feed(made.token)
    assert first is not None and service.feed(made.token).etag("ics") == first.etag("ics")  # type: ignore[union-attr]
    world.news("b", "2025-02-02", event("2025-02-11", "JP", "US", status="postponed"))
    moved = service.feed(made.token)
    assert moved is not None and moved.etag("ics") != first.etag("ics")
    world.clock.advance(timedelta(days=1))
    tomorrow = service.feed(made.token)
    assert tomorrow is not None and tomorrow.etag("ics") != moved.etag("ics")


def test_a_calendar_from_cached_events_is_the_calendar_drawn_whole(world: World) -> None:
    world.news("a", "2025-02-01", event("2025-02-10", "JP", "US"), url="https://news.example/a")
    world.news("b", "2025-02-01", event("2025-03", "EU", "CN", status="cancelled"))
    service = world.app.calendars
    made = service.create(guild_id=1, channel_id=2)
    first = service.feed(made.token)
    assert first is not None
    cold = service.ics(first)
    world.news("c", "2025-02-02", event("2025-02-12", "JP", "US", status="postponed"))
    moved = service.feed(made.token)
    assert moved is not None
    warm = service.ics(moved)  # one event drawn again, the other from the cache
    whole = to_ics(
        moved.events,
        installation=moved.installation,
        sources={1: [SourceLink("", "a", "https://news.example/a"), SourceLink("", "c")],
                 2: [SourceLink("", "b")]},
        name=moved.name,
        refresh=REFRESH,
    )  # fmt: skip
    assert warm == whole and warm != cold


def test_news_about_other_events_leaves_a_calendar_as_it_was(world: World) -> None:
    world.news("a", "2025-02-01", event("2025-02-10", "JP", "US"))
    service = world.app.calendars
    japan = service.create(guild_id=1, channel_id=2, countries=["JP"])
    before = service.feed(japan.token)
    assert before is not None
    world.news("b", "2025-02-01", event("2025-02-11", "FR", "DE"))  # not Japan
    after_other = service.feed(japan.token)
    assert after_other is not None and after_other.etag("ics") == before.etag("ics")
    world.news("c", "2025-02-01", event("2025-02-12", "JP", "CN", kind="meeting"))  # Japan
    after_japan = service.feed(japan.token)
    assert after_japan is not None and after_japan.etag("ics") != before.etag("ics")
    fresh = CalendarService(world.db, world.clock, "http://x").feed(japan.token)  # no cache
    assert fresh is not None and fresh.etag("ics") == after_japan.etag("ics")
    assert len(after_japan.events) == 2
