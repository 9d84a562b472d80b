"""Permissions and isolation between servers, checked in the database, not only in the reply.

1. Every command that changes state refuses a member without Manage Channels, with an
   ephemeral sentence, and no row of any table changes.
2. A server can never read or change another server's subscriptions, feeds or digest
   settings: their numbers are refused as unknown, lists show only the server's own,
   and the other server's rows stay exactly as they were.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import discord
import pytest
from sqlalchemy import select

from storage.models import ChannelSettings, Feed, Subscription, metadata
from tests.support.bot import Running, event
from tests.support.discord_server import DEFAULT_CHANNEL_ID, DEFAULT_GUILD_ID

pytestmark = pytest.mark.e2e

MEMBER = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)
# Permissions that sound powerful but are not Manage Channels.
NEAR_MISS = discord.Permissions(
    send_messages=True,
    view_channel=True,
    use_application_commands=True,
    manage_messages=True,
    manage_threads=True,
    mention_everyone=True,
)
OTHER_GUILD_ID = DEFAULT_GUILD_ID + 1
OTHER_GUILD_CHANNEL = 920_000_000_000_000_777

CHANGING: list[tuple[str, dict[str, Any]]] = [
    ("subscribe", {"countries": "JP"}),
    ("unsubscribe", {"subscription": 1}),
    ("digest set", {"time": "06:00", "timezone": "Europe/Paris"}),
    ("digest set", {"time": "06:00", "timezone": "Europe/Paris", "enabled": False}),
    ("ingest", {"text": "scripted-news\nThe summit is on.", "published": "2025-02-06"}),
    ("feeds add", {"url": "https://news.example.org/other-rss"}),
    ("feeds remove", {"feed": 1}),
    ("feeds list", {}),  # not a change, but it shows error details meant for admins
    ("calendar create", {"countries": "JP"}),
    ("calendar revoke", {"calendar": 1}),
    ("calendar list", {}),  # not a change, but it lists the server's calendar links
]


def snapshot(running: Running) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare before and after."""
    with running.app.database.engine.connect() as conn:
        return {
            table.name: sorted(map(tuple, conn.execute(select(table)).all()), key=repr)
            for table in metadata.sorted_tables
        }


async def _seed(running: Running) -> None:
    """This server has a subscription, a feed and digest settings; the timeline an event."""
    running.extractor.events["scripted-news"] = [event("summit", "2025-03-03", ["JP", "US"])]
    running.add_news("seed", [event("meeting", "2025-02-20", ["FR", "DE"])], date(2025, 2, 6))
    await running.server.invoke("subscribe", {"countries": "FR"})
    await running.server.invoke("feeds add", {"url": "https://news.example.org/rss"})
    await running.server.invoke("digest set", {"time": "07:00", "timezone": "Asia/Tokyo"})


@pytest.mark.parametrize("perms", [MEMBER, NEAR_MISS], ids=["member", "near-miss"])
@pytest.mark.parametrize(
    ("command", "options"), CHANGING, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CHANGING)]
)
async def test_without_manage_channels_nothing_changes(
    running: Running, command: str, options: dict[str, Any], perms: discord.Permissions
) -> None:
    await _seed(running)
    before = snapshot(running)
    reply = await running.server.invoke(command, options, user_permissions=perms)
    assert reply.ephemeral
    assert "Manage Channels" in reply.content
    assert snapshot(running) == before


async def test_every_changing_command_declares_manage_channels(running: Running) -> None:
    """Discord hides them from members by default (the bot still checks, as above)."""
    manage = str(discord.Permissions(manage_channels=True).value)
    for name in ("subscribe", "unsubscribe", "ingest", "feeds", "calendar"):
        assert running.server.command_definition(name)["default_member_permissions"] == manage
    digest = running.server.command_definition("digest")
    # /digest show is for everyone; /digest set is checked by the bot (see the test above).
    assert digest["default_member_permissions"] is None


def _other_server(running: Running) -> tuple[int, int]:
    """Another server's subscription and feed (made through the same services), and settings."""
    app = running.app
    sub, _ = app.subscriptions.create(
        guild_id=OTHER_GUILD_ID,
        channel_id=OTHER_GUILD_CHANNEL,
        countries=["CN"],
        types=[],
        keywords=["secret-keyword"],
        reminder_offsets=["1d"],
        created_by=1,
    )
    feed, _ = app.feeds.add(
        guild_id=OTHER_GUILD_ID,
        channel_id=OTHER_GUILD_CHANNEL,
        url="https://private-feed.example.org/secret-token-rss",
    )
    app.digests.set(
        OTHER_GUILD_ID, OTHER_GUILD_CHANNEL, time="05:00", timezone="Asia/Seoul", enabled=True
    )
    return int(sub.id or 0), int(feed.id or 0)


def _other_rows(running: Running) -> list[Any]:
    with running.app.database.session() as session:
        rows: list[Any] = []
        for model in (Subscription, Feed, ChannelSettings):
            found = session.scalars(select(model).where(model.guild_id == OTHER_GUILD_ID)).all()
            rows.extend(sorted(repr(r.model_dump()) for r in found))
        return rows


async def test_another_servers_subscriptions_feeds_and_settings_are_out_of_reach(
    running: Running,
) -> None:
    await _seed(running)
    sub_id, feed_id = _other_server(running)
    theirs = _other_rows(running)
    assert len(theirs) == 3

    attempts = [
        ("unsubscribe", {"subscription": sub_id}, "no subscription"),
        ("feeds remove", {"feed": feed_id}, "no feed"),
    ]
    for command, options, hint in attempts:
        reply = await running.server.invoke(command, options)
        assert reply.ephemeral and hint in reply.content, reply.content

    # Adding the same address or the same subscription makes this server's own copy.
    await running.server.invoke(
        "feeds add", {"url": "https://private-feed.example.org/secret-token-rss"}
    )
    await running.server.invoke("subscribe", {"countries": "CN", "keywords": "secret-keyword"})
    await running.server.invoke("digest set", {"time": "09:00", "timezone": "Europe/Rome"})

    shown = [
        await running.server.invoke("subscriptions"),
        await running.server.invoke("feeds list"),
        await running.server.invoke("digest show"),
    ]
    subs_text = shown[0].text()
    assert f"<#{OTHER_GUILD_CHANNEL}>" not in subs_text and f"#{sub_id}`" not in subs_text
    feeds_text = shown[1].text()
    assert f"`#{feed_id}`" not in feeds_text
    assert "Asia/Seoul" not in shown[2].text() and "05:00" not in shown[2].text()
    assert _other_rows(running) == theirs

    with running.app.database.session() as session:
        mine = session.scalars(
            select(Subscription).where(Subscription.guild_id == DEFAULT_GUILD_ID)
        )
        assert {s.channel_id for s in mine} == {DEFAULT_CHANNEL_ID}
