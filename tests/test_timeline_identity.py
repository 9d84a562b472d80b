"""The identity rules on their own: mention and candidates in, decision out (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.extract.event_date import parse_event_date
from bot.timeline_identity import (
    NOISE_WINDOW,
    Candidate,
    Mention,
    flips_back,
    identify,
    move_direction,
    outcome,
    participant_agreement,
)


def mention(
    day: str,
    *codes: str,
    status: str = "scheduled",
    evidence: str = "",
    dct: str = "1987-03-01",
) -> Mention:
    return Mention(
        type="meeting",
        span=parse_event_date(day),
        participants=frozenset(codes or ("JP", "US")),
        status=status,
        evidence=evidence,
        dct=date.fromisoformat(dct),
    )


def stored(
    event_id: int, day: str, *codes: str, as_of: str = "1987-03-01", **extra: object
) -> Candidate:
    return Candidate(
        id=event_id,
        span=parse_event_date(day),
        participants=frozenset(codes or ("JP", "US")),
        as_of=date.fromisoformat(as_of),
        **extra,  # type: ignore[arg-type]
    )


def joined(m: Mention, *candidates: Candidate) -> int | None:
    decision = identify(m, list(candidates))
    return None if decision.match is None else decision.match.candidate.id


@pytest.mark.parametrize(
    ("new", "old", "expected"),
    [
        ({"JP", "US"}, {"JP", "US"}, "equal"),
        ({"JP", "US"}, {"JP", "KR", "US"}, "inside"),
        ({"US"}, {"EU", "IT", "JP", "US"}, "lone"),
        ({"EU", "JP", "US"}, {"JP", "KR", "US"}, "pair"),
        ({"EU", "US"}, {"AR", "US"}, None),
        ({"EU", "FR", "US"}, {"AR", "BR", "US"}, None),
    ],
)
def test_participant_agreement(new: set[str], old: set[str], expected: str | None) -> None:
    assert participant_agreement(frozenset(new), frozenset(old)) == expected


def test_another_day_of_the_same_pair_is_another_event() -> None:
    assert joined(mention("1987-03-26"), stored(1, "1987-03-12")) is None


def test_the_same_day_joins_even_on_a_lone_shared_name() -> None:
    assert joined(mention("1987-03-12", "US"), stored(1, "1987-03-12", "EU", "JP", "US")) == 1


def test_a_lone_name_does_not_join_a_vaguer_or_other_dated_event() -> None:
    assert joined(mention("1987-03", "US"), stored(1, "1987-03-12", "EU", "JP", "US")) is None
    assert joined(mention("1987-03-12", "US"), stored(1, "1987-03", "EU", "JP", "US")) is None


def test_a_month_mention_joins_the_one_day_event_inside_it_without_re_dating() -> None:
    m = mention("1987-03")
    decision = identify(m, [stored(1, "1987-03-12"), stored(2, "1987-04-02")])
    assert decision.match is not None and decision.match.candidate.id == 1
    assert outcome(m, decision.match).span is None


def test_a_month_mention_fitting_two_day_events_joins_neither_and_says_so() -> None:
    decision = identify(mention("1987-03"), [stored(1, "1987-03-12"), stored(2, "1987-03-26")])
    assert decision.match is None
    assert decision.tied == (1, 2)
    assert "fits events 1, 2" in decision.note


def test_a_day_refines_a_month_event_only_when_no_day_event_could_be_it() -> None:
    vague = stored(1, "1987-03")
    assert joined(mention("1987-03-20"), vague) == 1
    assert joined(mention("1987-03-20"), vague, stored(2, "1987-03-12")) is None


def test_a_stated_postponement_moves_to_a_later_day_and_records_the_words() -> None:
    words = "The meeting set for March 7 has been postponed until April 2, officials said."
    m = mention("1987-04-02", "OPEC", status="postponed", evidence=words)
    decision = identify(m, [stored(1, "1987-03-07", "OPEC")])
    assert decision.match is not None and decision.match.relation == "moved"
    change = outcome(m, decision.match, decision.note)
    assert change.span is not None and change.span.text == "1987-04-02"
    assert "postponed until April 2" in change.reason
    assert change.status == "postponed"


@pytest.mark.parametrize(
    ("words", "day", "moves"),
    [
        ("The talks were postponed until Monday.", "1987-03-16", True),
        ("The talks were postponed until Monday.", "1987-03-05", False),  # backwards
        ("The talks were brought forward to Thursday.", "1987-03-05", True),
        ("The summit was rescheduled for March 20.", "1987-03-20", True),
        ("They signed an agreement to reschedule Nigeria's official debts.", "1987-03-20", False),
        ("The board put off any decisions until later.", "1987-03-16", False),
        ("The two sides will meet again next Thursday.", "1987-03-19", False),
    ],
)
def test_only_wording_that_moves_the_event_moves_it(words: str, day: str, moves: bool) -> None:
    m = mention(day, evidence=words, dct="1987-03-02")
    assert (joined(m, stored(1, "1987-03-10")) == 1) is moves


def test_a_past_event_that_occurred_is_not_moved_by_a_later_postponement() -> None:
    words = "The committee meeting has been postponed until the start of April."
    m = mention("1987-04", "OPEC", status="postponed", evidence=words, dct="1987-03-01")
    assert joined(m, stored(1, "1987-02-26", "OPEC", status="occurred")) is None


def test_a_late_report_of_a_date_the_event_left_joins_without_moving_it() -> None:
    moved = stored(1, "1987-04-02", "OPEC", left=(parse_event_date("1987-03-07"),))
    for day in ("1987-03-07", "1987-03"):
        m = mention(day, "OPEC")
        decision = identify(m, [moved])
        assert decision.match is not None and decision.match.relation == "former"
        assert outcome(m, decision.match).span is None


def test_an_older_article_never_moves_the_event() -> None:
    words = "The talks were postponed until March 20."
    m = mention("1987-03-20", evidence=words, dct="1987-03-01")
    newer = stored(1, "1987-03-10", as_of="1987-03-05")
    assert joined(m, newer) is None


def test_two_events_of_one_article_never_share_a_stored_event() -> None:
    decision = identify(mention("1987-03-12"), [stored(1, "1987-03-12")], taken=[1])
    assert decision.match is None


def test_a_date_back_where_it_was_within_a_day_is_noise() -> None:
    moved_at = datetime(1987, 3, 2, 9, 0, tzinfo=UTC)
    assert flips_back("1987-03-10", (moved_at, "1987-03-10"), moved_at + timedelta(hours=3))
    assert not flips_back("1987-03-10", (moved_at, "1987-03-10"), moved_at + NOISE_WINDOW)
    assert not flips_back("1987-03-11", (moved_at, "1987-03-10"), moved_at + timedelta(hours=3))


def test_move_direction_reads_the_sentence_before_the_status() -> None:
    assert move_direction("They agreed to reschedule the debts.", "postponed") is None
    assert move_direction("Ministers meet in Paris.", "scheduled") is None
    # A span without words of its own leaves it to the extractor's status.
    assert move_direction("summit on 2025-03", "postponed") == "later"
    assert move_direction("", "postponed") == "later"
