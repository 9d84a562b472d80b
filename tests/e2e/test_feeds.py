"""/feeds add|remove|list through the loopback Discord server (polling is tested elsewhere)."""

from __future__ import annotations

import discord
import pytest
from sqlalchemy import func, select

from storage.models import Feed
from tests.support.bot import Running

pytestmark = pytest.mark.e2e

MEMBER = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)


def _feeds(running: Running) -> int:
    with running.app.database.session() as session:
        return session.scalar(select(func.count()).select_from(Feed)) or 0


async def test_add_list_and_remove_a_feed(running: Running) -> None:
    added = await running.server.invoke("feeds add", {"url": "https://news.example.org/rss"})
    assert added.ephemeral and "Added feed #" in added.content
    again = await running.server.invoke("feeds add", {"url": "https://news.example.org/rss"})
    assert "already reads" in again.content
    listed = await running.server.invoke("feeds list")
    assert "<https://news.example.org/rss>" in listed.content and "active" in listed.content
    number = int(listed.content.split("`#")[1].split("`")[0])
    removed = await running.server.invoke("feeds remove", {"feed": number})
    assert f"Removed feed #{number}" in removed.content
    assert "reads no feeds yet" in (await running.server.invoke("feeds list")).content


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/feed",
        "http://127.0.0.1:8080/rss",
        "http://localhost/rss",
        "http://10.0.0.5/rss",
        "http://[::1]/rss",
        "https://user:pw@example.org/rss",
    ],
)
async def test_addresses_that_cannot_be_public_feeds_are_refused(
    running: Running, url: str
) -> None:
    reply = await running.server.invoke("feeds add", {"url": url})
    assert reply.ephemeral
    assert (
        "https://" in reply.content
        or "private network" in reply.content
        or "password" in reply.content
    )
    assert _feeds(running) == 0


async def test_feeds_need_manage_channels(running: Running) -> None:
    manage = str(discord.Permissions(manage_channels=True).value)
    assert running.server.command_definition("feeds")["default_member_permissions"] == manage
    denied = await running.server.invoke(
        "feeds add", {"url": "https://news.example.org/rss"}, user_permissions=MEMBER
    )
    assert denied.ephemeral and "Manage Channels" in denied.content
    assert _feeds(running) == 0
    await running.server.invoke("feeds add", {"url": "https://news.example.org/rss"})
    refused = await running.server.invoke("feeds remove", {"feed": 1}, user_permissions=MEMBER)
    assert refused.ephemeral and "Manage Channels" in refused.content
    assert _feeds(running) == 1


async def test_removing_an_unknown_feed_says_where_to_look(running: Running) -> None:
    reply = await running.server.invoke("feeds remove", {"feed": 77})
    assert reply.ephemeral and "/feeds list" in reply.content
