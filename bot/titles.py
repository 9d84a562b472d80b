"""Event titles ("Summit: Japan–United States"), made once when an event is stored.

The timeline stores the title with the event; every place that shows an event (Discord,
the command line, iCalendar, digests) shows that stored title.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.names import participant_name

MAX_NAMED = 4


def event_title(event_type: str, participants: Sequence[str]) -> str:
    """``Summit: Japan–United States``: names sorted, long lists end in ``+N``."""
    label = event_type.capitalize()
    names = sorted(participant_name(code) for code in participants)
    if not names:
        return label
    shown = names[:MAX_NAMED]
    rest = len(names) - len(shown)
    return f"{label}: {'–'.join(shown)}" + (f" +{rest}" if rest else "")


__all__ = ["MAX_NAMED", "event_title"]
