"""/export through the loopback Discord server: a calendar file a calendar app can import."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

from tests.support.bot import Running, event

pytestmark = pytest.mark.e2e


async def test_export_attaches_an_ics_with_all_day_dates(running: Running) -> None:
    running.add_news("a", [event("summit", "2025-02-07", ["JP", "US"])], date(2025, 2, 6))
    running.add_news("b", [event("meeting", "2025-02-20", ["EU", "FR"])], date(2025, 2, 6))
    reply = await running.server.invoke("export", {"country": "JP"})
    assert reply.ephemeral
    assert "1 events" in reply.text() or "1 event" in reply.text()
    [(name, data)] = reply.files
    assert name.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(data)
    [vevent] = [c for c in calendar.walk("VEVENT")]
    assert vevent.decoded("DTSTART") == date(2025, 2, 7)  # all-day, no invented time
    assert "Japan" in str(vevent.get("SUMMARY"))


async def test_export_with_nothing_to_export_says_so(running: Running) -> None:
    reply = await running.server.invoke("export", {"country": "FR"})
    assert reply.ephemeral and "nothing to export" in reply.text()
    assert reply.files == []
