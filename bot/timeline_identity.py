"""When a new mention is the same real event as a stored one, and what it may change (pure).

A mention (one event an article reports) and the stored events that could be it go in; a
decision comes out. No database, no clock: the timeline feeds it, ``diplobot db recheck``
replays stored sources through it, and the tests drive it directly.

Identity rules (docs/TIMELINE.md has them with examples):

1. **Same type.** A meeting never joins a summit.
2. **Compatible participants**: equal sets; or one inside the other; or sharing at least the
   principal pair (two names, half of all named). An event is never joined on a single shared
   name unless one set is inside the other. Joining a lone name to a larger event ("US" to
   "EU, Japan, US") is *weak* evidence: it is allowed only on the same date string; refining,
   moving, or joining with a vaguer date needs *strong* evidence (anything else).
3. **Compatible dates**:
   - the same date, or the same first day: joins (another time of that day joins too,
     without re-timing; a time or a last day added to the day refines it);
   - a more precise date inside a vaguer stored one (``2025-02-07`` in ``2025-02``) joins and
     refines it, unless another stored day event of the same participants also lies in that
     span (then the vague event could be either, and it is left alone);
   - a vaguer date holding the stored one (``2025-02`` over ``2025-02-07``) joins and never
     re-dates it; a day inside a stored span of at most two weeks ("Feb 7-9"), or the
     reverse, joins without change;
   - a day the event is known to have left (a date it held before a move, or the date a
     source reports postponed), or a vaguer date holding such a day, joins without moving:
     a late report of the old plan;
   - any other date is a different event, unless the mention's article says the event moved
     (postponed, put off, delayed, pushed back, deferred: to a later date; brought forward,
     moved up: earlier; rescheduled, moved to: either way), with strong participants, within
     ``RESCHEDULE_WINDOW_DAYS``, of an event not already over when the article appeared. An
     article older than the event's newest source only joins such an event (the older report
     of a postponement the event went through) and never moves it. A vaguer new date ("put
     off until April") may replace a day only when it lies wholly after it.
4. **One best candidate.** Candidates rank by how much their dates say (the same day, or a day
   inside a short span; then a shared month or week, a refinement or a containment; then a
   late report; then a move), then by participant agreement (equal, inside, principal pair,
   lone name), then by an identical date string, then by the share of names in common. When
   the two best tie, the mention joins none and the tie is noted: a new event is safer than
   a wrong "rescheduled". (Tied events that are one event stored twice, same day and
   agreeing names, are no doubt: the oldest is joined.)
5. **One article, distinct events.** Two different events of one article (SPEC.md merges an
   article's repeated mentions already) never join the same stored event.

What a joined mention may change (``outcome``): a refinement re-dates whatever the article's
age; a move re-dates only from an article at least as recent as the event's newest source,
and records its wording; status follows ``status_wins``. A date that returns to where it was
before a move made less than ``NOISE_WINDOW`` ago is noise (``flips_back``): the timeline
keeps it in the history and alerts nobody.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from bot.extract.event_date import EventDate as DateSpan
from bot.extract.event_date import relate

RESCHEDULE_WINDOW_DAYS = 120
NOISE_WINDOW = timedelta(days=1)
MAX_WITHIN_SPAN_DAYS = 14
MIN_PARTICIPANT_JACCARD = 0.5
STATUS_WEIGHT = {"scheduled": 0, "postponed": 1, "cancelled": 2, "occurred": 3}

Agreement = Literal["equal", "inside", "pair", "lone"]
Relation = Literal["same", "finer", "coarser", "within", "former", "moved"]
Direction = Literal["later", "earlier", "either"]

_AGREEMENT_RANK: dict[str, int] = {"equal": 3, "inside": 2, "pair": 1, "lone": 0}
# How much a date relation says: one day (the same, or inside a short span) says most; a
# month or week shared, or holding the other, says less, and then participants decide.
_RELATION_RANK: dict[str, int] = {
    "same-day": 4,
    "within": 4,
    "same": 3,
    "finer": 3,
    "coarser": 3,
    "former": 2,
    "moved": 1,
}
# An article moves an event when it says so of the event, not of a debt, a decision or a
# shipment: "rescheduling agreement" and "put off any decisions" move nothing.
_NOT_AN_EVENT = (
    r"(?! (?:\S+ ){0,3}(?:debts?|loans?|payments?|principal|interest|decisions?|arrears)\b)"
)
_LATER = re.compile(
    r"\b(?:postpon(?:e|es|ed|ing|ement)|put(?:s|ting)? off|delay(?:s|ed|ing)?"
    r"|push(?:ed|es|ing)? back|defer(?:s|red|ring|ral)?)\b" + _NOT_AN_EVENT,
    re.IGNORECASE,
)
_EARLIER = re.compile(
    r"\b(?:br(?:ought|ing|ings|inging) forward|moved? (?:up|forward)|advanced to)\b",
    re.IGNORECASE,
)
_ANY_CUE = re.compile(
    r"postpon|put(?:s|ting)? off|delay|push(?:ed|es|ing)? back|defer|re-?schedul|forward"
    r"|moved? (?:up|to)|advanced to|will now",
    re.IGNORECASE,
)
_EITHER = re.compile(
    r"\b(?:re-?scheduled (?:for|to|until|on)\b|will now (?:take place|be held|meet))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as an article reports it, with the article's publication date."""

    type: str
    span: DateSpan
    participants: frozenset[str]
    status: str = "scheduled"
    evidence: str = ""
    dct: date | None = None

    def key(self) -> tuple[str, str, frozenset[str]]:
        """What makes two events of one article the same (SPEC.md's scoring key)."""
        return (self.type, self.span.day_text, self.participants)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored event that could be the mention's, with what is known of its past dates.

    ``left`` holds the dates it is known to have left: those it held before a move and those
    a source reports postponed. ``moved_here`` says a source states the move to its date.
    """

    id: int
    span: DateSpan
    participants: frozenset[str]
    status: str = "scheduled"
    as_of: date | None = None
    left: tuple[DateSpan, ...] = ()
    moved_here: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    candidate: Candidate
    relation: Relation
    agreement: Agreement
    jaccard: float
    one_day: bool = False  # the mention names one day (or time), not a month or week

    @property
    def rank(self) -> tuple[int, int, int, float]:
        """What the dates say, then the names, then an identical date string, then overlap."""
        relation = "same-day" if self.relation == "same" and self.one_day else self.relation
        identical = int(self.relation == "same")
        return (
            _RELATION_RANK[relation],
            _AGREEMENT_RANK[self.agreement],
            identical,
            self.jaccard,
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """The stored event the mention is (None: a new event), and a note on a tie or a move."""

    match: Match | None
    note: str = ""
    tied: tuple[int, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a joined mention changes: a new date and why, a new status (None: unchanged)."""

    span: DateSpan | None = None
    reason: str = ""
    status: str | None = None


# ----------------------------------------------------------------------------- participants


def participant_agreement(new: frozenset[str], old: frozenset[str]) -> Agreement | None:
    """How two participant sets agree, or None when they name different events.

    "US" and "EU, Italy, Japan, US" agree only weakly (``lone``): a lone shared name is what
    let one domestic council meeting join a four-party event.
    """
    if new == old:
        return "equal"
    shared = new & old
    if not shared:
        return None
    if new <= old or old <= new:
        return "inside" if len(shared) >= 2 else "lone"
    if len(shared) >= 2 and len(shared) / len(new | old) >= MIN_PARTICIPANT_JACCARD:
        return "pair"
    return None


# ----------------------------------------------------------------------------- wording


def move_direction(evidence: str, status: str = "scheduled") -> Direction | None:
    """Which way the article says the event moved, or None when it says nothing of a move.

    The sentence decides where it speaks of a move: "agreed to reschedule its debts" is not a
    move of a meeting, though the extractor may call it ``postponed``. A sentence (or span)
    with no such word at all leaves it to the extractor's ``postponed`` status.
    """
    if not _ANY_CUE.search(evidence):
        return "later" if status == "postponed" else None
    if _EITHER.search(evidence):
        return "either"
    if _EARLIER.search(evidence):
        return "earlier"
    if _LATER.search(evidence):
        return "later"
    return None


def move_wording(evidence: str, status: str = "scheduled", width: int = 160) -> str:
    """The words that moved an event, for its history: the cue with some of its sentence."""
    text = " ".join(evidence.split())
    for pattern in (_EITHER, _EARLIER, _LATER):
        if found := pattern.search(text):
            start = max(0, found.start() - width // 2)
            return text[start : start + width]
    return f"reported {status}" if status == "postponed" else text[:width]


# ----------------------------------------------------------------------------- matching


def _strong(agreement: Agreement) -> bool:
    return agreement != "lone"


def _contains(outer: DateSpan, inner: DateSpan) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _inside_span(day: DateSpan, span: DateSpan) -> bool:
    """A day inside a short stated span ("Feb 7-9"); months "open for signature" are no event."""
    return _contains(span, day) and (span.end - span.start).days <= MAX_WITHIN_SPAN_DAYS


def _is_day(span: DateSpan) -> bool:
    return span.precision in ("day", "time")


def direction_fits(direction: Direction, new: DateSpan, old: DateSpan) -> bool:
    if direction == "later":
        return new.start > old.end
    if direction == "earlier":
        return new.end < old.start
    return new.start != old.start or new.end != old.end


def _leaves(mention: Mention, candidate: Candidate) -> bool:
    """The mention names a date the event is known to have left (or a vaguer one holding it)."""
    span = mention.span
    for left in candidate.left:
        if span.day_text == left.day_text and _is_day(span):
            return True
        if span.rank < left.rank and _is_day(left) and _contains(span, left):
            return True
    return False


def _moves(mention: Mention, candidate: Candidate, agreement: Agreement) -> bool:
    """The mention's article moves this event (rule 3, last case)."""
    new, old = mention.span, candidate.span
    direction = move_direction(mention.evidence, mention.status)
    if direction is None or not _strong(agreement):
        return False
    if abs((new.start - old.start).days) > RESCHEDULE_WINDOW_DAYS:
        return False
    over = mention.dct is not None and old.end < mention.dct and candidate.status == "occurred"
    if over:
        return False
    if new.rank < old.rank and not (direction == "later" and new.start > old.end):
        return False
    if _older(mention, candidate):
        # An older report of the postponement this event went through: it joins, never moves.
        return candidate.moved_here and mention.status == "postponed" and new.end < old.start
    return direction_fits(direction, new, old)


def _older(mention: Mention, candidate: Candidate) -> bool:
    return mention.dct is not None and candidate.as_of is not None and mention.dct < candidate.as_of


def _relation(
    mention: Mention, candidate: Candidate, agreement: Agreement, others: Sequence[Candidate]
) -> Relation | None:
    new, old = mention.span, candidate.span
    kind = relate(new, old)
    if kind == "same":
        return "same"
    if _is_day(new) and _is_day(old) and new.start == old.start:
        # The event's (first) day: a time or a last day added refines it when the evidence is
        # strong; another time of the day, or the first day of a stated span, just joins.
        return "finer" if kind == "finer" and _strong(agreement) else "same"
    if not _strong(agreement):
        return None
    if kind == "finer":
        ambiguous = any(
            o.id != candidate.id
            and _is_day(o.span)
            and _contains(old, o.span)
            and participant_agreement(mention.participants, o.participants) is not None
            for o in others
        )
        return None if ambiguous else "finer"
    if kind == "coarser":
        return "coarser"
    if _is_day(new) and _is_day(old) and (_inside_span(new, old) or _inside_span(old, new)):
        return "within"
    if _moves(mention, candidate, agreement):  # a stated move back to a date left is a move
        return "former" if _older(mention, candidate) else "moved"
    if _leaves(mention, candidate):
        return "former"
    return None


def identify(
    mention: Mention, candidates: Sequence[Candidate], taken: Iterable[int] = ()
) -> Decision:
    """The stored event this mention is, by the rules above (None: a new event).

    ``taken`` are events this article already placed another of its events in (rule 5).
    """
    excluded = set(taken)
    matches: list[Match] = []
    for candidate in candidates:
        if candidate.id in excluded:
            continue
        agreement = participant_agreement(mention.participants, candidate.participants)
        if agreement is None:
            continue
        relation = _relation(mention, candidate, agreement, candidates)
        if relation is None:
            continue
        union = mention.participants | candidate.participants
        jaccard = len(mention.participants & candidate.participants) / len(union) if union else 1.0
        one_day = _is_day(mention.span)
        matches.append(Match(candidate, relation, agreement, round(jaccard, 6), one_day))
    if not matches:
        return Decision(None)
    matches.sort(key=lambda m: (m.rank, -m.candidate.id), reverse=True)
    best = matches[0]
    tied = [m.candidate for m in matches if m.rank == best.rank]
    if len(tied) > 1 and not _duplicates(tied):
        listed = ", ".join(str(c.id) for c in tied)
        return Decision(
            None, f"fits events {listed} equally: kept apart", tuple(c.id for c in tied)
        )
    best = min((m for m in matches if m.rank == best.rank), key=lambda m: m.candidate.id)
    note = move_wording(mention.evidence, mention.status) if best.relation == "moved" else ""
    return Decision(best, note)


def _duplicates(candidates: Sequence[Candidate]) -> bool:
    """Tied candidates that are one event stored twice (same first day, or one date holding
    the other, agreeing participants): the oldest is joined, as a tie between them is no
    doubt about which event the mention means."""
    return all(
        (a.span.start == b.span.start or _contains(a.span, b.span) or _contains(b.span, a.span))
        and participant_agreement(a.participants, b.participants) is not None
        for a, b in itertools.combinations(candidates, 2)
    )


# ----------------------------------------------------------------------------- what changes


def is_newer(dct: date | None, as_of: date | None) -> bool:
    """Strictly more recent than what the event already reflects (unknown dates count as new)."""
    return dct is None or as_of is None or dct > as_of


def status_wins(new: str, old: str, *, newer: bool, same_day: bool, moved: bool) -> bool:
    """A status change stands when its article is as recent; on one day, news beats a plan."""
    if new == old or not (newer or same_day):
        return False
    if new == "scheduled" and old == "occurred" and not moved:
        return False
    if same_day and not newer and not moved:
        return STATUS_WEIGHT.get(new, 0) > STATUS_WEIGHT.get(old, 0)
    return True


def outcome(mention: Mention, match: Match, note: str = "") -> Outcome:
    """What joining ``mention`` to its match changes (see the module's last paragraph)."""
    candidate = match.candidate
    newer = is_newer(mention.dct, candidate.as_of)
    same_day = mention.dct is not None and mention.dct == candidate.as_of
    span: DateSpan | None = None
    reason = ""
    if match.relation == "finer":
        span, reason = mention.span, "refined"
    elif match.relation == "moved" and (newer or same_day):
        span, reason = mention.span, note or move_wording(mention.evidence, mention.status)
    if span is not None and (span.text, span.end) == (candidate.span.text, candidate.span.end):
        span = None
    status: str | None = None
    if match.relation != "former" and status_wins(
        mention.status,
        candidate.status,
        newer=newer,
        same_day=same_day,
        moved=match.relation == "moved" and span is not None,
    ):
        status = mention.status
    return Outcome(span, reason, status)


def flips_back(new_text: str, last_move: tuple[datetime, str | None], now: datetime) -> bool:
    """The date returns to where it was before a move made less than ``NOISE_WINDOW`` ago.

    ``last_move`` is (when, from which date) of the event's latest date change.
    """
    at, old = last_move
    return old == new_text and now - at < NOISE_WINDOW


__all__ = [
    "NOISE_WINDOW",
    "RESCHEDULE_WINDOW_DAYS",
    "Candidate",
    "Decision",
    "Match",
    "Mention",
    "Outcome",
    "direction_fits",
    "flips_back",
    "identify",
    "is_newer",
    "move_direction",
    "move_wording",
    "outcome",
    "participant_agreement",
    "status_wins",
]
