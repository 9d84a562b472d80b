"""Ingesting one article a member handed over, and the report ``/ingest`` and the demo show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import Clock
from bot.extract.model import Article
from bot.render import Card, ChangeView, EventView, event_view, ingest_card
from bot.services.errors import Refused
from bot.timeline import NO_CONTEXT, IngestContext, IngestResult, TimelineService


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingested article did to the timeline, ready to render."""

    status: str
    title: str
    created: list[EventView]
    updated: list[tuple[EventView, list[ChangeView]]]
    unchanged: list[EventView]

    def card(self, *, timestamps: bool = True) -> Card:
        """The ``/ingest`` reply (the demo prints the same card)."""
        return ingest_card(
            status=self.status,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            title=self.title,
            timestamps=timestamps,
        )


class IngestService:
    """One article into the timeline, with a report of what changed."""

    def __init__(self, timeline: TimelineService, clock: Clock) -> None:
        self._timeline = timeline
        self._clock = clock

    def ingest(self, article: Article, context: IngestContext = NO_CONTEXT) -> IngestReport:
        """Merge the article's events into the timeline (blocking: run it off the loop)."""
        result = self._timeline.ingest(article, ref=article.id, context=context)
        if result.status == "failed":
            raise Refused(
                f"I could not process that article ({result.error}). Check the text and try again"
            )
        return report(result, article.title, self._clock())


def report(result: IngestResult, title: str, now: datetime) -> IngestReport:
    created, updated, unchanged = [], [], []
    for change in result.events:
        view = event_view(change.event)
        if change.kind == "created":
            created.append(view)
        elif change.kind == "updated":
            changes = [ChangeView(now, c.field, c.old, c.new) for c in change.changes]
            updated.append((view, changes))
        else:
            unchanged.append(view)
    return IngestReport(result.status, title, _unique(created), updated, _unique(unchanged))


def _unique(views: list[EventView]) -> list[EventView]:
    """One line per event even when an article mentions it twice."""
    return list({v.id: v for v in views}.values())


__all__ = ["IngestReport", "IngestService", "report"]
