"""Mention and markdown injection: headlines, place names, feeds and options ping nobody.

An article titled "@everyone <@&…> **x** [link](http://evil…)" is ingested and then shown
by every command that shows article text; a member types the same into options. Every
message the bot sends must carry allowed_mentions that ping nobody (the ``running``
fixture checks all of them at the end), and the text must be escaped so that the
mention, the bold, the spoiler and the masked link show as typed, not as meant.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.alerts import kinds
from bot.alerts.changes import change_payload, new_event_payload
from bot.alerts.reminders import reminder_payload
from bot.alerts.sender import OutboxSender
from bot.chat.publisher import DiscordPublisher
from bot.extract.model import Article
from bot.render import ChangeView, EventView, change_alert_card, digest_card, new_event_card
from storage.models import EventRow, Feed
from storage.repos import outbox
from tests.hostile.inert import HOSTILE, assert_inert, assert_pings_nobody
from tests.support.bot import Running, event
from tests.support.discord_server import DEFAULT_CHANNEL_ID

pytestmark = pytest.mark.e2e


def _ingest_hostile(running: Running) -> int:
    """A hostile headline whose event has a hostile place, people and evidence; its event id."""
    marker = "hostile-article"
    running.extractor.events[marker] = [
        event("summit", "2025-02-07", ["JP", "US"], location=HOSTILE, evidence=HOSTILE)
    ]
    running.extractor.events[marker][0].people = [HOSTILE]
    article = Article(
        text=f"{marker}\n{HOSTILE}",
        dct=date(2025, 2, 6),
        id=marker,
        title=HOSTILE,
        source=HOSTILE,
        url="https://news.example.org/a?x=1",
    )
    result = running.app.timeline.ingest(article, ref=marker)
    return int(result.events[0].event_id)


async def test_a_hostile_headline_is_inert_in_timeline_event_and_digest(running: Running) -> None:
    event_id = _ingest_hostile(running)
    await running.server.invoke("subscribe")  # the digest shows what the channel follows
    for reply in [
        await running.server.invoke("timeline"),
        await running.server.invoke("timeline", {"country": "JP"}),
        await running.server.invoke("event", {"id": event_id}),
        await running.server.invoke("digest show"),
    ]:
        text = reply.text()
        assert "evil.example" in text or "everyone" in text  # the text is shown ...
        assert_inert(text)  # ... but inert
        assert_pings_nobody(reply.data)


async def test_pasted_text_and_title_given_to_ingest_are_inert(running: Running) -> None:
    marker = "pasted-hostile"
    running.extractor.events[marker] = [
        event("meeting", "2025-02-20", ["FR", "DE"], location=HOSTILE, evidence=HOSTILE)
    ]
    reply = await running.server.invoke(
        "ingest", {"text": f"{marker}\n{HOSTILE}", "title": HOSTILE, "published": "2025-02-06"}
    )
    assert "everyone" in reply.text()
    assert_inert(reply.text())
    assert_pings_nobody(reply.data)


async def test_keywords_typed_by_a_member_are_inert_when_shown_back(running: Running) -> None:
    keywords = "@everyone, **x**, <@&111111111111111111>, [link](http://evil.example/p)"
    created = await running.server.invoke("subscribe", {"keywords": keywords})
    listed = await running.server.invoke("subscriptions")
    for reply in (created, listed):
        assert "everyone" in reply.text()
        assert_inert(reply.text())
        assert_pings_nobody(reply.data)


async def test_a_feeds_title_and_error_text_are_inert_in_the_feed_list(running: Running) -> None:
    added = await running.server.invoke("feeds add", {"url": "https://news.example.org/rss"})
    assert "Added feed" in added.content
    with running.app.database.session() as session:
        feed = session.scalars(select(Feed)).one()
        feed.title = HOSTILE
        feed.last_error = f"the server answered 500: {HOSTILE}"
        feed.failures = 3
        session.add(feed)
        session.commit()
    listed = await running.server.invoke("feeds list")
    assert "everyone" in listed.text()
    assert_inert(listed.text())
    assert_pings_nobody(listed.data)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/@everyone",
        "https://news.example.org/<@&111111111111111111>",
        "https://news.example.org/a>**x**[link](http://evil.example/p)",
        "https://news.example.org/a)[link](http://evil.example/p",
    ],
)
async def test_a_hostile_feed_address_is_refused_or_shown_inert(running: Running, url: str) -> None:
    """Addresses with <, > or spaces are refused; others show inside <…>, where Discord
    shows a plain address (no mention, no markdown), so the rest of the line stays inert."""
    added = await running.server.invoke("feeds add", {"url": url})
    assert_pings_nobody(added.data)
    listed = await running.server.invoke("feeds list")
    assert_pings_nobody(listed.data)
    for reply in (added, listed):
        assert_inert(reply.text().replace(f"<{url}>", "<the address>"))


@pytest.mark.parametrize(
    "options",
    [
        {"countries": "@everyone"},
        {"types": "<@&111111111111111111>"},
        {"keywords": "**x**, " * 20},
        {"reminders": "@here"},
    ],
)
async def test_errors_that_echo_a_members_input_ping_nobody(
    running: Running, options: dict
) -> None:
    reply = await running.server.invoke("subscribe", options)
    assert reply.ephemeral
    assert_pings_nobody(reply.data)


def test_alert_and_digest_cards_escape_a_hostile_event() -> None:
    """The cards the outbox stores for alerts and digests (rendered before they are queued)."""
    view = EventView(
        id=7,
        type="summit",
        date="2025-03-03",
        participants=("CN", "EU"),
        people=(HOSTILE,),
        location=HOSTILE,
        status="postponed",
        title=HOSTILE,
    )
    change = ChangeView(None, "date", "2025-02-10", "2025-03-03", source=HOSTILE)
    cards = [
        new_event_card(view),
        change_alert_card(view, [change]),
        digest_card(date(2025, 3, 3), "Europe/Paris", [view], [view]),
    ]
    for card in cards:
        text = "\n".join(
            [card.title, card.description, card.footer, *(f"{n}\n{v}" for n, v in card.fields)]
        )
        assert "everyone" in text
        assert_inert(text)


async def test_alerts_and_reminders_posted_by_the_sender_are_inert(
    running: Running,
) -> None:
    """The outbox path end to end: payloads as the alert writer stores them, the real sender
    and Discord publisher, the messages as they reach the (loopback) channel."""
    event_id = _ingest_hostile(running)
    now = running.clock()
    with running.app.database.session() as session:
        row = session.get(EventRow, event_id)
        assert row is not None
        source = (HOSTILE, "https://news.example.org/a?x=1")
        payloads = [
            new_event_payload(row, source),
            change_payload(row, [("date", "2025-02-10", "2025-02-07")], now, source),
            reminder_payload(row, now, 1),
        ]
        for number, payload in enumerate(payloads):
            outbox.enqueue(
                session,
                key=f"hostile:{number}",
                channel_id=DEFAULT_CHANNEL_ID,
                kind=kinds.DIGEST,
                payload=payload,
                now=now,
                guild_id=running.server.guild_id,
            )
        session.commit()
    sender = OutboxSender(running.app.database, DiscordPublisher(running.bot), running.clock)
    stats = await sender.run_until_idle()
    assert stats.sent == len(payloads)
    posted = running.server.channel_messages
    assert len(posted) == len(payloads)
    for body in posted:
        text = "\n".join(
            [str(body.get("content") or "")]
            + [
                "\n".join(
                    [str(e.get("title") or ""), str(e.get("description") or "")]
                    + [f"{f['name']}\n{f['value']}" for f in e.get("fields") or []]
                )
                for e in body.get("embeds") or []
            ]
        )
        assert "everyone" in text
        assert_inert(text)
        assert_pings_nobody(body)
