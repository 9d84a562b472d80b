"""Timeline filters as a user types them, on both backends."""

from __future__ import annotations

from datetime import date

import pytest

from bot.clock import FakeClock
from bot.services.filters import build_filter
from bot.services.timeline_reader import TimelineReader
from bot.timeline import TimelineService
from storage.db import Database
from tests.support.timeline import ScriptedExtractor, article, summit


@pytest.fixture
def queries(db: Database, clock: FakeClock) -> TimelineReader:
    script = ScriptedExtractor()
    script.say("a", summit("2025-02-07", "JP", "US"), summit("2025-02", "FR", "DE", type="meeting"))
    script.say("b", summit("2025-03-01", "JP", "CN", status="cancelled"))
    script.say("c", summit("2025-01-30", "RU", "US", type="visit", end_date="2025-02-02"))
    script.say("d", summit("2025-W10", "NATO", "US", type="meeting"))
    service = TimelineService(db, clock=clock, extractor=script)
    for name in "abcd":
        assert service.ingest(article(name, "2025-01-20", source=name)).status == "new"
    return TimelineReader(db)


def titles(queries: TimelineReader, **filters) -> list[str]:
    return [f"{e.title} {e.date}" for e in queries.events(build_filter(**filters))]


def test_everything_in_date_order(queries: TimelineReader) -> None:
    assert titles(queries) == [
        "Russia–United States visit 2025-01-30",
        "France–Germany meeting 2025-02",
        "Japan–United States summit 2025-02-07",
        "China–Japan summit 2025-03-01",
        "NATO–United States meeting 2025-W10",
    ]


def test_a_range_catches_events_whose_span_overlaps_it(queries: TimelineReader) -> None:
    assert titles(queries, start="2025-02-01", end="2025-02-05") == [
        "Russia–United States visit 2025-01-30",
        "France–Germany meeting 2025-02",
    ]


def test_one_country_in_one_month(queries: TimelineReader) -> None:
    assert titles(queries, countries=["Japan"], start="2025-02", end="2025-02") == [
        "Japan–United States summit 2025-02-07"
    ]
    assert titles(queries, countries=["us,ru"], start="2025-02", end="2025-02") == [
        "Russia–United States visit 2025-01-30",
        "Japan–United States summit 2025-02-07",
    ]


def test_type_and_status_filters(queries: TimelineReader) -> None:
    assert titles(queries, types=["meeting"]) == [
        "France–Germany meeting 2025-02",
        "NATO–United States meeting 2025-W10",
    ]
    assert titles(queries, statuses=["cancelled"]) == ["China–Japan summit 2025-03-01"]
    assert titles(queries, countries=["NATO"], types=["meeting"], start="2025-03") == [
        "NATO–United States meeting 2025-W10"
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"countries": ["Narnia"]}, "unknown country 'Narnia'"),
        ({"types": ["party"]}, "unknown event type 'party'"),
        ({"statuses": ["maybe"]}, "unknown status 'maybe'"),
        ({"start": "next week"}, "'next week' is not a date"),
        ({"start": "2025-03", "end": "2025-02"}, "ends (2025-02-28) before it starts"),
    ],
)
def test_bad_filters_say_what_to_fix(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_filter(**kwargs)


def test_month_and_year_bounds_cover_whole_periods() -> None:
    f = build_filter(start="2024", end="2024-02")
    assert (f.start, f.end) == (date(2024, 1, 1), date(2024, 2, 29))


def test_event_detail_has_sources_and_history(queries: TimelineReader) -> None:
    (event,) = queries.events(build_filter(countries=["CN"]))
    detail = queries.detail(event.id)
    assert detail is not None
    assert [(link.status, art.ref) for link, art in detail.sources] == [("cancelled", "b")]
    assert [h.field for h in detail.history] == ["created"]
    assert queries.detail(10_000) is None


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("jp", "JP"),
        ("Japan", "JP"),
        ("Russia", "RU"),
        ("UK", "GB"),
        ("nato", "NATO"),
        ("Soviet Union", "SU"),
        ("EEC", "EU"),
    ],
)
def test_countries_can_be_typed_as_codes_names_or_bodies(typed: str, code: str) -> None:
    assert build_filter(countries=[typed]).countries == (code,)


def test_typed_bounds_accept_phrases_relative_to_today() -> None:
    from datetime import date

    from bot.services.filters import build_filter

    today = date(2025, 2, 6)  # a Thursday
    filters = build_filter(start="next friday", end="in 2 weeks", today=today)
    assert filters.start == date(2025, 2, 7)
    assert filters.end == date(2025, 2, 20)
    assert build_filter(start="2025-03", today=today).start == date(2025, 3, 1)
    with pytest.raises(ValueError, match="not a date"):
        build_filter(start="the day after the summit when pigs fly", today=today)
    with pytest.raises(ValueError, match="not a date"):
        build_filter(start="next friday")  # no 'today': only ISO forms
    with pytest.raises(ValueError, match="not a date"):
        build_filter(start="2025-13-01", today=today)
