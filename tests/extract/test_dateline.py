"""Datelines: the wire and newspaper forms a reader recognises, and sentences that are not."""

from __future__ import annotations

from datetime import date

import pytest

from bot.extract.dateline import find_dateline


@pytest.mark.parametrize(
    ("opening", "place", "dct"),
    [
        # place, country, US date with year, agency, dash
        ("EVIAN, France, Nov. 14, 2026 (Wire) - Leaders met.", "Evian", date(2026, 11, 14)),
        # title-case place, European date with year, no agency
        ("Evian, 14 November 2026 - Leaders met.", "Evian", date(2026, 11, 14)),
        ("Rio de Janeiro, 3 March 2025 \u2013 Brazil said.", "Rio de Janeiro", date(2025, 3, 3)),
        # US date with year, state with a period, two regions
        ("ST. LOUIS, Mo., March 3, 1987 - Shares rose.", "St. Louis", date(1987, 3, 3)),
        (
            "WASHINGTON, D.C., United States, Aug 19, 2025 \u2014 Talks.",
            "Washington",
            date(2025, 8, 19),
        ),
        # weekday before the date; press-release agency between slashes; em dash
        ("WASHINGTON, Tuesday, March 3, 1987 - Talks.", "Washington", date(1987, 3, 3)),
        ("NEW YORK, March 3, 2025 /PRNewswire/ -- Acme said.", "New York", date(2025, 3, 3)),
        ("KYIV, 2026-02-05 (Wire) \u2014 Talks ended.", "Kyiv", date(2026, 2, 5)),
        # the seed feed's own form
        (
            " date 2025-02-06 Tokyo, (APP - UrduPoint) Japanese Prime Minister",
            "Tokyo",
            date(2025, 2, 6),
        ),
    ],
)
def test_dated_forms_give_place_and_date(opening: str, place: str, dct: date) -> None:
    line = find_dateline(opening)
    assert line is not None
    assert (line.place, line.dct) == (place, dct)
    assert opening[line.end :].lstrip()[:1] not in ("-", "_", "\u2013", "\u2014", "")


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        # a date without a year: the place, and the DCT left for the reader to give
        ("EVIAN, France, Nov 14 (Reuters) - Leaders met in 2026.", "Evian"),
        ("LONDON, 14 Nov (AFP) - Talks resumed in 2025.", "London"),
        ("TOKYO, FEB 26 - Ministers met.", "Tokyo"),
        ("ATLANTA , March 3, - Shares rose.", "Atlanta"),
        ("BERLIN/BRUSSELS, May 20 (Reuters) - The leaders said.", "Berlin/Brussels"),
        # place only: with an agency, or in the wire's capitals
        ("Evian, France (AP) -- Leaders met.", "Evian"),
        ("WASHINGTON (AP) _ The president said.", "Washington"),
        ("KYIV, Ukraine \u2014 The U.S. has given Ukraine a deadline.", "Kyiv"),
        ("MUSCAT \u2013 Iran and the United States held talks.", "Muscat"),
        ("THE HAGUE, March 2 - Dutch imports rose.", "The Hague"),
    ],
)
def test_undated_forms_give_the_place_only(opening: str, place: str) -> None:
    line = find_dateline(opening)
    assert line is not None
    assert (line.place, line.dct) == (place, None)


def test_agency_date_without_place() -> None:
    line = find_dateline("Nov 14, 2026 (Reuters) - Leaders met.")
    assert line is not None and (line.place, line.dct) == (None, date(2026, 11, 14))


def test_dateline_after_a_headline_and_a_date_on_its_own_line() -> None:
    line = find_dateline("Leaders meet in Evian\n\nEVIAN, France, Nov. 14, 2026 (Wire) - They met.")
    assert line is not None and (line.place, line.dct) == ("Evian", date(2026, 11, 14))
    line = find_dateline(
        "EU sanctions Russian gas\n\nEUROPE (Enmaeya News) - October 23, 2025\n\nThe EU"
    )
    assert line is not None and (line.place, line.dct) == ("Europe", date(2025, 10, 23))


@pytest.mark.parametrize(
    "opening",
    [
        "The president said on Friday that talks would resume.",
        "In Paris, Nov 14 - the day the talks began - nothing moved.",
        "Japan, China - the two rivals - met.",
        "BREAKING - Talks collapse.",
        "Shafaq News \u2013 Sharm El-Sheikh (Updated on Tuesday at 11:13 a.m.)",
        "Nov 14, 2026 - a list item, not a dateline",
        "Trump, 79, said - loudly - that he would go.",
        "Talks in Geneva\n\nThe talks, on Nov. 14 - 15, were long.",
        "",
    ],
)
def test_sentences_are_not_datelines(opening: str) -> None:
    assert find_dateline(opening) is None


def test_a_dateline_is_looked_for_only_at_the_top() -> None:
    body = "Talks resumed.\n" * 60 + "LONDON, Nov. 14, 2026 (Reuters) - Late copy."
    assert find_dateline(body) is None


def test_impossible_dates_give_no_dct() -> None:
    line = find_dateline("TOKYO, Feb. 30, 2026 - Ministers met.")
    assert line is not None and line.place == "Tokyo" and line.dct is None
