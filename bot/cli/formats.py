"""How the command line prints events: a table, one event's record, and JSON lines.

Terminal formats only; what Discord shows (and the demo prints) is :mod:`bot.render`.
"""

from __future__ import annotations

from typing import Any

from bot.services.timeline_reader import EventDetail
from storage.models import EventRow
from storage.repos.events import EventSummary


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(events: list[EventSummary]) -> str:
    header = f"{'ID':>6}  {'DATE':<16}  {'STATUS':<9}  {'SRC':>3}  {'EVENT':<44}  WHERE"
    lines = [header]
    for e in events:
        date_text = e.date + (f"..{e.end_date[5:]}" if e.end_date else "")
        lines.append(
            f"{e.id:>6}  {_cell(date_text, 16):<16}  {e.status:<9}  {e.source_count:>3}  "
            f"{_cell(e.title, 44):<44}  {e.location or ''}"
        )
    return "\n".join(lines)


def format_detail(detail: EventDetail) -> str:
    e = detail.event
    lines = [
        f"#{e.id} {e.title}",
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
        "title": event.title,
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


__all__ = ["detail_json", "event_json", "format_detail", "format_table"]
