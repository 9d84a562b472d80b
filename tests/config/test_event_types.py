"""A new event type is data: one table in ``config/lexicons/events.toml`` and nothing else.

The test copies ``config/`` with a throwaway ``[types.ceremony]`` added, and runs a fresh
interpreter that finds that copy first: the extractor detects the new type, the timeline
stores and titles it, subscriptions and filters accept it, alerts go out for it and the
calendar export carries it, with no line of code changed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from config.event_types import EVENT_TYPES, EVENTS_LEXICON, read_event_types

ROOT = Path(__file__).resolve().parents[2]
THROWAWAY = """

[types.ceremony]
triggers = ["ceremon(?:y|ies)"]
reject = []
"""
SCRIPT = r"""
import json, sys
from datetime import UTC, date, datetime
from pathlib import Path

from bot.app import build_app
from bot.chat.parsing import parse_types
from bot.clock import FakeClock
from bot.extract.model import EVENT_TYPES, Article
from bot.render.ics import to_ics
from bot.services.filters import build_filter
from config.settings import Settings
from storage.db import open_database

folder = Path(sys.argv[1])
database = open_database(f"sqlite:///{folder / 'types.db'}")
app = build_app(
    Settings.load(toml_path=folder / "absent.toml"),
    database,
    FakeClock(datetime(2025, 2, 1, 9, 0, tzinfo=UTC)),
    None,
)
app.subscriptions.create(guild_id=1, channel_id=2, types=parse_types("ceremony"))
text = (
    "TOKYO, Feb 1, 2025 - Japan and France will hold a ceremony in Paris on March 3 "
    "to mark the anniversary of their ties, officials said."
)
result = app.timeline.ingest(Article(text, date(2025, 2, 1), id="a1", title="Ceremony news"))
found = app.reader.events(build_filter(types=["ceremony"]))
with database.session() as session:
    from sqlalchemy import select
    from storage.models import OutboxMessage

    alerts = [m.payload["card"]["title"] for m in session.scalars(select(OutboxMessage))]
print(json.dumps({
    "types": list(EVENT_TYPES),
    "created": [c.event.type for c in result.created],
    "titles": [e.title for e in found],
    "alerts": alerts,
    "ics": "CATEGORIES:ceremony" in to_ics(found).decode(),
}))
"""


def test_the_shipped_types_are_the_lexicons_tables() -> None:
    assert read_event_types(EVENTS_LEXICON) == EVENT_TYPES
    assert "summit" in EVENT_TYPES and len(set(EVENT_TYPES)) == len(EVENT_TYPES)


def test_a_throwaway_event_type_from_data_alone(tmp_path: Path) -> None:
    config = tmp_path / "overlay" / "config"
    shutil.copytree(ROOT / "config", config, ignore=shutil.ignore_patterns("__pycache__"))
    with (config / "lexicons" / "events.toml").open("a", encoding="utf-8") as handle:
        handle.write(THROWAWAY)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "overlay")}
    env.pop("DIPLOBOT_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["types"][-1] == "ceremony"
    assert seen["created"] == ["ceremony"]
    assert seen["titles"] == ["France–Japan ceremony, Paris"]
    assert seen["alerts"] and all("France–Japan ceremony, Paris" in t for t in seen["alerts"])
    assert seen["ics"]
