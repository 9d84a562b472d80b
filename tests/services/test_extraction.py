"""Extraction in a worker process gives the same events and survives a killed worker."""

from __future__ import annotations

import os
import signal
from datetime import date

from bot.extract.model import Article
from bot.extract.pipeline import extract_events
from bot.services.extraction import ProcessExtractor

ARTICLE = Article("Trump will meet Ishiba in Washington on Friday.", date(2025, 2, 6))


def test_worker_gives_the_same_events_and_recovers_from_a_kill() -> None:
    extractor = ProcessExtractor()
    try:
        assert extractor(ARTICLE) == extract_events(ARTICLE)
        pool = extractor._executor()
        for pid in list(pool._processes):  # the worker dies mid-run
            os.kill(pid, signal.SIGKILL)
        assert extractor(ARTICLE) == extract_events(ARTICLE)  # done in-process this time
        assert extractor(ARTICLE) == extract_events(ARTICLE)  # and by a fresh worker again
    finally:
        extractor.close()
