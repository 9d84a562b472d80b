"""Extraction in a worker process: the same events, a killed worker replaced, a stuck one
stopped, and no worker left behind when the bot process is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.extract.model import Article
from bot.extract.pipeline import extract_events
from bot.services.extraction import ProcessExtractor
from tests.support.processes import alive, gone_within

ARTICLE = Article("Trump will meet Ishiba in Washington on Friday.", date(2025, 2, 6))
ROOT = Path(__file__).resolve().parents[2]


def test_worker_gives_the_same_events_and_recovers_from_a_kill() -> None:
    extractor = ProcessExtractor()
    try:
        assert extractor(ARTICLE) == extract_events(ARTICLE)
        first = extractor.worker_pid
        assert first is not None
        os.kill(first, signal.SIGKILL)  # the worker dies between two articles
        assert extractor(ARTICLE) == extract_events(ARTICLE)  # done in-process this time
        assert extractor(ARTICLE) == extract_events(ARTICLE)  # and by a fresh worker again
        assert extractor.worker_pid not in (None, first)
    finally:
        extractor.close()


def test_a_stuck_article_times_out_and_the_worker_is_replaced() -> None:
    extractor = ProcessExtractor(timeout_s=0.001)  # not even the worker's start fits in it
    try:
        with pytest.raises(TimeoutError):
            extractor(ARTICLE)
        assert extractor.worker_pid is None  # the stuck worker was stopped
        extractor._timeout_s = 60.0
        assert extractor(ARTICLE) == extract_events(ARTICLE)
    finally:
        extractor.close()
    assert extractor.worker_pid is None


def test_the_worker_ends_when_the_bot_process_is_killed() -> None:
    code = (
        "import sys, time; from datetime import date; from bot.extract.model import Article; "
        "from bot.services.extraction import ProcessExtractor; e = ProcessExtractor(); "
        "e(Article('Leaders will meet on Friday.', date(2025, 2, 6))); "
        "print(e.worker_pid, flush=True); time.sleep(120)"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as parent:
        try:
            assert parent.stdout is not None
            worker = int(parent.stdout.readline())
            assert alive(worker)
            parent.send_signal(signal.SIGKILL)
            parent.wait(timeout=10)
            assert gone_within({worker}, 5.0) == set(), "the worker outlived its killed parent"
        finally:
            if parent.poll() is None:
                parent.kill()
