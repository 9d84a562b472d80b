"""Events: candidate look-up for merging, participant rows, timeline queries, sources, history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.models import ArticleRow, EventArticle, EventHistory, EventParticipant, EventRow

# The longest span the timeline filters look back for: an event starting this many days
# before ``--from`` still shows when it lasts into the range (a month-precision date spans 31).
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
    session: Session, event_id: int, codes: Sequence[str], start_day: date
) -> None:
    session.add_all(
        EventParticipant(event_id=event_id, code=code, start_day=start_day) for code in codes
    )


def move_participants(session: Session, event_id: int, start_day: date) -> None:
    """Keep the copied start day of the country index in step with the event."""
    session.execute(
        update(EventParticipant)
        .where(EventParticipant.event_id == event_id)
        .values(start_day=start_day)
    )


def link_exists(session: Session, event_id: int, article_id: int) -> bool:
    return session.get(EventArticle, (event_id, article_id)) is not None


def reported_dates(
    session: Session, event_ids: Sequence[int]
) -> list[tuple[int, str, str | None]]:
    """(event id, date, end date) as each linked article gave them, for these events."""
    rows = session.execute(
        select(EventArticle.event_id, EventArticle.date, EventArticle.end_date)
        .where(EventArticle.event_id.in_(list(event_ids)))
        .distinct()
    )
    return [(i, d, e) for i, d, e in rows]


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


def query_timeline(session: Session, filters: TimelineFilter) -> list[EventRow]:
    """Events matching ``filters``, by start day then id.

    An event is in [start, end] when its span overlaps it. The country filter goes through
    the ``(code, start_day)`` index, the others through ``(type|status, start_day)``.
    """
    stmt = select(EventRow)
    if filters.countries:
        codes = [c.upper() for c in filters.countries]
        sub = select(EventParticipant.event_id).where(EventParticipant.code.in_(codes))
        if filters.start is not None:
            sub = sub.where(
                EventParticipant.start_day >= filters.start - timedelta(days=MAX_SPAN_DAYS)
            )
        if filters.end is not None:
            sub = sub.where(EventParticipant.start_day <= filters.end)
        stmt = stmt.where(EventRow.id.in_(sub))
    if filters.start is not None:
        stmt = stmt.where(
            EventRow.end_day >= filters.start,
            EventRow.start_day >= filters.start - timedelta(days=MAX_SPAN_DAYS),
        )
    if filters.end is not None:
        stmt = stmt.where(EventRow.start_day <= filters.end)
    if filters.types:
        stmt = stmt.where(EventRow.type.in_(list(filters.types)))
    if filters.statuses:
        stmt = stmt.where(EventRow.status.in_(list(filters.statuses)))
    if filters.ids:
        stmt = stmt.where(EventRow.id.in_(list(filters.ids)))
    stmt = stmt.order_by(EventRow.start_day, EventRow.id).offset(filters.offset)
    if filters.limit is not None:
        stmt = stmt.limit(filters.limit)
    return list(session.scalars(stmt))


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
