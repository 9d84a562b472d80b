"""The calendar page in a real browser: headless Chromium (Debian's ``chromium``) loads it from
the bot's web server, the DOM it builds shows the events, a title carrying ``<script>`` stays
text, and a phone-sized screenshot is saved to ``out/calendar-page.png``."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.support.bot import Running, event

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "out" / "calendar-page.png"
CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
# What the injected title would do if it ran: retitle the page and add an element.
ATTACK = (
    "<script>document.title='owned';"
    "document.body.insertAdjacentHTML('beforeend','<p id=pwned>pwned</p>')</script>"
)

PLACE_ATTACK = "<script>document.title='owned'</script>"
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)",
)


async def chromium(profile: Path, *args: str) -> str:
    """Run headless Chromium with a throw-away profile; its standard output."""
    assert CHROMIUM is not None
    process = await asyncio.create_subprocess_exec(
        CHROMIUM,
        "--headless",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    out, _ = await asyncio.wait_for(process.communicate(), timeout=90)
    assert process.returncode == 0, f"chromium exited with {process.returncode}"
    return out.decode("utf-8", "replace")


@needs_chromium
async def test_this_browser_runs_inline_scripts(tmp_path: Path) -> None:
    """The control: without escaping and the page's policy, the attack would run here."""
    bare = tmp_path / "bare.html"
    bare.write_text(f"<html><head><title>calm</title></head><body>{ATTACK}</body></html>")
    dom = await chromium(tmp_path / "profile", "--dump-dom", bare.as_uri())
    assert "<title>owned</title>" in dom and 'id="pwned"' in dom


@needs_chromium
async def test_the_page_shows_the_events_and_the_injected_script_stays_inert(
    running: Running, tmp_path: Path
) -> None:
    running.add_news(
        "a",
        [event("summit", "2025-02-20", ["JP", "US"], location="Tokyo")],
        date(2025, 2, 1),
        title="Leaders to meet in Tokyo",
    )
    running.add_news(
        "b", [event("meeting", "2025-W09", ["FR", "DE"])], date(2025, 2, 1), title="Talks"
    )
    running.add_news(
        "c", [event("summit", "2025-03", ["EU", "CN"], status="postponed")], date(2025, 2, 2)
    )
    running.add_news("d", [event("visit", "2025-02-12", ["IN", "BR"])], date(2025, 2, 1),
                     title=ATTACK)  # fmt: skip
    running.add_news(  # the place is part of the event's title
        "e", [event("summit", "2025-02-13", ["IN", "BR"], location=PLACE_ATTACK)], date(2025, 2, 1)
    )
    reply = await running.server.invoke("calendar create")
    page_url = next(
        u for u in re.findall(r"<(http://[^>\s]+)>", reply.text()) if not u.endswith(".ics")
    )

    dom = await chromium(tmp_path / "profile", "--dump-dom", page_url)
    assert "<title>owned</title>" not in dom and 'id="pwned"' not in dom
    assert "&lt;script&gt;document.title" in dom  # shown as text, as the article had it
    title = re.search(r'<p class="title">(Brazil–India summit, [^<]*)</p>', dom)
    assert title is not None and "&lt;script&gt;document.title='owned'" in title[1]
    for shown in (
        "Japan–United States summit, Tokyo",
        "Thu 20 Feb 2025",
        "France–Germany meeting",
        "week of 24 Feb 2025",
        "China–EU summit",
        "Sometime in March 2025",
        "postponed",
        "Brazil–India visit",
        "Week of 10 February 2025",
    ):
        assert shown in dom, shown

    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    await chromium(
        tmp_path / "profile",
        f"--screenshot={SCREENSHOT}",
        "--window-size=412,1400",  # a phone's width
        "--hide-scrollbars",
        page_url,
    )
    assert SCREENSHOT.stat().st_size > 10_000
    assert os.access(SCREENSHOT, os.R_OK)
