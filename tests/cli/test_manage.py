"""``diplobot feeds`` and ``diplobot subscriptions``: the same rows and rules as the cogs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.app import build_app
from bot.clock import SystemClock
from storage.db import open_database
from tests.support.feed_server import FeedServer, Item, rss
from tests.support.world import shipped_settings

GUILD, CHANNEL = "910000000000000001", "920000000000000001"


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    server.feeds["wire"] = rss([Item("Talks", "https://wire.test/a", "Leaders meet.")])
    try:
        yield server
    finally:
        await server.stop()


async def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = await asyncio.to_thread(main, list(argv))
    out, err = capsys.readouterr()
    return code, out, err


async def test_feeds_from_the_command_line_reach_a_named_bridge_only(
    tmp_path: Path,
    feed_server: FeedServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    db = ["--guild", GUILD, "--db", url]
    code, _, err = await run(capsys, "feeds", "add", feed_server.url("/feeds/wire"), *db)
    assert code == 1 and "127.0.0.1 is a loopback address" in err  # until the admin names it
    monkeypatch.setenv("DIPLOBOT_FEED_ALLOW_HOSTS", f"127.0.0.1:{feed_server.port}")
    code, out, _ = await run(
        capsys, "feeds", "add", feed_server.url("/feeds/wire"), "--channel", CHANNEL, *db
    )
    assert code == 0 and "added feed #1" in out
    assert feed_server.hits["wire"] == 1  # validated by fetching it once, as /feeds add does
    code, out, _ = await run(capsys, "feeds", "add", feed_server.url("/feeds/wire"), *db)
    assert code == 0 and "already reads" in out
    code, out, _ = await run(capsys, "feeds", "add", feed_server.url("/feeds/missing"), *db)
    assert code == 1
    code, out, _ = await run(capsys, "feeds", "list", *db)
    assert out.strip() == (f"#1 <{feed_server.url('/feeds/wire')}> → channel {CHANNEL} · active")
    database = open_database(url)
    try:  # what Discord's /feeds list reads
        app = build_app(shipped_settings(), database, SystemClock(), None)
        assert [f.url for f in app.feeds.for_guild(int(GUILD))] == [feed_server.url("/feeds/wire")]
        await app.close()
    finally:
        database.dispose()
    assert (await run(capsys, "feeds", "remove", "1", *db))[0] == 0
    code, _, err = await run(capsys, "feeds", "remove", "1", *db)
    assert code == 1 and f"Server {GUILD} has no feed #1" in err


async def test_subscriptions_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--guild", GUILD, "--db", f"sqlite:///{tmp_path / 'bot.db'}"]
    code, out, _ = await run(
        capsys, "subscriptions", "add", "--channel", CHANNEL, "--countries", "japan, US",
        "--types", "summit", "--reminders", "2d, 3h", *db,
    )  # fmt: skip
    assert code == 0
    assert out.strip() == (
        f"subscribed: #1 · channel {CHANNEL} · Japan, United States · summit · reminders 2d, 3h"
    )
    code, out, _ = await run(capsys, "subscriptions", "list", *db)
    assert out.startswith("#1 · channel")
    for bad, said in (
        (["--countries", "Atlantis"], "I don't know the country 'Atlantis'"),
        (["--types", "party"], "'party' is not an event type"),
        (["--reminders", "soon"], "'soon' is not a reminder offset"),
    ):
        code, _, err = await run(capsys, "subscriptions", "add", "--channel", CHANNEL, *bad, *db)
        assert code == 1 and said in err and "Traceback" not in err
    code, _, err = await run(capsys, "subscriptions", "add", "--channel", "-3", *db)
    assert code == 2
    assert (await run(capsys, "subscriptions", "remove", "1", *db))[0] == 0
    assert "no subscriptions" in (await run(capsys, "subscriptions", "list", *db))[1]
