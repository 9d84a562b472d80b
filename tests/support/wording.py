"""What the extractor makes of one invented sentence: the helpers of the wording-class tests."""

from __future__ import annotations

from datetime import date

from bot.extract.model import Article
from bot.extract.pipeline import extract_events

DCT = date(2025, 6, 11)  # a Wednesday


def events_of(text: str, dct: date | None = DCT) -> list[dict]:
    """The events of ``text`` as ``diplobot extract`` prints them."""
    return [e.to_json() for e in extract_events(Article(text=text, dct=dct))]


def keys(text: str, dct: date | None = DCT) -> set[tuple[str, str]]:
    """(type, date) of each event of ``text``: what most class tests assert on."""
    return {(e["type"], e["date"]) for e in events_of(text, dct)}


def parties_of(text: str, kind: str, dct: date | None = DCT) -> set[str]:
    """Every participant of the events of one type in ``text``."""
    return {p for e in events_of(text, dct) if e["type"] == kind for p in e["participants"]}
