"""Date classes found by auditing the extractor on unannotated Reuters stories.

Each class is tried on invented news sentences, with a look-alike that must keep the
other direction. DCT is Wednesday 2025-06-11: "Friday" is the 13th ahead, the 6th behind.
"""

from __future__ import annotations

import pytest

from tests.support.wording import events_of, keys

# --- a manner adverb between the auxiliary and its participle ------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The new trade pact between Chile and Peru will be formally signed on Friday.",
            ("agreement", "2025-06-13"),
        ),
        (
            "The accord between Kenya and Uganda is expected to be officially ratified on Friday.",
            ("agreement", "2025-06-13"),
        ),
        # look-alike: a past auxiliary keeps the adverbed participle in the past
        (
            "The new trade pact between Chile and Peru was formally signed on Friday.",
            ("agreement", "2025-06-06"),
        ),
    ],
)
def test_adverb_between_auxiliary_and_participle(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


# --- "is expected" / "are due" with a place: a present plan points ahead --------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Brazil's foreign minister is expected in Buenos Aires on Friday for talks with "
            "his Argentine counterpart, the ministry said.",
            ("meeting", "2025-06-13"),
        ),
        (
            "Trade ministers of Japan and Vietnam are scheduled here on Friday for talks, "
            "officials said.",
            ("meeting", "2025-06-13"),
        ),
        # look-alike: the past auxiliary keeps the plan behind the DCT
        (
            "Brazil's foreign minister was expected in Buenos Aires on Friday for talks with "
            "his Argentine counterpart, the ministry said.",
            ("meeting", "2025-06-06"),
        ),
    ],
)
def test_present_plan_with_a_place_points_ahead(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


# --- an accord named by its month has been reached -----------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "OPEC oil ministers will meet in Vienna next week to review their November "
            "production accord.",
            ("agreement", "2024-11"),
        ),
        (
            "Canada and Mexico are expected to reaffirm the September Ottawa agreement on "
            "steel quotas.",
            ("agreement", "2024-09"),
        ),
        # look-alike: a meeting named by its month may well lie ahead
        (
            "Japan and Italy will prepare the agenda of the September summit of G7 leaders "
            "in Rome.",
            ("summit", "2025-09"),
        ),
    ],
)
def test_accord_named_by_its_month_lies_behind(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


# --- consecutive days joined by "and" are one span, days apart are two events ----------------


def _spans(text: str) -> set[tuple[str, str, str | None]]:
    return {(e["type"], e["date"], e["end_date"]) for e in events_of(text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Kenyan and Ugandan officials are meeting today and tomorrow in Nairobi on trade.",
            {("meeting", "2025-06-11", "2025-06-12")},
        ),
        (
            "EC transport ministers are scheduled to meet in Brussels Monday and Tuesday.",
            {("meeting", "2025-06-16", "2025-06-17")},
        ),
        (
            "Chile's foreign minister will visit Peru on Thursday and Friday.",
            {("visit", "2025-06-12", "2025-06-13")},
        ),
        # look-alike: two days apart are two occurrences, not a span
        (
            "Kenyan and Ugandan officials will meet in Nairobi on June 16 and June 18.",
            {("meeting", "2025-06-16", None), ("meeting", "2025-06-18", None)},
        ),
    ],
)
def test_consecutive_days_make_one_span(text: str, want: set) -> None:
    assert want <= _spans(text)
    assert len(_spans(text)) == len(want)


# --- a day said to end an event of a stated length is its last day ----------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Trade ministers of Chile and Peru today wound up a three-day meeting in Lima.",
            ("meeting", "2025-06-09", "2025-06-11"),
        ),
        (
            "Japan failed to win U.S. concessions during two days of emergency talks which "
            "ended in Washington yesterday.",
            ("meeting", "2025-06-09", "2025-06-10"),
        ),
        (
            "The British trade minister left Tokyo yesterday at the end of a four-day visit "
            "to Japan.",
            ("visit", "2025-06-07", "2025-06-10"),
        ),
        (
            "The Kenyan trade minister told reporters after four days of talks with Ugandan "
            "officials that progress had been made.",
            ("meeting", "2025-06-08", "2025-06-11"),
        ),
        # look-alike: a length with a start day begins on that day
        (
            "Trade ministers of Chile and Peru will open a three-day meeting in Lima on Monday.",
            ("meeting", "2025-06-16", "2025-06-18"),
        ),
    ],
)
def test_ended_event_of_a_length_ends_on_the_day(text: str, want: tuple) -> None:
    assert want in _spans(text)


# --- an accord aimed at "by" a date is a target, not an accord event ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru are aiming for a free trade pact by next October.",
        "Britain wants agreement by December on a plan to curb EC farm spending.",
        "Delegates from Kenya and Uganda hope an accord can be reached by the end of the month.",
    ],
)
def test_accord_by_a_date_is_a_target(text: str) -> None:
    story = "Grain prices rose on world markets this week. " + text  # not the lead
    assert not {k for k in keys(story) if k[0] == "agreement"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # look-alikes: a date of the signing itself, and a tariff deadline (SPEC counts those)
        ("Chile and Peru signed a free trade pact on Friday.", ("agreement", "2025-06-06")),
        (
            "Japan must lift its import quota on beef by the end of July, U.S. officials said.",
            ("tariff", "2025-07"),
        ),
    ],
)
def test_accord_by_a_date_look_alikes(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)
