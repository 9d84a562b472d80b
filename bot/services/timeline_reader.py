"""Reading the timeline: pages of events, one event's full story, calendar exports.

The command line and the cogs read through the same service, so the same filter lists the
same events in a terminal and in Discord.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.clock import Clock, SystemClock
from bot.render import EventView, event_view
from bot.render.ics import to_ics
from bot.render.picture import WINDOW_DAYS, Picture, plan_picture
from storage.db import Database
from storage.models import ArticleRow, EventArticle, EventHistory, EventRow
from storage.repos import calendars as calendar_repo
from storage.repos import events as event_repo
from storage.repos.events import EventSummary, TimelineFilter
from storage.repos.guild_rows import MAX_ID


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with the articles behind it and its history, oldest first."""

    event: EventRow
    sources: list[tuple[EventArticle, ArticleRow]]
    history: list[EventHistory]

    def view(self) -> EventView:
        return event_view(self.event, self.sources, self.history)


@dataclass(frozen=True, slots=True)
class TimelinePage:
    events: list[EventView]
    page: int
    has_next: bool


PICTURE_LIMIT = 5000  # events read for one picture (14 days of a very busy timeline)


class TimelineReader:
    """Read-only access to the timeline, one short session per call."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()

    def events(self, filters: TimelineFilter) -> list[EventSummary]:
        with self._db.session() as session:
            return event_repo.query_timeline(session, filters)

    def page(self, filters: TimelineFilter, page: int, page_size: int) -> TimelinePage:
        """One page (1-based) of the timeline; one extra row tells whether a next page exists."""
        paged = replace(filters, limit=page_size + 1, offset=(page - 1) * page_size)
        views = [event_view(row) for row in self.events(paged)]
        return TimelinePage(views[:page_size], page, len(views) > page_size)

    def detail(self, event_id: int) -> EventDetail | None:
        """One event with its sources and history, or None."""
        if not 0 < event_id <= MAX_ID:
            return None
        with self._db.session() as session:
            event = session.get(EventRow, event_id)
            if event is None:
                return None
            return EventDetail(
                event,
                event_repo.event_sources(session, event_id),
                event_repo.event_history(session, event_id),
            )

    def export_ics(
        self, filters: TimelineFilter, limit: int, *, vague: str = "span"
    ) -> tuple[int, bytes]:
        """How many events match (counted to ``limit + 1``) and the .ics of the first ``limit``."""
        rows = self.events(replace(filters, limit=limit + 1, offset=0))
        return len(rows), to_ics(rows[:limit], vague=vague, installation=self.installation())

    def installation(self) -> str:
        """This installation's id, which calendar UIDs carry."""
        with self._db.session() as session:
            return calendar_repo.installation_uid(session, self._clock())

    def picture(self, filters: TimelineFilter, today: date, *, title: str = "Timeline") -> Picture:
        """The picture of the 14 days from the filter's first day (today when it has none;
        the 14 days up to its last day when it has only that) of the events it matches."""
        if filters.start is not None:
            first = filters.start
        elif filters.end is not None:
            first = filters.end - timedelta(days=WINDOW_DAYS - 1)
        else:
            first = today
        last = first + timedelta(days=WINDOW_DAYS - 1)
        if filters.end is not None:
            last = min(last, filters.end)
        window = replace(filters, start=first, end=last, limit=PICTURE_LIMIT, offset=0)
        views = [event_view(row) for row in self.events(window)]
        return plan_picture(views, first, today=today, title=title)


__all__ = ["EventDetail", "TimelinePage", "TimelineReader"]
