"""``diplobot demo``: what the bot would post, offline: no token, no network.

It reads the sample articles shipped in ``bot/demo/`` into a fresh SQLite file, in
publication order, through the same services and renderers the Discord cogs use,
and prints the timeline, an event card, a change alert and a daily digest.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TextIO

from bot.chat.backend import ChatBackend, IngestReport
from bot.demo import DEMO_DIR
from bot.news.articles import read_articles
from bot.render import (
    Card,
    card_text,
    change_alert_card,
    digest_card,
    event_card,
    ingest_card,
    timeline_card,
)
from bot.timeline import TimelineService
from storage.db import Database, open_database
from storage.repos.events import TimelineFilter

DIGEST_TIMEZONE = "Asia/Tokyo"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="show what the bot posts, offline (no token, no network)",
        description=(
            "Ingest the sample articles in bot/demo/ into a fresh SQLite database and print "
            "what the bot would post: the timeline, an event card, a change alert and a "
            "daily digest."
        ),
    )
    parser.add_argument(
        "--articles",
        type=Path,
        default=DEMO_DIR,
        metavar="DIR",
        help="a folder of .txt articles to use instead of the samples (read in name order)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the demo database in DIR (default: a temporary folder, removed afterwards)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    articles = Path(args.articles)
    if not articles.is_dir():
        print(f"diplobot demo: no folder of articles at {articles}", file=sys.stderr)
        return 1
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        return _run_in(Path(args.keep), articles, sys.stdout)
    with tempfile.TemporaryDirectory(prefix="diplobot-demo-") as folder:
        return _run_in(Path(folder), articles, sys.stdout)


def _run_in(folder: Path, articles: Path, out: TextIO) -> int:
    path = folder / "demo.db"
    path.unlink(missing_ok=True)
    database = open_database(f"sqlite:///{path}")
    try:
        return asyncio.run(demo(database, articles, out, where=str(path)))
    finally:
        database.dispose()


def _section(out: TextIO, heading: str, card: Card) -> None:
    out.write(f"\n──── {heading} " + "─" * max(4, 72 - len(heading)) + "\n")
    out.write(card_text(card, plain=True) + "\n")


async def demo(database: Database, folder: Path, out: TextIO, *, where: str = "") -> int:
    """Ingest every article of ``folder`` in order and print what the bot would post."""
    results = [r for r in read_articles(folder) if r.article is not None or r.error]
    dated = [r.article.dct for r in results if r.article is not None and r.article.dct]
    start = dated[0] if dated else date.today()  # noqa: DTZ011 - only when no article is dated
    clock = _DemoClock(datetime.combine(start, time(9, 0), tzinfo=UTC))
    timeline = TimelineService(database, clock=clock)
    backend = ChatBackend(database, clock, timeline)

    out.write(f"diplobot demo: {len(results)} sample articles into a fresh database ({where})\n")
    reports: list[tuple[str, IngestReport]] = []
    for number, result in enumerate(results, start=1):
        name = Path(result.ref).name
        if result.article is None:
            out.write(f"[{number}/{len(results)}] {name}: skipped ({result.error})\n")
            continue
        article = replace(result.article, title=result.article.title or Path(result.ref).stem)
        if article.dct is not None:  # the news is read on the day it was published
            clock.now = datetime.combine(article.dct, time(9, 0), tzinfo=UTC)
        report = await backend.ingest_article(article)
        reports.append((name, report))
        published = article.dct.isoformat() if article.dct else "date unknown"
        out.write(
            f"[{number}/{len(results)}] {name} (published {published}): "
            f"{len(report.created)} new, {len(report.updated)} changed, "
            f"{len(report.unchanged)} confirmed\n"
        )
    if reports:
        name, last = reports[-1]
        _section(
            out,
            f"/ingest reply for {name}",
            ingest_card(
                status=last.status,
                created=last.created,
                updated=last.updated,
                unchanged=last.unchanged,
                title=last.title,
                timestamps=False,
            ),
        )

    page = await backend.timeline_page(TimelineFilter(), 1, 25)
    _section(
        out,
        "/timeline (every event, oldest first)",
        timeline_card(page.events, page=1, has_more=page.has_next, timestamps=False),
    )

    changed = [(n, ev, ch) for n, r in reports for ev, ch in r.updated]
    if changed:
        name, view, changes = changed[-1]
        _section(
            out,
            f"Change alert posted to subscribed channels after {name}",
            change_alert_card(view, changes, timestamps=False),
        )
        card_id = view.id
    else:
        out.write("\n(no article changed an earlier event, so there is no change alert)\n")
        card_id = page.events[0].id if page.events else None

    if card_id is not None:
        detail = await backend.event(card_id)
        if detail is not None:
            _section(out, f"/event {card_id}", event_card(detail, timestamps=False))

    # The next morning's digest; if that week is empty, the first day with an event.
    day = clock.now.date() + timedelta(days=1)
    today, ahead = await backend.digest_events(day)
    if not today and not ahead:
        day = _digest_day(page.events, start)
        today, ahead = await backend.digest_events(day)
    _section(
        out,
        f"Daily digest for {day:%a} {day.day} {day:%b %Y}, posted at 08:00 {DIGEST_TIMEZONE}",
        digest_card(day, DIGEST_TIMEZONE, today, ahead, timestamps=False),
    )
    out.write(
        "\nThat is what the bot posts in Discord. To run it for real: "
        "DISCORD_TOKEN=<token> diplobot run\n"
    )
    return 0


class _DemoClock:
    """The demo reads each article on its publication day, so history shows real days."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _digest_day(events: list, fallback: date) -> date:  # type: ignore[type-arg]
    """The first day that has a day-precise event: a digest with something in it."""
    for view in events:
        if len(view.date) >= 10 and view.date[4] == "-" and view.date[5] != "W":
            return date.fromisoformat(view.date[:10])
    return fallback
