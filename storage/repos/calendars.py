"""Calendar links (stored by the SHA-256 of their token) and the installation's id."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.models import (
    ArticleRow,
    CalendarToken,
    EventArticle,
    EventHistory,
    EventRow,
    Installation,
)
from storage.repos.events import EventSummary, TimelineFilter, query_timeline, timeline_select


def by_hash(session: Session, token_hash: str) -> CalendarToken | None:
    """The link whose token hashes to ``token_hash``, revoked or not (one indexed look-up,
    the same work for a known, a revoked and an unknown token)."""
    return session.scalars(
        select(CalendarToken).where(CalendarToken.token_hash == token_hash)
    ).first()


def for_guild(session: Session, guild_id: int) -> list[CalendarToken]:
    stmt = (
        select(CalendarToken).where(CalendarToken.guild_id == guild_id).order_by(CalendarToken.id)
    )
    return list(session.scalars(stmt))


def count_active(session: Session, guild_id: int) -> int:
    stmt = (
        select(func.count())
        .select_from(CalendarToken)
        .where(CalendarToken.guild_id == guild_id, CalendarToken.revoked_at.is_(None))
    )
    return int(session.scalar(stmt) or 0)


def timeline_marker(session: Session) -> tuple[int, int]:
    """(newest history row, newest article): moves whenever an event is made or changed or
    gains a source, read from two primary keys (no scan)."""
    history = session.scalar(select(func.max(EventHistory.id))) or 0
    article = session.scalar(select(func.max(ArticleRow.id))) or 0
    return int(history), int(article)


def changed_since(
    session: Session, marker: tuple[int, int], limit: int
) -> list[EventSummary] | None:
    """The events made, changed or given a source after ``marker`` (a
    :func:`timeline_marker`), as they are now; None when there are more than ``limit``."""
    history, article = marker
    ids = union(
        select(EventHistory.event_id).where(EventHistory.id > history),
        select(EventArticle.event_id).where(EventArticle.article_id > article),
    )
    found = [int(i) for i in session.scalars(select(ids.subquery().c[0]).limit(limit + 1))]
    if len(found) > limit:
        return None
    if not found:
        return []
    return query_timeline(session, TimelineFilter(ids=tuple(found), limit=None))


@dataclass(frozen=True, slots=True)
class MatchFields:
    """The columns keyword matching reads (a fraction of a whole row's cost to load)."""

    id: int
    type: str
    title: str
    location: str | None
    people: list[str]
    participants: str

    @property
    def participant_codes(self) -> list[str]:
        return self.participants.split() if self.participants else []


def match_fields(session: Session, filters: TimelineFilter) -> list[MatchFields]:
    """What keywords are matched against, for the events ``filters`` selects, in order."""
    stmt = timeline_select(filters).with_only_columns(
        EventRow.id, EventRow.type, EventRow.title, EventRow.location, EventRow.people,
        EventRow.participants,
    )  # fmt: skip
    return [MatchFields(*row) for row in session.execute(stmt)]


def installation_uid(session: Session, now: datetime) -> str:
    """This installation's random id, made the first time it is asked for."""
    found = session.get(Installation, 1)
    if found is not None:
        return found.uid
    try:
        with session.begin_nested():
            session.add(Installation(id=1, uid=secrets.token_hex(8), created_at=now))
    except IntegrityError:  # another process made it first
        pass
    row = session.get(Installation, 1)
    assert row is not None
    return row.uid


def sources_of(
    session: Session, event_ids: Sequence[int]
) -> dict[int, list[tuple[str, str, str | None]]]:
    """(outlet, title, url) of each event's articles, oldest publication first."""
    found: dict[int, list[tuple[str, str, str | None]]] = {}
    if not event_ids:
        return found
    rows = session.execute(
        select(EventArticle.event_id, ArticleRow.source, ArticleRow.title, ArticleRow.url)
        .join(ArticleRow, ArticleRow.id == EventArticle.article_id)
        .where(EventArticle.event_id.in_(list(event_ids)))
        .order_by(EventArticle.event_id, ArticleRow.published, ArticleRow.id)
    )
    for event_id, outlet, title, url in rows:
        found.setdefault(int(event_id), []).append((outlet or "", title or "", url))
    return found


__all__ = [
    "by_hash",
    "changed_since",
    "count_active",
    "for_guild",
    "installation_uid",
    "match_fields",
    "sources_of",
    "timeline_marker",
]
