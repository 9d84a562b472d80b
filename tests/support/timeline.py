"""Made-up articles and events for the timeline tests, and what the timeline then holds."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.extract.model import Article, Event
from storage.db import Database
from storage.models import EventHistory, EventRow
from tests.support.extraction import StandInExtractor

# The timeline tests' name for the one stand-in extractor (they say which events each
# article id yields, and count the calls).
ScriptedExtractor = StandInExtractor


def article(article_id: str, dct: str, source: str = "Outlet A", title: str = "") -> Article:
    """A small article whose text is unique to its id (so its content hash is too)."""
    return Article(
        text=f"{title or article_id}: a made-up report ({article_id}).",
        dct=date.fromisoformat(dct),
        id=article_id,
        title=title or article_id,
        source=source,
    )


def summit(day: str, *codes: str, status: str = "scheduled", **extra: object) -> Event:
    return Event(
        type=str(extra.pop("type", "summit")),
        date=day,
        participants=list(codes or ("JP", "US")),
        status=status,
        evidence=str(extra.pop("evidence", f"summit {day} {status}")),
        confidence=float(extra.pop("confidence", 0.6)),  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def all_events(db: Database) -> list[EventRow]:
    with db.session() as session:
        return list(session.scalars(select(EventRow).order_by(EventRow.id)))


def history(db: Database, event_id: int) -> list[tuple[str, str | None, str | None, int | None]]:
    with db.session() as session:
        rows = session.scalars(
            select(EventHistory)
            .where(EventHistory.event_id == event_id)
            .order_by(EventHistory.at, EventHistory.id)
        )
        return [(h.field, h.old, h.new, h.article_id) for h in rows]
