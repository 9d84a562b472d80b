"""The event types, read from the event lexicon (``config/lexicons/events.toml``).

Each ``[types.<name>]`` table of the lexicon is one event type, in file order; the extractor
detects it by its triggers and everything else (subscriptions, filters, titles, exports)
accepts it by this list. A new event type is a new table in that file and nothing else.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

EVENTS_LEXICON = Path(__file__).resolve().parent / "lexicons" / "events.toml"


def read_event_types(path: Path = EVENTS_LEXICON) -> tuple[str, ...]:
    with path.open("rb") as handle:
        return tuple(tomllib.load(handle)["types"])


EVENT_TYPES: tuple[str, ...] = read_event_types()

__all__ = ["EVENTS_LEXICON", "EVENT_TYPES", "read_event_types"]
