"""The one stand-in extractor: extraction has its own tests; elsewhere a test says which events
an article yields.

An article is looked up by its id, then its title, then its first line (whichever the test
wrote down with :meth:`StandInExtractor.say`); one it does not know yields ``default`` (no
events unless given), or goes to ``otherwise`` (the real extractor, for end-to-end tests that
also read real text). Every call is counted and every text kept, by title; ``fail`` makes
the next calls for a key time out, as a stuck worker process would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.extract.model import Article, Event


class StandInExtractor:
    """An ``Article -> list[Event]`` callable answering from a table the test fills."""

    def __init__(
        self,
        *,
        default: Sequence[Event] = (),
        otherwise: Callable[[Article], list[Event]] | None = None,
    ) -> None:
        self.events: dict[str, list[Event]] = {}
        self.texts: dict[str, str] = {}
        self.calls = 0
        self.first_lines: list[str] = []  # of every article extracted, in order
        self.failing: dict[str, int] = {}
        self._default = list(default)
        self._otherwise = otherwise

    def say(self, key: str, *events: Event) -> None:
        """Articles with this id, title or first line yield ``events``."""
        self.events[key] = list(events)

    def fail(self, key: str, times: int) -> None:
        """The next ``times`` articles with this id, title or first line time out."""
        self.failing[key] = times

    def __call__(self, article: Article) -> list[Event]:
        self.calls += 1
        self.texts[article.title] = article.text
        first_line = article.text.split("\n", 1)[0].strip()
        self.first_lines.append(first_line)
        for key in (article.id, article.title, first_line):
            if self.failing.get(key, 0) > 0:
                self.failing[key] -= 1
                raise TimeoutError("extraction took longer than its time limit")
        for key in (article.id, article.title, first_line):
            if key and key in self.events:
                return [Event.from_json(e.to_json()) for e in self.events[key]]
        if self._otherwise is not None:
            return self._otherwise(article)
        return [Event.from_json(e.to_json()) for e in self._default]


__all__ = ["StandInExtractor"]
