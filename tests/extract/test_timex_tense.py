"""Direction per clause, year rollover, headlines, captions and glued sentences.

Each case stands for a class of wording a reader resolves without thinking: the verb that
governs the time expression decides, not another clause of the sentence.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from bot.extract.timex import find_timexes
from bot.extract.timex_tense import clause_direction

WED = dt.date(2025, 12, 10)  # a Wednesday in December


def value(text: str, dct: dt.date, phrase: str) -> str:
    found = [t.value for t in find_timexes(text, dct) if t.text == phrase]
    assert found, f"{phrase!r} not found in {[t.text for t in find_timexes(text, dct)]}"
    return found[0]


# -- the governing verb decides ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # a participle right before the expression governs it, whatever the other clause holds
        ("They said they would contest the ruling issued Tuesday.", "Tuesday", "2025-12-09"),
        ("They would contest the ruling, issued on Tuesday, in court.", "Tuesday", "2025-12-09"),
        ("The president could sign the bill passed Monday by the Senate.", "Monday", "2025-12-08"),
        ("Exports could suffer from duties imposed Monday on steel.", "Monday", "2025-12-08"),
        # prospective participles point ahead even without "to"
        ("A decision on the appeal is expected Friday.", "Friday", "2025-12-12"),
        ("A ruling expected on Friday could change that.", "Friday", "2025-12-12"),
        # an adjective in -ed does not govern; the auxiliary does
        ("Ministers will tour the disputed islands on Friday.", "Friday", "2025-12-12"),
        # a participial clause with no verb of its own takes the main clause's tense
        (
            "Modi will host a private dinner for Putin tonight, signalling the political weight "
            "both sides attach to the engagement and to their ties and setting the tone for the "
            "23rd India-Russia summit talks on Friday.",
            "Friday",
            "2025-12-12",
        ),
        # a verb set off by commas belongs to an aside, not to the clause of the date
        (
            "The union, which struck last week and held ships in port, meets on Monday.",
            "Monday",
            "2025-12-15",
        ),
        # verbs of intention and likelihood with "to" look ahead
        (
            "The union has threatened to strike on Thursday unless talks resume.",
            "Thursday",
            "2025-12-11",
        ),
        (
            "The central bank is unlikely to change rates at its meeting on Thursday.",
            "Thursday",
            "2025-12-11",
        ),
        # a long clause: its auxiliary decides, however far back
        (
            "The finance minister will present a budget with a deficit of nine billion and "
            "austerity measures for the coming year in a speech to parliament on Thursday.",
            "Thursday",
            "2025-12-11",
        ),
        # a date fronted before the reporting verb is the day of the report
        ("On Friday, the company said it would raise its bid.", "Friday", "2025-12-05"),
    ],
)
def test_the_verb_governing_the_expression_decides(
    sentence: str, phrase: str, expected: str
) -> None:
    assert value(sentence, WED, phrase) == expected


# -- months and days named without a year ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The ministers met on November 28.", "November 28", "2025-11-28"),
        ("The Nov. 20 vote could be repeated.", "Nov. 20", "2025-11-20"),
        ("Talks in mid-November would resume.", "mid-November", "2025-11"),
        # a sure future tense moves a passed day into next year
        ("The minister will travel to Paris on November 28.", "November 28", "2026-11-28"),
        ("Talks will resume on January 15.", "January 15", "2026-01-15"),
        ("Talks resumed on January 15.", "January 15", "2025-01-15"),
        # "since" is past whatever the rest of the sentence says
        ("Exports may have fallen since November.", "November", "2025-11"),
        ("Since March, prices could rise further.", "March", "2025-03"),
        ("The ban, in place since November, would be lifted.", "November", "2025-11"),
        ("The talks, which began in October, will end in January.", "October", "2025-10"),
        ("The talks, which began in October, will end in January.", "January", "2026-01"),
    ],
)
def test_year_rollover_follows_the_clause(sentence: str, phrase: str, expected: str) -> None:
    assert value(sentence, WED, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "expected"),
    [
        # a month just ahead of the DCT after "since" is last year's, never this year's
        ("Prices have risen since March.", dt.date(1998, 2, 13), "March", "1997-03"),
        (
            "Since September, the embassy had received threats.",
            dt.date(1998, 8, 8),
            "September",
            "1997-09",
        ),
        ("Output has fallen since early April.", dt.date(1987, 3, 5), "early April", "1986-04"),
        # look-alike: a month ahead governed by "from" keeps its future
        ("Prices will rise from March.", dt.date(1998, 2, 13), "March", "1998-03"),
    ],
)
def test_since_never_points_ahead(sentence: str, dct: dt.date, phrase: str, expected: str) -> None:
    assert value(sentence, dct, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # an incident or a market move dated by its day has happened, whatever the verb
        ("The FBI will investigate Friday's bombings.", "Friday", "1998-08-07"),
        ("Officials expect the toll from Friday's attack to rise.", "Friday", "1998-08-07"),
        ("Traders will weigh Thursday's stock market\ncollapse.", "Thursday", "1998-08-06"),
        # look-alikes: a planned occasion or a report keeps the clause's direction
        ("The market will watch Friday's report closely.", "Friday", "1998-08-14"),
        ("The council will meet after Monday's vote.", "Monday", "1998-08-10"),
    ],
)
def test_a_day_naming_an_incident_lies_behind(sentence: str, phrase: str, expected: str) -> None:
    assert value(sentence, dt.date(1998, 8, 8), phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # from Wednesday on, "this weekend" is the coming one, even in a past clause
        (
            "Eyskens was speaking before hosting finance ministers in Belgium this weekend.",
            dt.date(1987, 4, 2),
            "1987-W14-WE",
        ),
        (
            "He said a cargo could leave Maracaibo this weekend.",
            dt.date(1987, 3, 11),
            "1987-W11-WE",
        ),
        # look-alike: on a Monday a past clause means the weekend just over
        ("OPEC agreed this weekend on an output ceiling.", dt.date(1987, 6, 29), "1987-W26-WE"),
    ],
)
def test_this_weekend_late_in_the_week_is_the_coming_one(
    sentence: str, dct: dt.date, expected: str
) -> None:
    assert value(sentence, dct, "this weekend") == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # "should be", "could be" after "and" opens a clause of its own: the past verb
        # before "and" does not reach the date
        (
            "The front was moving east and conditions should be back to normal by Friday.",
            "Friday",
            "1987-03-13",
        ),
        (
            "Most of the crop was planted, and the rest could be done by Friday.",
            "Friday",
            "1987-03-13",
        ),
        # look-alike: without the modal, the past verb of the sentence decides
        (
            "The front was moving east and conditions were back to normal by Friday.",
            "Friday",
            "1987-03-06",
        ),
    ],
)
def test_a_modal_be_after_and_keeps_its_clause(sentence: str, phrase: str, expected: str) -> None:
    assert value(sentence, dt.date(1987, 3, 11), phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # a demand's "that" clause lies ahead of the demand, whatever tense the demand has
        ("The senator urged that Congress pass the bill by Easter.", "Easter", "1987-04-19"),
        ("The bank recommended that the ministers meet in April.", "April", "1987-04"),
        # look-alike: a plain report keeps the past of its verb inside the clause
        ("The senator regretted that Congress met in May.", "May", "1986-05"),
    ],
)
def test_a_demand_s_clause_points_ahead(sentence: str, phrase: str, expected: str) -> None:
    assert value(sentence, dt.date(1987, 3, 12), phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "expected"),
    [
        # "have until <date> to": a deadline, ahead of the DCT even after a past verb
        (
            "No decisions had been reached and banks have until April 16 to comment.",
            dt.date(1987, 3, 4),
            "April 16",
            "1987-04-16",
        ),
        (
            "AMT had until March 26 to lodge its appeal.",
            dt.date(1987, 3, 23),
            "March 26",
            "1987-03-26",
        ),
        (
            "Investigators have until Friday to file a report.",
            dt.date(1998, 8, 10),
            "Friday",
            "1998-08-14",
        ),
        # look-alike: "until" after a plain past verb stays in the past
        ("The dollar traded firmly until March 2.", dt.date(1987, 3, 23), "March 2", "1987-03-02"),
    ],
)
def test_have_until_names_a_deadline_ahead(
    sentence: str, dct: dt.date, phrase: str, expected: str
) -> None:
    assert value(sentence, dct, phrase) == expected


def test_a_date_modifying_a_noun_keeps_near_the_dct_whatever_the_clause() -> None:
    april = dt.date(2025, 4, 7)
    assert value("They will appeal its March 30 ruling.", april, "March 30") == "2025-03-30"
    assert (
        value("The bank will act in line with the February 22 Paris accord.", april, "February 22")
        == "2025-02-22"
    )
    # the same date governed by "will" directly lies ahead
    assert value("They will appeal on March 30.", april, "March 30") == "2026-03-30"


def test_an_accord_named_by_its_month_after_an_owner_s_name_lies_behind() -> None:
    april = dt.date(1987, 4, 10)
    sentence = "Ecuador said it would abide by the cartel's December accord."
    assert value(sentence, april, "December") == "1986-12"
    # look-alike: an owner's month meeting is not an accord; the clause's "would" decides
    sentence = "Ecuador said it would attend the cartel's December meeting."
    assert value(sentence, april, "December") == "1987-12"


def test_a_date_opening_a_reported_clause_takes_that_clause_s_tense() -> None:
    march = dt.date(2025, 3, 30)
    sentence = "The commission said that on April 15 it will consider the proposal."
    assert value(sentence, march, "April 15") == "2025-04-15"


def test_until_after_a_deferral_points_ahead_whatever_the_tense() -> None:
    may = dt.date(2025, 5, 8)
    assert value("Trump has suspended the 20% tariffs until July.", may, "July") == "2025-07"
    assert value("The summit was postponed until March.", WED, "March") == "2026-03"


def test_a_month_naming_a_deadline_lies_ahead() -> None:
    feb = dt.date(2026, 2, 7)
    sentence = "The United States has given Ukraine and Russia a June deadline to reach a deal."
    assert value(sentence, feb, "June") == "2026-06"
    assert value("The U.S. gave Kyiv and Moscow a June deadline.", feb, "June") == "2026-06"
    assert value("Both sides missed the June deadline.", feb, "June") == "2025-06"


# -- headlines and captions report the DCT's days ----------------------------------------


def test_headline_infinitive_announces_a_plan() -> None:
    friday = dt.date(2025, 5, 2)
    text = (
        "Prime Minister Carney to meet with President Trump on Tuesday\n\n"
        "Prime Minister Mark Carney says he will travel to Washington on Tuesday, May 6."
    )
    assert value(text, friday, "Tuesday") == "2025-05-06"


@pytest.mark.parametrize(
    ("headline", "phrase", "expected"),
    [
        ("Leaders hail Monday summit", "Monday", "2025-12-08"),
        ("Xi meets Putin on Friday", "Friday", "2025-12-12"),
        ("Ministers sign trade pact Sunday", "Sunday", "2025-12-07"),
    ],
)
def test_headline_present_tense_means_the_nearest_such_day(
    headline: str, phrase: str, expected: str
) -> None:
    text = f"{headline}\n\nThe ministers spoke to reporters in Beijing."
    assert value(text, WED, phrase) == expected


def test_the_same_words_in_the_body_keep_their_tense() -> None:
    # Outside a headline the present tense of an event verb announces: the next Friday.
    text = "Summit news\n\nXi meets Putin on Friday in Moscow, officials said. " * 1
    assert value(text, dt.date(2025, 12, 13), "Friday") == "2025-12-19"


def test_photo_captions_read_as_reports() -> None:
    saturday = dt.date(2025, 11, 1)
    text = (
        "Trade truce\n\n"
        "U.S. President Donald Trump meets Chinese President Xi Jinping in Busan on Thursday. "
        "REUTERS/Evelyn Hockstein\n\n"
        "The two leaders agreed to a one-year truce."
    )
    assert value(text, saturday, "Thursday") == "2025-10-30"


# -- text shapes of real feeds -----------------------------------------------------------


def test_no_space_after_a_full_stop_still_ends_the_sentence() -> None:
    text = "Exports rose last year.Earlier on Dec. 2 the ministers met in Brussels."
    assert value(text, WED, "last year") == "2024"
    assert value(text, WED, "Dec. 2") == "2025-12-02"
    assert value("Talks ended.Friday's meeting was cancelled.", WED, "Friday") == "2025-12-05"


def test_glued_sentences_do_not_lend_their_tense() -> None:
    # "will" belongs to the sentence before the glued full stop.
    text = "The talks will resume next year.The ministers met on Monday."
    assert value(text, WED, "Monday") == "2025-12-08"


# -- the story's own years and days --------------------------------------------------------


def test_a_retrospective_passage_keeps_the_year_it_is_telling() -> None:
    text = (
        "The first talks took place in February 2022, days after the invasion. "
        "Then the two sides held three rounds of talks in Belarus, ending on March 7. "
        "On March 10, the foreign ministers of both countries met in Antalya. "
        "The June 2024 summit failed. On February 18, envoys met in Riyadh."
    )
    feb = dt.date(2026, 2, 10)
    assert value(text, feb, "March 7") == "2022-03-07"
    assert value(text, feb, "March 10") == "2022-03-10"
    # a month after the story's last date of June 2024, the year has turned
    assert value(text, feb, "February 18") == "2025-02-18"


def test_a_recent_month_is_read_from_the_dct_not_from_the_story() -> None:
    text = "He became a general on May 22, 1995. He was arrested in December for speeding."
    assert value(text, dt.date(1998, 4, 18), "December") == "1997-12"


def test_a_clock_time_takes_the_day_named_after_it() -> None:
    text = "The blast came at about 10:30 a.m. local time (0730 GMT) on Friday."
    found = {t.text: t.moment for t in find_timexes(text, dt.date(1998, 8, 8))}
    assert found["about 10:30 a.m. local time"] == "1998-08-07T10:30"
    assert found["0730 GMT"] == "1998-08-07T07:30+00:00"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        (
            "The blast occurred Friday morning, shortly after 10:30 a.m.",
            "10:30 a.m.",
            "1998-08-07T10:30",
        ),
        ("Talks will resume Sunday at 1000 EST in Geneva.", "1000 EST", "1998-08-09T10:00"),
        ("The offer was extended to Aug. 20 at 1700 EDT.", "1700 EDT", "1998-08-20T17:00"),
        # look-alikes: a day that is a comparison's base, or far back, leaves the DCT's time
        ("Shares closed at 241p on Friday, then eased to 245p at 0838 GMT.", "0838 GMT", None),
        ("Shares rose from yesterday's 842p before easing to 860p at 1155 GMT.", "1155 GMT", None),
        (
            "Talks began on Friday and the two sides traded long proposals in a hall "
            "until 1000 GMT.",
            "1000 GMT",
            None,
        ),
    ],
)
def test_a_clock_time_takes_the_day_named_just_before_it(
    sentence: str, phrase: str, expected: str | None
) -> None:
    saturday = dt.date(1998, 8, 8)
    hour = value(sentence, saturday, phrase)
    assert hour == expected or (expected is None and hour.startswith("1998-08-08T"))


def test_first_or_highest_in_n_months_is_a_span_not_a_date() -> None:
    feb = dt.date(2026, 2, 18)
    assert find_timexes("It was the first such swap in five months.", feb) == []
    assert find_timexes("Prices hit their highest level in three weeks.", feb) == []
    assert value("The first round will take place in two weeks.", feb, "in two weeks") == "2026-W10"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Forty years ago, the war ended.", "Forty years ago", "1958"),
        ("Twenty-five years ago he left.", "Twenty-five years ago", "1973"),
        ("Eighteen months ago the talks began.", "Eighteen months ago", "1997-02"),
        ("By the year 2000, the program will end.", "the year 2000", "2000"),
    ],
)
def test_spelled_numbers_and_the_year_with_its_number(
    text: str, phrase: str, expected: str
) -> None:
    assert value(text, dt.date(1998, 8, 8), phrase) == expected


def test_a_headline_straight_above_its_dateline_reads_as_a_report() -> None:
    text = "Xi meets Putin on Friday\nMOSCOW (AP) \u2014 The two leaders talked for hours."
    assert value(text, WED, "Friday") == "2025-12-12"  # nearest, not the next week's
    assert value(text, dt.date(2025, 12, 13), "Friday") == "2025-12-12"


# -- earlier occasions, agents and "last <month> <day>" -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "expected"),
    [
        # an occasion named as an earlier one lies behind the DCT
        (
            "At its last meeting in December, the group agreed to cut output.",
            dt.date(1987, 6, 18),
            "December",
            "1986-12",
        ),
        (
            "Their previous round of talks on May 2 ended in deadlock.",
            dt.date(2026, 1, 3),
            "May 2",
            "2025-05-02",
        ),
        # a date before "agreed to", "decided to": the agreeing and the deciding happened then
        (
            "In December, the ministers decided to raise prices.",
            dt.date(1987, 6, 18),
            "December",
            "1986-12",
        ),
        # a participle with its agent before the date is past, whatever the main clause holds
        (
            "Output will exceed the ceiling agreed by OPEC Saturday.",
            dt.date(1987, 6, 29),
            "Saturday",
            "1987-06-27",
        ),
        (
            "Exports will suffer from tariffs imposed by Washington on Monday.",
            WED,
            "Monday",
            "2025-12-08",
        ),
    ],
)
def test_earlier_occasions_and_agents_point_back(
    sentence: str, dct: dt.date, phrase: str, expected: str
) -> None:
    assert value(sentence, dct, phrase) == expected


def test_last_or_next_before_a_month_and_day_keeps_the_day() -> None:
    june = dt.date(1987, 6, 18)
    assert value("Reagan announced last March 27 he would act.", june, "last March 27") == (
        "1987-03-27"
    )
    assert value("The accord expires next March 31.", june, "next March 31") == "1988-03-31"
    assert value("The accord expired last June 30.", june, "last June 30") == "1986-06-30"


def test_a_caption_s_weekday_is_the_dct_s_or_one_before() -> None:
    # A photo shows what has happened: Thursday in a Wednesday's caption is last Thursday.
    text = (
        "Trade truce\n\n"
        "U.S. President Donald Trump meets Chinese President Xi Jinping in Busan on Thursday. "
        "REUTERS/Evelyn Hockstein\n\n"
        "The two leaders agreed to a one-year truce."
    )
    assert value(text, WED, "Thursday") == "2025-12-04"
    assert value(text.replace("Thursday", "Wednesday"), WED, "Wednesday") == "2025-12-10"


def test_the_day_before_and_a_day_earlier_lean_on_the_story_s_last_day() -> None:
    may = dt.date(2025, 5, 9)
    text = "Putin held talks with Xi in the Kremlin on May 8, who arrived in Moscow the day before."
    assert value(text, may, "the day before") == "2025-05-07"
    assert value("He met Lee on May 5. A day later, he flew home.", may, "A day later") == (
        "2025-05-06"
    )
    # "the day before the summit" names no day of its own
    assert find_timexes("Talks were held the day before the summit.", may) == []


def test_a_hyphenated_adjective_is_no_past_verb() -> None:
    # "US-brokered", "flood-hit": adjectives, so "will" decides the weekday's direction
    assert value("Kyiv will attend US-brokered talks on Friday.", WED, "Friday") == "2025-12-12"
    sentence = "The president will tour flood-hit provinces on Friday."
    assert value(sentence, WED, "Friday") == "2025-12-12"
    # look-alike: a verb with a prefix stays a verb
    assert value("Tusk was re-elected on Friday.", WED, "Friday") == "2025-12-05"


def test_an_accord_named_by_its_month_after_the_noun_lies_behind() -> None:
    october = dt.date(1987, 10, 20)
    sentence = "The bank will keep to the Louvre accord of February, he said."
    assert value(sentence, october, "February") == "1987-02"
    # look-alike: a meeting "of February" named in a future clause is not an accord
    sentence = "The bank will attend the meeting of February, he said."
    assert value(sentence, october, "February") == "1988-02"


def test_a_when_clause_ahead_is_found_in_linear_time_over_blank_lines() -> None:
    """A long run of blank lines after a date must not make the when-clause test backtrack
    in square time; the when-clause itself still looks ahead, a plain "when" does not."""
    text = "talks on Friday" + " \n\n" * 5000 + " talks next week"
    began = time.process_time()
    clause_direction(text, 9, 15)
    assert time.process_time() - began < 0.2
    ahead = "resubmit it before July, when ministers are due to meet"
    assert clause_direction(ahead, 19, 23) == 3
    plain = "it was approved in July, when ministers met"
    assert clause_direction(plain, 19, 23) != 3


def test_a_present_plan_of_a_thing_points_ahead() -> None:
    march = dt.date(1987, 3, 4)
    assert value("He said he plans a July trip to China.", march, "July") == "1987-07"
    # look-alike: a plan made in the past reports a past trip
    assert value("He said he planned a trip to China in July.", march, "July") == "1986-07"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "The meeting focused on preparations for the alliance's summit in The Hague on "
            "June 24-25.",
            "June 24-25",
        ),
        (
            "Officials began preparing for the leaders' gathering in Rio de Janeiro in July.",
            "July",
        ),
    ],
)
def test_an_occasion_prepared_for_lies_ahead_though_its_place_comes_first(
    text: str, phrase: str
) -> None:
    assert value(text, dt.date(2025, 5, 16), phrase).startswith("2025-0")


def test_a_past_act_after_preparations_ended_keeps_its_own_past() -> None:
    text = "After the preparations for the vote, which ended in July, turnout was low."
    assert value(text, dt.date(2025, 5, 16), "July") == "2024-07"


@pytest.mark.parametrize(
    ("text", "phrase", "want"),
    [
        (
            "Trump arrived in Riyadh on Tuesday. On the same day, he announced he would lift "
            "sanctions on Syria.",
            "the same day",
            "2025-05-13",
        ),
        (
            "Xi arrived in Moscow on Monday. Later that day, he met Putin.",
            "Later that day",
            "2025-05-12",
        ),
        (
            "Thatcher left Bonn yesterday evening. She had flown in from talks in Normandy "
            "earlier in the day.",
            "earlier in the day",
            "2025-05-15",
        ),
    ],
)
def test_the_same_day_is_the_day_the_story_last_named(text: str, phrase: str, want: str) -> None:
    assert value(text, dt.date(2025, 5, 16), phrase) == want


def test_earlier_in_the_day_with_no_day_named_before_is_the_dct() -> None:
    text = "Earlier in the day, the foreign minister held talks with his Chinese counterpart."
    assert value(text, dt.date(2025, 5, 16), "Earlier in the day") == "2025-05-16"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The summit between Japan and China, scheduled for March, has been postponed.", "2026-03"),
        ("The talks are set for May, officials said.", "2026-05"),
    ],
)
def test_a_plan_s_for_makes_may_and_march_months(text: str, want: str) -> None:
    assert [t.value for t in find_timexes(text, WED)] == [want]


@pytest.mark.parametrize(
    "text", ["It was a win for May in Parliament.", "Troops planned for march at dawn."]
)
def test_a_person_or_a_verb_after_for_is_no_month(text: str) -> None:
    assert not find_timexes(text, WED)


@pytest.mark.parametrize(
    ("text", "phrase", "want"),
    [
        (
            "A meeting in Luanda, planned for December, was called off at the last minute.",
            "December",
            "2024-12",
        ),
        ("The talks, scheduled for April, have been postponed.", "April", "2025-04"),
    ],
)
def test_a_plan_called_off_is_dated_nearest_the_dct(text: str, phrase: str, want: str) -> None:
    assert value(text, dt.date(2025, 2, 5), phrase) == want


def test_a_plan_still_on_lies_ahead() -> None:
    text = "The summit, planned for December, will be held in Luanda."
    assert value(text, dt.date(2025, 2, 5), "December") == "2025-12"


@pytest.mark.parametrize(
    "text",
    [
        "A White House official said Trump would meet Syria's interim President Ahmed al-Sharaa "
        "in Riyadh on Wednesday.",
        "Officials said Trump would hold talks with Sheikh Mohamed bin Zayed in Abu Dhabi on "
        "Wednesday.",
    ],
)
def test_a_name_ending_in_ed_is_no_past_verb(text: str) -> None:
    assert value(text, dt.date(2025, 5, 13), "Wednesday") == "2025-05-14"


def test_a_past_verb_ending_in_ed_still_looks_back() -> None:
    text = "Officials said Trump talked with Sheikh Mohamed in Abu Dhabi on Wednesday."
    assert value(text, dt.date(2025, 5, 13), "Wednesday") == "2025-05-07"


@pytest.mark.parametrize(
    ("text", "phrase", "want"),
    [
        (
            "Madagascar will host next year's summit in August, when its president takes "
            "the chair.",
            "August",
            "2025-08",
        ),
        ("Last year's summit in September ended without a statement.", "September", "2023-09"),
    ],
)
def test_an_occasion_owned_by_next_or_last_year_holds_its_month(
    text: str, phrase: str, want: str
) -> None:
    assert value(text, dt.date(2024, 8, 17), phrase) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The additional tariff will come into effect from 12.01 a.m. Eastern Daylight Time "
            "on Wednesday.",
            ("2025-08-27T00:01", "-04:00"),
        ),
        (
            "Trading resumes at 9:30 a.m. Pacific Standard Time on Wednesday.",
            ("2025-08-27T09:30", "-08:00"),
        ),
    ],
)
def test_a_clock_time_in_a_spelled_zone_takes_the_day_named_after_it(
    text: str, want: tuple[str, str]
) -> None:
    times = [(t.value, t.offset) for t in find_timexes(text, dt.date(2025, 8, 26))]
    assert want in times


def test_a_spelled_zone_alone_is_no_time() -> None:
    assert not find_timexes("Eastern Daylight Time is four hours behind GMT.", WED)
