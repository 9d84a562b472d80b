"""Calendar links end to end: /calendar through the loopback Discord server, then the bot's
own web server on a loopback port, read the way a calendar app reads it."""

from __future__ import annotations

import asyncio
import re
from datetime import date, timedelta

import aiohttp
import discord
import icalendar
import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select

from bot.services.errors import Refused
from storage.models import CalendarToken
from tests.support.bot import Running, event
from tests.support.discord_server import DEFAULT_GUILD_ID

pytestmark = pytest.mark.e2e

MEMBER = discord.Permissions(send_messages=True, view_channel=True, use_application_commands=True)
CALENDAR_APP = {"User-Agent": "Calendar app test", "Accept-Encoding": "gzip"}


def links(text: str) -> tuple[str, str]:
    """The calendar file's and the page's address from /calendar create's answer."""
    found = re.findall(r"<(http://[^>\s]+)>", text)
    ics = next(u for u in found if u.endswith(".ics"))
    page = next(u for u in found if not u.endswith(".ics"))
    return ics, page


def vevents(body: bytes) -> list[icalendar.cal.Component]:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


async def create(running: Running, options: dict[str, object] | None = None) -> str:
    reply = await running.server.invoke("calendar create", options or {})
    assert reply.ephemeral, "the secret link must be shown only to who asked"
    return reply.text()


async def test_a_calendar_app_subscribes_refreshes_and_sees_a_postponement(
    running: Running,
) -> None:
    running.add_news("a", [event("summit", "2025-02-20", ["JP", "US"])], date(2025, 2, 1))
    running.add_news("b", [event("meeting", "2025-02-21", ["FR", "DE"])], date(2025, 2, 1))
    answer = await create(running, {"countries": "JP"})
    ics_url, page_url = links(answer)
    assert ics_url == page_url + ".ics"
    assert f"127.0.0.1:{running.app.web.port}" in ics_url  # type: ignore[union-attr]

    async with aiohttp.ClientSession(headers=CALENDAR_APP) as http:
        async with http.get(ics_url) as first:
            assert first.status == 200
            assert first.content_type == "text/calendar"
            etag = first.headers["ETag"]
            [summit] = vevents(await first.read())  # the filter left the meeting out
        assert summit.decoded("DTSTART") == date(2025, 2, 20)  # all-day: no invented time
        uid, sequence = str(summit["UID"]), int(summit["SEQUENCE"])
        modified = summit.decoded("LAST-MODIFIED")

        async with http.get(ics_url, headers={"If-None-Match": etag}) as again:
            assert again.status == 304
            assert await again.read() == b""
            assert again.headers["ETag"] == etag

        # A week later an article says the summit is postponed to 5 March (the real ingest).
        running.clock.advance(timedelta(days=7))
        running.add_news(
            "c",
            [event("summit", "2025-03-05", ["JP", "US"], status="postponed")],
            date(2025, 2, 8),
        )
        async with http.get(ics_url, headers={"If-None-Match": etag}) as moved:
            assert moved.status == 200
            assert moved.headers["ETag"] != etag
            [summit] = vevents(await moved.read())
        assert summit.decoded("DTSTART") == date(2025, 3, 5)
        assert int(summit["SEQUENCE"]) > sequence
        assert str(summit["UID"]) == uid
        assert summit.decoded("LAST-MODIFIED") > modified
        assert str(summit["STATUS"]) == "TENTATIVE"
        assert "POSTPONED" in str(summit["SUMMARY"])

        listed = await running.server.invoke("calendar list")
        number = int(re.search(r"#(\d+)", listed.text())[1])  # type: ignore[index]
        revoked = await running.server.invoke("calendar revoke", {"calendar": number})
        assert revoked.ephemeral and "revoked" in revoked.text()
        async with http.get(ics_url) as gone, http.get(page_url) as gone_page:
            assert (gone.status, gone_page.status) == (404, 404)
            gone_body = await gone.read()
        unknown_url = ics_url.rsplit("/", 1)[0] + "/" + "A" * 32 + ".ics"
        async with http.get(unknown_url) as unknown:
            assert unknown.status == 404
            assert await unknown.read() == gone_body  # nothing tells the two apart
            assert unknown.headers.keys() == gone.headers.keys()


async def test_unknown_and_revoked_links_cost_the_same_database_work(running: Running) -> None:
    answer = await create(running)
    ics_url, _ = links(answer)
    with running.app.database.session() as session:
        row = session.scalars(select(CalendarToken)).one()
        row.revoked_at = running.clock()
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    engine = running.app.database.engine
    sa_event.listen(engine, "before_cursor_execute", count)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(ics_url) as revoked:
                assert revoked.status == 404
            for_revoked = list(statements)
            statements.clear()
            async with http.get(ics_url.replace(ics_url[-10:-4], "zzzzzz")) as unknown:
                assert unknown.status == 404
    finally:
        sa_event.remove(engine, "before_cursor_execute", count)
    assert for_revoked == statements and len(statements) >= 1


async def test_the_page_is_html_with_a_strict_policy_and_escaped_titles(
    running: Running,
) -> None:
    running.add_news(
        "a",
        [event("summit", "2025-02-20", ["JP", "US"], location="<b>Tokyo</b>")],
        date(2025, 2, 1),
        title="<script>document.title='owned'</script>",
    )
    _, page_url = links(await create(running))
    async with aiohttp.ClientSession() as http, http.get(page_url) as page:
        assert page.status == 200 and page.content_type == "text/html"
        policy = page.headers["Content-Security-Policy"]
        html = await page.text()
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;Tokyo&lt;/b&gt;" in html
    assert "Japan, United States" in html and "Thu 20 Feb 2025" in html


async def test_a_link_polled_in_a_loop_is_told_to_wait(running: Running) -> None:
    ics_url, _ = links(await create(running))
    async with aiohttp.ClientSession() as http:
        statuses = []
        for _ in range(25):
            async with http.get(ics_url) as answer:
                statuses.append(answer.status)
                retry_after = answer.headers.get("Retry-After")
        assert statuses[0] == 200 and statuses[-1] == 429
        assert retry_after is not None and int(retry_after) >= 1


async def test_members_without_manage_channels_cannot_make_or_revoke_links(
    running: Running,
) -> None:
    denied = await running.server.invoke("calendar create", user_permissions=MEMBER)
    assert denied.ephemeral and "Manage Channels" in denied.content
    assert "http" not in denied.text()
    with running.app.database.session() as session:
        assert session.scalars(select(CalendarToken)).all() == []
    await create(running)
    refused = await running.server.invoke(
        "calendar revoke", {"calendar": 1}, user_permissions=MEMBER
    )
    assert refused.ephemeral and "Manage Channels" in refused.content
    with running.app.database.session() as session:
        assert session.scalars(select(CalendarToken)).one().revoked_at is None
    manage = str(discord.Permissions(manage_channels=True).value)
    assert running.server.command_definition("calendar")["default_member_permissions"] == manage


async def test_the_web_server_stops_with_the_bot(running: Running) -> None:
    ics_url, _ = links(await create(running))
    await running.bot.close()
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.ClientConnectionError):
            async with asyncio.timeout(5), http.get(ics_url):
                pass


async def test_a_link_of_another_server_cannot_be_revoked_from_here(running: Running) -> None:
    theirs = running.app.calendars.create(guild_id=DEFAULT_GUILD_ID + 1, channel_id=5)
    number = int(theirs.calendar.id or 0)
    reply = await running.server.invoke("calendar revoke", {"calendar": number})
    assert reply.ephemeral and "no calendar link" in reply.text()
    listed = await running.server.invoke("calendar list")
    assert f"#{number}" not in listed.text()
    assert running.app.calendars.feed(theirs.token) is not None  # still works


async def test_a_web_address_in_use_leaves_the_bot_running_without_links(
    running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.app import build_app
    from tests.support.world import shipped_settings

    port = running.app.web.port  # type: ignore[union-attr]
    second = build_app(
        shipped_settings(web_bind=f"127.0.0.1:{port}"),
        running.app.database,
        running.clock,
        None,
    )
    await second.start()
    try:
        assert second.web is None
        assert "calendar links are not served" in caplog.text
        assert "DIPLOBOT_WEB_BIND" in caplog.text
        reply_needed = second.calendars
        with pytest.raises(Refused, match="switched off"):
            reply_needed.create(guild_id=1, channel_id=2)
    finally:
        await second.close()
