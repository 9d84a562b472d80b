"""Extraction entry points (pure, deterministic): the events and time expressions of an article."""

from __future__ import annotations

from bot.extract.model import Article, Event, Timex


def extract_events(article: Article) -> list[Event]:
    """Return the diplomatic events of one article (SPEC.md), dates resolved against its DCT."""
    from bot.extract.events import find_events

    return find_events(article)


def warm_up() -> None:
    """Load lexicons, gazetteer and date grammar now rather than on the first article."""
    from bot.extract.event_ranker import shipped_ranker
    from bot.extract.events import find_events, town_names
    from bot.extract.gazetteer import default_gazetteer
    from bot.extract.lexicon import load_lexicon

    load_lexicon()
    default_gazetteer()
    shipped_ranker()
    town_names()  # the summit towns of every year, read once a dated summit is seen
    find_events(Article("Japan and China will hold talks in Tokyo on Friday.", None))


def extract_timexes(article: Article) -> list[Timex]:
    """Return every date or time expression of the article, normalised against its DCT."""
    from bot.extract.timex import find_timexes

    return find_timexes(article.text, article.dct)
