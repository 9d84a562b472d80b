"""Temporal expressions: what a reader of a dated news story expects each phrase to mean."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.extract.timex import find_timexes
from tests.support.work import count_calls

THU = dt.date(2025, 2, 6)  # a Thursday
MON = dt.date(1987, 3, 16)  # a Monday
REUTERS = dt.date(1987, 3, 24)  # a Tuesday


def values(text: str, dct: dt.date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, dct)]


def value_of(text: str, dct: dt.date | None) -> str:
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0].value


# -- direction from the clause's tense -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trump will meet Ishiba in Washington on Friday.", "2025-02-07"),
        ("The two leaders are due to sign the pact on Friday.", "2025-02-07"),
        ("The vote is expected to take place on Monday.", "2025-02-10"),
        ("The envoys met on Friday.", "2025-01-31"),
        ("Ishiba returned from Washington on Monday.", "2025-02-03"),
        ("The ministers said on Tuesday that talks had stalled.", "2025-02-04"),
    ],
)
def test_weekday_direction_follows_tense(sentence: str, expected: str) -> None:
    assert value_of(sentence, THU) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ishiba heads to the United States on Thursday.",
        "The minister said Thursday the talks would go on.",
    ],
)
def test_weekday_of_the_dct_is_the_dct(sentence: str) -> None:
    assert value_of(sentence, THU) == "2025-02-06"


@pytest.mark.parametrize(
    "text",
    [
        "Trump is due to arrive in Tokyo on Monday. He will hold a summit with the prime "
        "minister on Tuesday and will leave for Seoul on Thursday.",
        "The envoys will meet in Geneva on Saturday and Sunday, and are to report back to "
        "their capitals on Thursday.",
    ],
)
def test_the_dcts_weekday_after_a_plan_told_past_it_is_next_weeks(text: str) -> None:
    assert values(text, THU)[-1][1] == "2025-02-13"


def test_the_dcts_weekday_after_a_past_day_is_still_the_dct() -> None:
    text = "The envoys met in Geneva on Monday and will report back to their capitals on Thursday."
    assert values(text, THU)[-1][1] == "2025-02-06"


@pytest.mark.parametrize(
    "text",
    [
        "The king could ask the prime minister or another party leader to put together a new "
        "cabinet or to form a caretaker government with elections at the end of November or in "
        "early December.",
        "The mediators could urge both governments to set aside their quarrel over farm "
        "spending and steel quotas at fresh talks in early December.",
    ],
)
def test_an_infinitive_far_before_a_month_is_no_past_tense(text: str) -> None:
    assert values(text, dt.date(1987, 10, 19))[-1][1] == "1987-12"


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders last met in January, when the president visited Accra.",
        "The summit was last held in January in Addis Ababa.",
    ],
)
def test_a_month_told_as_the_latest_time_is_behind_the_dct(text: str) -> None:
    assert values(text, dt.date(2025, 12, 3))[0][1] == "2025-01"


def test_a_plan_beside_the_latest_time_still_lies_ahead() -> None:
    text = "They will meet again in January, having last met in June."
    assert values(text, dt.date(2025, 12, 3)) == [("January", "2026-01"), ("June", "2025-06")]


@pytest.mark.parametrize(
    "text",
    [
        "In February, Washington imposed sanctions on two ministers.",
        "In February, the bloc announced new duties on steel.",
    ],
)
def test_a_fronted_month_takes_its_main_verb_s_past(text: str) -> None:
    assert values(text, dt.date(2025, 12, 3))[0][1] == "2025-02"


def test_present_tense_travel_points_forward() -> None:
    wednesday = dt.date(2025, 2, 5)
    assert value_of("Ishiba heads to the United States on Thursday.", wednesday) == "2025-02-06"
    assert value_of("The leaders meet in Washington on Friday.", wednesday) == "2025-02-07"


def test_weekday_undecided_defaults_to_the_past() -> None:
    assert value_of("Markets in Tokyo, Saturday, quiet.", MON) == "1987-03-14"


def test_saturday_with_past_verb_before_a_monday_dct() -> None:
    assert value_of("The rebels attacked the town on Saturday.", MON) == "1987-03-14"


def test_this_weekday_is_in_the_dcts_week() -> None:
    assert value_of("Traders await this Thursday's trade figures.", REUTERS) == "1987-03-26"


def test_since_is_always_past_and_promises_point_forward() -> None:
    text = (
        "Zambia will keep its auction system despite the suspension of auctions since January 24."
    )
    assert value_of(text, dt.date(1987, 3, 1)) == "1987-01-24"
    text = "The U.S. responded to the offer by promising further talks in May."
    assert value_of(text, MON) == "1987-05"


def test_last_and_next_weekday() -> None:
    assert value_of("They spoke last Friday.", THU) == "2025-01-31"
    assert value_of("They speak again next Tuesday.", THU) == "2025-02-11"


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        ("As president-elect in December, Trump threatened tariffs.", THU, "2024-12"),
        ("Shortly after Trump's January inauguration, he signed orders.", THU, "2025-01"),
        ("Japan will host talks in late April.", REUTERS, "1987-04"),
        ("Exports fell in February, officials said.", REUTERS, "1987-02"),
        ("Output rose in November.", REUTERS, "1986-11"),
        ("The cartel will review prices in November.", REUTERS, "1987-11"),
    ],
)
def test_month_without_year_takes_the_tense(sentence: str, dct: dt.date, expected: str) -> None:
    assert value_of(sentence, dct) == expected


def test_day_without_year_moves_forward_for_a_future_clause() -> None:
    sentence = "Japan will take reprisals if Tokyo proceeds with the ban from January 1."
    assert value_of(sentence, dt.date(1987, 10, 19)) == "1988-01-01"


def test_weekday_with_date_picks_the_year_where_it_fits() -> None:
    assert value_of("The vote is set for Saturday, April 25.", dt.date(1998, 4, 24)) == (
        "1998-04-25"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The company said it is calling for the redemption on Dec. 7.", "1989-12-07"),
        ("The offer was extended to Nov. 16 by the bidder.", "1989-11-16"),
        ("Mr. Schwarz will succeed Daniel P. Davison Feb. 1, the bank said.", "1990-02-01"),
        ("The bid had been due to expire Friday.", "1989-10-27"),
        ("Shares rose 5% since Oct. 13, when prices fell.", "1989-10-13"),
    ],
)
def test_reported_and_embedded_clauses(sentence: str, expected: str) -> None:
    assert value_of(sentence, dt.date(1989, 10, 30)) == expected


# -- relative words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("today", "1987-03-24"),
        ("yesterday", "1987-03-23"),
        ("tomorrow", "1987-03-25"),
        ("last month", "1987-02"),
        ("next month", "1987-04"),
        ("earlier this month", "1987-03"),
        ("later this month", "1987-03"),
        ("this year", "1987"),
        ("last year", "1986"),
        ("early next year", "1988"),
        ("July 1988", "1988-07"),
        ("July this year", "1987-07"),
        ("March 5 next year", "1988-03-05"),
        ("May 3 last year", "1986-05-03"),
        ("mid-April", "1987-04"),
        ("two weeks ago", "1987-03-10"),
        ("three years ago", "1984"),
        ("five years from\nnow", "1992"),
        ("in three days", "1987-03-27"),
        ("the 1990s", "199"),
        ("this summer", "1987-SU"),
    ],
)
def test_relative_phrases(phrase: str, expected: str) -> None:
    assert value_of(f"Officials see {phrase} as key.", REUTERS) == expected


def test_iso_weeks() -> None:
    assert value_of("Prices fell last week.", MON) == "1987-W11"
    assert value_of("The board meets next week.", MON) == "1987-W13"
    assert value_of("Talks go on this week.", MON) == "1987-W12"


def test_parts_of_day_are_times() -> None:
    found = find_timexes("He spoke this morning and will leave tonight.", dt.date(1998, 1, 8))
    assert [(t.value, t.type) for t in found] == [
        ("1998-01-08TMO", "TIME"),
        ("1998-01-08TNI", "TIME"),
    ]
    assert value_of("Fighting resumed Friday night.", MON) == "1987-03-13TNI"


def test_vague_references() -> None:
    text = "Prices are now high, currently rising; he recently left and will in the future."
    assert [v for _, v in values(text, REUTERS)] == [
        "PRESENT_REF",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
    ]


# -- absolute forms and spans ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sept. 30, 1998", "1998-09-30"),
        ("Nov. 6, 1998", "1998-11-06"),
        ("Aug. 7, 1998", "1998-08-07"),
        ("6 March 1998", "1998-03-06"),
        ("March 3rd, 1998", "1998-03-03"),
        ("1998-03-15", "1998-03-15"),
    ],
)
def test_abbreviated_and_full_dates_keep_the_day(text: str, value: str) -> None:
    found = find_timexes(f"It closed on {text} at a high.", None)
    assert [(t.text, t.value) for t in found] == [(text, value)]


def test_abbreviated_month_without_year_keeps_its_day() -> None:
    assert values("The offer expires Nov. 6.", dt.date(1998, 10, 20)) == [("Nov. 6", "1998-11-06")]


@pytest.mark.parametrize(
    ("text", "span", "first", "last"),
    [
        ("talks on Feb 7-9 in Geneva", "Feb 7-9", "2025-02-07", "2025-02-09"),
        ("from March 1 to 3", "March 1 to 3", "2025-03-01", "2025-03-03"),
        ("a summit on March 19-20", "March 19-20", "2025-03-19", "2025-03-20"),
    ],
)
def test_day_ranges_have_an_end_value(text: str, span: str, first: str, last: str) -> None:
    (timex,) = find_timexes(f"Leaders will gather {text}.", THU)
    assert (timex.text, timex.value, timex.end_value) == (span, first, last)


def test_quarters_halves_and_fiscal_years() -> None:
    dct = dt.date(1989, 10, 26)
    text = (
        "Third-quarter profit rose; in the third quarter sales grew. "
        "The fourth quarter looks weak. Fiscal 1989 ended, the first half of 1990 matters, "
        "and the third quarter of 1984 was worse."
    )
    assert [v for _, v in values(text, dct)] == [
        "1989-Q3",
        "1989-Q3",
        "1989-Q4",
        "1989",
        "1990-H1",
        "1984-Q3",
    ]


def test_a_year_earlier_follows_the_quarter_being_discussed() -> None:
    text = "Net income in the third quarter rose to $5 million from $4 million a year earlier."
    assert [v for _, v in values(text, dt.date(1989, 10, 26))] == ["1989-Q3", "1988-Q3"]


def test_nine_month_figures_compare_with_last_year_not_the_quarter() -> None:
    text = (
        "Third-quarter net rose to $5 million from $4 million a year earlier. "
        "For the nine months, net was $20 million, up from $15 million a year earlier."
    )
    assert [v for _, v in values(text, dt.date(1989, 10, 26))] == ["1989-Q3", "1988-Q3", "1988"]


def test_anaphoric_years_follow_the_story() -> None:
    text = "The plant opened in 1995. The following year it doubled output; that year was good."
    assert [v for _, v in values(text, dt.date(1998, 3, 1))] == ["1995", "1996", "1996"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the week or day the story has just named, relative ones too, anchors the next one
        (
            "Delegates met last weekend and again at a session the previous week.",
            ["1987-W12-WE", "1987-W11"],
        ),
        ("Exports fell last week from the week before.", ["1987-W12", "1987-W11"]),
        ("They will ask for talks next week and meet the week after.", ["1987-W14", "1987-W15"]),
        ("Sales rose in February, up from the month before.", ["1987-02", "1987-01"]),
        # a neighbour of nothing named is no date
        ("Rates rose from the week before.", []),
    ],
)
def test_previous_and_following_weeks_are_counted_from_the_last_one_named(
    text: str, expected: list[str]
) -> None:
    assert [v for _, v in values(text, REUTERS)] == expected


def test_the_week_before_an_event_is_not_counted_from_a_date() -> None:
    texts = [
        t
        for t, _ in values(
            "Sales rose last week. Turnout dropped the week before the vote.", REUTERS
        )
    ]
    assert "the week before" not in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plants will run overtime during the week of March 16.",
            ("the week of March 16", "1987-W12"),
        ),
        ("Output fell in the week of March 13.", ("the week of March 13", "1987-W11")),
        (
            "It was the highest since the week of December 31, 1986.",
            ("the week of December 31, 1986", "1987-W01"),
        ),
        # look-alike: "the week" of something that is no day stays the story's week
        ("The week of talks ended in Geneva.", ("The week", "1987-W12")),
    ],
)
def test_the_week_of_a_day_is_that_day_s_week(text: str, expected: tuple[str, str]) -> None:
    assert values(text, MON)[0] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The Fed will ease by Easter.", dt.date(1987, 2, 26), [("Easter", "1987-04-19")]),
        ("He hopes to be home before Easter.", dt.date(2000, 4, 17), [("Easter", "2000-04-23")]),
        ("Markets close on Good Friday.", dt.date(1987, 4, 9), [("Good Friday", "1987-04-17")]),
        ("Congress will finish by Labor Day.", dt.date(1987, 3, 18), [("Labor Day", "1987-09-07")]),
        (
            "Talks resume after Thanksgiving.",
            dt.date(1998, 11, 20),
            [("Thanksgiving", "1998-11-26")],
        ),
        # look-alikes: Easter as a season of trade, or after "since" meaning "because"
        ("Easter sales fell sharply.", dt.date(1987, 4, 9), []),
        ("Sales were helped by Easter shopping.", dt.date(1987, 4, 9), []),
        (
            "Sales may lag, since Easter falls late in April.",
            dt.date(1987, 3, 9),
            [("April", "1987-04")],
        ),
    ],
)
def test_movable_holidays_fall_on_their_day_of_the_year(
    text: str, dct: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert values(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The firm will be floated in the second half of July.",
            [("the second half of July", "1987-07")],
        ),
        (
            "Reserves rose in January and the first half of March 1987.",
            [("January", "1987-01"), ("the first half of March 1987", "1987-03")],
        ),
        # look-alike: a half of the year stays a half
        ("Sales rose in the first half of 1986.", [("the first half of 1986", "1986-H1")]),
    ],
)
def test_a_half_of_a_month_is_that_month(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, MON) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Miller said on NBC\'s "Today" program that talks would go on.', []),
        ('Baker said on ABC-TV\'s "This Week With David Brinkley" that the talks failed.', []),
        ('The poll, published in "Today," showed support falling.', []),
        # look-alikes: a quotation opening with a date keeps it
        ('"Today\'s cut was disappointing," said a dealer.', [("Today", "1987-03-16")]),
        ('"Today, we are ready," he said.', [("Today", "1987-03-16")]),
    ],
)
def test_a_quoted_programme_title_is_no_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, MON) == expected


def test_year_end() -> None:
    assert value_of("The deal should close by year-end.", dt.date(1989, 11, 2)) == "1989-12-31"
    assert value_of("Shares are up 5% since year-end.", dt.date(1989, 11, 2)) == "1988-12-31"


def test_quoted_and_capitalised_forms() -> None:
    assert values("He said 'Friday' twice. TODAY it rained.", THU) == [
        ("Friday", "2025-01-31"),
        ("TODAY", "2025-02-06"),
    ]


def test_analyst_shorthand_for_quarters_and_fiscal_years() -> None:
    text = "Sales in Q3 2024 beat forecasts, 4Q results are due, FY2025 guidance and H1 2023 too."
    assert [v for _, v in values(text, THU)] == ["2024-Q3", "2024-Q4", "2025", "2023-H1"]


def test_the_next_day_follows_the_story() -> None:
    text = "Talks opened on Feb. 3 and the next day the envoys left."
    assert [v for _, v in values(text, THU)] == ["2025-02-03", "2025-02-04"]
    assert values("He came back the next day.", THU) == []


def test_times_with_zones_are_local_timeml_values_with_the_offset_beside_them() -> None:
    """TimeML values (SPEC's ``--timex`` form, TimeBank's gold) are local clock times; the
    zone's offset is kept beside the value, for an event's time (SPEC's event ``date``)."""
    cases = [
        (
            "The offer expires at 5 p.m. EST Nov. 9.",
            dt.date(1989, 11, 2),
            "1989-11-09T17:00",
            "-05:00",
        ),
        ("Trading opens at 0900 GMT on Monday.", MON, "1987-03-16T09:00", "+00:00"),
        ("Talks start at 10 a.m. ET on Friday.", THU, "2025-02-07T10:00", "-05:00"),
        (
            "He lands at 9 p.m. (Washington time) tomorrow.",
            dt.date(2025, 7, 1),
            "2025-07-02T21:00",
            "-04:00",
        ),
        ("Talks start at 10 a.m. on Friday.", THU, "2025-02-07T10:00", ""),
    ]
    for text, dct, local, offset in cases:
        (found,) = find_timexes(text, dct)
        assert (found.value, found.offset, found.moment) == (local, offset, local + offset)
        assert found.to_json()["value"] == local


# -- things that are not dates ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ishiba may also propose a new deal, and he may go to Washington.",
        "May we ask whether protesters march on the capital?",
        "Thousands of protesters march through Tokyo.",
        "The company raised $14.9 billion and paid $2.50 a share, or 14 dlrs.",
        "Inflation rose 10% and output five pct.",
        "Ishiba, 68, met the 78-year-old Trump.",
        "About 54,000 US military personnel and 2,000 troops are based there.",
        "Call 555-1987 or +1 202 456 1414; order No. 1998 is pending.",
        "We sold Sun shares; the team won 3-1.",
        "The index closed at 1987.5 points, up 2000 points.",
        "Cocoa futures: Mar 2901  May 1482  Dec 1403 lots.",
        "Receipts at 124,000 head versus 127,000 week ago.",
        "The currency fell to about 15 to the dollar in 16 months.",
    ],
)
def test_look_alikes_are_not_dates(text: str) -> None:
    assert find_timexes(text, REUTERS) == []


def test_bare_numbers_are_years_only_in_context() -> None:
    text = "Sales in 1988 were the best since 1980; the 1987 budget cut 1,988 jobs."
    assert [t.text for t in find_timexes(text, REUTERS)] == ["1988", "1980", "1987"]


# -- without a DCT --------------------------------------------------------------------


def test_without_dct_only_absolute_dates_get_values() -> None:
    text = "On Friday, after talks in May 1998 and on Nov. 6, 1998, he left; last week was calm."
    assert values(text, None) == [("May 1998", "1998-05"), ("Nov. 6, 1998", "1998-11-06")]


# -- contract: offsets, order, bounded time ---------------------------------------------


def test_offsets_index_the_text_and_do_not_overlap() -> None:
    text = "On Friday, Feb. 7, the envoys met; yesterday and this morning they met again."
    found = find_timexes(text, THU)
    assert found
    previous_end = 0
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 100_000,
        "Friday\n" * 40_000,
        "He said the talks, which began in May, resume. " * 5_000,
    ],
)
def test_huge_inputs_stay_bounded(text: str) -> None:
    found, calls = count_calls(find_timexes, text, THU)
    assert calls <= 5 * len(text)  # bounded work (speed: scripts/bench_extract.py)
    assert len(found) <= 1_000


DATEISH = [
    "May",
    "may",
    "March",
    "march",
    "Friday",
    "Nov.",
    "Sept.",
    "6",
    "30",
    "1998",
    "$14",
    "10%",
    "last",
    "next",
    "week",
    "the",
    "third",
    "quarter",
    "fiscal",
    "ago",
    "two",
    "years",
    "-",
    ",",
    ".",
    "p.m.",
    "EST",
    "mid-",
    "1990s",
    "'90s",
    "yesterday",
    "this",
    "morning",
    "to",
    "will",
    "said",
    "nineteen",
    "ninety-six",
    "Christmas",
    "0",
    "31",
    "Feb",
    "29",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(st.sampled_from(DATEISH), max_size=60).map(" ".join),
        st.lists(st.sampled_from(DATEISH), max_size=60).map("".join),
    ),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 1))),
)
def test_any_input_is_safe_fast_and_well_formed(text: str, dct: dt.date | None) -> None:
    found, calls = count_calls(find_timexes, text, dct)
    assert calls <= 50 * (len(text) + 100)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        assert timex.value
        previous_end = timex.end


def test_following_opening_a_sentence_is_a_preposition_not_the_next_week() -> None:
    text = "Following weekend talks here between Japanese and British officials, Lawson spoke."
    assert [(t.text, t.value) for t in find_timexes(text, dt.date(1987, 6, 2))] == [
        ("weekend", "1987-W22-WE")
    ]
    # look-alike: "the following week" is the week after
    values = [t.value for t in find_timexes("He returns the following week.", dt.date(1987, 6, 2))]
    assert values == ["1987-W24"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("China will restrict exports to Japan from the 20th, the ministry said.", "2026-03-20"),
        ("The duties apply until the 28th.", "2026-03-28"),
    ],
)
def test_a_day_alone_after_from_or_until_is_that_day_of_the_month(text: str, value: str) -> None:
    assert [t.value for t in find_timexes(text, dt.date(2026, 3, 3))] == [value]
    # look-alike: a range of ranks is no date
    assert not find_timexes("The team rose from the 20th to the 10th place.", dt.date(2026, 3, 3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On December 14 the envoys met in Berlin. Later in the month they met again.", "2024-12"),
        (
            "In March 2022 the sides held talks. Towards the end of the month they met again.",
            "2022-03",
        ),
        (
            "Ministers met on Nov. 3. Trade fell early in the month and recovered at the end "
            "of the month.",
            "2024-11",
        ),
    ],
)
def test_a_part_of_the_month_told_in_a_past_narrative_is_the_narratives_month(
    text: str, expected: str
) -> None:
    assert values(text, dt.date(2025, 6, 11))[-1][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met on Nov. 3. They will meet again at the end of the month.",  # looks ahead
        "Ministers met on June 3. Later in the month they met again.",  # the DCT's own month
        "Ministers met on Nov. 3. " + "Prices fell. " * 80 + "Later in the month they met.",
    ],
)
def test_a_part_of_the_month_is_the_dcts_month_unless_a_past_narrative_names_another(
    text: str,
) -> None:
    assert values(text, dt.date(2025, 6, 11))[-1][1] == "2025-06"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin will be in Beijing on Tuesday and Wednesday.", ["2025-06-17", "2025-06-18"]),
        ("Talks will run from Monday to Thursday.", ["2025-06-16", "2025-06-19"]),
        ("The ministers met on Monday and Tuesday.", ["2025-06-09", "2025-06-10"]),
    ],
)
def test_a_weekday_joined_to_another_follows_it(text: str, expected: list[str]) -> None:
    # The DCT is a Wednesday: "Wednesday" alone would be the DCT, never after Tuesday.
    assert [value for _, value in values(text, dt.date(2025, 6, 11))] == expected


def test_a_weekday_ending_a_range_from_a_date_is_the_dcts_week() -> None:
    text = "It bought 254,200 shares from Sept. 14 to Thursday."
    assert values(text, dt.date(1989, 10, 30))[-1] == ("Thursday", "1989-10-26")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The spokesman said that on Thursday Deputy U.S. Trade Representative Michael Smith "
            "would meet Kuroda.",
            "1987-04-09",
        ),
        (
            "Officials said that on Thursday the foreign ministers of the two neighbouring "
            "states will sign the accord.",
            "1987-04-09",
        ),
        ("The ministry said that on Wednesday the ministers met in Tokyo.", "1987-04-01"),
    ],
)
def test_a_date_opening_a_that_clause_takes_that_clauses_tense(text: str, expected: str) -> None:
    # The saying is past; what it reports may lie ahead (the DCT is a Friday).
    assert values(text, dt.date(1987, 4, 3))[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("With two weeks to go before the vote, the rivals clashed.", "2025-W26"),
        ("With ten days left until the summit, aides were busy.", "2025-06-21"),
        ("There are three months to go until the deadline.", "2025-09"),
    ],
)
def test_a_countdown_names_the_day_it_ends(text: str, expected: str) -> None:
    assert values(text, dt.date(2025, 6, 11))[0][1] == expected


def test_days_left_of_something_is_no_countdown() -> None:
    assert values("The talks have two weeks left.", dt.date(2025, 6, 11)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ramaphosa wants leaders to adopt a declaration at the opening session on Saturday.",
        "The chair urges ministers to sign the text on Saturday.",
    ],
)
def test_what_someone_is_asked_to_do_lies_ahead(text: str) -> None:
    assert values(text, dt.date(2025, 11, 21))[-1][1] == "2025-11-22"


@pytest.mark.parametrize(
    "text",
    [
        "Officials attending the spring meeting of the IMF declined to comment.",
        "Delegates prepared for the autumn session of the assembly.",
    ],
)
def test_a_season_naming_a_gathering_is_no_date(text: str) -> None:
    assert values(text, dt.date(2025, 6, 11)) == []


def test_a_season_as_a_time_is_still_a_date() -> None:
    assert values("The ministers will meet in the spring.", dt.date(2025, 6, 11)) == [
        ("the spring", "2026-SP")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The prime minister will hold talks with his British counterpart Keir Starmer at "
        "Chequers, the prime minister's official country residence, on Friday, when the long "
        "awaited pact will be signed, an aide told reporters.",
        "The envoys will sign the accord with their Swiss hosts in the city of Geneva, the seat "
        "of the old League of Nations, on Friday, when the other texts of the accord are due, "
        "officials told reporters.",
    ],
)
def test_a_noun_phrase_set_off_by_commas_keeps_the_clause_s_tense(sentence: str) -> None:
    # The future verb lies more than a short window back, past an apposition: still its clause.
    assert [v for t, v in values(sentence, THU) if t == "Friday"] == ["2025-02-07"]


@pytest.mark.parametrize(
    "sentence",
    [
        "He will attend the island nation's 60th Independence Day celebrations.",
        "The president will attend Ukraine's Independence Day parade in Kyiv.",
        "Crowds gathered for the Kenyan Independence Day festivities.",
    ],
)
def test_another_nation_s_independence_day_is_not_july_4(sentence: str) -> None:
    assert not [v for t, v in values(sentence, THU) if "Independence" in t]


def test_independence_day_alone_is_still_july_4() -> None:
    assert value_of("The fireworks on Independence Day drew crowds.", THU) == "2024-07-04"


@pytest.mark.parametrize(
    "text",
    [
        "The minister leaves for Suva on Friday, his office said on Wednesday. He will meet "
        "the Fijian prime minister the following day.",
        "The envoy will arrive in Doha on Friday, the ministry told reporters Wednesday. Talks "
        "open the next day.",
    ],
)
def test_the_next_day_counts_from_the_story_s_day_not_the_report_s(text: str) -> None:
    found = dict(values(text, THU))
    anaphor = next(v for t, v in found.items() if t.lower().startswith("the"))
    assert anaphor == "2025-02-08"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Mexico's president urged calm on Thursday after Trump, hours after being sworn in "
            "on Monday, said he would impose tariffs.",
            "2025-02-03",
        ),
        (
            "The envoy, days after meeting Iran's foreign minister on Monday, said a deal would "
            "be signed soon.",
            "2025-02-03",
        ),
    ],
)
def test_an_after_doing_aside_takes_the_tense_of_the_verb_after_it(
    sentence: str, expected: str
) -> None:
    # The aside's act precedes the main verb ("said"), whatever the reported "would" says.
    assert [v for t, v in values(sentence, THU) if t == "Monday"] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The forum ran from Monday to Friday last week.", ["2025-01-27", "2025-01-31"]),
        ("Envoys will meet on Tuesday next week.", ["2025-02-11"]),
        ("Talks were held on Wednesday and Thursday last week.", ["2025-01-29", "2025-01-30"]),
    ],
)
def test_a_weekday_told_with_its_week_is_that_week_s_day(
    sentence: str, expected: list[str]
) -> None:
    assert [v for t, v in values(sentence, THU) if t.endswith("day")] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sheinbaum won the June 2 election and takes office on Oct. 1.", "2025-10-01"),
        ("The envoy arrived on Monday and meets the king on March 1.", "2025-03-01"),
    ],
)
def test_a_present_event_verb_after_and_dates_its_own_clause(sentence: str, expected: str) -> None:
    # The past verb of the first conjunct does not reach across "and".
    assert values(sentence, THU)[-1][1] == expected


def test_a_past_verb_after_and_still_reads_past_the_conjunction() -> None:
    text = "OPEC decided to limit output and proposed ceilings for the third quarter."
    assert values(text, REUTERS)[-1][1] == "1987-Q3"
