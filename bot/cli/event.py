"""``diplobot event ID``: one event with the articles behind it and its history."""

from __future__ import annotations

import argparse
import json
import sys

from bot.cli.db import add_database_option, open_from_args
from bot.services.timeline_query import EventDetail, TimelineQueries, detail_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "event",
        help="show one event: its sources and its history",
        description="Show an event of the timeline (IDs come from `diplobot timeline`).",
    )
    parser.add_argument("id", type=int, help="the event's ID")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_option(parser)
    parser.set_defaults(func=run)


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


def run(args: argparse.Namespace) -> int:
    database = open_from_args(args, "diplobot event")
    if database is None:
        return 1
    try:
        detail = TimelineQueries(database).detail(args.id)
    finally:
        database.dispose()
    if detail is None:
        print(
            f"diplobot event: no event {args.id}; list IDs with `diplobot timeline`",
            file=sys.stderr,
        )
        return 1
    if args.json:
        print(json.dumps(detail_json(detail), ensure_ascii=False, indent=2))
    else:
        print(format_detail(detail))
    return 0
