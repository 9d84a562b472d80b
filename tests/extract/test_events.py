"""Event detection rules, each on short made-up articles, plus the seed article's gold events."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.extract.model import Article
from bot.extract.pipeline import extract_events
from tests.support.shared_data import DEV_EVENTS, require


def events_of(text: str, dct: date | None = date(2025, 2, 6)) -> list[dict]:
    return [e.to_json() for e in extract_events(Article(text=text, dct=dct))]


def only(events: list[dict], kind: str) -> list[dict]:
    return [e for e in events if e["type"] == kind]


def test_leaders_meeting_ahead_is_a_scheduled_summit_on_the_coming_weekday() -> None:
    # 2025-02-06 is a Thursday: "will meet on Friday" is the next day, not last week.
    events = events_of("Trump will meet Ishiba in Washington on Friday.")
    summit = only(events, "summit")
    assert len(summit) == 1
    assert summit[0]["date"] == "2025-02-07"
    assert summit[0]["participants"] == ["JP", "US"]
    assert summit[0]["status"] == "scheduled"
    assert summit[0]["location"] == "Washington"


def test_past_meeting_is_behind_and_occurred() -> None:
    events = events_of("French and German foreign ministers met in Paris on Monday.")
    meeting = only(events, "meeting")
    assert [m["date"] for m in meeting] == ["2025-02-03"]
    assert meeting[0]["status"] == "occurred"
    assert meeting[0]["participants"] == ["DE", "FR"]


def test_date_after_reporting_verb_is_not_the_event_date() -> None:
    # "said Thursday" dates the report; the talks themselves carry no date, so no event.
    events = events_of("Japan said Thursday it would hold talks with China.")
    assert only(events, "meeting") == []


def test_joint_statement_due_at_a_summit_takes_the_summit_date() -> None:
    text = (
        "Trump will meet Ishiba in Washington on Friday. "
        "Officials said Thursday the pair will issue a joint statement on the alliance."
    )
    statement = only(events_of(text), "statement")
    assert [(s["date"], s["participants"]) for s in statement] == [("2025-02-07", ["JP", "US"])]


def test_postponed_and_cancelled_cues_set_the_status() -> None:
    postponed = events_of("The EU-China summit set for March 3 has been postponed, officials said.")
    assert [e["status"] for e in only(postponed, "summit")] == ["postponed"]
    cancelled = events_of("Russia and Ukraine called off talks planned for Monday in Istanbul.")
    assert [e["status"] for e in only(cancelled, "meeting")] == ["cancelled"]


def test_month_precision_and_spans() -> None:
    events = events_of("Canada and Mexico will hold trade talks in late April.")
    assert [e["date"] for e in only(events, "meeting")] == ["2025-04"]
    span = events_of("The G7 summit will take place in Kananaskis from June 15 to 17.")
    summit = only(span, "summit")
    assert [(s["date"], s["end_date"]) for s in summit] == [("2025-06-15", "2025-06-17")]


def test_company_meetings_and_deals_are_not_diplomatic_events() -> None:
    text = (
        "Shareholders of Acme Corp will meet on Friday to vote on the merger agreement. "
        "The board meeting on Monday approved a supply agreement with Widget Inc."
    )
    assert events_of(text) == []


def test_year_only_dates_are_left_out() -> None:
    assert only(events_of("Japan and Korea signed a fisheries treaty in 1965."), "agreement") == []


def test_lead_sentence_signing_without_date_happened_on_the_dct() -> None:
    events = events_of(
        "Jordan and Sudan signed a barter trade agreement, officials said.", date(1987, 3, 19)
    )
    assert [(e["date"], e["participants"], e["status"]) for e in events] == [
        ("1987-03-19", ["JO", "SD"], "occurred")
    ]


def test_two_day_session_ending_today_is_a_span() -> None:
    text = "U.S. and EC officials met at GATT during a special two-day session ending today."
    meeting = only(events_of(text, date(1987, 3, 20)), "meeting")
    assert [(m["date"], m["end_date"]) for m in meeting] == [("1987-03-19", "1987-03-20")]


def test_coordinated_dates_give_one_event_each() -> None:
    text = (
        "The OECD agreement between France and Japan will be implemented in two stages "
        "in July this year and July 1988."
    )
    dates = sorted(e["date"] for e in only(events_of(text, date(1987, 3, 17)), "agreement"))
    assert dates == ["1987-07", "1988-07"]


def test_one_event_per_real_event_in_an_article() -> None:
    text = (
        "Trump will meet Ishiba in Washington on Friday. "
        "Trump and Ishiba will meet at the White House on Friday to discuss trade."
    )
    assert len(only(events_of(text), "summit")) == 1


def test_no_dct_only_absolute_dates() -> None:
    events = events_of(
        "Trump will meet Ishiba on Friday. Japan and the US signed a pact on March 3, 2025.",
        dct=None,
    )
    assert [(e["type"], e["date"]) for e in events] == [("agreement", "2025-03-03")]


@pytest.mark.corpus
def test_seed_article_yields_exactly_its_gold_events() -> None:
    first = json.loads(require(DEV_EVENTS).read_text(encoding="utf-8").splitlines()[0])
    article = Article(text=first["text"], dct=date.fromisoformat(first["dct"]))
    got = {(e.type, e.date, tuple(e.participants), e.status) for e in extract_events(article)}
    want = {(e["type"], e["date"], tuple(e["participants"]), e["status"]) for e in first["events"]}
    assert got == want


def test_postponed_event_is_postponed_at_its_old_date_and_scheduled_at_the_new() -> None:
    """As the gold annotates a postponement (the old day postponed, the new one planned): an
    alert then tells subscribers both that the March 3 summit is off and when it now is."""
    events = events_of("The EU-China summit, originally set for March 3, was postponed to April 2.")
    assert [(e["date"], e["status"]) for e in only(events, "summit")] == [
        ("2025-03-03", "postponed"),
        ("2025-04-02", "scheduled"),
    ]


def test_an_event_at_a_zoned_clock_time_keeps_the_zone_offset() -> None:
    """The TimeML value drops the zone (SPEC's ``--timex`` form); the event's time keeps it."""
    text = "Japan and China will hold talks in Tokyo at 10 a.m. EST on Friday."
    (talks,) = extract_events(Article(text=text, dct=date(2025, 2, 6)))
    assert talks.date == "2025-02-07T10:00-05:00"
