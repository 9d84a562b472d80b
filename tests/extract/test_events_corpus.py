"""Regression guards on the gold dev articles (skipped where ../shared is absent)."""

from __future__ import annotations

import json

import pytest

from bot.extract.model import Article
from bot.extract.pipeline import extract_events
from bot.extract.scoring import Score, score_article
from bot.news.articles import parse_dct
from tests.support.shared_data import DEV_EVENTS, require

pytestmark = pytest.mark.corpus


def _dev_score() -> Score:
    total = Score()
    for line in require(DEV_EVENTS).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = Article(text=row["text"], dct=parse_dct(row["dct"]), title=row.get("title") or "")
        system = [e.to_json() for e in extract_events(article)]
        score_article(row["id"], row["events"], system, total)
    return total


def test_dev_events_hold_the_bar() -> None:
    score = _dev_score()
    # Rules alone reach 0.97 F1 here; with the learned ranker (issue 9) 0.935 F1 / 0.92
    # precision, the price of +0.02 F1 on unseen articles. The first bar was F1 >= 0.85 with
    # precision >= 0.90.
    assert score.precision >= 0.92, score.extras
    assert score.f1 >= 0.93, (score.misses, score.extras)
    assert score.status_accuracy >= 0.95
