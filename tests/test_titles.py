"""Titles read at a glance, and the same title wherever an event is shown."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from bot.cli.formats import event_json, format_table
from bot.render import card_text, event_card
from bot.render.ics import to_ics
from bot.titles import event_title
from storage.db import Database
from storage.repos.events import TimelineFilter
from tests.support.world import CHANNEL, event, make_world

G7 = ["CA", "DE", "FR", "GB", "IT", "JP", "US", "G7"]


@pytest.mark.parametrize(
    ("kind", "codes", "place", "title"),
    [
        ("summit", G7, "Kananaskis", "G7 summit, Kananaskis"),
        ("summit", ["G7", "UA", *G7[:7]], "Kananaskis", "G7–Ukraine summit, Kananaskis"),
        ("visit", ["JP", "US"], "Washington", "Japan → United States visit, Washington"),
        ("visit", ["JP", "US"], "United States", "Japan → United States visit"),
        ("visit", ["FR", "DE", "IN"], "New Delhi", "France–Germany → India visit, New Delhi"),
        ("visit", ["JP", "US"], None, "Japan–United States visit"),  # no place: no direction
        ("summit", ["JP", "US"], "Washington", "Japan–United States summit, Washington"),
        # A lone member beside its body is a counterpart, unless it is only the venue's country.
        ("meeting", ["EU", "HU"], None, "EU–Hungary meeting"),
        ("meeting", ["BE", "EU", "JP"], "Brussels", "EU–Japan meeting, Brussels"),
        ("meeting", ["NATO", "US"], None, "NATO–United States meeting"),
        ("election", ["US"], "United States", "United States election"),
        ("summit", [], None, "Summit"),
    ],
)
def test_a_title_names_who_and_where(
    kind: str, codes: list[str], place: str | None, title: str
) -> None:
    assert event_title(kind, codes, place) == title


def test_the_same_title_in_discord_the_command_line_calendars_and_digests(
    sqlite_db: Database,
) -> None:
    world = make_world(sqlite_db, datetime(2025, 6, 13, 6, 0, tzinfo=UTC))
    world.subscribe(CHANNEL)
    world.news("g7", "2025-06-12", event("2025-06-15", *G7, location="Kananaskis"))
    title = "G7 summit, Kananaskis"
    (row,) = world.app.reader.events(TimelineFilter())
    detail = world.app.reader.detail(row.id)
    assert detail is not None
    assert card_text(event_card(detail.view(), timestamps=False), plain=True).startswith(
        f"#{row.id} · {title}"
    )
    assert format_table([row]).splitlines()[1].endswith(title)
    assert event_json(row)["title"] == title
    (vevent,) = Calendar.from_ical(to_ics([row])).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == title
    world.clock.set(datetime(2025, 6, 14, 8, 0, tzinfo=UTC))
    assert world.digests.run() == 1
    digest = world.digests.preview(1, CHANNEL).card
    assert title in dict(digest.fields)["Coming up"]
