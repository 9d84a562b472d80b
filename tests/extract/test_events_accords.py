"""Agreements and the dates they carry, by class of wording (signing, entry into force,
expiry, an accord reached or reaffirmed). The sentences are invented, in wire style."""

from __future__ import annotations

import pytest

from bot.extract.model import Article
from bot.extract.pipeline import extract_events
from tests.support.wording import DCT, events_of, keys

# --- a date after a reporting verb that belongs to the act it names ----------------------


def test_a_date_premodifying_an_accord_after_said_dates_the_accord() -> None:
    text = (
        "Japan's finance minister said the March 3 Geneva accord with South Korea had held up well."
    )
    assert ("agreement", "2025-03-03") in keys(text)


def test_a_date_between_a_subject_and_its_act_after_said_dates_the_act() -> None:
    text = "He said Chile and Peru last week signed a fisheries accord."
    assert ("agreement", "2025-W23") in keys(text)


def test_a_date_right_after_said_still_dates_the_saying() -> None:
    text = "Chile said on Monday the accord with Peru would be signed soon."
    assert ("agreement", "2025-06-09") not in keys(text)


# --- the story's own date word beats the DCT of an undated lead ----------------------------


def test_an_accord_the_lead_reports_takes_the_week_the_story_gives_it() -> None:
    text = (
        "Chile and Peru have reached agreement on a border accord, officials said.\n"
        "An official said the two governments this week agreed on the text of the accord."
    )
    found = keys(text)
    assert ("agreement", "2025-W24") in found
    assert ("agreement", "2025-06-11") not in found


# --- an accord its own words make international needs only one named party ----------------


def test_a_multilateral_or_bilateral_accord_needs_one_named_party() -> None:
    assert ("agreement", "2025-06-10") in keys(
        "Kenya signed a bilateral investment accord on Tuesday, the ministry said."
    )
    assert ("agreement", "2025-05") in keys(
        "Ghana's debts fall under a multilateral pact reached in May."
    )


def test_a_plain_accord_of_one_country_is_no_event() -> None:
    assert not keys("Kenya's ruling coalition signed an accord on Tuesday.")


# --- the end of a year is its last month ------------------------------------------------


def test_an_accord_expiring_at_the_end_of_a_year_expires_in_its_december() -> None:
    text = "The textile pact between Japan and Vietnam is due to expire at the end of 2026."
    assert ("agreement", "2026-12") in keys(text)


def test_an_accord_signed_in_a_bare_year_stays_undated() -> None:
    text = "Japan and Vietnam signed the textile pact in 2019."
    assert not any(kind == "agreement" for kind, _ in keys(text))


# --- reaffirming an accord is an agreement ----------------------------------------------


def test_reaffirming_an_accord_is_an_agreement_of_its_day() -> None:
    assert ("agreement", "2025-06-10") in keys(
        "Brazil and Argentina on Tuesday reaffirmed their commitment to the trade accord."
    )
    assert ("agreement", "2025-06-11") in keys(
        "The foreign ministers of Chile and Peru reaffirmed their border treaty, officials said."
    )


def test_a_company_reaffirming_its_commitment_is_no_agreement() -> None:
    text = "The Japanese carmaker reaffirmed its commitment to its plants in Mexico."
    assert not any(kind == "agreement" for kind, _ in keys(text))


def test_an_undated_lead_accord_takes_the_day_of_the_meeting_the_story_dates() -> None:
    text = (
        "Chile and Peru reaffirmed their border treaty, the Chilean foreign minister said.\n"
        "Speaking after yesterday's meeting of Chilean and Peruvian ministers, he said no new "
        "text was needed."
    )
    found = keys(text)
    assert ("agreement", "2025-06-10") in found
    assert ("agreement", "2025-06-11") not in found


# --- "the current agreement" is the accord the story named with its parties --------------


def test_a_definite_accord_takes_the_parties_of_the_accord_named_before() -> None:
    text = (
        "Renewal of the Canada-Mexico fisheries agreement is in doubt, officials said.\n"
        "The current agreement expires on March 31, 2026."
    )
    assert ("agreement", "2026-03-31") in keys(text)


def test_an_unnamed_accord_with_no_party_named_before_stays_out() -> None:
    text = (
        "Prices fell sharply on Monday, dealers said.\n"
        "The current agreement expires on March 31, 2026."
    )
    assert not any(kind == "agreement" for kind, _ in keys(text))


# --- an accord "between" states is the governments', whatever company was named before ----


def test_an_accord_between_states_is_governmental_after_a_company_word() -> None:
    text = (
        "Banks welcomed the capital rules, modelled on a January accord between France and "
        "Italy, the minister said."
    )
    assert ("agreement", "2025-01") in keys(text)


def test_an_accord_between_companies_stays_a_company_contract() -> None:
    text = (
        "Shareholders approved the March accord between Fiat Corp and Renault Holdings of "
        "France, the firms said."
    )
    assert not any(kind == "agreement" for kind, _ in keys(text))


# --- an undated accord the parties of dated talks reached is of the talks' day --------------


def test_an_accord_the_parties_of_dated_talks_reached_takes_their_day() -> None:
    text = (
        "Armenian and Azerbaijani delegations held talks in Geneva on Monday.\n"
        "An envoy said the Armenian and Azerbaijani delegations had agreed to an exchange "
        "of prisoners, which is to take place next month."
    )
    assert ("agreement", "2025-06-09") in keys(text)


def test_one_side_agreeing_as_reported_by_another_is_not_dated_by_the_talks() -> None:
    text = (
        "Armenian and Azerbaijani delegations held talks in Geneva on Monday.\n"
        "The Armenian envoy said Azerbaijan agreed to consider an exchange of prisoners."
    )
    assert ("agreement", "2025-06-09") not in keys(text)


# --- an accord named with its year is that year's, not dated by what is done with it -------


def test_an_accord_named_with_its_year_does_not_take_another_date() -> None:
    text = "Ministers reviewed Peru's compliance with the 2019 Chile-Peru fisheries pact yesterday."
    assert ("agreement", "2025-06-10") not in keys(text)


def test_ratifying_an_accord_named_with_its_year_is_dated_by_the_ratification() -> None:
    text = "Chile and Peru on Monday ratified the 2019 fisheries pact."
    assert ("agreement", "2025-06-09") in keys(text)


# --- a date right before "said" dates the saying ----------------------------------------


def test_a_date_before_said_dates_the_saying_not_the_accord() -> None:
    text = "Chilean negotiators last week said the fisheries pact with Peru was in danger."
    assert ("agreement", "2025-W23") not in keys(text)


# --- an act describing an accord named before it is no news of the day -----------------


def test_an_act_describing_a_named_accord_in_a_lead_is_not_dated_today() -> None:
    for text in (
        "Seoul remains committed to the Busan accord in which the two Koreas agreed to "
        "reduce tensions, the president said.",
        "The minister said the Busan pact agreed between the two Koreas set no timetable.",
    ):
        assert ("agreement", "2025-06-11") not in keys(text)


def test_an_accord_agreed_in_a_lead_is_dated_today() -> None:
    text = "North and South Korea agreed to reduce tensions along the border, officials said."
    assert ("agreement", "2025-06-11") in keys(text)


# --- "agreed to ... from <date>": the agreeing and the measure's start are two dates --------


def test_an_accord_and_its_start_date_are_two_events() -> None:
    text = "Chile and Peru agreed on Tuesday to lower fishing quotas from August 1."
    assert {("agreement", "2025-06-10"), ("agreement", "2025-08-01")} <= keys(text)


def test_the_start_of_an_agreed_measure_does_not_date_the_agreeing() -> None:
    text = (
        "Fish prices rose on Monday.\n"
        "At their meeting in May, the fisheries ministers of Chile and Peru agreed to lower "
        "quotas from August 1."
    )
    found = keys(text)
    assert ("agreement", "2025-05") in found


# --- ministers agreeing together also met ------------------------------------------------


def test_ministers_agreeing_report_their_meeting_too() -> None:
    text = "EU farm ministers agreed on Tuesday on a plan to cut milk output."
    assert {("agreement", "2025-06-10"), ("meeting", "2025-06-10")} <= keys(text)


def test_countries_agreeing_report_no_meeting_of_their_own() -> None:
    text = "Chile and Peru agreed on Tuesday on a fisheries plan."
    found = keys(text)
    assert ("agreement", "2025-06-10") in found
    assert ("meeting", "2025-06-10") not in found


# --- a commodity pact of producers and consumers naming no country: no party code ---------


def test_a_commodity_pact_naming_no_country_has_no_participants() -> None:
    text = (
        "Producing and consuming countries of the International Cocoa Organization agreed "
        "on new buffer stock rules on Tuesday.\nThe current pact expires in October."
    )
    found = [e for e in extract_events(Article(text=text, dct=DCT)) if e.type == "agreement"]
    assert {(e.date, tuple(e.participants)) for e in found} >= {
        ("2025-06-10", ()),
        ("2025-10", ()),
    }
    assert len(found) == len({e.date for e in found})  # one event per date, merged


def test_a_body_naming_no_country_outside_commodity_pacts_gives_no_accord() -> None:
    assert not keys("The committee agreed on new rules on Tuesday, a spokesman said.")


# --- a weekend is in its ISO week ---------------------------------------------------------


def test_an_accord_reached_last_weekend_is_dated_to_that_week() -> None:
    text = "Chile and Peru reached a fisheries accord last weekend, officials said on Wednesday."
    assert ("agreement", "2025-W23") in keys(text)


# --- an accord only supposed ("unless ... is agreed") is no event --------------------------


def test_an_accord_in_a_condition_is_no_event() -> None:
    text = (
        "France said it would block the budget unless a new farm pact with Spain is agreed "
        "at the summit on June 20."
    )
    assert ("agreement", "2025-06-20") not in keys(text)


def test_an_accord_agreed_on_a_day_is_an_event() -> None:
    text = "France and Spain agreed a new farm pact on June 2."
    assert ("agreement", "2025-06-02") in keys(text)


def test_an_accord_named_with_its_age_does_not_take_the_date_of_its_review() -> None:
    text = "EU and Japanese officials will review their two-year-old trade pact next week."
    assert ("agreement", "2025-W25") not in keys(text)


# --- an accord as the aim of talks is no event of the talks' day -------------------------


def test_an_accord_that_is_the_aim_of_talks_is_no_event() -> None:
    text = (
        "Oman hosted talks between Iran and the United States today with the shared aim of "
        "concluding a fair and binding agreement."
    )
    found = keys(text)
    assert ("meeting", "2025-06-11") in found
    assert ("agreement", "2025-06-11") not in found


# --- a place naming an accord is no venue -------------------------------------------------


def test_a_place_naming_an_accord_is_not_the_meeting_s_venue() -> None:
    text = (
        "Chilean and Peruvian ministers met on Monday and said they remained committed to "
        "the Lima accord."
    )
    meetings = [
        e for e in extract_events(Article(text=text, dct=DCT)) if e.type in ("meeting", "summit")
    ]
    assert meetings
    assert all(e.location != "Lima" for e in meetings)
    assert not keys(text) & {("agreement", "2025-06-09")}  # no accord of the meeting's day


# --- a loan signed is a lending contract, not an accord ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya will sign a 300 mln dlr loan in Tokyo on Monday.",
        "Indonesia said the 15-year loan from Japan, to be signed next month, carries a "
        "floating rate.",
        "A 350 mln dlr loan to Indonesia signed in Tokyo in December was followed by another in "
        "February.",
    ],
)
def test_a_loan_signed_is_no_accord(text: str) -> None:
    assert not {k for k in keys(text) if k[0] == "agreement"}


def test_a_credit_accord_between_governments_stays_an_accord() -> None:
    # look-alike: an accord between states about credits is theirs
    text = "West Germany and Tanzania signed an agreement on Monday rescheduling export credits."
    assert ("agreement", "2025-06-09") in keys(text)


# --- an accord only hoped for, pursued or commemorated is no accord event --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hopes grew for an agreement on buffer stock rules at the cocoa council, which opened "
        "in London on Monday between Ghana and Germany.",
        "Rubio held talks with Lavrov in Riyadh on Monday in pursuit of the first "
        "comprehensive Ukraine peace agreement since the war began.",
        "Poland and Germany marked the 35th anniversary of their border treaty on Monday.",
    ],
)
def test_an_accord_hoped_for_pursued_or_commemorated_is_no_event(text: str) -> None:
    assert "agreement" not in {kind for kind, _ in keys(text)}


def test_an_accord_signed_on_an_anniversary_is_one() -> None:
    # look-alike: the accord itself is signed on the day
    text = "Poland and Germany signed a new border treaty on Monday, 35 years after the first."
    assert ("agreement", "2025-06-09") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Forty British MPs signed a motion on Monday calling for sanctions against Russia.",
        "China and Portugal were close to agreement on Monday on the handover, a spokesman said.",
        "There is greater agreement now among Japan and the U.S. than at their May meeting.",
    ],
)
def test_a_motion_signed_an_accord_near_or_agreement_as_opinion_is_no_accord(text: str) -> None:
    assert "agreement" not in {kind for kind, _ in keys(text)}


@pytest.mark.parametrize(
    "text",
    [
        "G7 finance ministers agreed on Monday on the need to keep currencies stable.",
        "Japan and Korea agreed on the importance of free trade at their talks on Monday.",
        "OPEC output stayed below the cartel's agreed ceiling in May, its president said.",
        "A Vietnamese mission leaves for Washington on Monday to renegotiate a textile accord "
        "signed last year.",
    ],
)
def test_a_need_agreed_an_agreed_ceiling_or_an_accord_renegotiated_is_no_accord(
    text: str,
) -> None:
    assert "agreement" not in {kind for kind, _ in keys(text)}


def test_agreeing_to_act_is_still_an_accord() -> None:
    # look-alike: ministers agreeing to do something made an accord
    text = "G7 finance ministers agreed on Monday to keep currencies stable."
    assert ("agreement", "2025-06-09") in keys(text)


def test_broad_agreement_reached_is_an_accord() -> None:
    # look-alike: agreement reached, however broad
    text = "France and Germany reached broad agreement on Monday on a joint helicopter."
    assert ("agreement", "2025-06-09") in keys(text)


def test_a_dated_meeting_that_agreed_dates_its_accord() -> None:
    text = "Ishiba said last month's G7 meeting in Banff agreed to stabilize the yen."
    assert ("agreement", "2025-05") in keys(text)
    # look-alike: an accord agreed later than the meeting named before it keeps its own day
    text = "After last month's G7 meeting, Japan and Canada agreed on Monday to cut tariffs."
    assert ("agreement", "2025-05") not in keys(text)


def test_an_accord_signed_where_a_dated_meeting_was_held_takes_its_day() -> None:
    text = "Takaichi met Trump in Tokyo on June 3, where the two signed a framework on minerals."
    assert ("agreement", "2025-06-03") in keys(text)


def test_an_accord_a_meeting_reviews_takes_no_date_from_it() -> None:
    text = "G7 finance ministers will meet again next month to review their accord on the yen."
    assert ("meeting", "2025-07") in keys(text)
    assert ("agreement", "2025-07") not in keys(text)
    # look-alike: an accord to be signed at the meeting takes its date
    text = "Japan and Korea will meet next month to sign a fisheries accord."
    assert ("agreement", "2025-07") in keys(text)


def test_an_accord_made_at_a_dated_meeting_in_which_it_was_agreed_takes_its_day() -> None:
    text = (
        "Bessent said the meeting last month in Banff in which G7 finance ministers agreed to "
        "steady the yen showed that cooperation works."
    )
    assert ("agreement", "2025-05") in keys(text)
    assert ("meeting", "2025-06-11") not in keys(text)


# --- a truce is an accord when an act or a date names it, not as the backdrop ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Israeli strikes killed 20 people in Lebanon on Monday despite the ceasefire with Syria.",
        "Ceasefire talks between Russia and Ukraine resumed in Istanbul on Monday.",
        "A truce proposal by Egypt and Qatar was handed to Israel on Monday.",
    ],
)
def test_a_truce_named_as_backdrop_or_topic_is_no_accord(text: str) -> None:
    assert "agreement" not in {kind for kind, _ in keys(text)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("India and Pakistan agreed to a ceasefire on Monday.", "2025-06-09"),
        ("The truce between Armenia and Azerbaijan took effect on Monday.", "2025-06-09"),
        ("Iran and Iraq still argue over the August 1988 cease-fire.", "1988-08"),
    ],
)
def test_a_truce_agreed_taking_effect_or_dated_is_an_accord(text: str, want: str) -> None:
    assert ("agreement", want) in keys(text)


# --- an accord that talks are about is their topic; the talks keep the date -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The EU and India held talks on a free trade agreement on Monday.",
        "Japan and South Korea held discussions towards a new security pact in Tokyo on Monday.",
    ],
)
def test_an_accord_talks_are_about_is_no_accord_and_the_talks_keep_the_day(text: str) -> None:
    found = keys(text)
    assert ("meeting", "2025-06-09") in found
    assert "agreement" not in {kind for kind, _ in found}


def test_talks_concluded_on_an_accord_still_make_it() -> None:
    # look-alike: concluding the talks on a deal is reaching it
    text = "The EU and India concluded talks on a free trade agreement on Monday."
    assert ("agreement", "2025-06-09") in keys(text)


# --- an accord of one month held in one town is not that month's meeting held in another -------


def test_a_month_dated_accord_does_not_take_the_day_of_a_meeting_in_another_town() -> None:
    text = (
        "A new international rubber agreement between producers and consumers was adopted "
        "earlier this month in Geneva. Producing and consuming countries agreed several "
        "changes. The cocoa council of producing and consuming countries met in London on "
        "Monday."
    )
    agreements = {e["date"] for e in events_of(text) if e["type"] == "agreement"}
    assert agreements == {"2025-06"}


def test_a_month_dated_accord_takes_the_day_of_the_meeting_in_its_own_town() -> None:
    text = (
        "France and Germany agreed in Paris this month to cut tariffs on steel. Their "
        "ministers met in Paris on Monday."
    )
    assert ("agreement", "2025-06-09") in keys(text)


# --- "it will be signed": the accord named just before --------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "India and the European Union concluded talks on a free trade agreement on Monday. "
            "It will be signed in New Delhi next month, officials said.",
            ("2025-07", ["EU", "IN"]),
        ),
        (
            "Kenya and Tanzania settled the terms of a border treaty on Monday. It is expected "
            "to be formally signed in Arusha on Friday.",
            ("2025-06-13", ["KE", "TZ"]),
        ),
    ],
)
def test_an_accord_told_by_it_is_signed_on_its_own_day(
    text: str, want: tuple[str, list[str]]
) -> None:
    accords = [(e["date"], e["participants"]) for e in events_of(text) if e["type"] == "agreement"]
    assert want in accords


def test_what_it_stands_for_when_it_is_no_accord_is_no_accord() -> None:
    text = (
        "India and the European Union concluded talks on a free trade agreement on Monday. "
        "The budget bill went to parliament. It will be signed by the president next month."
    )
    assert "2025-07" not in {e["date"] for e in events_of(text) if e["type"] == "agreement"}


# --- a joint statement the two sides issued after their dated talks takes the talks' day ------


@pytest.mark.parametrize(
    "text",
    [
        "Li Qiang and Anthony Albanese held talks in Canberra on Monday. Afterwards the two "
        "governments issued a joint statement and signed five memorandums of understanding.",
        "Modi and Starmer met in London on Monday. The two sides later released a joint "
        "statement on trade.",
    ],
)
def test_a_statement_the_two_sides_issued_takes_their_talks_day(text: str) -> None:
    assert ("statement", "2025-06-09") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "India and the UK announced the conclusion of negotiations for the trade pact on June 6.",
        "Mercosur and the European Union on Friday announced the conclusion of negotiations on "
        "a free trade agreement.",
    ],
)
def test_announcing_negotiations_concluded_is_the_accord_reached_not_talks(text: str) -> None:
    assert {k[0] for k in keys(text)} == {"agreement"}


def test_negotiations_for_a_pact_still_planned_are_talks_not_the_pact() -> None:
    text = "India and the UK will hold negotiations for a trade pact on June 20."
    assert {k[0] for k in keys(text)} == {"meeting"}


@pytest.mark.parametrize(
    "text",
    [
        "The European Union and Mercosur announced Friday that they had concluded negotiations "
        "on a free trade agreement.",
        "Japan and Australia completed negotiations on an economic partnership agreement on "
        "Friday.",
    ],
)
def test_negotiations_concluded_on_an_accord_are_the_accord_dated_by_the_telling(
    text: str,
) -> None:
    assert keys(text) == {("agreement", "2025-06-06")}


def test_an_accord_announced_only_as_planned_takes_no_telling_day() -> None:
    text = "The EU and Mercosur announced Friday that they would sign a trade agreement."
    assert ("agreement", "2025-06-06") not in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Separately, the Falepili Union treaty between Australia and Tuvalu entered into force on "
        "Monday.",
        "The Customs Union accord between Russia and Belarus was signed on Monday.",
    ],
)
def test_union_in_an_accord_s_name_is_no_trade_union(text: str) -> None:
    assert {k[0] for k in keys(text)} == {"agreement"}


def test_a_trade_union_s_wage_accord_is_still_none() -> None:
    assert not keys("The union signed a wage agreement with the company on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "The Japan-Kenya EPA entered into force on Monday.",
        "India and Britain said the FTA was signed in London on Monday.",
    ],
)
def test_a_trade_pact_named_by_its_acronym_is_an_accord(text: str) -> None:
    assert ("agreement", "2025-06-09") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "The EPA said emissions fell on Monday.",
        "The FTA talks between India and Britain resumed on Monday.",
    ],
)
def test_an_agency_or_talks_named_by_the_acronym_are_no_accord(text: str) -> None:
    assert "agreement" not in {k[0] for k in keys(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and China signed 20 cooperation agreements covering roads, agriculture, the "
        "digital economy and vocational training on Monday.",
        "India and the EU signed a partnership accord regarding migration, research and "
        "maritime security on Monday.",
    ],
)
def test_what_an_accord_covers_stands_between_it_and_its_day(text: str) -> None:
    assert {day for kind, day in keys(text) if kind == "agreement"} == {"2025-06-09"}
