"""Official travel and the talks a trip is for, by class of wording (SPEC type ``visit``).

The sentences are invented in wire style; each class is tried with more than one phrasing,
and where a look-alike exists, it is checked to give no trip.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.wording import DCT, events_of, keys

# --- a plan reported by "said he would ..." takes the plan's date, not the saying's ------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's trade minister said he would visit Beijing later this month to seek "
        "better terms for tea exports.",
        "The Chilean foreign minister told reporters she will visit Madrid later this month.",
    ],
)
def test_saying_then_planned_trip_dates_the_trip(text: str) -> None:
    assert ("visit", "2025-06") in keys(text)


def test_date_right_after_the_saying_still_dates_the_saying() -> None:
    text = "The Chilean foreign minister said last month that she would visit Madrid."
    assert ("visit", "2025-05") not in keys(text)


# --- a weekend dates a trip to its week; "weekend" before an event noun is a date too ---------


@pytest.mark.parametrize(
    "text",
    [
        "Peru's finance minister left at the weekend for Washington for talks with the IMF.",
        "The Egyptian foreign minister paid a brief weekend visit to Jordan.",
    ],
)
def test_weekend_trip_takes_the_week_of_the_weekend(text: str) -> None:
    # DCT Wednesday 2025-06-11: the weekend past is June 7-8, ISO week 23.
    assert ("visit", "2025-W23") in keys(text)


def test_weekend_before_a_market_noun_is_no_date() -> None:
    from bot.extract.timex import find_timexes

    assert not find_timexes("Shares fell in thin weekend trading.", DCT)
    assert [t.value for t in find_timexes("They held weekend talks.", DCT)] == ["2025-W23-WE"]


# --- "in about three weeks": a rough count fixes a coarser unit; its modal clause looks ahead -


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Officials said the first round had gone smoothly and a Kenyan delegation would "
            "leave for London in about three weeks to complete negotiations with Britain.",
            ("visit", "2025-07"),
        ),
        (
            "A Polish trade mission would travel to Seoul in about ten days.",
            ("visit", "2025-W25"),
        ),
    ],
)
def test_rough_count_of_weeks_dates_a_planned_trip(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


def test_rough_count_values() -> None:
    from bot.extract.timex import find_timexes

    values = [t.value for t in find_timexes("It will close in about 60 days.", DCT)]
    assert values == ["2025-08"]
    assert [t.value for t in find_timexes("He will leave in three weeks.", DCT)] == ["2025-W27"]
    # A span looking back is no date: "rose 5 pct in about three weeks".
    assert not find_timexes("Prices rose 5 pct in about three weeks.", DCT)


# --- "go/come to <place>" is a trip when a date or purpose follows the place ------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Dutch foreign minister would go to Ankara next month for talks on migration.",
            ("visit", "2025-07"),
        ),
        ("Brazil's finance minister goes to Ottawa later this week.", ("visit", "2025-W24")),
        (
            "The Irish prime minister came to Madrid on Monday to sign a fisheries accord.",
            ("visit", "2025-06-09"),
        ),
    ],
)
def test_verb_of_motion_to_a_place_is_a_trip(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Most of the proceeds will go to Canada next year under the plan.",
        "Special attention would go to Chile next week, the banker said.",
        "The finance minister came to Washington determined to cut the deficit.",
    ],
)
def test_money_or_attention_going_somewhere_is_no_trip(text: str) -> None:
    assert not any(kind == "visit" for kind, _ in keys(text))


# --- a trip under way takes the article's day ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Thai prime minister, on the first day of a three-day visit to Vietnam, said rice "
        "exports would rise.",
        "Chile's foreign minister is on a tour of Asian capitals to promote copper exports.",
        "Mexico's trade secretary was in Ottawa on the second leg of a trip to explain his "
        "country's stance.",
    ],
)
def test_trip_under_way_is_dated_by_the_article(text: str) -> None:
    assert ("visit", DCT.isoformat()) in keys(text)


def test_a_tour_of_a_plant_is_no_trip_under_way() -> None:
    text = "The company's chairman is on a tour of its plants to meet workers."
    assert not any(kind == "visit" for kind, _ in keys(text))


@pytest.mark.parametrize(
    "text",
    [
        "The South Korean trade minister told reporters during a stopover in Singapore that "
        "talks had gone well.",
        "Prices must fall, the Brazilian finance minister said during a brief visit to Lima.",
    ],
)
def test_remarks_made_during_a_trip_date_the_trip(text: str) -> None:
    assert ("visit", DCT.isoformat()) in keys(text)


# --- "land in" is a landing only as a verb: land as a noun is no trip ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo Realty said on Monday it would offer 2,000 acres of land in Iowa and Texas to "
        "Japanese buyers from early July.",
        "A Korean firm will sell farm land in Brazil to investors from next month.",
    ],
)
def test_land_as_a_noun_is_no_visit(text: str) -> None:
    assert not any(kind == "visit" for kind, _ in keys(text))


def test_a_leader_landing_in_a_capital_is_still_a_visit() -> None:
    assert ("visit", "2025-06-13") in keys("The French president will land in Tokyo on Friday.")


# --- goods and craft travel, but make no visit: a traveller is a person or a delegation ------


@pytest.mark.parametrize(
    "text",
    [
        "The 40,000 tonnes of Canadian wheat would arrive in Kenya next month, officials said.",
        "A first 200,000 barrels shipment of Nigerian crude will leave for Ghana on Friday.",
        "Nine people died when a ferry struck a pier as it left Denmark for Sweden on Monday.",
        "The Thai sugar was shipped last week. It arrived in Jakarta on Monday.",
    ],
)
def test_goods_or_craft_arriving_make_no_visit(text: str) -> None:
    assert not any(kind == "visit" for kind, _ in keys(text))


def test_a_minister_arriving_with_a_cargo_deal_is_still_a_visit() -> None:
    text = "The Thai trade minister arrived in Jakarta on Monday to sign a rice supply deal."
    assert ("visit", "2025-06-09") in keys(text)


# --- being somewhere is a trip: "who is in Rome today", "is currently in Damascus" ------------


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Iranian Prime Minister Ali Rezaei is currently in Damascus, and diplomats said he "
            "would seek Syrian help.",
            ["IR", "SY"],
        ),
        (
            "Argentina's economy minister, who is in Rome today, met bankers on Tuesday.",
            ["AR", "IT"],
        ),
    ],
)
def test_a_ministers_presence_abroad_is_a_visit(text: str, parties: list[str]) -> None:
    visits = [e for e in events_of(text) if e["type"] == "visit"]
    assert visits and set(parties) <= set(visits[0]["participants"])


@pytest.mark.parametrize(
    "text",
    [
        "Ruding said he was less worried about the dollar than he was in January.",
        "Acme Corp chairman John Wang, who was in Dallas to open the company's new showroom, "
        "declined to comment.",
        "The company said it is currently in Chapter 11.",
    ],
)
def test_a_month_a_company_man_or_a_state_is_no_presence_abroad(text: str) -> None:
    assert not [e for e in events_of(text) if e["type"] == "visit"]


def test_calling_on_a_person_named_by_a_pronoun_is_no_trip() -> None:
    text = "Thune told reporters Bessent visited him late Friday to urge Congress to act."
    assert "visit" not in {kind for kind, _ in keys(text)}
    # look-alike: a visit to a country
    assert ("visit", "2025-06-06") in keys("Bessent visited Japan late Friday for talks.")


# --- a trip made to discuss something is talks with the hosts too ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's finance minister arrived in Beijing on Monday to discuss a new loan for "
        "the railway.",
        "A Canadian trade team will begin a one-week visit to Seoul on June 16 to discuss "
        "beef imports with South Korean officials.",
        "Chile's foreign minister made a brief visit to Peru on Monday during which she "
        "discussed the border dispute with President Dina Boluarte.",
    ],
)
def test_a_trip_to_discuss_something_is_talks_too(text: str) -> None:
    found = keys(text)
    dates = {day for kind, day in found if kind == "visit"}
    assert dates and {("meeting", day) for day in dates} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's finance minister, who arrived in Beijing on Monday, declined to discuss the loan.",
        "Kenya's finance minister arrived in Beijing on Monday; reporters were not allowed "
        "to discuss the loan with him.",
    ],
)
def test_discussing_outside_the_trips_words_gives_no_talks(text: str) -> None:
    found = keys(text)
    assert ("visit", "2025-06-09") in found and not any(k == "meeting" for k, _ in found), found


# --- a gathering someone is to depart for: the date is the departure's, the gathering's month -


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The Chilean president, preparing to depart for the Andean summit on Friday, "
            "said trade would top the agenda.",
            "summit",
        ),
        (
            "Kenya's finance minister leaves for London on June 20 for talks with British "
            "officials.",
            "meeting",
        ),
    ],
)
def test_gathering_departed_for_takes_the_month_of_the_departure(text: str, kind: str) -> None:
    got = {e["date"]: e["status"] for e in events_of(text) if e["type"] == kind}
    assert got == {"2025-06": "scheduled"}


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        ("The Chilean president will attend the Andean summit on Friday.", "summit", "2025-06-13"),
        (
            "Kenya's finance minister left on Monday for London for talks with British officials.",
            "meeting",
            "2025-06-09",
        ),
    ],
)
def test_gathering_with_its_own_day_or_a_past_departure_keeps_the_day(
    text: str, kind: str, want: str
) -> None:
    assert (kind, want) in keys(text)


def test_gathering_departed_for_in_a_week_keeps_the_week() -> None:
    text = "Kenya's finance minister leaves next week for London for talks with British officials."
    assert ("meeting", "2025-W25") in keys(text)


# --- a gathering as a trip's destination: the date after it is the departure's ---------------


@pytest.mark.parametrize(
    "text",
    [
        "President Lula, preparing to depart for the G20 summit on Friday, said trade must grow.",
        "The Brazilian president will fly to the G20 summit in Johannesburg on Friday.",
        "Asked if Lula would raise it before leaving for the Johannesburg summit on Friday, his "
        "spokesman said he had no idea.",
    ],
)
def test_a_trip_to_a_gathering_is_a_visit_on_the_day_named_after_it(text: str) -> None:
    found = events_of(text)
    assert [e["date"] for e in found if e["type"] == "visit"] == ["2025-06-13"]
    assert len([e for e in found if e["type"] == "summit"]) == 1  # the trip is no second summit


def test_a_trip_to_a_place_for_talks_keeps_the_talks() -> None:
    text = "The Brazilian president will fly to Pretoria on Friday for talks with Ramaphosa."
    assert {("visit", "2025-06-13"), ("summit", "2025-06-13")} <= keys(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The French president set off for Beijing on Sunday.", ("visit", "2025-06-08")),
        (
            "The Japanese prime minister sets out for Washington on Friday for talks.",
            ("visit", "2025-06-13"),
        ),
    ],
)
def test_setting_off_for_a_capital_is_a_trip(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


def test_setting_out_a_plan_is_no_trip() -> None:
    assert not keys("The French minister set out for the first time his plans for Brazil.")


def test_talks_named_by_two_joined_days_span_both() -> None:
    text = "The Thursday and Friday talks will be led by Japanese and U.S. deputy ministers."
    assert [(e["date"], e["end_date"]) for e in events_of(text) if e["type"] == "meeting"] == [
        ("2025-06-12", "2025-06-13")
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Ukrainian president touched down in Washington on Thursday.",
            ("visit", "2025-06-05"),
        ),
        ("The Mexican president flew into Madrid on Friday.", ("visit", "2025-06-06")),
        ("The Philippine president returned home from Japan on Sunday.", ("visit", "2025-06-08")),
    ],
)
def test_arriving_and_coming_home_are_trips(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "The plane flew into Turkish airspace on Friday.",
        "The pound touched down at a record low on Friday.",
    ],
)
def test_a_plane_or_a_price_is_no_trip(text: str) -> None:
    assert not keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Japanese Prime Minister Shigeru Ishiba, who is visiting Vietnam, said trade must grow.",
        "The Japanese prime minister is visiting Vietnam.",
    ],
)
def test_a_trip_told_in_the_present_progressive_is_under_way(text: str) -> None:
    assert ("visit", "2025-06-11") in keys(text)


def test_a_trip_told_in_the_present_progressive_with_soon_lies_ahead() -> None:
    text = "The Japanese prime minister said he is visiting Vietnam soon."
    assert ("visit", "2025-06-11") not in keys(text)


def test_two_joined_days_opening_a_clause_span_its_talks() -> None:
    text = (
        "The spokesman said that on Thursday and Friday Deputy U.S. Trade Representative "
        "Michael Smith would meet with MITI vice minister Makoto Kuroda."
    )
    assert [
        (e["date"], e["end_date"], e["participants"])
        for e in events_of(text)
        if e["type"] == "meeting"
    ] == [("2025-06-12", "2025-06-13", ["JP", "US"])]


def test_a_date_closing_talks_before_and_leaves_the_next_trip_its_own() -> None:
    text = (
        "Carney will hold talks with Prime Minister Narendra Modi at Hyderabad House on March 3 "
        "and travel to Mumbai the next day."
    )
    found = keys(text, date(2026, 2, 24))
    assert ("summit", "2026-03-03") in found and ("visit", "2026-03-04") in found


@pytest.mark.parametrize(
    "text",
    [
        "Indian Prime Minister Narendra Modi is expected to land later on Friday and will hold "
        "talks with President Cyril Ramaphosa on Saturday.",
        "The Japanese prime minister lands tomorrow for talks with President Cyril Ramaphosa.",
    ],
)
def test_landing_later_that_day_or_tomorrow_is_a_trip(text: str) -> None:
    assert any(kind == "visit" for kind, _ in keys(text, date(2025, 11, 21)))


def test_land_as_a_noun_is_no_trip() -> None:
    assert not keys("South African land prices rose today.", date(2025, 11, 21))


@pytest.mark.parametrize(
    "text",
    [
        "West German officials attending the annual meeting of the International Monetary Fund "
        "in Washington declined to comment.",
        "Ministers from Ecuador, Mexico and Venezuela are attending the two-day conference.",
    ],
)
def test_officials_attending_a_gathering_tell_it_under_way(text: str) -> None:
    assert any(when == "2025-06-11" for kind, when in keys(text) if kind == "meeting")


def test_attending_a_first_summit_since_is_no_gathering_of_the_day() -> None:
    text = "Modi, who is attending his first summit abroad since starting a third term, spoke."
    assert not keys(text)


# --- an occasion due or expected at a place is held there: no trip -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Zelenskyy said a fresh round of talks with Russian negotiators was expected in "
        "Istanbul next week.",
        "The next round of U.S.-China trade talks is due in Geneva on Monday.",
    ],
)
def test_talks_expected_at_a_place_are_talks_not_a_trip(text: str) -> None:
    kinds = {e["type"] for e in events_of(text)}
    assert kinds == {"meeting"}


def test_a_person_due_at_a_place_still_makes_a_trip() -> None:
    text = (
        "U.S. Trade Representative Jamieson Greer is due in Geneva on Monday for talks with "
        "Chinese officials."
    )
    assert {"visit", "meeting"} <= {e["type"] for e in events_of(text)}


# --- a trip made for a round of talks gives the round its date --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A U.S. team is scheduled to arrive in New Delhi on Monday for the sixth round of "
        "negotiations on a trade deal with India.",
        "Japan's chief negotiator flies to Washington on Monday for a new round of tariff talks "
        "with U.S. officials.",
    ],
)
def test_a_trip_for_a_round_of_talks_dates_the_round(text: str) -> None:
    assert ("meeting", "2025-06-16") in keys(text)


# --- a trip something is said before, on the story's day, is still ahead ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Talking before his departure for Paris, Brazilian Finance Minister Funaro said there "
        "could be no new austerity plan.",
        "He told a press conference before leaving for Tokyo that the debt was a concern.",
    ],
)
def test_a_trip_spoken_before_is_scheduled(text: str) -> None:
    visits = [e for e in events_of(text) if e["type"] == "visit"]
    assert visits and {e["status"] for e in visits} == {"scheduled"}


def test_a_trip_spoken_after_has_occurred() -> None:
    text = "Speaking after his visit to Tokyo, the Brazilian minister said tariffs would stay."
    visits = [e for e in events_of(text) if e["type"] == "visit"]
    assert visits and {e["status"] for e in visits} == {"occurred"}


# --- a trip in no official role is no visit ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A delegation of former senior US officials, travelling in what Washington described "
        "as a private capacity, was due in Taipei on Monday to meet political leaders.",
        "The former prime minister, on a private visit to Tokyo, met old friends on Monday.",
    ],
)
def test_a_private_trip_is_no_visit(text: str) -> None:
    assert not [e for e in events_of(text) if e["type"] in ("visit", "meeting")]


def test_an_official_delegation_s_trip_stays_a_visit() -> None:
    text = (
        "A delegation of senior US officials was due in Taipei on Monday to meet Taiwan's leaders."
    )
    assert "visit" in {e["type"] for e in events_of(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The Indian prime minister is scheduled to be in Moscow on June 19 and 20.",
        "Brazil's foreign minister is set to be in Moscow on June 19, his office said.",
        "The Kenyan president is slated to be in Moscow on June 19.",
    ],
)
def test_a_person_scheduled_to_be_in_a_foreign_capital_makes_a_trip(text: str) -> None:
    assert ("visit", "2025-06-19") in keys(text)


def test_an_occasion_or_a_thing_scheduled_to_be_in_a_place_is_no_trip() -> None:
    assert not {
        k for k in keys("The summit is scheduled to be in Moscow on June 19.") if k[0] == "visit"
    }
    assert not keys("The new tariff schedule is set to be in force on June 19.")


@pytest.mark.parametrize(
    "text",
    [
        "The Vietnamese leader's visit to Pyongyang, the first in 18 years, ended on Sunday.",
        "Lam's trip to Pyongyang, the first by a Vietnamese leader since 2007, ended on Sunday.",
    ],
)
def test_an_ordinal_apposition_does_not_cut_a_trip_from_its_date(text: str) -> None:
    assert ("visit", "2025-06-08") in keys(text)


def test_the_date_inside_an_ordinal_apposition_stays_the_earlier_ones() -> None:
    text = "The summit in Hanoi, the first since December 2019, drew protests."
    assert not {k for k in keys(text) if k[1].startswith("2019")}


@pytest.mark.parametrize(
    "text",
    [
        "The Socceroos have arrived at their World Cup base camp in the United States on Monday.",
        "Kenya's runners landed at the Olympic village in Paris on Monday.",
    ],
)
def test_a_sports_team_at_its_base_is_no_visit(text: str) -> None:
    assert not keys(text)


def test_a_leader_arriving_for_a_summit_is_still_a_visit() -> None:
    text = "The Kenyan president arrived in Tokyo on Monday for the TICAD summit."
    assert ("visit", "2025-06-09") in keys(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "External Affairs Minister S. Jaishankar was in Moscow last week, where he held "
            "talks with Russian Foreign Minister Sergei Lavrov.",
            "2025-W23",
        ),
        (
            "Ukrainian President Volodymyr Zelenskiy was in Ankara on Monday, his office said.",
            "2025-06-09",
        ),
        ("The Japanese delegation was in Washington on Monday for talks on tariffs.", "2025-06-09"),
    ],
)
def test_a_traveller_s_presence_abroad_with_its_date_is_a_visit(text: str, day: str) -> None:
    assert ("visit", day) in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices were in London on Monday at a low.",
        "The index was in Tokyo last week near a record.",
        "The summit was in Osaka last week.",
    ],
)
def test_things_and_occasions_being_somewhere_make_no_visit(text: str) -> None:
    assert "visit" not in {k[0] for k in keys(text)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Jaishankar travelled to Moscow on Monday, where he held talks with Lavrov.",
            "2025-06-09",
        ),
        (
            "The Indian foreign minister visited Moscow last week, where he met Russian Foreign "
            "Minister Sergei Lavrov.",
            "2025-W23",
        ),
    ],
)
def test_talks_in_a_where_clause_of_a_dated_trip_take_its_date(text: str, day: str) -> None:
    assert ("meeting", day) in keys(text)


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        (
            "Modi will travel to Tianjin for the Shanghai Cooperation Organisation summit on "
            "June 30 and July 1.",
            ("2025-06-30", ("CN", "IN")),
        ),
        (
            "Prabowo flew to Lima for the Asia-Pacific Economic Cooperation (APEC) leaders' "
            "meeting on Monday.",
            ("2025-06-09", ("ID", "PE")),
        ),
    ],
)
def test_a_trip_takes_the_date_of_the_gathering_it_is_made_for(
    text: str, visit: tuple[str, tuple[str, ...]]
) -> None:
    visits = {
        (e["date"], tuple(c for c in e["participants"] if len(c) == 2))
        for e in events_of(text)
        if e["type"] == "visit"
    }
    assert visit in visits


def test_each_leg_of_a_then_itinerary_with_a_particle_name_is_a_visit() -> None:
    text = (
        "Prabowo will then be in Lima from June 14 to 16 for the APEC leaders' meeting, and in "
        "Rio de Janeiro on June 18-19 for the G20 summit."
    )
    visits = {(e["date"], e["location"]) for e in events_of(text) if e["type"] == "visit"}
    assert {("2025-06-14", "Lima"), ("2025-06-18", "Rio de Janeiro")} <= visits


@pytest.mark.parametrize(
    "text",
    [
        "A U.S. trade delegation is in Tokyo for two days of talks on semiconductors.",
        "The Japanese negotiators are in Brussels for further consultations on car exports.",
        "Indian officials are in Washington for a new round of trade negotiations.",
    ],
)
def test_a_delegation_in_a_capital_for_talks_of_some_kind_is_a_visit(text: str) -> None:
    visits = [e for e in events_of(text) if e["type"] == "visit"]
    assert [e["date"] for e in visits] == [DCT.isoformat()]


def test_a_market_in_a_city_for_days_of_trading_is_no_visit() -> None:
    assert events_of("The dollar was in London for two days of heavy trading.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The club is in talks with a Porto side over the striker. The player visited the "
        "club's training ground in May.",
        "Portugal's league officials run the competition. Officials are due to visit the stadium "
        "next week to inspect the new stand.",
    ],
)
def test_a_trip_to_no_country_named_takes_none_from_the_story(text: str) -> None:
    assert not [e for e in events_of(text) if e["type"] == "visit"]


def test_an_arrival_with_no_place_is_at_the_dateline() -> None:
    text = "BAGHDAD, June 11 - The inspectors, who arrived on Tuesday, began work at once."
    visits = [e for e in events_of(text) if e["type"] == "visit"]
    assert [(e["date"], e["participants"]) for e in visits] == [("2025-06-10", ["IQ"])]
