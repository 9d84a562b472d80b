"""What a user would call wrong in a stored timeline: silent date conflicts, unexplained moves.

Read-only, and independent of the rules that built the timeline: it judges the stored
sources and history, so ``scripts/eval_merge.py`` and ``diplobot db recheck`` can say how
many joins look wrong before and after a change of rules.

- A **silent conflict** is an event with a day-precise source naming a day the event never
  had (no recorded date, before or after a move, holds that day) and that no source reports
  as postponed. The issue's older, looser count is also given: events whose day-precise
  sources name several days while the event's date never moved.
- A **date move** (a ``date`` row of the history) is explained when it is a refinement (a
  vaguer date made precise inside its own span) or when the sentence of the article that
  moved it says so, in the direction it went (postponed, put off, delayed: later; brought
  forward: earlier; rescheduled for, will now be held: either). A later date given to an
  event that was postponed, by an article that does not say so, is counted apart
  (``after-postponement``) and is not an explanation; nor is anything else.

Gold joins (``score_joins``): gold events fed through the timeline as if extracted
(``GoldExtractor``), then judged pairwise by the gold's own evidence (``gold_relation``).
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.extract.event_date import EventDate as DateSpan
from bot.extract.event_date import parse_event_date
from bot.extract.model import Article, Event
from bot.news.articles import parse_dct
from bot.timeline import IngestResult
from bot.timeline_identity import direction_fits, move_direction
from storage.models import ArticleRow, EventArticle, EventHistory, EventRow

DAY_PRECISION = frozenset({"day", "time"})


@dataclass(frozen=True, slots=True)
class MoveVerdict:
    """One recorded date move and why it stands (or ``unexplained``)."""

    event_id: int
    title: str
    old: str | None
    new: str | None
    article: str
    kind: str  # refinement | stated | after-postponement | recheck | unexplained
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Conflict:
    """An event whose day-precise sources name days it never had."""

    event_id: int
    title: str
    date: str
    stray_days: tuple[str, ...]


@dataclass(slots=True)
class Audit:
    """Counts over a whole timeline, with the offending events listed."""

    events: int = 0
    multi_source: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    loose_conflicts: list[int] = field(default_factory=list)
    moves: list[MoveVerdict] = field(default_factory=list)

    @property
    def unexplained(self) -> list[MoveVerdict]:
        return [m for m in self.moves if m.kind in ("unexplained", "after-postponement")]

    def lines(self) -> list[str]:
        kinds: dict[str, int] = defaultdict(int)
        for move in self.moves:
            kinds[move.kind] += 1
        return [
            f"events: {self.events:,}, with several sources: {self.multi_source:,}",
            f"silent conflicts: {len(self.conflicts)} (a source's day the event never had); "
            f"issue's looser count: {len(self.loose_conflicts)} "
            "(sources disagree, date never moved)",
            f"date moves: {len(self.moves)} ("
            + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
            + ")",
            f"silent conflicts + unexplained moves: {len(self.conflicts) + len(self.unexplained)}",
        ]


def _span(text: str | None, end: str | None = None) -> DateSpan | None:
    if not text:
        return None
    try:
        return parse_event_date(text, end)
    except ValueError:
        return None


def _is_refinement(old: DateSpan | None, new: DateSpan | None) -> bool:
    return (
        old is not None
        and new is not None
        and new.rank > old.rank
        and old.start <= new.start
        and new.end <= old.end
    )


def _created_date(value: str | None) -> str | None:
    """The date of a ``created`` history row (``"<date> <status>"``)."""
    return value.rsplit(" ", 1)[0] if value else None


def _created_status(value: str | None) -> str:
    return value.rsplit(" ", 1)[-1] if value else "scheduled"


def audit_timeline(session: Session) -> Audit:
    """Judge every event of the timeline (reads it all: meant for scripts, not the bot)."""
    audit = Audit()
    events = {e.id: e for e in session.scalars(select(EventRow))}
    audit.events = len(events)
    sources: dict[int, list[tuple[EventArticle, ArticleRow]]] = defaultdict(list)
    for link, article in session.execute(
        select(EventArticle, ArticleRow).join(ArticleRow, ArticleRow.id == EventArticle.article_id)
    ):
        sources[link.event_id].append((link, article))
    history: dict[int, list[EventHistory]] = defaultdict(list)
    for row in session.scalars(select(EventHistory).order_by(EventHistory.at, EventHistory.id)):
        history[row.event_id].append(row)
    refs = {a.id: a.ref or a.key for _, a in (x for rows in sources.values() for x in rows)}

    for event_id, event in events.items():
        links = sources.get(event_id, [])
        rows = history.get(event_id, [])
        if len(links) > 1:
            audit.multi_source += 1
        audit.moves += _judge_moves(event, rows, links, refs)
        conflict = _conflict(event, rows, links)
        if conflict is not None:
            audit.conflicts.append(conflict)
        days = {link.date[:10] for link, _ in links if _precision(link.date) in DAY_PRECISION}
        if len(days) > 1 and not any(r.field == "date" for r in rows):
            audit.loose_conflicts.append(event_id)
    return audit


def _precision(text: str) -> str | None:
    span = _span(text)
    return span.precision if span else None


def _conflict(
    event: EventRow, rows: list[EventHistory], links: list[tuple[EventArticle, ArticleRow]]
) -> Conflict | None:
    held: set[date] = set(_days(event.date, event.end_date))
    for row in rows:
        if row.field == "created":
            held |= _days(_created_date(row.new), None)
        elif row.field == "date":
            held |= _days(row.old, None) | _days(row.new, None)
    for link, _ in links:
        if link.status == "postponed":
            held |= _days(link.date, link.end_date)
    stray = sorted(
        {
            link.date[:10]
            for link, _ in links
            if _precision(link.date) in DAY_PRECISION
            and not (_days(link.date, link.end_date) & held)
        }
    )
    if not stray:
        return None
    assert event.id is not None
    return Conflict(event.id, event.title, event.date, tuple(stray))


def _days(text: str | None, end: str | None) -> set[date]:
    """Every day a day-precise date covers (none for a month or a week)."""
    span = _span(text, end)
    if span is None or span.precision not in DAY_PRECISION:
        return set()
    return {date.fromordinal(d) for d in range(span.start.toordinal(), span.end.toordinal() + 1)}


def _stated(link: EventArticle, old: DateSpan, new: DateSpan) -> bool:
    direction = move_direction(link.evidence or "", link.status)
    return direction is not None and direction_fits(direction, new, old)


def _judge_moves(
    event: EventRow,
    rows: list[EventHistory],
    links: list[tuple[EventArticle, ArticleRow]],
    refs: dict[int | None, str],
) -> list[MoveVerdict]:
    said = {link.article_id: link for link, _ in links}
    status = "scheduled"
    verdicts: list[MoveVerdict] = []
    assert event.id is not None
    for row in rows:
        if row.field == "created":
            status = _created_status(row.new)
        elif row.field == "status":
            status = row.new or status
        elif row.field == "date":
            old, new = _span(row.old), _span(row.new)
            link = said.get(row.article_id) if row.article_id is not None else None
            evidence = link.evidence if link is not None else ""
            if (row.reason or "").startswith("recheck"):
                kind = "recheck"  # a correction by ``diplobot db recheck``, said in the history
            elif _is_refinement(old, new):
                kind = "refinement"
            elif link is not None and old and new and _stated(link, old, new):
                kind = "stated"
            elif status == "postponed" and old and new and new.start > old.end:
                kind = "after-postponement"
            else:
                kind = "unexplained"
            verdicts.append(
                MoveVerdict(
                    event.id,
                    event.title,
                    row.old,
                    row.new,
                    refs.get(row.article_id, "?"),
                    kind,
                    evidence[:300],
                )
            )
    return verdicts


# ----------------------------------------------------------------------------- gold joins


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold event of one article."""

    article: str
    index: int
    type: str
    date: str
    participants: frozenset[str]

    @property
    def day(self) -> str:
        return self.date[:10]

    def label(self) -> str:
        codes = "-".join(sorted(self.participants)) or "none"
        return f"{self.article}#{self.index} {self.type} {self.date} {codes}"


def _holds(outer: str, inner: str) -> bool:
    """A month holds its weeks and days, a week its days (strings at their precision)."""
    a, b = _span(outer), _span(inner)
    return a is not None and b is not None and a.rank < b.rank and _inside(b, a)


def _inside(inner: DateSpan, outer: DateSpan) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def gold_relation(a: GoldMention, b: GoldMention) -> str:
    """``same``, ``compatible`` or ``different``, by the gold's own evidence.

    Two events of one article are different unless identical (SPEC.md: an article's repeated
    mentions are one event). Across articles, the same event has the same type, a shared
    participant (or none on both sides) and the same date string (time cut); a month or week
    holding the other's day is ``compatible`` (the gold cannot say more); the rest differ.
    """
    if a.article == b.article:
        same = (a.type, a.day, a.participants) == (b.type, b.day, b.participants)
        return "same" if same else "different"
    shared = bool(a.participants & b.participants) or not (a.participants or b.participants)
    if a.type != b.type or not shared:
        return "different"
    if a.day == b.day:
        return "same"
    if _holds(a.day, b.day) or _holds(b.day, a.day):
        return "compatible"
    return "different"


@dataclass(slots=True)
class JoinScore:
    """Where gold events ended: wrong joins, missed joins, compatible joins."""

    gold_events: int = 0
    stored_events: int = 0
    same_pairs: int = 0
    wrong: list[tuple[GoldMention, GoldMention]] = field(default_factory=list)
    missed_agreeing: list[tuple[GoldMention, GoldMention]] = field(default_factory=list)
    missed_overlap: list[tuple[GoldMention, GoldMention]] = field(default_factory=list)
    compatible: list[tuple[GoldMention, GoldMention]] = field(default_factory=list)

    @property
    def wrong_events(self) -> set[GoldMention]:
        return {m for pair in self.wrong for m in pair}

    def lines(self) -> list[str]:
        joined = self.same_pairs - len(self.missed_agreeing) - len(self.missed_overlap)
        return [
            f"gold events ingested: {self.gold_events}, stored events: {self.stored_events}",
            f"wrong joins: {len(self.wrong_events)} gold events in {len(self.wrong)} pairs",
            f"same-event pairs across articles (type, date string, a shared participant): "
            f"{self.same_pairs}, joined {joined}",
            f"missed joins: {len(self.missed_agreeing)} pairs with agreeing participants "
            f"(equal or one inside the other) + {len(self.missed_overlap)} pairs sharing "
            "only some names",
            f"compatible joins (a month or week with a day inside it): {len(self.compatible)}",
        ]


def score_joins(placed: dict[GoldMention, int]) -> JoinScore:
    """Judge every pair of gold events by where the timeline put them."""
    score = JoinScore(gold_events=len(placed), stored_events=len(set(placed.values())))
    for a, b in itertools.combinations(placed, 2):
        kind = gold_relation(a, b)
        together = placed[a] == placed[b]
        if together and kind == "different":
            score.wrong.append((a, b))
        elif together and kind == "compatible":
            score.compatible.append((a, b))
        elif kind == "same" and a.article != b.article:
            score.same_pairs += 1
            if not together:
                agree = a.participants <= b.participants or b.participants <= a.participants
                (score.missed_agreeing if agree else score.missed_overlap).append((a, b))
    return score


class GoldExtractor:
    """Gives each article its gold events as if extracted, and remembers which is which."""

    def __init__(self, rows: Iterable[dict]) -> None:
        self._rows = {row["id"]: row for row in rows}
        self._mentions: dict[int, GoldMention] = {}

    def __call__(self, article: Article) -> list[Event]:
        events = []
        for index, data in enumerate(self._rows[article.id or ""]["events"]):
            event = Event.from_json(data)
            self._mentions[id(event)] = GoldMention(
                article.id or "", index, event.type, event.date, frozenset(event.participants)
            )
            events.append(event)
        return events

    def articles(self, order: str = "published") -> list[Article]:
        """The gold articles in publication order (``reversed`` or a seeded ``shuffled``)."""
        rows = sorted(self._rows.values(), key=lambda r: (r.get("dct") or "", r["id"]))
        if order == "shuffled":
            random.Random(20261128).shuffle(rows)
        elif order == "reversed":
            rows.reverse()
        return [
            Article(
                text=row["text"],
                dct=parse_dct(row.get("dct")),
                id=row["id"],
                title=row.get("title") or "",
                source=row.get("source") or row["id"],
            )
            for row in rows
        ]

    def placed(self, results: Iterable[IngestResult]) -> dict[GoldMention, int]:
        """Which stored event each gold event of these ingestion results ended in."""
        return {
            self._mentions[id(change.extracted)]: change.event_id
            for result in results
            for change in result.events
        }


__all__ = [
    "Audit",
    "Conflict",
    "GoldExtractor",
    "GoldMention",
    "JoinScore",
    "MoveVerdict",
    "audit_timeline",
    "gold_relation",
    "score_joins",
]
