"""Agreements and the dates they carry, by class of wording (signing, entry into force,
expiry, an accord reached or reaffirmed). The sentences are invented, in wire style."""

from __future__ import annotations

from datetime import date

from bot.extract.model import Article
from bot.extract.pipeline import extract_events

DCT = date(2025, 6, 11)  # a Wednesday


def keys(text: str, dct: date | None = DCT) -> set[tuple[str, str]]:
    return {(e.type, e.date) for e in extract_events(Article(text=text, dct=dct))}


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
