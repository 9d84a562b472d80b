"""Extraction in a worker process, so a burst of articles never stalls the bot's event loop.

Extraction is pure CPU work; run in a thread it still holds the GIL the event loop needs,
and command answers wait behind it. The bot process hands articles to one spawned worker
over a pipe instead (the calling thread just waits). The worker:

- is restarted when it dies (that article is then done in-process);
- is killed and restarted when an article takes longer than ``timeout_s`` (the article fails
  with ``TimeoutError``, and whoever read it may try again later);
- ends when the bot process ends, however it ends: at a clean close it is told to stop, and
  if the parent is killed (SIGKILL included) the worker sees its parent change or the pipe
  close and exits within a second, so no process is left behind.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from bot.extract.model import Article, Event
from bot.extract.pipeline import extract_events, warm_up

log = logging.getLogger(__name__)
WORKER_TIMEOUT_S = 30.0
PARENT_CHECK_S = 0.5
STOP_WAIT_S = 2.0


def _exit_with_parent(parent_pid: int) -> None:
    """In the worker: leave as soon as the process that started it is gone."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _serve(conn: Connection, parent_pid: int) -> None:
    """The worker's loop: an article in, ``(True, events)`` or ``(False, error)`` out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the bot's to handle
    _exit_with_parent(parent_pid)
    warm_up()
    while True:
        try:
            article = conn.recv()
        except (EOFError, OSError):  # the bot's end of the pipe closed
            return
        if article is None:
            return
        try:
            conn.send((True, extract_events(article)))
        except Exception as exc:  # the bot decides what a failed article means
            conn.send((False, f"{type(exc).__name__}: {exc}"))


class ProcessExtractor:
    """A callable ``Article -> list[Event]`` backed by one worker process."""

    def __init__(self, timeout_s: float = WORKER_TIMEOUT_S) -> None:
        self._timeout_s = timeout_s
        self._lock = threading.Lock()  # one article at a time through the pipe
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    @property
    def worker_pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start(self) -> Connection:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(theirs, os.getpid()), name="diplobot-extract", daemon=True
        )
        process.start()
        theirs.close()  # the worker holds its end; ours alone reads EOF when it dies
        self._process, self._conn = process, ours
        return ours

    def start(self) -> None:
        """Start the worker now (it loads the extractor meanwhile) rather than at the first
        article, so the first news read does not wait for it."""
        with self._lock:
            if self._conn is None:
                self._start()

    def _discard(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join(STOP_WAIT_S)

    def __call__(self, article: Article) -> list[Event]:
        with self._lock:
            conn = self._conn or self._start()
            try:
                conn.send(article)
                answered = conn.poll(self._timeout_s)
                ok, value = conn.recv() if answered else (False, "")
            except (EOFError, OSError):
                log.warning("extraction worker died; this article is done in-process")
                self._discard()
                return extract_events(article)
            if not answered:
                self._discard()
                raise TimeoutError(
                    f"extraction took longer than {self._timeout_s:g} s; the worker restarts"
                )
        if not ok:
            raise RuntimeError(str(value))
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the worker (it finishes nothing further) and wait for it briefly."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(OSError):
                    self._conn.send(None)
                if self._process is not None:
                    self._process.join(STOP_WAIT_S)
            self._discard()


__all__ = ["ProcessExtractor"]
