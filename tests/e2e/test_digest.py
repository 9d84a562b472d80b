"""/digest show and /digest set through the loopback Discord server."""

from __future__ import annotations

from datetime import UTC, date, datetime

import discord
import pytest

from tests.support.bot import Running, event

pytestmark = pytest.mark.e2e

MEMBER = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)


async def test_digest_show_uses_the_channels_local_day(running: Running) -> None:
    running.add_news("today", [event("summit", "2025-02-07", ["JP", "US"])], date(2025, 2, 6))
    running.add_news("soon", [event("meeting", "2025-02-10", ["EU", "JP"])], date(2025, 2, 6))
    running.add_news("later", [event("visit", "2025-03-20", ["FR", "IN"])], date(2025, 2, 6))
    # 20:00 UTC on the 6th is already the 7th in Tokyo.
    running.clock.set(datetime(2025, 2, 6, 20, 0, tzinfo=UTC))
    await running.server.invoke("subscribe")  # a channel gets the digest of what it follows
    await running.server.invoke("digest set", {"time": "07:30", "timezone": "Asia/Tokyo"})
    reply = await running.server.invoke("digest show", user_permissions=MEMBER)
    text = reply.text()
    assert "Daily digest — Fri 7 Feb 2025" in text
    today, _, coming = text.partition("Coming up")
    assert "Japan–United States summit" in today
    assert "EU–Japan meeting" in coming
    assert "France" not in text  # more than a week ahead
    assert "Posted daily at 07:30 Asia/Tokyo (this channel's setting)" in text


async def test_digest_show_defaults_to_the_configured_time_and_zone(running: Running) -> None:
    reply = await running.server.invoke("digest show")
    assert "Posted daily at 08:00 UTC (the default)" in reply.text()
    assert "Nothing on the timeline" in reply.text()


@pytest.mark.parametrize(
    ("options", "hint"),
    [
        ({"time": "25:00", "timezone": "UTC"}, "24-hour clock"),
        ({"time": "08:00", "timezone": "Mars/Olympus"}, "IANA name"),
    ],
)
async def test_digest_set_refuses_bad_values(running: Running, options: dict, hint: str) -> None:
    reply = await running.server.invoke("digest set", options)
    assert reply.ephemeral and hint in reply.content
    shown = await running.server.invoke("digest show")
    assert "(the default)" in shown.text()


async def test_digest_set_needs_manage_channels_and_changes_nothing_without_it(
    running: Running,
) -> None:
    reply = await running.server.invoke(
        "digest set", {"time": "06:00", "timezone": "Europe/Paris"}, user_permissions=MEMBER
    )
    assert reply.ephemeral and "Manage Channels" in reply.content
    shown = await running.server.invoke("digest show", user_permissions=MEMBER)
    assert "Posted daily at 08:00 UTC (the default)" in shown.text()


async def test_timezone_autocomplete(running: Running) -> None:
    choices = await running.server.autocomplete(
        "digest set", {"time": "08:00", "timezone": "paris"}, "timezone"
    )
    assert [c["value"] for c in choices] == ["Europe/Paris"]


async def test_digest_show_is_byte_for_byte_the_digest_the_channel_gets(running: Running) -> None:
    """One digest: what /digest show answers is the embed the channel is posted that day."""
    await running.server.invoke("subscribe", {"countries": "JP"})
    running.add_news("on", [event("summit", "2025-02-07", ["JP", "US"])], date(2025, 2, 3))
    running.add_news("week", [event("visit", "2025-02-08", ["JP", "FR"])], date(2025, 2, 3))
    running.add_news("month", [event("meeting", "2025-02", ["JP", "CN"])], date(2025, 2, 3))
    running.add_news("other", [event("summit", "2025-02-07", ["BR", "AR"])], date(2025, 2, 3))
    running.clock.set(datetime(2025, 2, 7, 6, 0, tzinfo=UTC))  # news of the morning
    running.add_news(
        "moved", [event("summit", "2025-02-08", ["JP", "US"], status="postponed")], date(2025, 2, 7)
    )
    running.clock.set(datetime(2025, 2, 7, 8, 30, tzinfo=UTC))  # after the default 08:00 UTC
    shown = await running.server.invoke("digest show")
    assert (await running.app.delivery.plan_digests()) == 1
    await running.app.delivery.send_now()
    posted = [
        message
        for message in running.server.channel_messages
        if any(e.get("title", "").startswith("Daily digest") for e in message.get("embeds", []))
    ]
    assert len(posted) == 1
    assert posted[0]["embeds"] == shown.embeds
    fields = {f["name"]: f["value"] for f in shown.embeds[0]["fields"]}
    assert "February 2025" in fields["Today"]  # the month the meeting is planned in
    assert "France" in fields["Coming up"] and "Brazil" not in str(fields)
    assert "postponed" in fields["Changed since the last digest"]
    again = await running.server.invoke("digest show")  # after posting: still the same digest
    assert again.embeds == shown.embeds
