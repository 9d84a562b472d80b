"""``diplobot invite`` and ``diplobot doctor``: the permissions the bot needs, asked of the
loopback Discord server with the real discord.py HTTP client, and what to fix."""

from __future__ import annotations

import asyncio
import base64
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import discord
import pytest

from bot.__main__ import main
from bot.chat.permissions import (
    application_id_from_token,
    base_permissions,
    channel_permissions,
)
from storage.db import open_database
from storage.models import ChannelSettings, Feed, GuildSettings, NewsChannel, Subscription
from tests.support.discord_server import (
    APPLICATION_ID,
    BOT_USER_ID,
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    OTHER_CHANNEL_ID,
    DiscordLoopback,
)

pytestmark = pytest.mark.e2e

NOW = datetime(2025, 2, 1, 9, 0, tzinfo=UTC)
POSTING = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
BOT_ROLE = 940_000_000_000_000_001
LOST_GUILD = 910_000_000_000_000_999


def perms(**on: bool) -> int:
    return discord.Permissions(**on).value


def test_the_invite_asks_for_exactly_what_the_features_need(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIPLOBOT_READ_NEWS_CHANNELS", raising=False)
    token = base64.b64encode(str(APPLICATION_ID).encode()).decode().rstrip("=") + ".abc.def"
    monkeypatch.setenv("DISCORD_TOKEN", token)
    assert main(["invite"]) == 0
    out = capsys.readouterr().out
    query = parse_qs(urlsplit(out.splitlines()[0]).query)
    assert query["client_id"] == [str(APPLICATION_ID)]
    assert query["scope"] == ["bot applications.commands"]
    expected = perms(
        view_channel=True, send_messages=True, embed_links=True, attach_files=True,
        manage_events=True, create_events=True,
    )  # fmt: skip
    assert query["permissions"] == [str(expected)] and expected == 17600776031232
    assert "Attach Files: /export" in out and "Manage Events, Create Events: /mirror" in out
    assert token not in out
    monkeypatch.setenv("DIPLOBOT_READ_NEWS_CHANNELS", "true")
    assert main(["invite", "--guild", str(DEFAULT_GUILD_ID)]) == 0
    out = capsys.readouterr().out
    query = parse_qs(urlsplit(out.splitlines()[0]).query)
    assert int(query["permissions"][0]) == expected | perms(read_message_history=True)
    assert query["guild_id"] == [str(DEFAULT_GUILD_ID)]
    assert "Message Content" in out
    monkeypatch.delenv("DISCORD_TOKEN")
    assert main(["invite"]) == 2
    assert "give --client-id" in capsys.readouterr().err


def test_the_application_id_is_read_from_the_token() -> None:
    assert application_id_from_token("OTAwMDAwMDAwMDAwMDAwMDAx.GabcDE.xyz") == 900000000000000001
    assert application_id_from_token("not a token") is None


def test_permissions_follow_discords_rule() -> None:
    guild = {
        "id": "1",
        "owner_id": "99",
        "roles": [
            {"id": "1", "permissions": str(perms(view_channel=True, send_messages=True))},
            {"id": "5", "permissions": str(perms(embed_links=True))},
            {"id": "6", "permissions": str(perms(administrator=True))},
        ],
    }
    base = base_permissions(guild, ["5"], user_id=7)
    assert base == perms(view_channel=True, send_messages=True, embed_links=True)
    assert base_permissions(guild, ["6"], 7) == base_permissions(guild, [], 99)  # all of them
    deny_everyone = {"id": "1", "type": 0, "allow": "0", "deny": str(perms(send_messages=True))}
    allow_role = {"id": "5", "type": 0, "allow": str(perms(send_messages=True)), "deny": "0"}
    deny_member = {"id": "7", "type": 1, "allow": "0", "deny": str(perms(embed_links=True))}
    hidden = {"id": "1", "type": 0, "allow": "0", "deny": str(perms(view_channel=True))}
    assert not channel_permissions(base, [deny_everyone], 1, ["5"], 7) & perms(send_messages=True)
    both = channel_permissions(base, [deny_everyone, allow_role], 1, ["5"], 7)
    assert both & perms(send_messages=True)  # a role's allow beats @everyone's deny
    assert not channel_permissions(base, [allow_role, deny_member], 1, ["5"], 7) & perms(
        embed_links=True
    )  # the member's own deny beats the role's
    assert channel_permissions(base, [hidden], 1, ["5"], 7) == 0  # unseen: nothing else counts


def seed(path: Path) -> str:
    """A database with a subscription, a news channel, a failing feed, mirroring, a bad zone,
    and a subscription in a server the bot has left."""
    url = f"sqlite:///{path}"
    database = open_database(url)
    with database.session() as session:
        stamps = {"created_at": NOW, "updated_at": NOW}
        session.add(
            Subscription(guild_id=DEFAULT_GUILD_ID, channel_id=DEFAULT_CHANNEL_ID, **stamps)
        )
        session.add(Subscription(guild_id=LOST_GUILD, channel_id=5, **stamps))
        session.add(
            NewsChannel(guild_id=DEFAULT_GUILD_ID, channel_id=OTHER_CHANNEL_ID, added_at=NOW)
        )
        session.add(
            Feed(
                guild_id=DEFAULT_GUILD_ID, url="https://wire.example/rss", created_at=NOW,
                failures=3, last_error="the server answered 503 Service Unavailable",
            )
        )  # fmt: skip
        session.add(
            GuildSettings(guild_id=DEFAULT_GUILD_ID, mirror_scheduled_events=True, **stamps)
        )
        session.add(
            ChannelSettings(
                guild_id=DEFAULT_GUILD_ID, channel_id=DEFAULT_CHANNEL_ID,
                timezone="Mars/Olympus", digest_picture=True, **stamps,
            )
        )  # fmt: skip
    database.dispose()
    return url


async def doctor(
    loopback: DiscordLoopback, capsys: pytest.CaptureFixture[str], url: str
) -> tuple[int, str]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in loopback.environment().items():
            patch.setenv(name, value)
        code = await asyncio.to_thread(main, ["doctor", "--db", url])
    return code, capsys.readouterr().out


async def test_doctor_says_what_to_fix_then_that_nothing_is_left(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", loopback.accepted_token)
    monkeypatch.setenv("DIPLOBOT_READ_NEWS_CHANNELS", "true")
    monkeypatch.setenv("DIPLOBOT_FEED_ALLOW_HOSTS", "127.0.0.1:3000")
    monkeypatch.delenv("DIPLOBOT_DEV_GUILD_ID", raising=False)
    url = seed(tmp_path / "bot.db")
    code, out = await doctor(loopback, capsys, url)
    assert code == 1
    assert "discord_token             (set, hidden)  (DISCORD_TOKEN)" in out
    assert loopback.accepted_token not in out
    assert "schema at the latest revision" in out
    assert "channel 920000000000000001 has the unknown time zone 'Mars/Olympus'" in out
    assert "failed its last 3 reads: the server answered 503" in out
    assert "(DIPLOBOT_FEED_ALLOW_HOSTS): 127.0.0.1:3000" in out
    assert "FAIL  DIPLOBOT_READ_NEWS_CHANNELS is true but the Message Content intent is off" in out
    assert "FAIL  no slash commands are published" in out
    assert f"FAIL  the bot is not in server {LOST_GUILD}" in out
    assert f"diplobot invite --guild {LOST_GUILD}" in out
    assert (  # @everyone here may view channels but not send messages
        f"FAIL  #news ({DEFAULT_CHANNEL_ID}) in server 'Loopback Guild' ({DEFAULT_GUILD_ID}): "
        "the bot lacks Send Messages, Embed Links, Attach Files, needed to post alerts" in out
    )
    assert "lacks Read Message History, needed to read the messages of news channels" in out
    assert "lacks Manage Events, Create Events, needed to /mirror" in out
    assert "needed to post alerts" in out and "attach the picture of the next 14 days" in out

    # The admin fixes it: intent on, commands published, a role, the lost server's rows gone.
    loopback.application_flags = discord.ApplicationFlags.gateway_message_content.flag
    loopback.commands[None] = [{"id": "1", "name": "timeline"}]
    loopback.add_role(
        BOT_ROLE,
        POSTING | discord.Permissions(
            read_message_history=True, manage_events=True, create_events=True, attach_files=True
        ),
        BOT_USER_ID,
    )  # fmt: skip
    database = open_database(url)
    with database.session() as session:
        lost = session.query(Subscription).filter_by(guild_id=LOST_GUILD).one()
        session.delete(lost)
    database.dispose()
    code, out = await doctor(loopback, capsys, url)
    assert "FAIL" not in out, out
    assert code == 0 and "Nothing to fix (2 warnings)." in out

    # A channel that hides itself from the bot's role is caught again.
    loopback.overwrites[OTHER_CHANNEL_ID] = [
        {"id": str(BOT_ROLE), "type": 0, "allow": "0", "deny": str(perms(view_channel=True))}
    ]
    code, out = await doctor(loopback, capsys, url)
    assert code == 1
    assert "the bot lacks View Channels, Read Message History" in out


async def test_doctor_with_a_rejected_token_or_none(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = seed(tmp_path / "bot.db")
    monkeypatch.setenv("DISCORD_TOKEN", "MTIz.wrong.token")
    code, out = await doctor(loopback, capsys, url)
    assert code == 1 and "Discord rejected the token in DISCORD_TOKEN" in out
    assert "MTIz.wrong.token" not in out
    monkeypatch.delenv("DISCORD_TOKEN")
    code, out = await doctor(loopback, capsys, url)
    assert code == 1 and "DISCORD_TOKEN is not set" in out


def test_doctor_says_where_calendar_links_point_and_warns_of_plain_http() -> None:
    from bot.services.health import web_checks

    assert [c.status for c in web_checks("off", None)] == ["ok"]
    local = web_checks("127.0.0.1:8080", None)
    assert [c.status for c in local] == ["ok", "ok"]
    assert "http://127.0.0.1:8080/cal/" in local[0].what and "only this machine" in local[1].what
    exposed = web_checks("0.0.0.0:8080", "http://bot.example.org")
    assert [c.status for c in exposed] == ["ok", "warn"]
    assert "secret token" in exposed[1].what and "TLS" in exposed[1].fix
    unnamed = web_checks("0.0.0.0:8080", None)
    assert unnamed[-1].status == "warn" and "DIPLOBOT_WEB_BASE_URL" in unnamed[-1].fix
    assert [c.status for c in web_checks("0.0.0.0:8080", "https://bot.example.org")] == ["ok"]
