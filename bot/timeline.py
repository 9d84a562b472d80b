"""Merging extracted events into the stored timeline, one article per unit of work.

Which stored event a mention is, and what it may change, is decided by the pure rules of
``bot.timeline_identity`` (written out there and in docs/TIMELINE.md): same type, compatible
participants, compatible dates; a different day is a different event unless the article says
the event moved; a vaguer date never re-dates; a tie joins nothing. This module loads the
candidates, applies the decision and keeps the record:

- Every change is written to ``event_history`` with the article that caused it and, for a
  date, why (``reason``: the wording that moved it, "refined", noise undone, a tie).
- A date that returns within ``NOISE_WINDOW`` to where it was before a move is noise: it is
  applied and kept in the history, and its ``EventChange.noise`` tells the alert layer that
  neither move is news.
- Confidence is ``1 - prod(1 - c)`` over independent sources (one outlet counts once).
- An article is stored once by its key; a second ingestion (or a concurrent one) is "known"
  and changes nothing, unless the article was stored without a date and now comes with one:
  then it is read again against that date.

Every change is written to ``event_history`` with the article that caused it, and returned
in the ``IngestResult``; ``on_changes`` runs inside the same transaction so alerts can queue
their outbox rows atomically with the change. The caller says what the ingestion means for
alerts with an ``IngestContext`` (quiet back-fill, a feed's own channel, a readable source),
which the result carries to ``on_changes``.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Literal

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, utc_now
from bot.extract.event_date import EventDate as DateSpan
from bot.extract.event_date import parse_event_date
from bot.extract.model import Article, Event
from bot.news.articles import article_key
from bot.timeline_identity import (
    NOISE_WINDOW,
    RESCHEDULE_WINDOW_DAYS,
    Candidate,
    Decision,
    Mention,
    flips_back,
    identify,
    move_direction,
    outcome,
)
from bot.titles import event_title, title_of
from storage.db import Database
from storage.models import EventArticle, EventHistory, EventRow
from storage.repos import articles as article_repo
from storage.repos import events as event_repo

log = logging.getLogger(__name__)

Extractor = Callable[[Article], list[Event]]
KeyFunc = Callable[[Article], str]

MAX_CONFIDENCE = 0.99
# The ``event_history.reason`` prefix of a move undone within NOISE_WINDOW (both rows).
NOISE = "noise"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one event changed: what it was and what it is now."""

    field: str
    old: str | None
    new: str | None


@dataclass(slots=True)
class EventChange:
    """What ingesting one extracted event did to the timeline."""

    kind: Literal["created", "updated", "unchanged"]
    event: EventRow
    extracted: Event
    changes: list[FieldChange] = field(default_factory=list)
    source_added: bool = True
    # The date moved because an article said the event moved (not a refinement): news
    # worth holding back for NOISE_WINDOW, in case the next report moves it back.
    moved: bool = False
    # The date went back to where it was before a move made less than NOISE_WINDOW ago:
    # both moves stay in the history (reason "noise: ..."), and neither is news.
    noise: bool = False

    @property
    def event_id(self) -> int:
        assert self.event.id is not None
        return self.event.id


@dataclass(frozen=True, slots=True)
class IngestContext:
    """What an ingestion means for the change hooks, said by whoever reads the news.

    ``quiet``: back-filling old news (a feed's first read): plan reminders, post no alerts.
    ``route``: ``(guild_id, channel_id)`` that also gets this ingestion's new and changed
    events, besides the subscriptions (a feed's own channel).
    ``source``: where the article came from, for people (a feed's title, a news channel and
    its author); never a local path.
    ``link``: where people can read it when the article has no address of its own (a news
    channel message's link); stored as the article's link.
    """

    quiet: bool = False
    route: tuple[int, int] | None = None
    source: str = ""
    link: str | None = None


NO_CONTEXT = IngestContext()


@dataclass(slots=True)
class IngestResult:
    """The outcome for one article: new, already known, or failed (with a reason)."""

    ref: str
    key: str
    status: Literal["new", "known", "failed"]
    article_id: int | None = None
    error: str | None = None
    events: list[EventChange] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    context: IngestContext = NO_CONTEXT

    @property
    def created(self) -> list[EventChange]:
        return [e for e in self.events if e.kind == "created"]

    @property
    def updated(self) -> list[EventChange]:
        return [e for e in self.events if e.kind == "updated"]


ChangeHook = Callable[[Session, IngestResult], None]


@dataclass(slots=True)
class _Prepared:
    """An article ready to store: its key and its extracted events (extraction is pure)."""

    article: Article
    key: str
    ref: str
    events: list[Event]


class TimelineService:
    """Turns articles into timeline changes; one short transaction per article (or batch)."""

    def __init__(
        self,
        db: Database | sessionmaker[Session],
        *,
        clock: Clock = utc_now,
        extractor: Extractor | None = None,
        key_func: KeyFunc = article_key,
        on_changes: ChangeHook | None = None,
    ) -> None:
        self._sessions = db.sessions if isinstance(db, Database) else db
        self._clock = clock
        if extractor is None:
            from bot.extract.pipeline import extract_events

            extractor = extract_events
        self._extract = extractor
        self._key = key_func
        self._on_changes = on_changes

    # ------------------------------------------------------------------ ingestion

    def ingest(
        self, article: Article, *, ref: str | None = None, context: IngestContext = NO_CONTEXT
    ) -> IngestResult:
        """Ingest one article; a known key returns ``known`` without extracting."""
        return next(iter(self.ingest_many([(article, ref or article.id or "")], context=context)))

    def ingest_many(
        self,
        items: Iterable[Article | tuple[Article, str]],
        *,
        batch_size: int = 200,
        context: IngestContext = NO_CONTEXT,
    ) -> Iterator[IngestResult]:
        """Ingest a stream of articles (or ``(article, ref)`` pairs) in batches, results in order.

        Keys are checked in bulk before anything is extracted, so re-ingesting a corpus costs
        little more than reading it. A batch is one transaction; if it fails, its articles are
        retried one per transaction so a single bad article fails alone.
        """
        batch: list[tuple[Article, str]] = []
        for item in items:
            pair = item if isinstance(item, tuple) else (item, item.id or "")
            batch.append(pair)
            if len(batch) >= batch_size:
                yield from self._ingest_batch(batch, context)
                batch = []
        if batch:
            yield from self._ingest_batch(batch, context)

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        with self._sessions() as session:
            return article_repo.known_keys(session, keys)

    def _ingest_batch(
        self, batch: list[tuple[Article, str]], context: IngestContext
    ) -> list[IngestResult]:
        results: list[IngestResult | None] = [None] * len(batch)
        keyed: list[tuple[int, Article, str, str]] = []
        for i, (article, ref) in enumerate(batch):
            try:
                keyed.append((i, article, ref, self._key(article)))
            except Exception as exc:  # a bad article fails alone
                results[i] = IngestResult(ref, "", "failed", error=f"no identity: {exc}")
        known = self.known_keys(k for *_, k in keyed)
        dated = {k for _, article, _, k in keyed if article.dct is not None and k in known}
        if dated:  # stored without a date, now given one: read again (see _store)
            with self._sessions() as session:
                known -= article_repo.undated_keys(session, dated)
        seen: set[str] = set()
        prepared: list[tuple[int, _Prepared]] = []
        for i, article, ref, key in keyed:
            if key in known or key in seen:
                results[i] = IngestResult(ref, key, "known")
                continue
            seen.add(key)
            try:
                events = self._extract(article)
            except Exception as exc:  # one bad article must not stop the run
                log.info("extraction failed for %s: %s", ref, exc, exc_info=True)
                results[i] = IngestResult(
                    ref, key, "failed", error=f"extraction failed: {type(exc).__name__}: {exc}"
                )
                continue
            prepared.append((i, _Prepared(article, key, ref, events)))
        if prepared:
            try:
                with self._sessions.begin() as session:
                    stored = [self._store(session, p, context) for _, p in prepared]
            except Exception:  # retry one by one so only the culprit fails
                log.info("batch of %d failed; retrying one by one", len(prepared), exc_info=True)
                stored = [self._store_alone(p, context) for _, p in prepared]
            for (i, _), result in zip(prepared, stored, strict=True):
                results[i] = result
        return [r for r in results if r is not None]

    def _store_alone(self, prepared: _Prepared, context: IngestContext) -> IngestResult:
        try:
            with self._sessions.begin() as session:
                return self._store(session, prepared, context)
        except Exception as exc:  # reported to the user as this article's failure
            log.warning(
                "storing %s failed: %s", prepared.ref, exc, exc_info=log.isEnabledFor(logging.DEBUG)
            )
            return IngestResult(
                prepared.ref, prepared.key, "failed", error=f"storing failed: {type(exc).__name__}"
            )

    def _store(
        self, session: Session, prepared: _Prepared, context: IngestContext = NO_CONTEXT
    ) -> IngestResult:
        """Store one article and merge its events; must run inside a transaction."""
        article = prepared.article
        now = self._clock()
        spans: list[tuple[Event, DateSpan]] = []
        skipped: list[str] = []
        for extracted in prepared.events:
            try:
                spans.append((extracted, parse_event_date(extracted.date, extracted.end_date)))
            except ValueError as exc:
                skipped.append(f"{extracted.type} {extracted.date!r}: {exc}")
        spans = _fold_postponements(spans)
        article_id = article_repo.insert_if_new(
            session,
            key=prepared.key,
            ingested_at=now,
            ref=prepared.ref,
            title=article.title,
            source=article.source,
            url=article.url or context.link,
            published=article.dct,
            event_count=len(spans),
        )
        if article_id is None and article.dct is not None:
            article_id = article_repo.date_if_undated(
                session, key=prepared.key, published=article.dct, event_count=len(spans)
            )
        if article_id is None:
            return IngestResult(prepared.ref, prepared.key, "known")
        result = IngestResult(prepared.ref, prepared.key, "new", article_id=article_id)
        result.skipped, result.context = skipped, context
        if spans:
            self._lock_types(session, {e.type for e, _ in spans})
        placed: dict[int, tuple[str, str, frozenset[str]]] = {}
        for extracted, span in spans:
            change = self._merge(session, article_id, article.dct, extracted, span, now, placed)
            placed.setdefault(change.event_id, _mention(extracted, span, article.dct).key())
            result.events.append(change)
        session.flush()
        if self._on_changes is not None:
            self._on_changes(session, result)
        return result

    @staticmethod
    def _lock_types(session: Session, types: set[str]) -> None:
        """Serialise merges of the same event type across processes on PostgreSQL.

        SQLite already has a single writer; on PostgreSQL two transactions could otherwise both
        miss each other's new event and create it twice. Locks are taken in a fixed order.
        """
        if session.get_bind().dialect.name != "postgresql":
            return
        for key in sorted(zlib.crc32(f"diplobot.event.{t}".encode()) for t in types):
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})

    # ------------------------------------------------------------------ merging

    def _merge(
        self,
        session: Session,
        article_id: int,
        dct: date | None,
        extracted: Event,
        span: DateSpan,
        now: datetime,
        placed: dict[int, tuple[str, str, frozenset[str]]] | None = None,
    ) -> EventChange:
        mention = _mention(extracted, span, dct)
        codes = sorted(mention.participants)
        # Rule 5: another event of this article already sits there (an identical one may join).
        taken = [i for i, key in (placed or {}).items() if key != mention.key()]
        decision = self._best_match(session, mention, taken)
        if decision.match is None:
            event = self._create(session, article_id, dct, extracted, codes, span, now, decision)
            change = EventChange("created", event, extracted)
        else:
            event = session.get(EventRow, decision.match.candidate.id)
            assert event is not None
            change = self._update(session, event, article_id, mention, extracted, decision, now)
        change.source_added = self._link(session, change.event, article_id, extracted, now)
        self._refresh_sources(session, change.event, dct)
        return change

    def _best_match(self, session: Session, mention: Mention, taken: list[int]) -> Decision:
        window = timedelta(days=RESCHEDULE_WINDOW_DAYS)
        span = mention.span
        rows = event_repo.find_candidates(
            session,
            mention.type,
            sorted(mention.participants),
            span.start - window,
            span.end + window,
        )
        if not rows:
            return Decision(None)
        spans = {e.id: parse_event_date(e.date, e.end_date) for e in rows}
        # Only an event that has had several sources can have left a date behind.
        left = self._said_before(session, [e for e in rows if e.source_count > 1])
        candidates = [
            Candidate(
                id=e.id or 0,
                span=spans[e.id],
                participants=frozenset(e.participant_codes),
                status=e.status,
                as_of=e.as_of,
                left=tuple(left.get(e.id or 0, ())),
                moved_here=self._moved_here(session, e, mention, spans[e.id]),
            )
            for e in rows
        ]
        return identify(mention, candidates, taken)

    @staticmethod
    def _said_before(session: Session, events: list[EventRow]) -> dict[int, list[DateSpan]]:
        """Dates each event is known to have left (moved away from, or reported postponed)."""
        ids = [e.id for e in events if e.id is not None]
        if not ids:
            return {}
        found: dict[int, list[DateSpan]] = {}
        for event_id, said, said_end in event_repo.left_dates(session, ids):
            try:
                found.setdefault(event_id, []).append(parse_event_date(said, said_end))
            except ValueError:
                continue
        return found

    @staticmethod
    def _moved_here(session: Session, event: EventRow, mention: Mention, stored: DateSpan) -> bool:
        """Whether a source states the move to the event's date (asked only where it matters:
        an older article reporting a postponement from an earlier date)."""
        if mention.status != "postponed" or event.id is None or mention.dct is None:
            return False
        if event.as_of is None or mention.dct >= event.as_of or mention.span.end >= stored.start:
            return False
        return any(
            move_direction(evidence, status) is not None
            for status, evidence in event_repo.mentions_of(session, event.id, event.date)
        )

    def _create(
        self,
        session: Session,
        article_id: int,
        dct: date | None,
        extracted: Event,
        codes: list[str],
        span: DateSpan,
        now: datetime,
        decision: Decision | None = None,
    ) -> EventRow:
        event = EventRow(
            type=extracted.type,
            date=span.text,
            precision=span.precision,
            start_day=span.start,
            end_day=span.end,
            start_at=span.start_at,
            end_date=extracted.end_date,
            participants=" ".join(codes),
            people=_unique(extracted.people),
            location=extracted.location,
            status=extracted.status,
            title=event_title(extracted.type, codes, extracted.location),
            confidence=0.0,
            source_count=0,
            revision=0,
            as_of=dct,
            first_seen=now,
            last_changed=now,
        )
        session.add(event)
        session.flush()
        assert event.id is not None
        event_repo.add_participants(session, event.id, codes, span.start, span.end)
        session.add(
            EventHistory(
                event_id=event.id,
                at=now,
                field="created",
                old=None,
                new=f"{span.text} {extracted.status}",
                article_id=article_id,
                reason=(decision.note or None) if decision is not None else None,
            )
        )
        return event

    def _update(
        self,
        session: Session,
        event: EventRow,
        article_id: int,
        mention: Mention,
        extracted: Event,
        decision: Decision,
        now: datetime,
    ) -> EventChange:
        """Apply what the rules let this mention change, recording each change."""
        assert event.id is not None and decision.match is not None
        changes: list[FieldChange] = []

        def record(name: str, old: str | None, new: str | None, reason: str | None = None) -> None:
            changes.append(FieldChange(name, old, new))
            session.add(
                EventHistory(
                    event_id=event.id,
                    at=now,
                    field=name,
                    old=old,
                    new=new,
                    article_id=article_id,
                    reason=reason[:500] if reason else None,
                )
            )

        result = outcome(mention, decision.match, decision.note)
        noise = False
        span = result.span
        if span is not None:
            reason = result.reason
            if span.text != event.date:
                last = event_repo.last_date_move(session, event.id)
                noise = last is not None and flips_back(span.text, (last.at, last.old), now)
                if noise and last is not None:
                    reason = f"{NOISE}: back to {span.text} within a day; {result.reason}"
                    last.reason = f"{NOISE}: undone within a day; {last.reason or ''}"[:500]
                record("date", event.date, span.text, reason)
            if (extracted.end_date or None) != (event.end_date or None):
                record("end_date", event.end_date, extracted.end_date, result.reason)
            span_moved = (span.start, span.end) != (event.start_day, event.end_day)
            event.date, event.precision = span.text, span.precision
            event.start_day, event.end_day, event.start_at = span.start, span.end, span.start_at
            event.end_date = extracted.end_date
            if span_moved:
                event_repo.move_participants(session, event.id, span.start, span.end)
        if result.status is not None and result.status != event.status:
            record("status", event.status, result.status)
            event.status = result.status
        codes = sorted(mention.participants)
        new_codes = sorted(set(event.participant_codes) | set(codes))
        if new_codes != event.participant_codes:
            added = [c for c in new_codes if c not in event.participant_codes]
            record("participants", event.participants, " ".join(new_codes))
            event_repo.add_participants(session, event.id, added, event.start_day, event.end_day)
            event.participants = " ".join(new_codes)
        if extracted.location and not event.location:
            record("location", None, extracted.location)
            event.location = extracted.location
        if title_of(event) != event.title:
            event.title = title_of(event)
        people = _unique([*event.people, *extracted.people])
        if people != list(event.people):
            event.people = people  # a new list, so the JSON column is seen as changed
        if changes:
            event.last_changed = now
            event.revision += 1
        kind: Literal["updated", "unchanged"] = "updated" if changes else "unchanged"
        moved = span is not None and decision.match.relation == "moved"
        return EventChange(kind, event, extracted, changes, moved=moved, noise=noise)

    def _link(
        self, session: Session, event: EventRow, article_id: int, extracted: Event, now: datetime
    ) -> bool:
        """Record the article's mention; a second mention in the same article adds nothing."""
        assert event.id is not None
        if event_repo.link_exists(session, event.id, article_id):
            return False
        session.add(
            EventArticle(
                event_id=event.id,
                article_id=article_id,
                evidence=extracted.evidence[:2000],
                date=extracted.date,
                end_date=extracted.end_date,
                status=extracted.status,
                confidence=max(0.0, min(1.0, extracted.confidence)),
                linked_at=now,
                participants=" ".join(sorted(_mention_codes(extracted)))[:500],
            )
        )
        session.flush()
        return True

    @staticmethod
    def _refresh_sources(session: Session, event: EventRow, dct: date | None) -> None:
        refresh_sources(session, event, dct)


def refresh_sources(session: Session, event: EventRow, dct: date | None = None) -> None:
    """Recount the event's sources and its confidence; ``dct`` may make it more recent."""
    assert event.id is not None
    pairs = event_repo.source_confidences(session, event.id)
    best: dict[str, float] = {}
    for source, conf in pairs:
        best[source] = max(best.get(source, 0.0), conf)
    doubt = 1.0
    for conf in best.values():
        doubt *= 1.0 - conf
    event.confidence = round(min(MAX_CONFIDENCE, 1.0 - doubt), 4)
    event.source_count = len(pairs)
    if dct is not None and (event.as_of is None or dct > event.as_of):
        event.as_of = dct


def _fold_postponements(spans: list[tuple[Event, DateSpan]]) -> list[tuple[Event, DateSpan]]:
    """One move per postponement: the extractor tells one as its old day ``postponed`` and its
    new day ``scheduled`` (as SPEC's gold does); the timeline records it as the event moved to
    the new day and reported postponed, so subscribers get one "rescheduled" alert, not a
    "postponed" alert and a second event."""
    folded = list(spans)
    dropped: set[int] = set()
    for old_index, (old, old_span) in enumerate(spans):
        if old.status != "postponed":
            continue
        for new_index, (new, new_span) in enumerate(folded):
            if (
                new.status == "scheduled"
                and new.type == old.type
                and _mention_codes(new) == _mention_codes(old)
                and new_span.start > old_span.start
            ):
                folded[new_index] = (replace(new, status="postponed"), new_span)
                dropped.add(old_index)
                break
    return [pair for index, pair in enumerate(folded) if index not in dropped]


def _mention_codes(extracted: Event) -> frozenset[str]:
    return frozenset(c.upper() for c in extracted.participants if c)


def _mention(extracted: Event, span: DateSpan, dct: date | None) -> Mention:
    return Mention(
        type=extracted.type,
        span=span,
        participants=_mention_codes(extracted),
        status=extracted.status,
        evidence=extracted.evidence,
        dct=dct,
    )


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


__all__ = [
    "NOISE",
    "NOISE_WINDOW",
    "ChangeHook",
    "EventChange",
    "FieldChange",
    "IngestContext",
    "IngestResult",
    "TimelineService",
    "refresh_sources",
]
