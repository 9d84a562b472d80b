"""The daily digest's picture of the next 14 days, through the real client and the loopback
Discord server: a PNG attachment with alt text when the channel turned it on, none otherwise,
and still exactly one message when Discord fails after taking the upload."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from bot.render.draw import WIDTH_PX
from storage.models import OutboxMessage
from tests.support.bot import Running, event
from tests.support.discord_server import Fault

pytestmark = pytest.mark.e2e

MORNING = datetime(2025, 2, 7, 8, 30, tzinfo=UTC)  # after the default 08:00 UTC


def _news(running: Running) -> None:
    running.add_news("today", [event("summit", "2025-02-07", ["JP", "US"])], date(2025, 2, 3))
    running.add_news("later", [event("meeting", "2025-02-17", ["FR", "DE"])], date(2025, 2, 3))
    running.add_news("week", [event("visit", "2025-W08", ["IN", "BR"])], date(2025, 2, 3))
    running.add_news(
        "moved",
        [event("visit", "2025-02-12", ["CN", "ZA"], status="postponed")],
        date(2025, 2, 3),
    )
    running.add_news("far", [event("summit", "2025-03-20", ["AR", "CL"])], date(2025, 2, 3))


def _digests(running: Running) -> list[dict[str, Any]]:
    return [
        m
        for m in running.server.channel_messages
        if any(e.get("title", "").startswith("Daily digest") for e in m.get("embeds", []))
    ]


async def _deliver(running: Running) -> list[dict[str, Any]]:
    running.clock.set(MORNING)
    assert (await running.app.delivery.plan_digests()) == 1
    await running.app.delivery.send_now()
    return _digests(running)


async def test_picture_on_the_digest_carries_a_png_with_alt_text(running: Running) -> None:
    await running.server.invoke("subscribe")
    reply = await running.server.invoke("digest set", {"picture": "on"})
    assert "with a picture of the next 14 days at 08:00 UTC" in reply.content
    _news(running)
    [posted] = await _deliver(running)

    [attachment] = posted["attachments"]
    assert attachment["filename"].endswith(".png")
    assert attachment["content_type"] == "image/png"
    assert attachment["width"] == WIDTH_PX and attachment["height"] > 200
    alt = attachment["description"]
    assert alt.startswith("14-day timeline from Fri 7 Feb 2025 to Thu 20 Feb 2025: 4 events")
    assert "1 postponed" in alt and "China–South Africa visit" in alt
    assert "Argentina" not in alt  # beyond the 14 days
    [(name, data)] = posted["files"]
    assert name == attachment["filename"]
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == (attachment["width"], attachment["height"])
    # The outbox row keeps the layout, not the picture.
    with running.app.database.session() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "digest")).one()
        assert set(row.payload["picture"]) >= {"rows", "marks", "alt"}
        assert len(str(row.payload)) < 5000 < len(data)


async def test_digest_without_the_picture_has_no_attachment(running: Running) -> None:
    await running.server.invoke("subscribe")
    await running.server.invoke("digest set", {"picture": "on"})
    reply = await running.server.invoke("digest set", {"picture": "off"})
    assert "picture" not in reply.content
    _news(running)
    [posted] = await _deliver(running)
    assert posted["attachments"] == [] and posted["files"] == []


async def test_the_default_is_no_picture(running: Running) -> None:
    await running.server.invoke("subscribe")
    _news(running)
    [posted] = await _deliver(running)
    assert posted["files"] == []


async def test_a_resend_after_an_ambiguous_failure_posts_the_picture_once(
    running: Running,
) -> None:
    """Discord takes the upload but answers 503: the outbox resends it with the row's nonce,
    and Discord answers with the message it already has."""
    await running.server.invoke("subscribe")
    await running.server.invoke("digest set", {"picture": "on"})
    _news(running)
    await running.app.delivery.send_now()  # the news' alerts first
    sent_before = len(running.server.channel_messages)
    fault = running.server.inject(Fault(503, "POST /channels/", count=1, after_processing=True))
    first = await _deliver(running)
    assert fault.count == 0 and len(first) == 1
    running.clock.set(MORNING + timedelta(minutes=5))  # the retry is due
    await running.app.delivery.send_now()
    assert running.server.duplicates_refused == 1
    assert len(running.server.channel_messages) == sent_before + 1
    [posted] = _digests(running)
    assert len(posted["attachments"]) == 1
    with running.app.database.session() as session:
        row = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "digest")).one()
        assert row.sent_at is not None and row.attempts == 2  # the 503, then the resend
        assert running.server.nonces[row.nonce]["attachments"][0]["filename"].endswith(".png")


async def test_digest_show_shows_the_same_picture(running: Running) -> None:
    await running.server.invoke("subscribe")
    await running.server.invoke("digest set", {"picture": "on"})
    _news(running)
    running.clock.set(MORNING)
    shown = await running.server.invoke("digest show")
    assert shown.ephemeral and "With the picture of the next 14 days." in shown.text()
    [(name, data)] = shown.files
    [described] = shown.data["attachments"]
    assert name.endswith(".png") and described["description"].startswith("14-day timeline")
    [posted] = await _deliver(running)
    assert posted["embeds"] == shown.embeds
    assert posted["attachments"][0]["description"] == described["description"]
    assert posted["files"][0][1] == data  # the very same picture


@pytest.mark.parametrize(
    ("options", "hint"),
    [
        ({"time": "07:00"}, "Give both the time and the time zone"),
        ({}, "Say what to change"),
    ],
)
async def test_digest_set_says_what_is_missing(
    running: Running, options: dict[str, str], hint: str
) -> None:
    reply = await running.server.invoke("digest set", options)
    assert reply.ephemeral and hint in reply.content


async def test_a_channel_that_refuses_files_gets_the_digest_without_its_picture(
    running: Running,
) -> None:
    """No Attach Files in the channel (Discord answers 403): the digest still arrives, without
    the picture, and the channel's subscriptions stay active."""
    await running.server.invoke("subscribe")
    await running.server.invoke("digest set", {"picture": "on"})
    _news(running)
    await running.app.delivery.send_now()  # the news' alerts first
    refused = running.server.inject(Fault(403, "POST /channels/", count=1))
    [posted] = await _deliver(running)
    assert refused.count == 0 and posted["files"] == []
    assert posted["embeds"][0]["title"].startswith("Daily digest")
    shown = await running.server.invoke("subscriptions")
    assert "paused" not in shown.text().lower()
