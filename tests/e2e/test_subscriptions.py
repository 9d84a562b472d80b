"""/subscribe, /unsubscribe and /subscriptions through the loopback Discord server."""

from __future__ import annotations

import discord
import pytest
from sqlalchemy import func, select

from storage.models import Subscription
from tests.support.bot import Running
from tests.support.discord_server import DEFAULT_CHANNEL_ID, OTHER_CHANNEL_ID

pytestmark = pytest.mark.e2e

MEMBER = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)


def _subscriptions(running: Running) -> int:
    with running.app.database.session() as session:
        return session.scalar(select(func.count()).select_from(Subscription)) or 0


async def test_subscribe_list_and_unsubscribe(running: Running) -> None:
    reply = await running.server.invoke(
        "subscribe",
        {
            "countries": "Japan, US",
            "types": "summit, tariff",
            "keywords": "LNG",
            "reminders": "1h, 1d",
            "channel": OTHER_CHANNEL_ID,
        },
    )
    assert reply.ephemeral
    text = reply.text()
    assert "Subscribed" in text
    assert f"<#{OTHER_CHANNEL_ID}>" in text
    assert "Japan, United States" in text and "summit, tariff" in text
    assert "reminders 1d, 1h" in text and "lng" in text

    listed = await running.server.invoke("subscriptions", user_permissions=MEMBER)
    assert f"<#{OTHER_CHANNEL_ID}>" in listed.text() and "Japan" in listed.text()
    number = int(listed.text().split("`#")[1].split("`")[0])

    removed = await running.server.invoke("unsubscribe", {"subscription": number})
    assert f"Removed subscription #{number}" in removed.content
    empty = await running.server.invoke("subscriptions")
    assert "No subscriptions yet" in empty.text()


async def test_subscribe_defaults_to_this_channel_and_the_configured_reminders(
    running: Running,
) -> None:
    reply = await running.server.invoke("subscribe", {"types": "election"})
    assert f"<#{DEFAULT_CHANNEL_ID}>" in reply.text()
    assert "any country" in reply.text() and "reminders 1d, 1h" in reply.text()


async def test_the_same_subscription_twice_is_one(running: Running) -> None:
    await running.server.invoke("subscribe", {"countries": "FR"})
    again = await running.server.invoke("subscribe", {"countries": "fr", "reminders": "2h"})
    assert "already had that subscription" in again.text() and "reminders 2h" in again.text()
    assert _subscriptions(running) == 1


async def test_bad_input_gets_a_sentence_and_stores_nothing(running: Running) -> None:
    for options, hint in [
        ({"countries": "Atlantis"}, "two-letter code"),
        ({"types": "party"}, "Choose from"),
        ({"reminders": "soon"}, "1d, 1h, 30m"),
    ]:
        reply = await running.server.invoke("subscribe", options)
        assert reply.ephemeral and hint in reply.content
    assert _subscriptions(running) == 0


async def test_members_without_manage_channels_cannot_subscribe_or_unsubscribe(
    running: Running,
) -> None:
    denied = await running.server.invoke("subscribe", {"countries": "JP"}, user_permissions=MEMBER)
    assert denied.ephemeral and "Manage Channels" in denied.content
    assert _subscriptions(running) == 0

    await running.server.invoke("subscribe", {"countries": "JP"})
    listed = await running.server.invoke("subscriptions")
    number = int(listed.text().split("`#")[1].split("`")[0])
    refused = await running.server.invoke(
        "unsubscribe", {"subscription": number}, user_permissions=MEMBER
    )
    assert refused.ephemeral and "Manage Channels" in refused.content
    assert _subscriptions(running) == 1


async def test_unsubscribe_unknown_number_says_where_to_look(running: Running) -> None:
    reply = await running.server.invoke("unsubscribe", {"subscription": 999})
    assert reply.ephemeral and "/subscriptions" in reply.content


async def test_subscription_commands_declare_manage_channels(running: Running) -> None:
    manage = str(discord.Permissions(manage_channels=True).value)
    for name in ("subscribe", "unsubscribe"):
        assert running.server.command_definition(name)["default_member_permissions"] == manage
    assert running.server.command_definition("subscriptions")["default_member_permissions"] is None


async def test_country_autocomplete_offers_names_with_codes(running: Running) -> None:
    choices = await running.server.autocomplete("subscribe", {"countries": "JP, germ"}, "countries")
    assert {"name": "JP, Germany (DE)", "value": "JP, DE"} in choices
    types = await running.server.autocomplete("timeline", {"type": "sa"}, "type")
    assert [c["value"] for c in types] == ["sanctions"]
