"""Event detection (placeholder until the detector lands)."""

from __future__ import annotations

from bot.extract.model import Article, Event


def find_events(article: Article) -> list[Event]:
    return []
