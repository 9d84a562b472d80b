"""Event detection by class of wording, each rule on made-up sentences (issue 9).

Every test names a class of wording, not a text: the sentences are invented, and each class
is tried with more than one phrasing so a rule written for one example shows up here.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.extract.model import Article
from bot.extract.pipeline import extract_events

DCT = date(2025, 6, 11)  # a Wednesday


def events_of(text: str, dct: date | None = DCT) -> list[dict]:
    return [e.to_json() for e in extract_events(Article(text=text, dct=dct))]


def keys(text: str, dct: date | None = DCT) -> set[tuple[str, str]]:
    return {(e["type"], e["date"]) for e in events_of(text, dct)}


# --- a date opening the sentence dates its main clause ---------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "In March 2022, the grain initiative was signed by Ukraine and Russia with Turkey.",
            ("agreement", "2022-03"),
        ),
        (
            "On May 20, high-level delegations from Japan, India and Brazil sat down together "
            "to hold trilateral talks for the first time.",
            ("meeting", "2025-05-20"),
        ),
        (
            "Last Friday, the European Commission announced it would impose steep duties on "
            "imports of Chinese steel.",
            ("tariff", "2025-06-06"),
        ),
    ],
)
def test_opening_date_dates_the_main_clause(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


def test_opening_date_of_a_saying_does_not_date_a_planned_trip() -> None:
    # The date is when he spoke; the visit he would make has no date of its own.
    text = "On Monday, the French president told reporters that he would visit Brazil."
    assert not any(kind in ("visit", "summit") for kind, _ in keys(text))


# --- company versus government -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Acme Holdings Ltd said on Monday it agreed with Japan's Nippon Widget to form a joint "
        "venture in Brazil.",
        "Workers of the Grey Hill copper mine in Chile agreed on Tuesday to cut the price they "
        "charge Chinese smelters.",
        "The French bank Banque Exemple said it signed an agreement with the Polish state on "
        "Monday to finance exporters.",
        "Shareholders of Japanese and Korean carmakers will meet in Seoul on Friday.",
    ],
)
def test_company_deals_and_meetings_are_not_diplomatic(text: str) -> None:
    assert not {kind for kind, _ in keys(text)} & {"agreement", "meeting"}


def test_debt_talks_with_commercial_banks_are_no_meeting_but_with_the_imf_are() -> None:
    banks = "Argentina held talks with its creditor banks in New York on Monday."
    assert not any(kind == "meeting" for kind, _ in keys(banks))
    imf = "Argentina held talks with the IMF in Washington on Monday."
    assert ("meeting", "2025-06-09") in keys(imf)


def test_government_acting_after_a_company_is_named_still_counts() -> None:
    text = (
        "After Acme Corp lobbied for months, the governments of Japan and Canada signed a "
        "fisheries agreement on Monday."
    )
    assert ("agreement", "2025-06-09") in keys(text)


def test_central_bankers_meeting_with_finance_ministers_is_intergovernmental() -> None:
    text = (
        "Finance ministers and central bankers of Japan, Germany and France will meet in "
        "Paris on Saturday."
    )
    assert ("meeting", "2025-06-14") in keys(text)
