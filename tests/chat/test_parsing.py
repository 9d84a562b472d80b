"""Parsing what members type into command options."""

from __future__ import annotations

import pytest

from bot.chat.parsing import (
    UserInputError,
    lookup_countries,
    lookup_timezones,
    parse_countries,
    parse_keywords,
    parse_time_of_day,
    parse_timezone,
    parse_types,
)


def test_countries_by_code_name_and_body() -> None:
    assert parse_countries("jp, United States, EU") == ["EU", "JP", "US"]


def test_unknown_country_is_refused_with_a_hint() -> None:
    with pytest.raises(UserInputError, match="two-letter code"):
        parse_countries("Atlantis")


def test_country_autocomplete_matches_names_and_codes() -> None:
    assert lookup_countries("jap")[0].code == "JP"
    assert any(c.code == "US" for c in lookup_countries("US"))
    assert len(lookup_countries("")) == 25


def test_types_are_checked() -> None:
    assert parse_types("Summit, tariff") == ["summit", "tariff"]
    with pytest.raises(UserInputError, match="Choose from"):
        parse_types("party")


def test_keywords_are_bounded() -> None:
    assert parse_keywords("LNG, steel, lng") == ["lng", "steel"]
    with pytest.raises(UserInputError):
        parse_keywords("x" * 61)


def test_time_of_day_and_zone() -> None:
    assert parse_time_of_day("8:30").hour == 8
    with pytest.raises(UserInputError, match="24-hour"):
        parse_time_of_day("25:00")
    assert parse_timezone("Europe/Paris") == "Europe/Paris"
    assert parse_timezone("utc") == "UTC"
    for bad in ("Mars/Olympus", "CET2", "../../etc/passwd", ""):
        with pytest.raises(UserInputError, match="IANA"):
            parse_timezone(bad)
    assert lookup_timezones("tokyo") == ["Asia/Tokyo"]


def test_news_channels_switch_asks_for_the_message_content_intent() -> None:
    from bot.chat.client import intents

    assert not intents().message_content
    assert intents(read_news_channels=True).message_content
    assert intents(read_news_channels=True).guild_messages
