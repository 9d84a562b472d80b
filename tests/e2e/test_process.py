"""The bot process: token handling, deliberate command sync, sharding, every cog loading."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import discord
import pytest

from bot.chat.client import ShardedDiplobot
from bot.chat.cogs import EXTENSIONS
from bot.cli.run import EXIT_REJECTED, serve, sync_commands
from bot.clock import FakeClock
from tests.support.bot import Running, e2e_settings, loopback_bot, start_bot, stop_bot
from tests.support.discord_server import DEFAULT_GUILD_ID, DiscordLoopback

pytestmark = pytest.mark.e2e

GUARDED = {"subscribe", "unsubscribe", "ingest", "feeds"}


async def test_a_rejected_token_exits_3_without_printing_it(
    loopback: DiscordLoopback,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "MTIzNDU2.not-the-right-token.abcdef"
    code = await serve(e2e_settings(tmp_path, loopback), secret)
    assert code == EXIT_REJECTED
    err = capsys.readouterr().err
    assert "rejected the token" in err and "Reset Token" in err
    assert secret not in err and secret not in caplog.text


async def test_sync_commands_publishes_every_command_globally_with_permissions(
    loopback: DiscordLoopback, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await sync_commands(e2e_settings(tmp_path, loopback), loopback.accepted_token)
    assert code == 0
    published = {c["name"]: c for c in loopback.commands[None]}
    assert DEFAULT_GUILD_ID not in loopback.commands  # only the explicit global sync happened
    manage = str(discord.Permissions(manage_channels=True).value)
    for name in GUARDED & published.keys():
        assert published[name]["default_member_permissions"] == manage, name
    assert published["timeline"]["default_member_permissions"] is None
    assert "/timeline" in capsys.readouterr().out


async def test_every_cog_loads_and_no_command_names_collide(
    loopback: DiscordLoopback, tmp_path: Path, sqlite_db, clock: FakeClock
) -> None:
    bot = loopback_bot(e2e_settings(tmp_path, loopback), sqlite_db, clock)
    bot, task = await start_bot(loopback, bot)
    try:
        assert set(bot.extensions) == set(EXTENSIONS)
        names = [c.name for c in bot.tree.get_commands(guild=discord.Object(DEFAULT_GUILD_ID))]
        assert len(names) == len(set(names))
        synced = [c["name"] for c in loopback.commands[DEFAULT_GUILD_ID]]
        assert sorted(synced) == sorted(names)
        assert loopback.sync_count == 1  # synced once, to the development guild
    finally:
        await stop_bot(bot, task)


async def test_sharded_client_connects_each_shard_from_settings(
    loopback: DiscordLoopback, tmp_path: Path, sqlite_db, clock: FakeClock
) -> None:
    settings = e2e_settings(tmp_path, loopback, shard_count=2, shard_ids=[0, 1])
    bot = loopback_bot(settings, sqlite_db, clock)
    bot, task = await start_bot(loopback, bot)
    try:
        assert isinstance(bot, ShardedDiplobot)
        assert sorted(p["shard"] for p in loopback.identify_payloads) == [[0, 2], [1, 2]]
        reply = await loopback.invoke("timeline")
        assert "Timeline" in reply.text()
    finally:
        await stop_bot(bot, task)


async def test_a_reconnect_resumes_without_syncing_or_starting_anything_again(
    running: Running,
) -> None:
    starts = running.app.scheduler.state
    await running.server.drop_connections()
    await running.server.wait_resumed()
    reply = await running.server.invoke("timeline")
    assert "Timeline" in reply.text()
    assert running.server.sync_count == 1
    assert len(running.server.identify_payloads) == 1
    assert running.app.scheduler.state == starts


def test_diplobot_run_without_a_token_explains_and_exits_2(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DIPLOBOT_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "DISCORD_TOKEN is not set" in done.stderr and "diplobot demo" in done.stderr
