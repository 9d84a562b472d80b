"""/timeline and /event through the loopback Discord server."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.bot import Running, event

pytestmark = pytest.mark.e2e


async def test_empty_timeline_says_how_to_find_events(running: Running) -> None:
    reply = await running.server.invoke("timeline")
    assert "No events match" in reply.text()
    assert reply.allowed_mentions == {"parse": []}


async def test_unknown_event_is_an_ephemeral_hint(running: Running) -> None:
    reply = await running.server.invoke("event", {"id": 4242})
    assert reply.ephemeral
    assert "There is no event #4242" in reply.content


async def test_timeline_lists_upcoming_events_with_dates_at_their_precision(
    running: Running,
) -> None:
    running.add_news(
        "seed-a",
        [event("summit", "2025-02-07", ["JP", "US"], location="Washington")],
        date(2025, 2, 6),
    )
    running.add_news("seed-b", [event("meeting", "2025-03", ["EU", "JP"])], date(2025, 2, 6))
    running.add_news(
        "seed-c", [event("visit", "2025-01-10", ["FR", "DE"], status="occurred")], date(2025, 1, 11)
    )
    reply = await running.server.invoke("timeline")
    text = reply.text()
    assert "Fri 7 Feb 2025" in text and "March 2025" in text
    assert "Japan" in text and "Washington" in text
    assert "Jan 2025" not in text  # past events are not "upcoming"
    assert "00:00" not in text and "<t:" not in text  # no made-up midnight


async def test_timeline_filters_by_country_name_and_pages_with_buttons(running: Running) -> None:
    for day in range(1, 25):
        running.add_news(
            f"jp-{day}", [event("meeting", f"2025-03-{day:02d}", ["JP", "KR"])], date(2025, 2, 1)
        )
    running.add_news("us-only", [event("meeting", "2025-03-02", ["US", "MX"])], date(2025, 2, 1))
    first = await running.server.invoke("timeline", {"country": "Japan"})
    assert "Mexico" not in first.text()
    assert first.text().count("meeting") == 10
    assert "Sat 1 Mar 2025" in first.text()
    buttons = {b["custom_id"]: b for b in first.buttons()}
    assert buttons["timeline:previous"].get("disabled") is True
    second = await running.server.click(first, "timeline:next")
    assert "Tue 11 Mar 2025" in second.text() and "Sat 1 Mar 2025" not in second.text()
    third = await running.server.click(second, "timeline:next")
    assert "Mon 24 Mar 2025" in third.text()
    assert {b["custom_id"]: b for b in third.buttons()}["timeline:next"].get("disabled") is True


async def test_timeline_refuses_a_bad_date_with_a_hint(running: Running) -> None:
    reply = await running.server.invoke("timeline", {"from": "when pigs fly over the summit"})
    assert reply.ephemeral
    assert "YYYY-MM-DD" in reply.content
    relative = await running.server.invoke("timeline", {"from": "next tuesday"})
    assert not relative.ephemeral


async def test_event_card_shows_sources_history_and_escapes_article_text(running: Running) -> None:
    running.add_news(
        "first report",
        [event("summit", "2025-02-07", ["JP", "US"])],
        date(2025, 2, 6),
        title="Ishiba heads to Washington",
    )
    result = running.add_news(
        "postponed report",
        [
            event(
                "summit", "2025-03", ["JP", "US"], status="postponed", evidence="@everyone **now**"
            )
        ],
        date(2025, 2, 8),
        title="Summit moved",
    )
    event_id = result.events[0].event_id
    reply = await running.server.invoke("event", {"id": event_id})
    text = reply.text()
    assert "postponed" in text and "March 2025" in text
    assert "Ishiba heads to Washington" in text and "Summit moved" in text
    assert "Fri 7 Feb 2025 → March 2025" in text
    assert "@everyone" not in text and "\\*\\*now\\*\\*" in text
    assert reply.allowed_mentions == {"parse": []}


async def test_an_unexpected_error_is_logged_with_context_and_answered_politely(
    running: Running, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(running.app.reader, "page", broken)
    reply = await running.server.invoke("timeline", {"country": "JP"})
    assert reply.ephemeral
    assert "Something went wrong on our side" in reply.content
    assert "database on fire" not in reply.content
    [record] = [r for r in caplog.records if r.name == "diplobot.chat" and r.levelname == "ERROR"]
    assert "command=/timeline" in record.getMessage() and "JP" in record.getMessage()
    assert "database on fire" in caplog.text  # the traceback is in the log


async def test_timeline_as_a_picture_follows_the_filters(running: Running) -> None:
    """view:picture draws the 14 days from the filter's first day: the filtered events only,
    a PNG posted for the channel with its alt text."""
    running.add_news("jp", [event("summit", "2025-02-10", ["JP", "US"])], date(2025, 2, 1))
    running.add_news(
        "jp-moved",
        [event("visit", "2025-02-12", ["JP", "IN"], status="postponed")],
        date(2025, 2, 1),
    )
    running.add_news("fr", [event("meeting", "2025-02-11", ["FR", "DE"])], date(2025, 2, 1))
    running.add_news("jp-late", [event("meeting", "2025-03-20", ["JP", "KR"])], date(2025, 2, 1))
    reply = await running.server.invoke(
        "timeline", {"country": "Japan", "from": "2025-02-09", "view": "picture"}
    )
    assert not reply.ephemeral
    assert "2 events in the 14 days from Sun 9 Feb 2025 (Japan)." in reply.text()
    [(name, data)] = reply.files
    assert name.endswith(".png") and data.startswith(b"\x89PNG\r\n\x1a\n")
    [attachment] = reply.data["attachments"]
    alt = attachment["description"]
    assert alt.startswith("14-day timeline from Sun 9 Feb 2025 to Sat 22 Feb 2025: 2 events")
    assert "Japan–United States summit on 10 Feb" in alt and "1 postponed" in alt
    assert "France" not in alt and "Korea" not in alt
    listed = await running.server.invoke("timeline", {"country": "Japan", "from": "2025-02-09"})
    assert listed.files == [] and "Japan–United States summit" in listed.text()


async def test_timeline_picture_refuses_bad_filters_like_the_list(running: Running) -> None:
    reply = await running.server.invoke("timeline", {"from": "when pigs fly", "view": "picture"})
    assert reply.ephemeral and "YYYY-MM-DD" in reply.content
