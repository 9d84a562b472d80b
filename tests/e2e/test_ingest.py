"""/ingest through the loopback Discord server."""

from __future__ import annotations

import discord
import pytest
from sqlalchemy import func, select

from storage.models import ArticleRow, EventRow
from tests.support.bot import Running, event

pytestmark = pytest.mark.e2e

MEMBER = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)


def _count(running: Running, table: type) -> int:
    with running.app.database.session() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


async def test_ingest_text_reports_new_then_changed_events(running: Running) -> None:
    running.extractor.events["ARTICLE ONE"] = [
        event("summit", "2025-02-07", ["JP", "US"], location="Washington")
    ]
    running.extractor.events["ARTICLE TWO"] = [
        event("summit", "2025-03", ["JP", "US"], status="postponed")
    ]
    first = await running.server.invoke(
        "ingest", {"text": "ARTICLE ONE\nTrump will meet Ishiba.", "published": "2025-02-06"}
    )
    assert "Found 1 event" in first.text()
    assert "New on the timeline (1)" in first.text()
    assert "Japan–United States summit" in first.text() and "Fri 7 Feb 2025" in first.text()

    second = await running.server.invoke(
        "ingest", {"text": "ARTICLE TWO\nThe summit is postponed.", "published": "2025-02-08"}
    )
    assert "Changed (1)" in second.text()
    assert "date Fri 7 Feb 2025 → March 2025" in second.text()
    assert "status scheduled → postponed" in second.text()
    assert second.allowed_mentions == {"parse": []}


async def test_ingesting_the_same_text_twice_changes_nothing(running: Running) -> None:
    running.extractor.events["SAME"] = [event("visit", "2025-02-06", ["JP", "US"])]
    options = {"text": "SAME\nIshiba heads to the United States.", "published": "2025-02-06"}
    await running.server.invoke("ingest", options)
    again = await running.server.invoke("ingest", options)
    assert "Already on the timeline" in again.text()
    assert _count(running, ArticleRow) == 1 and _count(running, EventRow) == 1


async def test_ingest_needs_manage_channels_and_changes_nothing_without_it(
    running: Running,
) -> None:
    running.extractor.events["DENIED"] = [event("visit", "2025-02-06", ["JP", "US"])]
    reply = await running.server.invoke(
        "ingest", {"text": "DENIED\nIshiba heads to Washington."}, user_permissions=MEMBER
    )
    assert reply.ephemeral
    assert "Manage Channels" in reply.content
    assert _count(running, ArticleRow) == 0 and _count(running, EventRow) == 0


async def test_ingest_asks_for_exactly_one_of_url_and_text(running: Running) -> None:
    reply = await running.server.invoke("ingest", {"published": "2025-02-06"})
    assert reply.ephemeral and "either a url or the article's text" in reply.content


async def test_ingest_refuses_a_non_http_url(running: Running) -> None:
    reply = await running.server.invoke("ingest", {"url": "file:///etc/passwd"})
    assert reply.ephemeral and "only http and https" in reply.content
    assert _count(running, ArticleRow) == 0


async def test_ingest_refuses_a_bad_publication_date(running: Running) -> None:
    reply = await running.server.invoke("ingest", {"text": "x", "published": "yesterday"})
    assert reply.ephemeral and "YYYY-MM-DD" in reply.content


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/admin", "http://169.254.169.254/latest/meta-data/", "http://[::1]/"],
)
async def test_ingest_never_fetches_private_addresses(running: Running, url: str) -> None:
    reply = await running.server.invoke("ingest", {"url": url})
    assert reply.ephemeral and "I cannot fetch that address" in reply.content
    assert _count(running, ArticleRow) == 0


async def test_ingest_refuses_a_name_that_resolves_to_loopback(running: Running) -> None:
    reply = await running.server.invoke("ingest", {"url": "http://localhost:9/page"})
    assert reply.ephemeral  # the public "thinking..." was replaced by a private sentence
    assert "I could not fetch that page" in reply.text()
    assert _count(running, ArticleRow) == 0
