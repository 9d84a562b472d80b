"""A member's own reminders, end to end: the real discord.py client on the loopback Discord
server presses "Remind me" under a posted alert, the event moves, the DM arrives once at the
new moment (injected clock), and a restarted bot on the same database sends nothing again."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.clock import FakeClock
from bot.extract.model import Event
from storage.db import Database
from storage.models import EventRow, MemberReminder
from tests.support.discord_server import DEFAULT_CHANNEL_ID, DEFAULT_USER_ID, DiscordLoopback
from tests.support.extraction import StandInExtractor
from tests.support.live import Live, start_live, summit

pytestmark = pytest.mark.e2e

START = datetime(2025, 2, 1, 9, 30, tzinfo=UTC)
OTHER_USER = DEFAULT_USER_ID + 7


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
async def live(
    loopback: DiscordLoopback, sqlite_db: Database, tmp_path: Path
) -> AsyncIterator[Live]:
    running = await start_live(loopback, sqlite_db, tmp_path, FakeClock(START), StandInExtractor())
    try:
        yield running
    finally:
        await running.stop()


def stamp(text: str) -> str:
    """How a card shows a moment: a Discord timestamp, in each reader's own time zone."""
    return f"<t:{int(at(text).timestamp())}:F>"


def event_id(live: Live) -> int:
    with live.app.database.session() as session:
        ids = list(session.scalars(select(EventRow.id)))
    assert len(ids) == 1, ids
    return int(ids[0])


def card_with_button(server: DiscordLoopback, event: int) -> dict[str, Any]:
    """The posted message (as Discord stores it) whose "Remind me" button names ``event``."""
    for message in server.history.get(DEFAULT_CHANNEL_ID, []):
        for row in message.get("components") or []:
            for item in row.get("components") or []:
                if item.get("custom_id") == f"remind:{event}":
                    assert item["label"] == "Remind me" and item["type"] == 2
                    return message
    raise AssertionError("no posted card carries a Remind me button for the event")


def dm_titles(server: DiscordLoopback, user: int = DEFAULT_USER_ID) -> list[str]:
    return [m["embeds"][0]["title"] for m in server.dms_to(user)]


async def post_summit(live: Live, day: str = "2025-02-10T14:00Z") -> int:
    live.subscribe()
    live.news("Summit set", "2025-02-01", summit(day))
    await live.app.delivery.send_now()
    return event_id(live)


async def remind(live: Live, event: int, choice: str, user: int = DEFAULT_USER_ID) -> str:
    """Press "Remind me" under the event's card, then pick ``choice``; the final reply's text."""
    card = card_with_button(live.server, event)
    offer = await live.server.press(card, f"remind:{event}", user_id=user)
    assert offer.ephemeral
    if not offer.buttons():
        return offer.content
    labels = [b["label"] for b in offer.buttons()]
    assert labels == ["1 day before", "1 hour before", "Both"]
    done = await live.server.click(offer, f"remind:{event}:{choice}", user_id=user)
    assert done.buttons() == []
    return done.content


async def tick(live: Live, moment: str) -> None:
    live.clock.set(at(moment))
    await live.app.delivery.send_now()


async def test_a_postponed_reminder_arrives_once_at_the_new_time_and_never_again(
    live: Live, loopback: DiscordLoopback, sqlite_db: Database, tmp_path: Path
) -> None:
    event = await post_summit(live)
    reply = await remind(live, event, "1d")
    assert "1 day before" in reply and "<t:" in reply

    # An article postpones the summit by ten days.
    live.clock.set(at("2025-02-03T08:00"))
    live.news("Summit postponed", "2025-02-03", summit("2025-02-20T14:00Z", status="postponed"))
    await live.app.delivery.send_now()
    assert loopback.dms_to(DEFAULT_USER_ID) == [], "a move waits a day in case it is undone"
    await tick(live, "2025-02-04T08:00")
    (moved,) = loopback.dms_to(DEFAULT_USER_ID)
    assert moved["embeds"][0]["title"].startswith("Moved:")
    assert stamp("2025-02-20T14:00") in moved["embeds"][0]["description"]  # the new date
    assert stamp("2025-02-19T14:00") in moved["embeds"][0]["description"]  # the new moment
    assert moved["allowed_mentions"] == {"parse": []}

    # A restart while the reminder waits: the new process keeps it.
    await live.stop()
    clock = FakeClock(at("2025-02-09T14:00"))  # the old moment: nothing is due
    live = await start_live(loopback, sqlite_db, tmp_path, clock, StandInExtractor())
    try:
        await live.app.delivery.send_now()
        assert len(loopback.dms_to(DEFAULT_USER_ID)) == 1
        await tick(live, "2025-02-19T13:59")
        assert len(loopback.dms_to(DEFAULT_USER_ID)) == 1
        await tick(live, "2025-02-19T14:00")  # one day before the new date
        await tick(live, "2025-02-19T15:00")
        titles = dm_titles(loopback)
        assert len(titles) == 2 and titles[1].startswith("Reminder:")
        body = loopback.dms_to(DEFAULT_USER_ID)[1]["embeds"][0]["description"]
        assert stamp("2025-02-20T14:00") in body  # the event's current date, not the first one
        assert stamp("2025-02-10T14:00") not in body
    finally:
        await live.stop()

    # Restarted again after the DM, the clock moving on: no second DM.
    clock = FakeClock(at("2025-02-19T16:00"))
    live = await start_live(loopback, sqlite_db, tmp_path, clock, StandInExtractor())
    try:
        for moment in ("2025-02-19T16:00", "2025-02-20T13:00", "2025-02-21T00:00"):
            await tick(live, moment)
        assert len(loopback.dms_to(DEFAULT_USER_ID)) == 2
        assert loopback.duplicates_refused == 0
        with sqlite_db.session() as session:
            states = list(session.scalars(select(MemberReminder.state)))
        assert states == ["sent"]
        # The button posted before both restarts still answers.
        again = await live.server.press(card_with_button(loopback, event), f"remind:{event}")
        assert again.ephemeral and "already begun" in again.content
    finally:
        await live.stop()


async def test_a_day_only_event_counts_from_midnight_in_the_channels_time_zone(
    live: Live, loopback: DiscordLoopback
) -> None:
    await loopback.invoke("digest set", {"time": "08:00", "timezone": "Asia/Tokyo"})
    event = await post_summit(live, "2025-02-10")
    reply = await remind(live, event, "1h")
    assert "00:00" in reply and "Asia/Tokyo" in reply
    # Midnight of 10 Feb in Tokyo is 15:00 UTC on the 9th; an hour before is 14:00 UTC.
    await tick(live, "2025-02-09T13:59")
    assert loopback.dms_to(DEFAULT_USER_ID) == []
    await tick(live, "2025-02-09T14:00")
    (dm,) = loopback.dms_to(DEFAULT_USER_ID)
    assert dm["embeds"][0]["title"].startswith("Reminder:")
    assert "Asia/Tokyo" in dm["embeds"][0]["description"]


async def test_a_cancelled_event_cancels_the_reminders_with_one_dm(
    live: Live, loopback: DiscordLoopback
) -> None:
    event = await post_summit(live)
    await remind(live, event, "both")
    live.clock.set(at("2025-02-05T08:00"))
    live.news("Summit off", "2025-02-05", summit("2025-02-10T14:00Z", status="cancelled"))
    await live.app.delivery.send_now()
    for moment in ("2025-02-09T14:00", "2025-02-10T13:00", "2025-02-11T00:00"):
        await tick(live, moment)
    (title,) = dm_titles(loopback)  # one DM, and no reminder after it
    assert title.startswith("Cancelled:")
    listing = await loopback.invoke("reminders")
    assert listing.ephemeral and "no reminders" in listing.text()


async def test_reminders_lists_and_cancels_only_the_members_own(
    live: Live, loopback: DiscordLoopback
) -> None:
    event = await post_summit(live)
    await remind(live, event, "1d")
    with live.app.database.session() as session:
        (number,) = session.scalars(select(MemberReminder.id))
    listing = await loopback.invoke("reminders")
    assert listing.ephemeral and f"**{number}**" in listing.text()
    assert "1 day before" in listing.text()

    theirs = await loopback.invoke("reminders", {"cancel": number}, user_id=OTHER_USER)
    assert theirs.ephemeral and f"no pending reminder number {number}" in theirs.content
    other_list = await loopback.invoke("reminders", user_id=OTHER_USER)
    assert "no reminders" in other_list.text()

    done = await loopback.invoke("reminders", {"cancel": number})
    assert done.ephemeral and f"Cancelled reminder {number}" in done.content
    await tick(live, "2025-02-09T14:00")
    await tick(live, "2025-02-10T13:00")
    assert loopback.dms_to(DEFAULT_USER_ID) == []


async def test_closed_dms_fail_once_and_the_member_is_told_once(
    live: Live, loopback: DiscordLoopback
) -> None:
    loopback.dms_closed.add(DEFAULT_USER_ID)
    event = await post_summit(live)
    await remind(live, event, "both")
    for moment in ("2025-02-09T14:00", "2025-02-09T15:00", "2025-02-10T13:00", "2025-02-10T13:30"):
        await tick(live, moment)
    assert loopback.dms_refused == [DEFAULT_USER_ID]  # tried once, not again and again
    assert loopback.dms_to(DEFAULT_USER_ID) == []
    with live.app.database.session() as session:
        assert set(session.scalars(select(MemberReminder.state))) == {"failed"}

    first = await loopback.invoke("reminders")
    assert first.ephemeral and "direct messages are closed" in first.text()
    second = await loopback.invoke("reminders")
    assert "direct messages are closed" not in second.text()


async def test_a_member_holds_at_most_100_reminders(live: Live, loopback: DiscordLoopback) -> None:
    live.subscribe()
    first = date(2025, 3, 1)
    days = [f"{first + timedelta(days=n)}T09:00Z" for n in range(51)]
    live.news("Many summits", "2025-02-01", *(summit(day) for day in days))
    await live.app.delivery.send_now()
    with live.app.database.session() as session:
        ids = sorted(int(i) for i in session.scalars(select(EventRow.id)))
    assert len(ids) == 51
    for event in ids[:50]:
        await asyncio.to_thread(
            live.app.member_reminders.add,
            DEFAULT_USER_ID,
            event,
            "both",
            live.server.guild_id,
            DEFAULT_CHANNEL_ID,
        )
    refused = await remind(live, ids[50], "1d")  # said at the press, before any choice
    assert "already have 100 reminders" in refused and "/reminders cancel" in refused
    # One more than the room left, chosen on an earlier prompt, is refused as clearly.
    with live.app.database.session() as session:
        number = session.scalars(select(MemberReminder.id)).first()
    await loopback.invoke("reminders", {"cancel": number})
    offer = await live.server.press(card_with_button(loopback, ids[50]), f"remind:{ids[50]}")
    both = await live.server.click(offer, f"remind:{ids[50]}:both")
    assert "already have 99 reminders" in both.content
    assert "I will send you" in await remind(live, ids[50], "1d")
    listing = await loopback.invoke("reminders")
    assert "100 of at most 100" in listing.text()
    # Another member is not held back by this one's reminders.
    assert "I will send you" in await remind(live, ids[50], "1d", user=OTHER_USER)


async def test_a_reminder_missed_while_the_bot_was_down_is_not_sent_late(
    live: Live, loopback: DiscordLoopback
) -> None:
    event = await post_summit(live)
    await remind(live, event, "1h")
    await tick(live, "2025-02-10T15:00")  # the bot comes back after the summit began
    assert loopback.dms_to(DEFAULT_USER_ID) == []
    live.clock.set(at("2025-03-20T00:00"))  # the member comes back weeks later
    await live.app.delivery.cleanup()  # the dropped DM row is long gone from the outbox
    listing = await loopback.invoke("reminders")
    assert "no reminders" in listing.text()
    with live.app.database.session() as session:
        assert list(session.scalars(select(MemberReminder.state))) == ["failed"]
    live.clock.set(at("2025-04-30T00:00"))
    await live.app.delivery.cleanup()  # finished reminders are kept 30 days, like messages
    with live.app.database.session() as session:
        assert list(session.scalars(select(MemberReminder.state))) == []


async def test_a_postponement_without_a_date_holds_the_reminder_until_one_comes(
    live: Live, loopback: DiscordLoopback
) -> None:
    event = await post_summit(live)
    await remind(live, event, "1d")
    live.clock.set(at("2025-02-03T08:00"))
    live.news("Summit put off", "2025-02-03", summit("2025-02-10T14:00Z", status="postponed"))
    await live.app.delivery.send_now()
    assert dm_titles(loopback)[-1].startswith("Postponed:")
    listing = await loopback.invoke("reminders")
    assert "waiting for a new date" in listing.text()
    await tick(live, "2025-02-09T14:00")  # the old moment passes in silence
    assert len(loopback.dms_to(DEFAULT_USER_ID)) == 1

    live.news("New summit date", "2025-02-09", summit("2025-03-02T14:00Z", status="postponed"))
    await live.app.delivery.send_now()
    await tick(live, "2025-02-10T14:00")  # the move is told once it held for a day
    assert dm_titles(loopback)[-1].startswith("Moved:")
    await tick(live, "2025-03-01T14:00")
    titles = dm_titles(loopback)
    assert len(titles) == 3 and titles[-1].startswith("Reminder:")


def moved_to(day: str, words: str) -> Event:
    """The summit, said to move to ``day`` in so many words ("postponed to", "rescheduled for")."""
    event = summit(day)
    event.evidence = f"The summit was {words} {day}."
    return event


async def test_a_move_undone_within_a_day_is_never_told_and_the_reminder_keeps_its_time(
    live: Live, loopback: DiscordLoopback
) -> None:
    event = await post_summit(live)
    await remind(live, event, "1d")
    live.clock.set(at("2025-02-03T08:00"))
    live.news("Summit moved", "2025-02-03", moved_to("2025-02-20T14:00Z", "postponed to"))
    await live.app.delivery.send_now()
    live.clock.set(at("2025-02-03T20:00"))
    live.news("Summit back on", "2025-02-03", moved_to("2025-02-10T14:00Z", "rescheduled for"))
    await live.app.delivery.send_now()
    await tick(live, "2025-02-05T08:00")  # well past the day the move was held
    assert dm_titles(loopback) == [], "no Moved DM for a move undone"
    await tick(live, "2025-02-09T14:00")  # one day before the date it kept
    titles = dm_titles(loopback)
    assert len(titles) == 1 and titles[0].startswith("Reminder:")


async def test_two_moves_within_a_day_are_told_once_from_the_date_the_member_knew(
    live: Live, loopback: DiscordLoopback
) -> None:
    event = await post_summit(live)
    await remind(live, event, "1d")
    live.clock.set(at("2025-02-03T08:00"))
    live.news("Summit moved", "2025-02-03", moved_to("2025-02-20T14:00Z", "postponed to"))
    await live.app.delivery.send_now()
    live.clock.set(at("2025-02-03T20:00"))
    live.news("Summit moved again", "2025-02-03", moved_to("2025-02-25T14:00Z", "postponed to"))
    await live.app.delivery.send_now()
    await tick(live, "2025-02-05T08:00")
    (moved,) = loopback.dms_to(DEFAULT_USER_ID)
    body = moved["embeds"][0]["description"]
    assert stamp("2025-02-25T14:00") in body and stamp("2025-02-20T14:00") not in body
    assert stamp("2025-02-10T14:00") in body or "10 Feb" in body  # moved from what it knew
