"""The learned ranker: its model file, its scoring, and that the shipped model still helps.

The corpus test guards against a stale model: the ranker's features are read off the rules'
output, so a rule change can shift them; retrain with ``scripts/train_event_ranker.py
--write`` when it fails.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.extract.event_ranker import FEATURES_VERSION, Ranker, ranker_from_json, shipped_ranker
from bot.extract.events import choose_events, event_readings, find_events
from bot.extract.model import Article
from bot.extract.scoring import Score, devtest_ids, score_article
from bot.news.articles import parse_dct
from tests.support.shared_data import DEV_EVENTS, require

STORY = (
    "Chile and Peru close fisheries talks\n\n"
    "Chile and Peru have completed a round of fisheries talks in Lima, officials said.\n\n"
    "Ministers of the two countries will meet again in Santiago on June 20."
)


def test_a_model_trained_on_other_features_is_refused() -> None:
    model = {"features_version": FEATURES_VERSION + 1, "weights": {}, "keep": 0.1, "add": 0.9}
    assert ranker_from_json(model) is None
    assert ranker_from_json({**model, "features_version": FEATURES_VERSION}) is not None


def test_the_bars_decide_what_is_kept() -> None:
    choices = event_readings(Article(STORY, date(2025, 6, 11)))
    rules = {(e.type, e.date) for e in choose_events(choices, None)}
    keep_all = Ranker(weights={}, bias=0.0, keep=0.0, add=1.01)  # p = 0.5 everywhere
    assert {(e.type, e.date) for e in choose_events(choices, keep_all)} == rules
    veto_all = Ranker(weights={}, bias=0.0, keep=0.6, add=1.01)
    assert choose_events(choices, veto_all) == []


def test_the_most_probable_reading_that_clears_its_bar_wins() -> None:
    choices = event_readings(Article(STORY, date(2025, 6, 11)))
    rules = {(e.type, e.date) for e in choose_events(choices, None)}
    assert ("meeting", "2025-06-20") in rules
    # A model that prefers readings dated by the DCT over the rules' dates: the talks set for
    # June 20 are read on the DCT instead, once other readings may win (add below 1).
    dct_first = {"src=alt_dct": 4.0, "src=rule_timex": -1.0}
    moved = Ranker(weights=dct_first, bias=0.0, keep=0.0, add=0.5)
    chosen = {(e.type, e.date) for e in choose_events(choices, moved)}
    assert ("meeting", "2025-06-11") in chosen
    assert ("meeting", "2025-06-20") not in chosen
    barred = Ranker(weights=dct_first, bias=0.0, keep=0.0, add=1.01)
    assert {(e.type, e.date) for e in choose_events(choices, barred)} == rules


def test_choosing_leaves_the_readings_as_they_were() -> None:
    choices = event_readings(Article(STORY, date(2025, 6, 11)))
    first = [e.to_json() for e in choose_events(choices, None)]
    assert [e.to_json() for e in choose_events(choices, None)] == first


def _develop_f1(*, ranked: bool) -> float:
    total = Score()
    paths = [DEV_EVENTS.with_name(f"{name}.jsonl") for name in ("train", "modern_train")]
    for path in paths:
        rows = [json.loads(line) for line in require(path).read_text("utf-8").splitlines()]
        held = devtest_ids([row["id"] for row in rows])
        for row in rows:
            if row["id"] in held:
                continue
            article = Article(row["text"], parse_dct(row["dct"]), title=row.get("title") or "")
            system = [e.to_json() for e in find_events(article, ranked=ranked)]
            score_article(row["id"], row["events"], system, total)
    return total.f1


@pytest.mark.corpus
def test_the_shipped_ranker_does_not_lower_the_develop_score() -> None:
    if shipped_ranker() is None:
        pytest.skip("no ranker model shipped")
    assert _develop_f1(ranked=True) >= _develop_f1(ranked=False) - 0.005
