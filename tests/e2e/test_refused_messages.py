"""A message Discord refuses (400) is not dropped in silence: it is kept as failed with
Discord's reason, the server's admins hear of it once, ``/status`` and ``diplobot outbox list
--failed`` show it, the other messages still go out, and ``diplobot outbox retry`` sends it."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest

from bot.__main__ import main
from bot.clock import FakeClock
from storage.db import Database
from tests.support.discord_server import (
    DEFAULT_CHANNEL_ID,
    DEFAULT_GUILD_ID,
    OTHER_CHANNEL_ID,
    DiscordLoopback,
    Refusal,
)
from tests.support.extraction import StandInExtractor
from tests.support.live import Live, start_live, summit

pytestmark = pytest.mark.e2e

NOTICE = "A message could not be posted"


@pytest.fixture
async def live(
    loopback: DiscordLoopback, sqlite_db: Database, tmp_path: Path, clock: FakeClock
) -> Live:
    running = await start_live(loopback, sqlite_db, tmp_path, clock, StandInExtractor())
    yield running  # type: ignore[misc]
    await running.stop()


def _cli(capsys: pytest.CaptureFixture[str], db: Database, *argv: str) -> tuple[int, str, str]:
    url = db.engine.url.render_as_string(hide_password=False)
    code = main([*argv, "--db", url])
    out, err = capsys.readouterr()
    return code, out, err


async def test_a_refused_alert_is_kept_listed_and_told_once_and_the_rest_go_out(
    live: Live, capsys: pytest.CaptureFixture[str]
) -> None:
    refusal = live.server.refuse(Refusal(match="Germany", count=2))
    await live.server.invoke("status", {"notices": OTHER_CHANNEL_ID})
    live.subscribe()
    live.news("Paris talks", "2025-02-01", summit("2025-03-03", "FR", "DE"))
    live.news("Tokyo talks", "2025-02-01", summit("2025-03-04", "JP", "US"))
    live.news("Berlin talks", "2025-02-01", summit("2025-03-05", "DE", "PL"))
    live.news("Nairobi talks", "2025-02-01", summit("2025-03-06", "KE", "GH"))
    await live.app.delivery.send_now()

    assert len(refusal.refused) == 2
    delivered = live.titles(DEFAULT_CHANNEL_ID)
    assert len(delivered) == 2 and not any("Germany" in t for t in delivered)
    assert len(live.titles(OTHER_CHANNEL_ID, prefix=NOTICE)) == 1  # one notice, not two
    failed = live.app.status.failed(DEFAULT_GUILD_ID)
    assert len(failed) == 2
    assert all("400" in f.reason and "Must be 1024 or fewer" in f.reason for f in failed)

    code, out, _ = _cli(capsys, live.app.database, "outbox", "list", "--failed")
    assert code == 0 and len(out.splitlines()) == 2
    assert all("Discord refused the message (400" in line for line in out.splitlines())

    reply = await live.server.invoke("status")
    assert "Failed (2)" in reply.text() and "Must be 1024 or fewer" in reply.text()
    assert reply.ephemeral

    code, out, _ = _cli(capsys, live.app.database, "outbox", "retry", str(failed[0].id))
    assert code == 0 and "queued again" in out
    await live.app.delivery.send_now()  # the server takes it now (the refusal was used up)
    assert len(live.titles(DEFAULT_CHANNEL_ID)) == 3
    assert len(live.app.status.failed(DEFAULT_GUILD_ID)) == 1
    code, _, err = _cli(capsys, live.app.database, "outbox", "retry", str(failed[0].id))
    assert code == 1 and "was sent already" in err


async def test_status_is_for_members_who_manage_the_server(live: Live) -> None:
    reply = await live.server.invoke(
        "status", user_permissions=discord.Permissions(manage_channels=True)
    )
    assert "Manage Server" in reply.text()
    definition = live.server.command_definition("status")
    assert definition["default_member_permissions"] == str(
        discord.Permissions(manage_guild=True).value
    )
