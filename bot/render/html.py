"""The timeline page of a calendar link: coming events grouped by week, as plain HTML.

Jinja2 with autoescape on renders every text (titles, places, outlets come from the news and
may hold markup); the page has no script, and its one style block is allowed by its hash in
the Content-Security-Policy (:data:`CONTENT_SECURITY_POLICY`), so nothing injected can run
or restyle it. Dates read as precisely as the news gave them (:func:`format_date`).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bot.names import participants_text
from bot.render.dates import format_date
from bot.render.ics import CalendarEventRow, SourceLink
from bot.titles import title_of

TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLE = (TEMPLATES / "timeline.css").read_text(encoding="utf-8")
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode()
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src 'none'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
MAX_SOURCES = 5  # per event on the page
_STATUS_WORDS = {
    "scheduled": "scheduled",
    "occurred": "took place",
    "postponed": "postponed",
    "cancelled": "cancelled",
}


@dataclass(frozen=True, slots=True)
class PageEvent:
    """One event as the page shows it (every field plain text; the template escapes it)."""

    title: str
    type: str
    when: str
    vague: str  # "" when the day is known, else what is not known
    status: str
    status_words: str
    participants: str
    people: str
    location: str
    sources: tuple[SourceLink, ...]
    more_sources: int


@dataclass(frozen=True, slots=True)
class PageGroup:
    label: str
    events: list[PageEvent]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_label(monday: date, today: date) -> str:
    this = _monday(today)
    label = f"Week of {monday.day} {monday:%B %Y}"
    if monday == this:
        return f"This week · {label}"
    if monday == this + timedelta(days=7):
        return f"Next week · {label}"
    return label


def _page_event(event: CalendarEventRow, sources: Sequence[SourceLink]) -> PageEvent:
    vague = {
        "week": "day not known yet",
        "month": "day not known yet",
    }.get(event.precision, "")
    title = title_of(event)
    place = event.location or ""
    return PageEvent(
        title=title,
        type=event.type,
        when=format_date(event.date, event.end_date, timestamps=False),
        vague=vague,
        status=event.status,
        status_words=_STATUS_WORDS.get(event.status, event.status),
        participants=participants_text(event.participant_codes),
        people=", ".join(event.people),
        location="" if place and place[:20] in title else place,  # said once
        sources=tuple(sources[:MAX_SOURCES]),
        more_sources=max(0, len(sources) - MAX_SOURCES),
    )


def group_events(
    events: Sequence[CalendarEventRow],
    sources: Mapping[int, Sequence[SourceLink]],
    today: date,
) -> list[PageGroup]:
    """Events by the week they start in; a month-precise event in its own "in March" group
    before that month's weeks (it has no week)."""
    keyed: dict[tuple[date, int], PageGroup] = {}
    for event in events:
        if event.precision == "month":
            first = event.start_day.replace(day=1)
            key = (first, 0)
            label = f"Sometime in {first:%B %Y}"
        else:
            monday = _monday(event.start_day)
            key = (monday, 1)
            label = _week_label(monday, today)
        group = keyed.setdefault(key, PageGroup(label, []))
        group.events.append(_page_event(event, sources.get(int(event.id or 0), ())))
    return [keyed[key] for key in sorted(keyed)]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def timeline_page(
    events: Sequence[CalendarEventRow],
    sources: Mapping[int, Sequence[SourceLink]],
    today: date,
    name: str,
    ics_url: str,
) -> str:
    """The whole page: the coming ``events`` grouped by week, with their sources."""
    template = _environment().get_template("timeline.html")
    return template.render(
        name=name,
        today=f"{today:%A} {today.day} {today:%B %Y}",
        groups=group_events(events, sources, today),
        count=len(events),
        ics_url=ics_url,
        style=Markup(STYLE),  # our own constant, allowed by its hash  # noqa: S704
    )


__all__ = ["CONTENT_SECURITY_POLICY", "PageEvent", "PageGroup", "group_events", "timeline_page"]
