"""The picture of the coming 14 days: its layout (rows, marks, words) and its PNG."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from bot.render import EventView
from bot.render.draw import WIDTH_PX, draw_png, render_png
from bot.render.picture import MAX_COUNTRY_ROWS, MAX_EVENT_ROWS, Picture, plan_picture

FIRST = date(2026, 11, 28)  # a Saturday


def ev(
    id: int,
    when: str,
    parties: tuple[str, ...] = ("JP", "US"),
    *,
    type: str = "summit",
    status: str = "scheduled",
    end: str | None = None,
) -> EventView:
    return EventView(id=id, type=type, date=when, end_date=end, participants=parties, status=status)


def test_day_events_are_markers_and_week_and_month_events_bars_cut_to_the_window() -> None:
    picture = plan_picture(
        [
            ev(1, "2026-11-30"),
            ev(2, "2026-W50", ("FR", "DE"), type="meeting"),  # Mon 7 – Sun 13 Dec
            ev(3, "2026-11", ("CN",), type="visit"),  # the whole month: started before
            ev(4, "2026-12-02", ("IN",), type="visit", end="2026-12-04"),
            ev(5, "2026-12-20", ("BR",)),  # after the window
        ],
        FIRST,
        today=FIRST,
    )
    marks = {row.label: mark for row, mark in zip(picture.rows, picture.marks, strict=True)}
    assert picture.events == 4 and not picture.by_country
    assert "Brazil summit" not in marks
    summit = marks["Japan–United States summit"]
    assert (summit.shape, summit.start, summit.end, summit.is_bar) == ("day", 2, 2, False)
    week = marks["France–Germany meeting"]
    assert (week.shape, week.start, week.end, week.cut_after) == ("week", 9, 13, True)
    month = marks["China visit"]
    assert (month.shape, month.start, month.end, month.cut_before) == ("month", 0, 2, True)
    days = marks["India visit"]
    assert (days.shape, days.start, days.end, days.cut_before) == ("days", 4, 6, False)
    assert picture.today == 0
    assert picture.legend == ("scheduled", "days", "week", "month")


def test_postponed_and_cancelled_are_marked_in_the_labels_legend_and_alt_text() -> None:
    picture = plan_picture(
        [
            ev(1, "2026-12-01", status="postponed"),
            ev(2, "2026-12-03", ("FR", "IT"), status="cancelled", type="meeting"),
            ev(3, "2026-12-05", ("DE",), type="election"),
        ],
        FIRST,
        today=date(2026, 11, 30),
    )
    labels = [row.label for row in picture.rows]
    assert labels == [
        "Japan–United States… (postponed)",
        "France–Italy meeting (cancelled)",
        "Germany election",
    ]
    assert [m.status for m in picture.marks] == ["postponed", "cancelled", "scheduled"]
    assert picture.legend == ("scheduled", "postponed", "cancelled")
    assert picture.today == 2
    assert picture.alt.startswith(
        "14-day timeline from Sat 28 Nov 2026 to Fri 11 Dec 2026: 3 events "
        "(1 election, 1 meeting, 1 summit). 1 postponed, 1 cancelled."
    )
    assert "Postponed: Japan–United States summit" in picture.alt
    # a cancelled event is not "first" of what is coming
    assert "First: Japan–United States summit on 1 Dec; Germany election on 5 Dec" in picture.alt


def test_more_than_25_events_get_one_row_per_country_with_counts() -> None:
    many = [ev(i, f"2026-12-{1 + i % 10:02d}", ("JP", "US")) for i in range(1, 21)]
    many += [ev(100 + i, "2026-12-01", ("FR",), type="visit") for i in range(6)]
    picture = plan_picture(many, FIRST)
    assert len(many) > MAX_EVENT_ROWS and picture.by_country
    assert [row.label for row in picture.rows] == ["Japan", "United States", "France"]
    france = [m for m in picture.marks if m.row == 2]
    assert [(m.start, m.count) for m in france] == [(3, 6)]
    japan_first = [m for m in picture.marks if m.row == 0 and m.start == 3]
    assert japan_first[0].count == 2  # 1 Dec: events 10 and 20
    assert sum(m.count for m in picture.marks if m.row == 0) == 20
    assert "One row per country; busiest: Japan, United States, France" in picture.alt
    assert picture.today is None  # no today given: no line


def test_countries_beyond_the_limit_share_one_row() -> None:
    codes = "AR AU BR CA CN DE EG ES FR GB ID IN IT JP KR MX NG NL PL RU SA SE TR UA ZA".split()
    events = [ev(i, "2026-12-01", (code,)) for i, code in enumerate(codes * 2, start=1)]
    picture = plan_picture(events, FIRST)
    assert len(picture.rows) == MAX_COUNTRY_ROWS
    assert picture.rows[-1].label == f"{len(codes) - MAX_COUNTRY_ROWS + 1} other countries"
    assert sum(m.count for m in picture.marks) == len(events)


def test_empty_window_says_so() -> None:
    picture = plan_picture([ev(1, "2027-01-05")], FIRST, today=FIRST)
    assert picture.rows == () and picture.marks == ()
    assert picture.alt == "14-day timeline from Sat 28 Nov 2026 to Fri 11 Dec 2026: no events."
    png = render_png(picture)
    assert Image.open(io.BytesIO(png)).format == "PNG"


def test_the_layout_survives_the_outbox_and_refuses_garbage() -> None:
    picture = plan_picture(
        [ev(1, "2026-12-01", status="postponed"), ev(2, "2026-W49", ("FR",))], FIRST, today=FIRST
    )
    assert Picture.from_payload(picture.payload()) == picture
    for bad in ({}, {"v": 1}, [], {**picture.payload(), "marks": [[9, 0, 0, "day", "x", 1, 0, 0]]}):
        with pytest.raises(ValueError, match="not a picture layout"):
            Picture.from_payload(bad)


def test_png_is_wide_enough_for_discords_preview_and_dark() -> None:
    events = [ev(i, f"2026-12-{1 + i % 9:02d}", ("JP", "KR")) for i in range(1, 16)]
    picture = plan_picture(events, FIRST, today=FIRST)
    png = draw_png(picture)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size[0] == WIDTH_PX and image.size[1] > 15 * 30  # a row per event
    corner = image.getpixel((2, 2))
    assert max(corner) < 60  # dark background
    assert draw_png(picture) is png  # the same layout is drawn once


def test_labels_fit_in_the_picture() -> None:
    """The longest labels are measured: the label column grows instead of cutting them."""
    events = [
        ev(i, "2026-12-01", ("WW", "MM", "QQ"), type="summit", status="postponed")
        for i in range(1, 4)
    ]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from bot.render.draw import MAX_LABEL_FRACTION, _label_width

    picture = plan_picture(events, FIRST)
    canvas = FigureCanvasAgg(Figure(figsize=(9, 4), dpi=100))
    assert _label_width(canvas, picture) < MAX_LABEL_FRACTION


def test_dollar_signs_in_titles_are_text_not_math() -> None:
    """A place named with dollar signs would be typeset as math, or stop the drawing."""
    hostile = EventView(
        id=1, type="summit", date="2026-12-01", participants=("JP",), location=r"$\frac{$ $x^2$"
    )
    picture = plan_picture([hostile], FIRST, title=r"Timeline · $\frac{$")
    assert picture.rows[0].label.startswith("Japan summit, $")
    png = render_png(picture)
    assert Image.open(io.BytesIO(png)).format == "PNG"
