"""What the renderers know of an event, and the one mapping from stored rows to it.

Every card (Discord, the command line, the outbox) is drawn from these views, so a stored
event reads the same wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from bot.render.text import source_label
from bot.titles import title_of
from storage.models import ArticleRow, EventArticle, EventHistory, OutboxMessage


@dataclass(frozen=True, slots=True)
class SourceView:
    """One article that mentions an event."""

    title: str
    url: str | None = None
    source: str = ""
    published: date | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One recorded change of an event: what moved, from what to what, and who said so."""

    at: datetime | None
    field: str
    old: str | None
    new: str | None
    source: str = ""


@dataclass(frozen=True, slots=True)
class EventView:
    """A stored event as the cards show it."""

    id: int
    type: str
    date: str
    end_date: str | None = None
    participants: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    location: str | None = None
    status: str = "scheduled"
    title: str = ""
    confidence: float = 0.5
    sources: tuple[SourceView, ...] = ()
    history: tuple[ChangeView, ...] = ()


class StoredEvent(Protocol):
    """An event row or a listing of one (``EventRow``, ``EventSummary``)."""

    id: int | None
    type: str
    date: str
    end_date: str | None
    people: list[str]
    location: str | None
    status: str
    title: str
    confidence: float

    @property
    def participant_codes(self) -> list[str]: ...


def event_view(
    row: StoredEvent,
    sources: Sequence[tuple[EventArticle, ArticleRow]] = (),
    history: Sequence[EventHistory] = (),
) -> EventView:
    """The view of a stored event, with its sources and history when given."""
    titles = {article.id: source_label(article.source, article.title) for _, article in sources}
    return EventView(
        id=int(row.id or 0),
        type=row.type,
        date=row.date,
        end_date=row.end_date,
        participants=tuple(row.participant_codes),
        people=tuple(row.people or ()),
        location=row.location,
        status=row.status,
        title=title_of(row),
        confidence=float(row.confidence or 0.0),
        sources=tuple(
            SourceView(
                title=article.title,
                url=article.url,
                source=article.source,
                published=article.published,
                evidence=link.evidence,
            )
            for link, article in sources
        ),
        history=tuple(
            ChangeView(
                at=change.at,
                field=change.field,
                old=change.old,
                new=change.new,
                source=titles.get(change.article_id, "") if change.article_id else "",
            )
            for change in history
        ),
    )


@dataclass(frozen=True, slots=True)
class MessageLine:
    """One queued or failed message as people see it (``/status``, ``diplobot outbox``)."""

    id: int
    kind: str
    guild_id: int | None
    channel_id: int
    due_at: datetime
    failed_at: datetime | None
    reason: str
    attempts: int

    @classmethod
    def of(cls, row: OutboxMessage) -> MessageLine:
        assert row.id is not None
        return cls(
            id=row.id,
            kind=row.kind,
            guild_id=row.guild_id,
            channel_id=row.channel_id,
            due_at=row.due_at,
            failed_at=row.failed_at,
            reason=row.failed_reason or "",
            attempts=row.attempts,
        )


class FeedLike(Protocol):
    id: int | None
    url: str
    channel_id: int | None
    disabled: bool
    failures: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class StatusView:
    """Delivery's state for a server (or the whole installation)."""

    version: str
    due: int
    later: int
    failed_total: int
    failed: tuple[MessageLine, ...]
    feed_problems: tuple[FeedLike, ...]
    news_unread: int
    last_digest: datetime | None
    notice_channel_id: int | None


__all__ = [
    "ChangeView",
    "EventView",
    "FeedLike",
    "MessageLine",
    "SourceView",
    "StatusView",
    "StoredEvent",
    "event_view",
]
