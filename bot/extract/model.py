"""Value objects shared by the extraction core, the timeline and the chat layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from config.event_types import EVENT_TYPES

EventType = str  # one of EVENT_TYPES, which the event lexicon defines
Status = Literal["scheduled", "occurred", "postponed", "cancelled"]
STATUSES: tuple[str, ...] = ("scheduled", "occurred", "postponed", "cancelled")
__all__ = ["EVENT_TYPES", "STATUSES", "Article", "Event", "EventType", "Status", "Timex"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its text and its document creation time (DCT)."""

    text: str
    dct: date | None = None
    id: str | None = None
    title: str = ""
    source: str = ""
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, normalised to TimeML.

    ``value`` is the TimeML value (``2025-02-07``, ``1987-W11``, ``1987-02``,
    ``1998-Q3``, ``PRESENT_REF`` ...). ``end_value`` is the last day of a span
    ("Feb 7-9" -> ``2025-02-09``), else None. ``offset`` is the UTC offset of a zone the
    text names ("5 p.m. EST" -> ``-05:00``): TimeML values are local clock times without
    one (SPEC's ``--timex`` form), but an event's time carries it (SPEC's event ``date``).
    """

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME"]
    value: str
    end_value: str | None = None
    offset: str = ""

    @property
    def moment(self) -> str:
        """The value with its zone's offset: the form an event's time takes."""
        return self.value + self.offset

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(slots=True)
class Event:
    """One diplomatic event as the extraction contract (SPEC.md) defines it."""

    type: str
    date: str
    end_date: str | None = None
    participants: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    location: str | None = None
    status: str = "scheduled"
    evidence: str = ""
    confidence: float = 0.5

    def to_json(self) -> dict[str, object]:
        return {
            "type": self.type,
            "date": self.date,
            "end_date": self.end_date,
            "participants": sorted(self.participants),
            "people": list(self.people),
            "location": self.location,
            "status": self.status,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Event:
        return cls(
            type=str(data["type"]),
            date=str(data["date"]),
            end_date=data.get("end_date"),  # type: ignore[arg-type]
            participants=sorted(data.get("participants") or []),  # type: ignore[arg-type]
            people=list(data.get("people") or []),  # type: ignore[arg-type]
            location=data.get("location"),  # type: ignore[arg-type]
            status=str(data.get("status") or "scheduled"),
            evidence=str(data.get("evidence") or ""),
            confidence=float(data.get("confidence") or 0.5),  # type: ignore[arg-type]
        )
