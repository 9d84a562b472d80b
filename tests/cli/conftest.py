"""What the command-line tests share: a throwaway SQLite database, a scripted extractor and
``tests.support.cli.run`` runs ``diplobot`` in process."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.extract.pipeline as pipeline
from tests.support.extraction import StandInExtractor


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> StandInExtractor:
    """The extractor the CLI uses, answering by each article's first line."""
    stand_in = StandInExtractor()
    monkeypatch.setattr(pipeline, "extract_events", stand_in)
    return stand_in
