"""Event titles people read at a glance, written by one function for every place that shows
an event (Discord, the command line, calendars, digests).

"G7 summit, Kananaskis": a body's members fold into the body (a lone member only when it
is the place's country); the place follows unless it only repeats a party.
"Japan → United States visit": a visit shows who goes where, the host being the country of
the place. "Japan–United States summit, Washington" otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.names import body_members, participant_name, place_country

MAX_NAMED = 4
PLACE_LIMIT = 60


class Titled(Protocol):
    """What a title is made of: a stored event, a listing of one, or a view."""

    type: str
    location: str | None

    @property
    def participant_codes(self) -> list[str]: ...


def folded(participants: Sequence[str], host: str | None = None) -> list[str]:
    """The parties to name: a body present stands for its members ("G7" for the seven).

    A lone member beside its body stays unless it is only the place's country: "EU–Hungary
    meeting" is talks with Hungary, "EU meeting, Brussels" needs no Belgium.
    """
    codes = sorted(set(participants))
    members = body_members()
    covered = {m for code in codes for m in members.get(code, ())} & set(codes)
    if len(covered) == 1 and host not in covered:
        covered = set()
    return [code for code in codes if code not in covered]


def _names(codes: Sequence[str]) -> str:
    names = sorted(participant_name(code) for code in codes)
    shown = names[:MAX_NAMED]
    rest = len(names) - len(shown)
    return "–".join(shown) + (f" +{rest}" if rest else "")


def event_title(event_type: str, participants: Sequence[str], location: str | None = None) -> str:
    """``G7 summit, Kananaskis``, ``Japan → United States visit``, ``Election``."""
    place = (location or "").strip()
    where = place_country(place) if place else None
    parties = folded(participants, where[0] if where else None)
    if where is not None and where[1] == "country" and where[0] in parties:
        place = ""  # "United States election, United States" says it twice
    if event_type == "visit" and where is not None and where[0] in parties and len(parties) > 1:
        host = where[0]
        visitors = [code for code in parties if code != host]
        head = f"{_names(visitors)} → {participant_name(host)} visit"
    elif parties:
        head = f"{_names(parties)} {event_type}"
    else:
        head = event_type.capitalize()
    if place:
        head += ", " + (place if len(place) <= PLACE_LIMIT else place[: PLACE_LIMIT - 1] + "…")
    return head


def title_of(event: Titled) -> str:
    """The title of a stored event (or a listing or view of one)."""
    return event_title(event.type, event.participant_codes, event.location)


__all__ = ["MAX_NAMED", "Titled", "event_title", "folded", "title_of"]
