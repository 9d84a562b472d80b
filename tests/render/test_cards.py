"""Pure rendering: dates at their precision, escaping, limits, cards."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.render import (
    DESCRIPTION_LIMIT,
    ChangeView,
    EventView,
    SourceView,
    change_alert_card,
    digest_card,
    escape,
    event_card,
    format_date,
    ingest_card,
    link,
    plain_text,
    timeline_card,
)


@pytest.mark.parametrize(
    ("value", "end", "shown"),
    [
        ("2025-02-07", None, "Fri 7 Feb 2025"),
        ("2025-02-07", "2025-02-09", "7–9 Feb 2025"),
        ("2025-02-27", "2025-03-02", "27 Feb – 2 Mar 2025"),
        ("2024-12-30", "2025-01-02", "30 Dec 2024 – 2 Jan 2025"),
        ("2025-W07", None, "week of 10 Feb 2025"),
        ("2025-03", None, "March 2025"),
        ("2025-02-07T10:00", None, "Fri 7 Feb 2025, 10:00 local time"),
    ],
)
def test_dates_show_at_the_precision_the_news_gave(value: str, end: str | None, shown: str) -> None:
    text = format_date(value, end)
    assert text == shown
    assert "00:00" not in text and "<t:" not in text


def test_a_time_with_a_zone_is_a_discord_timestamp_each_member_sees_locally() -> None:
    unix = int(datetime(2025, 2, 7, 15, 0, tzinfo=UTC).timestamp())
    assert format_date("2025-02-07T10:00-05:00") == f"<t:{unix}:F> (<t:{unix}:R>)"
    assert format_date("2025-02-07T10:00-05:00", timestamps=False) == "Fri 7 Feb 2025, 15:00 UTC"


@pytest.mark.parametrize(
    "hostile",
    ["@everyone look", "@here", "<@123456789012345678>", "<@&123456789012345678>"],
)
def test_escaped_text_cannot_ping(hostile: str) -> None:
    out = escape(hostile)
    assert "@everyone" not in out and "@here" not in out
    assert "<@1" not in out and "<@&1" not in out


def test_escaped_text_cannot_format() -> None:
    out = escape("**bold** __u__ `code` ||spoiler|| [x](https://evil) \n# Heading\n> quote")
    for raw in ("**bold**", "__u__", "`code`", "||spoiler||", " [x](https", "\n# ", "\n> "):
        assert raw not in out
    assert "\\[x](" in out  # the masked link is broken


def test_links_only_for_plain_http_urls() -> None:
    assert link("Story", "https://example.org/a") == "[Story](<https://example.org/a>)"
    assert link("Story", "javascript:alert(1)") == "Story"
    assert link("Story", "https://example.org/a) [click](https://evil") == "Story"


def _event(**over: object) -> EventView:
    base = dict(
        id=7,
        type="summit",
        date="2025-02-07",
        participants=("JP", "US"),
        location="Washington",
        title="Japan–United States summit",
    )
    base.update(over)
    return EventView(**base)  # type: ignore[arg-type]


def test_event_card_lists_sources_as_links_and_history() -> None:
    view = _event(
        status="postponed",
        date="2025-03",
        sources=(
            SourceView("First @everyone", "https://example.org/1", evidence="will meet **soon**"),
            SourceView("Second", None, evidence="postponed"),
        ),
        history=(
            ChangeView(datetime(2025, 2, 8, tzinfo=UTC), "date", "2025-02-07", "2025-03", "Second"),
        ),
    )
    card = event_card(view)
    fields = dict(card.fields)
    assert fields["When"] == "March 2025"
    assert fields["Status"] == "postponed"
    assert "[First @\u200beveryone](<https://example.org/1>)" in fields["Sources (2)"]
    assert "08 Feb 2025: date Fri 7 Feb 2025 → March 2025 (Second)" in fields["History"]
    assert card.description == "> postponed"  # the latest report's words


def test_timeline_card_stays_within_discords_limit() -> None:
    views = [_event(id=i, location="x" * 70) for i in range(200)]
    card = timeline_card(views)
    assert len(card.description) <= DESCRIPTION_LIMIT
    assert card.description.count("\n") < 199


def test_empty_timeline_says_how_to_widen() -> None:
    assert "Try fewer filters" in timeline_card([]).description


def test_change_alert_names_what_moved() -> None:
    change = ChangeView(None, "status", "scheduled", "cancelled")
    card = change_alert_card(_event(status="cancelled"), [change])
    assert card.title.startswith("Cancelled: ")
    assert "status scheduled → cancelled" in card.description


def test_digest_without_events_says_so() -> None:
    from datetime import date

    card = digest_card(date(2025, 2, 7), "Europe/Paris", [], [])
    assert "Nothing on the timeline" in card.description
    assert "Europe/Paris" in card.footer


def test_ingest_card_for_a_known_article() -> None:
    assert ingest_card(status="known").title == "Already on the timeline"


def test_plain_text_for_the_terminal() -> None:
    assert (
        plain_text("`#1` · **Fri** · [A](<https://a.b>) \\*x\\*")
        == "#1 · Fri · A <https://a.b> *x*"
    )
