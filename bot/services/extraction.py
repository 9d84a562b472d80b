"""Extraction in a worker process, so a burst of articles never stalls the bot's event loop.

Extraction is pure CPU work; run in a thread it still holds the GIL the event loop needs,
and command answers wait behind it. The bot process hands articles to one spawned worker
instead (the calling thread just waits), and falls back to extracting in-process if the
worker dies, restarting it for the next article.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from bot.extract.model import Article, Event
from bot.extract.pipeline import extract_events, warm_up

log = logging.getLogger(__name__)
WORKER_TIMEOUT_S = 30.0


class ProcessExtractor:
    """A callable ``Article -> list[Event]`` backed by worker processes."""

    def __init__(self, workers: int = 1) -> None:
        self._workers = workers
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=self._workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=warm_up,
                )
            return self._pool

    def __call__(self, article: Article) -> list[Event]:
        try:
            return self._executor().submit(extract_events, article).result(WORKER_TIMEOUT_S)
        except BrokenProcessPool:
            log.warning("extraction worker died; restarting it, this article is done in-process")
            with self._lock:
                self._pool = None
            return extract_events(article)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
