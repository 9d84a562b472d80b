"""How the command line prints events: a table, one event's record, and JSON lines.

Terminal formats only; what Discord shows (and the demo prints) is :mod:`bot.render`.
"""

from __future__ import annotations

from typing import Any

from bot.services.timeline_reader import EventDetail
from bot.titles import title_of
from storage.models import EventRow
from storage.repos.events import EventSummary


def one_line(text: str) -> str:
    """A table cell: new lines, tabs and other control characters become single spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def date_cell(event: EventSummary) -> str:
    """The date as stored, a span in full: ``2025-06-15..2025-06-17``."""
    return event.date + (f"..{event.end_date}" if event.end_date else "")


def format_table(events: list[EventSummary]) -> str:
    """One line per event; columns as wide as their longest cell, so nothing is cut. The
    title (which names the place) comes last."""
    dates = [date_cell(e) for e in events]
    ids = [str(e.id) for e in events]
    id_width = max([2, *map(len, ids)])
    date_width = max([4, *map(len, dates)])
    lines = [f"{'ID':>{id_width}}  {'DATE':<{date_width}}  {'STATUS':<9}  {'SRC':>3}  EVENT"]
    for e, when, number in zip(events, dates, ids, strict=True):
        lines.append(
            f"{number:>{id_width}}  {when:<{date_width}}  {e.status:<9}  {e.source_count:>3}  "
            f"{one_line(title_of(e))}"
        )
    return "\n".join(lines)


def format_detail(detail: EventDetail) -> str:
    e = detail.event
    lines = [
        f"#{e.id} {one_line(title_of(e))}",
        f"  type:         {e.type}",
        f"  date:         {e.date} ({e.precision})" + (f" to {e.end_date}" if e.end_date else ""),
        f"  status:       {e.status}",
        f"  participants: {e.participants or '-'}",
        f"  people:       {', '.join(e.people) or '-'}",
        f"  location:     {e.location or '-'}",
        f"  confidence:   {e.confidence:.2f} from {e.source_count} source(s)",
        f"  first seen:   {e.first_seen:%Y-%m-%d %H:%M} UTC, last changed "
        f"{e.last_changed:%Y-%m-%d %H:%M} UTC",
        "sources:",
    ]
    for link, article in detail.sources:
        published = article.published.isoformat() if article.published else "undated"
        name = article.title or article.ref or article.key
        lines.append(f"  [{article.id}] {published} {article.source or '-'}: {name}")
        lines.append(f"      said {link.date} {link.status}: {link.evidence[:160]}")
        if article.url:
            lines.append(f"      {article.url}")
    lines.append("history:")
    for h in detail.history:
        change = f"{h.old} -> {h.new}" if h.old is not None else str(h.new)
        source = f" (article {h.article_id})" if h.article_id else ""
        lines.append(f"  {h.at:%Y-%m-%d %H:%M} {h.field}: {change}{source}")
    return "\n".join(lines)


def event_json(event: EventRow | EventSummary) -> dict[str, Any]:
    """An event as JSON: the extraction contract's fields plus the timeline's own."""
    return {
        "id": event.id,
        "title": title_of(event),
        "type": event.type,
        "date": event.date,
        "precision": event.precision,
        "end_date": event.end_date,
        "participants": event.participant_codes,
        "people": list(event.people),
        "location": event.location,
        "status": event.status,
        "confidence": round(event.confidence, 3),
        "sources": event.source_count,
        "first_seen": event.first_seen.isoformat(),
        "last_changed": event.last_changed.isoformat(),
    }


def detail_json(detail: EventDetail) -> dict[str, Any]:
    return {
        **event_json(detail.event),
        "articles": [
            {
                "article_id": article.id,
                "ref": article.ref,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "said_date": link.date,
                "said_status": link.status,
                "evidence": link.evidence,
            }
            for link, article in detail.sources
        ],
        "history": [
            {
                "at": h.at.isoformat(),
                "field": h.field,
                "old": h.old,
                "new": h.new,
                "article_id": h.article_id,
            }
            for h in detail.history
        ],
    }


__all__ = ["date_cell", "detail_json", "event_json", "format_detail", "format_table", "one_line"]
