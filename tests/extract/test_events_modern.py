"""2024-2026 wording: abbreviated titles and the trade and office vocabulary of modern wires."""

from __future__ import annotations

import pytest

from tests.support.wording import keys, parties_of


@pytest.mark.parametrize(
    "text",
    [
        "PM Modi will meet French President Emmanuel Macron in Paris on Friday.",
        "At 5 PM Modi will meet Macron in Paris on Friday.",
    ],
)
def test_an_abbreviated_title_names_the_leader(text: str) -> None:
    assert ("summit", "2025-06-13") in keys(text)


def test_an_abbreviated_foreign_minister_takes_part_in_talks() -> None:
    text = "FM Wang Yi will hold talks with Indian External Affairs Minister Jaishankar on Friday."
    assert ("meeting", "2025-06-13") in keys(text)


def test_an_fm_radio_station_is_no_minister() -> None:
    assert not keys("The FM radio station will broadcast the summit on Friday.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The new U.S. tariffs on Canadian steel take effect on June 20.",
            ("tariff", "2025-06-20"),
        ),
        (
            "President Trump paused the tariffs on Mexican goods for 90 days on Monday.",
            ("tariff", "2025-06-09"),
        ),
        (
            "The European Commission imposed anti-dumping duties on Chinese electric bicycles "
            "on Tuesday.",
            ("tariff", "2025-06-10"),
        ),
        (
            "Indonesia and Malaysia signed a memorandum of understanding on palm oil on Monday.",
            ("agreement", "2025-06-09"),
        ),
        (
            "South Korea's new president Lee Jae-myung was sworn in on June 4.",
            ("election", "2025-06-04"),
        ),
        ("Washington revoked a sanctions waiver for Iraq on Tuesday.", ("sanctions", "2025-06-10")),
    ],
)
def test_modern_trade_and_office_wording(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Modi met Macron in Paris on Monday. The two sides exchanged MOUs on defence and space.",
        "Lula held talks with Xi in Beijing on Monday. Afterwards the two leaders signed 20 "
        "cooperation agreements.",
        "Prabowo met Albanese in Canberra on Monday. The two sides inked a memorandum of "
        "understanding on food security.",
    ],
)
def test_the_two_sides_sign_at_the_talks_just_reported(text: str) -> None:
    assert ("agreement", "2025-06-09") in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Modi met Macron in Paris on Monday. The two countries had signed a defence pact.",
        "Modi met Macron in Paris on Monday. The two leaders signed the guest book.",
        "Lula held talks with Xi in Beijing on Monday. The two leaders signed a joint statement.",
    ],
)
def test_background_accords_and_other_signatures_are_no_signing_at_the_talks(text: str) -> None:
    assert not any(kind == "agreement" for kind, _ in keys(text))


@pytest.mark.parametrize(
    "text",
    [
        "NATO defence ministers met in Brussels on Monday to discuss support for Ukraine.",
        "British and French ministers met on Monday to discuss military aid to Ukraine.",
        "EU foreign ministers met on Monday to agree new funding for Ukraine.",
    ],
)
def test_the_country_talks_pledge_support_to_is_no_participant(text: str) -> None:
    assert "UA" not in parties_of(text, "meeting")


def test_a_leader_seeking_support_for_his_country_still_takes_part() -> None:
    text = "Zelensky met Merz in Berlin on Monday to seek support for Ukraine."
    assert {"DE", "UA"} <= parties_of(text, "summit")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("China will ban imports of Japanese seafood from Monday.", ("tariff", "2025-06-16")),
        ("The EU will ban imports of Russian steel from next month.", ("tariff", "2025-07")),
    ],
)
def test_an_announced_import_ban_is_a_trade_decision(text: str, want: tuple[str, str]) -> None:
    assert want in keys(text)


def test_ban_as_a_verb_on_no_trade_is_no_trade_decision() -> None:
    assert not keys("The government would ban tied aid credits under the new rules.")
