"""Oversized and malformed slash-command options: an ephemeral sentence, and nothing changed.

Discord's client enforces option types and ranges, but anyone can send an interaction
payload by hand, so the bot must cope with whatever arrives. For each command, each bad
value gets an ephemeral reply that says what to type instead (never the "something went
wrong on our side" apology, never an error log), and no table of the database changes.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.chat.errors import UNEXPECTED
from storage.models import metadata
from tests.support.bot import Running, event

pytestmark = pytest.mark.e2e

HUGE = "x" * 10_000
BAD_DATES = ["blorp", "31/31/2025", "2025-02-30", "99999-01-01", "0000-00", HUGE, "\x00"]
BAD_COUNTRIES = ["Atlantis", HUGE, "JP, " * 2000 + "Atlantis", "\u202e", "'; DROP TABLE event; --"]
BAD_TYPES = ["party", HUGE, "summit, " * 2000 + "party"]

CASES: dict[str, list[dict[str, Any]]] = {
    "timeline": [
        *({"from": d} for d in BAD_DATES),
        *({"to": d} for d in BAD_DATES),
        {"from": "2025-03-01", "to": "2025-02-01"},
        *({"country": c} for c in BAD_COUNTRIES),
        *({"type": t} for t in BAD_TYPES),
    ],
    "export": [
        *({"from": d} for d in BAD_DATES[:3]),
        *({"country": c} for c in BAD_COUNTRIES[:3]),
        {"type": HUGE},
    ],
    "event": [{"id": 0}, {"id": -1}, {"id": 2**63}, {"id": 10**30}],
    "subscribe": [
        *({"countries": c} for c in BAD_COUNTRIES),
        *({"types": t} for t in BAD_TYPES),
        {"keywords": HUGE},
        {"keywords": ", ".join(f"k{i}" for i in range(500))},
        {"reminders": "99999d"},
        {"reminders": "0m"},
        {"reminders": ", ".join(f"{i}m" for i in range(1, 500))},
        {"reminders": HUGE},
        {"reminders": "-1h"},
    ],
    "unsubscribe": [{"subscription": 0}, {"subscription": -5}, {"subscription": 2**63}],
    "digest set": [
        {"time": "24:00", "timezone": "UTC"},
        {"time": "8", "timezone": "UTC"},
        {"time": HUGE, "timezone": "UTC"},
        {"time": "08:00", "timezone": "../../etc/passwd"},
        {"time": "08:00", "timezone": "Europe/../../x"},
        {"time": "08:00", "timezone": "America/New_York\x00"},
        {"time": "08:00", "timezone": HUGE},
        {"time": "08:00", "timezone": ""},
    ],
    "ingest": [
        {},
        {"url": "https://news.example.org/a", "text": "both at once"},
        {"url": "javascript:alert(1)"},
        {"url": "file:///etc/passwd"},
        {"url": "http://"},
        {"url": "http://[::1"},
        {"url": "http://127.0.0.1:1/"},
        {"url": "http://169.254.169.254/latest/meta-data/"},
        {"url": HUGE},
        {"text": "   "},
        {"text": "The summit will be held on Friday.", "published": "tomorrow"},
        {"text": "The summit will be held on Friday.", "published": "2025-02-30"},
        {"text": "The summit will be held on Friday.", "published": HUGE},
    ],
    "feeds add": [
        {"url": HUGE},
        {"url": "notaurl"},
        {"url": "gopher://news.example.org/"},
        {"url": "http://10.0.0.1/rss"},
        {"url": "http://2130706433/rss"},
        {"url": "https://news.example.org/rss\x00"},
        {"url": "http://[::1/rss"},
        {"url": "http://１２７.０.０.１/rss"},
    ],
    "feeds remove": [{"feed": 0}, {"feed": 2**63}],
}


def _row_counts(running: Running) -> dict[str, int]:
    with running.app.database.session() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in metadata.sorted_tables
        }


@pytest.mark.parametrize("command", sorted(CASES))
async def test_bad_options_get_a_sentence_and_change_nothing(
    running: Running, command: str, caplog: pytest.LogCaptureFixture
) -> None:
    running.add_news("known", [event("summit", "2025-03-03", ["JP", "US"])], date(2025, 2, 6))
    await running.server.invoke("subscribe", {"countries": "FR"})
    before = _row_counts(running)
    for options in CASES[command]:
        reply = await running.server.invoke(command, options)
        shown = {
            k: (v[:40] + "…" if isinstance(v, str) and len(v) > 40 else v)
            for k, v in options.items()
        }
        assert reply.ephemeral, (command, shown, reply.content)
        assert reply.content and reply.content != UNEXPECTED, (command, shown, reply.content)
        assert len(reply.content) <= 2000, (command, shown)
        assert _row_counts(running) == before, (command, shown)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
