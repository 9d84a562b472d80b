"""Extraction entry points (pure, deterministic): the events and time expressions of an article."""

from __future__ import annotations

from bot.extract.model import Article, Event, Timex


def extract_events(article: Article) -> list[Event]:
    """Return the diplomatic events of one article (SPEC.md), dates resolved against its DCT."""
    from bot.extract.events import find_events

    return find_events(article)


def extract_timexes(article: Article) -> list[Timex]:
    """Return every date or time expression of the article, normalised against its DCT."""
    from bot.extract.timex import find_timexes

    return find_timexes(article.text, article.dct)
