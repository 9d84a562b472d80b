"""``diplobot demo``: what the bot would post, offline: no token, no network.

It reads the sample articles shipped in ``bot/demo/`` into a fresh SQLite file, in
publication order, through the same app (:func:`bot.app.build_app`) and renderers the
Discord cogs use, and prints the timeline, an event card, a change alert and the daily
digest a channel subscribed to everything would get.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.alerts.digests import DigestPreview
from bot.app import App, build_app
from bot.clock import FakeClock
from bot.demo import DEMO_DIR
from bot.news.files import read_articles
from bot.render import (
    Card,
    card_text,
    change_alert_card,
    event_card,
    timeline_card,
)
from bot.services.ingesting import IngestReport
from config.settings import Settings
from storage.db import Database, open_database
from storage.repos.events import TimelineFilter

DIGEST_TIMEZONE = "Asia/Tokyo"
DEMO_GUILD, DEMO_CHANNEL = 1, 2


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
        return demo(database, articles, out, where=str(path))
    finally:
        database.dispose()


def _section(out: TextIO, heading: str, card: Card) -> None:
    out.write(f"\n──── {heading} " + "─" * max(4, 72 - len(heading)) + "\n")
    out.write(card_text(card, plain=True) + "\n")


def demo(database: Database, folder: Path, out: TextIO, *, where: str = "") -> int:
    """Ingest every article of ``folder`` in order and print what the bot would post."""
    results = [r for r in read_articles(folder) if r.skipped is None]  # not its own code
    dated = [r.article.dct for r in results if r.article is not None and r.article.dct]
    start = dated[0] if dated else date.today()  # noqa: DTZ011 - only when no article is dated
    clock = FakeClock(datetime.combine(start, time(9, 0), tzinfo=UTC))
    # The demo's own database: the installation's data folder is neither used nor checked.
    url = database.engine.url.render_as_string(hide_password=False)
    settings = Settings.load(default_timezone=DIGEST_TIMEZONE, database_url=url)
    app = build_app(settings, database, clock, None)

    out.write(f"diplobot demo: {len(results)} sample articles into a fresh database ({where})\n")
    # A channel subscribed to everything; its digest is taken on the morning after the first
    # article that gives it something, from what the timeline knew then.
    app.subscriptions.create(guild_id=DEMO_GUILD, channel_id=DEMO_CHANNEL)
    digest: tuple[date, DigestPreview] | None = None
    reports: list[tuple[str, IngestReport]] = []
    for number, result in enumerate(results, start=1):
        name = Path(result.ref).name
        if result.article is None:
            out.write(f"[{number}/{len(results)}] {name}: skipped ({result.error})\n")
            continue
        article = replace(result.article, title=result.article.title or Path(result.ref).stem)
        if article.dct is not None:  # the news is read on the day it was published
            clock.set(datetime.combine(article.dct, time(9, 0), tzinfo=UTC))
        report = app.ingest.ingest(article)
        reports.append((name, report))
        if digest is None:
            digest = _next_morning_digest(app, clock)
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
            last.card(timestamps=False),
        )

    page = app.reader.page(TimelineFilter(), 1, 25)
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
        detail = app.reader.detail(card_id)
        if detail is not None:
            _section(out, f"/event {card_id}", event_card(detail.view(), timestamps=False))

    if digest is None:  # nothing was ever coming up: the digest of the day after the last news
        digest = (clock().date() + timedelta(days=1), _digest_on(app, clock, 1))
    local, preview = digest
    prefs = preview.prefs
    _section(
        out,
        f"Daily digest for {local:%a} {local.day} {local:%b %Y}, posted at {prefs.time} "
        f"{prefs.timezone}",
        preview.card,
    )
    out.write(
        "\nThat is what the bot posts in Discord. To run it for real: "
        "DISCORD_TOKEN=<token> diplobot run\n"
    )
    return 0


def _digest_on(app: App, clock: FakeClock, days_later: int) -> DigestPreview:
    """The channel's digest ``days_later`` days after the clock's day, at noon in its zone."""
    local = clock().date() + timedelta(days=days_later)
    clock.set(datetime.combine(local, time(12, 0), tzinfo=ZoneInfo(DIGEST_TIMEZONE)))
    return app.digests.show(DEMO_GUILD, DEMO_CHANNEL)


def _next_morning_digest(app: App, clock: FakeClock) -> tuple[date, DigestPreview] | None:
    """The next day's digest when it lists something (the clock moves to that day)."""
    local = clock().date() + timedelta(days=1)
    preview = _digest_on(app, clock, 1)
    return (local, preview) if preview.card.fields else None
