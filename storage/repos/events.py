"""Events: candidate look-up for merging, participant rows, timeline queries, sources, history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Select, String, delete, func, literal, or_, select, update
from sqlalchemy.orm import Session

from storage.models import ArticleRow, EventArticle, EventHistory, EventParticipant, EventRow

# How far before ``--from`` the filters look for an event that lasts into the range: a
# month-precision date spans up to 31 days, a stated span ("Feb 7-9") rarely more. Events
# spanning longer than this are listed from the range that holds their start.
MAX_SPAN_DAYS = 62


def find_candidates(
    session: Session, event_type: str, codes: Sequence[str], first: date, last: date
) -> list[EventRow]:
    """Stored events of ``event_type`` starting in [first, last] sharing a participant code.

    With no codes, only events without participants qualify (a bare "summit" matches nothing else).
    """
    if codes:
        ids = (
            select(EventParticipant.event_id)
            .where(
                EventParticipant.code.in_(list(codes)),
                EventParticipant.start_day.between(first, last),
            )
            .distinct()
        )
        stmt = select(EventRow).where(EventRow.id.in_(ids), EventRow.type == event_type)
    else:
        stmt = select(EventRow).where(
            EventRow.type == event_type,
            EventRow.start_day.between(first, last),
            EventRow.participants == "",
        )
    return list(session.scalars(stmt.order_by(EventRow.id)))


def add_participants(
    session: Session, event_id: int, codes: Sequence[str], start_day: date, end_day: date
) -> None:
    session.add_all(
        EventParticipant(event_id=event_id, code=code, start_day=start_day, end_day=end_day)
        for code in codes
    )


def move_participants(session: Session, event_id: int, start_day: date, end_day: date) -> None:
    """Keep the span copied into the country index in step with the event."""
    session.execute(
        update(EventParticipant)
        .where(EventParticipant.event_id == event_id)
        .values(start_day=start_day, end_day=end_day)
    )


def link_exists(session: Session, event_id: int, article_id: int) -> bool:
    return session.get(EventArticle, (event_id, article_id)) is not None


def left_dates(session: Session, event_ids: Sequence[int]) -> list[tuple[int, str, str | None]]:
    """(event id, date, end date) each event is known to have left: the dates it held before a
    move, and the dates its sources report postponed."""
    moved = select(EventHistory.event_id, EventHistory.old, literal(None, String)).where(
        EventHistory.event_id.in_(list(event_ids)),
        EventHistory.field == "date",
        EventHistory.old.is_not(None),
    )
    postponed = select(EventArticle.event_id, EventArticle.date, EventArticle.end_date).where(
        EventArticle.event_id.in_(list(event_ids)), EventArticle.status == "postponed"
    )
    rows = session.execute(moved.union(postponed))
    return [(i, d, e) for i, d, e in rows]


def mentions_of(session: Session, event_id: int, date_text: str) -> list[tuple[str, str]]:
    """(status, evidence) of the event's sources that gave ``date_text``."""
    rows = session.execute(
        select(EventArticle.status, EventArticle.evidence).where(
            EventArticle.event_id == event_id, EventArticle.date == date_text
        )
    )
    return [(status, evidence) for status, evidence in rows]


def last_date_move(session: Session, event_id: int) -> EventHistory | None:
    """The history row of the event's latest date change."""
    return session.scalars(
        select(EventHistory)
        .where(EventHistory.event_id == event_id, EventHistory.field == "date")
        .order_by(EventHistory.at.desc(), EventHistory.id.desc())
        .limit(1)
    ).first()


def source_confidences(session: Session, event_id: int) -> list[tuple[str, float]]:
    """(independent source, confidence) for each article linked to the event.

    An outlet counts once however many of its articles mention the event; articles without
    an outlet name count by their own key.
    """
    rows = session.execute(
        select(ArticleRow.source, ArticleRow.key, EventArticle.confidence)
        .join(ArticleRow, ArticleRow.id == EventArticle.article_id)
        .where(EventArticle.event_id == event_id)
    )
    return [(source or key, conf) for source, key, conf in rows]


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """The timeline's filters; every one is optional and they combine with AND."""

    start: date | None = None
    end: date | None = None
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    limit: int | None = 500
    offset: int = 0
    ids: tuple[int, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class EventSummary:
    """An event row for listings: the same columns as ``EventRow``, read-only, without ORM
    bookkeeping (building ORM objects was most of a 500-row timeline query's time)."""

    id: int
    type: str
    date: str
    precision: str
    start_day: dt.date
    end_day: dt.date
    start_at: dt.datetime | None
    end_date: str | None
    participants: str
    people: list[str]
    location: str | None
    status: str
    title: str
    confidence: float
    source_count: int
    revision: int
    as_of: dt.date | None
    first_seen: dt.datetime
    last_changed: dt.datetime

    @property
    def participant_codes(self) -> list[str]:
        return self.participants.split() if self.participants else []


_SUMMARY_COLUMNS = tuple(EventRow.__table__.c[name] for name in EventSummary.__slots__)


def query_timeline(session: Session, filters: TimelineFilter) -> list[EventSummary]:
    """Events matching ``filters`` in timeline order (start day, end day, id).

    An event is in [start, end] when its span overlaps it. One country walks the
    ``(code, start_day, end_day, event_id)`` index in timeline order, so LIMIT stops early;
    several countries go through an ``IN`` sub-query; types and statuses use their
    ``(type|status, start_day, end_day)`` indexes.
    """
    rows = session.execute(timeline_select(filters).with_only_columns(*_SUMMARY_COLUMNS))
    return [EventSummary(*row) for row in rows]


def timeline_select(filters: TimelineFilter) -> Select[tuple[EventRow]]:
    """The statement of :func:`query_timeline`, for callers that need other columns."""
    codes = list(dict.fromkeys(c.upper() for c in filters.countries))
    lookback = filters.start - timedelta(days=MAX_SPAN_DAYS) if filters.start else None
    if len(codes) == 1:
        p = EventParticipant
        stmt = (
            select(EventRow)
            .join(p, p.event_id == EventRow.id)
            .where(p.code == codes[0])
            .order_by(p.start_day, p.end_day, p.event_id)
        )
        if filters.start is not None:
            stmt = stmt.where(p.start_day >= lookback, p.end_day >= filters.start)
        if filters.end is not None:
            stmt = stmt.where(p.start_day <= filters.end)
    else:
        stmt = select(EventRow).order_by(EventRow.start_day, EventRow.end_day, EventRow.id)
        if codes:
            sub = select(EventParticipant.event_id).where(EventParticipant.code.in_(codes))
            if filters.start is not None:
                sub = sub.where(
                    EventParticipant.start_day >= lookback,
                    EventParticipant.end_day >= filters.start,
                )
            if filters.end is not None:
                sub = sub.where(EventParticipant.start_day <= filters.end)
            stmt = stmt.where(EventRow.id.in_(sub))
        if filters.start is not None:
            stmt = stmt.where(EventRow.start_day >= lookback, EventRow.end_day >= filters.start)
        if filters.end is not None:
            stmt = stmt.where(EventRow.start_day <= filters.end)
    if filters.types:
        stmt = stmt.where(EventRow.type.in_(list(filters.types)))
    if filters.statuses:
        stmt = stmt.where(EventRow.status.in_(list(filters.statuses)))
    if filters.ids:
        stmt = stmt.where(EventRow.id.in_(list(filters.ids)))
    stmt = stmt.offset(filters.offset)
    if filters.limit is not None:
        stmt = stmt.limit(filters.limit)
    return stmt


def count_events(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(EventRow)) or 0


def event_sources(session: Session, event_id: int) -> list[tuple[EventArticle, ArticleRow]]:
    """The event's articles with what each said, oldest publication first."""
    rows = session.execute(
        select(EventArticle, ArticleRow)
        .join(ArticleRow, ArticleRow.id == EventArticle.article_id)
        .where(EventArticle.event_id == event_id)
        .order_by(ArticleRow.published, ArticleRow.id)
    )
    return [(link, article) for link, article in rows]


def event_history(session: Session, event_id: int) -> list[EventHistory]:
    return list(
        session.scalars(
            select(EventHistory)
            .where(EventHistory.event_id == event_id)
            .order_by(EventHistory.at, EventHistory.id)
        )
    )


def delete_event(session: Session, event_id: int) -> None:
    """Remove an event and everything hanging off it (foreign keys cascade)."""
    session.execute(delete(EventRow).where(EventRow.id == event_id))


def overlapping(session: Session, first: date, last: date) -> list[EventRow]:
    """Events whose span meets [first, last], in timeline order."""
    stmt = (
        select(EventRow)
        .where(EventRow.end_day >= first, EventRow.start_day <= last)
        .order_by(EventRow.start_day, EventRow.start_at, EventRow.id)
    )
    return list(session.scalars(stmt))


def starting_between(
    session: Session, first: date, last: date, *, statuses: Sequence[str] | None = None
) -> list[EventRow]:
    """Events (optionally with one of ``statuses``) starting in [first, last]."""
    stmt = select(EventRow).where(EventRow.start_day >= first, EventRow.start_day <= last)
    if statuses is not None:
        stmt = stmt.where(EventRow.status.in_(list(statuses)))
    return list(session.scalars(stmt))


def changes_since(
    session: Session, since: dt.datetime, fields: Sequence[str], *, skip_reason: str | None = None
) -> list[tuple[EventHistory, EventRow]]:
    """Changes of ``fields`` recorded after ``since``, oldest first, with their events.

    ``skip_reason`` leaves out rows whose reason starts with it (moves undone as noise).
    """
    stmt = (
        select(EventHistory, EventRow)
        .join(EventRow, EventRow.id == EventHistory.event_id)
        .where(EventHistory.at > since, EventHistory.field.in_(list(fields)))
        .order_by(EventHistory.at, EventHistory.id)
    )
    if skip_reason is not None:
        stmt = stmt.where(
            or_(EventHistory.reason.is_(None), ~EventHistory.reason.startswith(skip_reason))
        )
    rows = session.execute(stmt)
    return [(change, event) for change, event in rows]
