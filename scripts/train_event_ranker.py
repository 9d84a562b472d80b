#!/usr/bin/env python3
"""Train the event ranker (bot/extract/event_ranker.py) on the develop parts of the gold.

Usage: python scripts/train_event_ranker.py [--write] [--folds 5]

Training data: every reading of every trigger (``event_readings``) in the develop parts of
each gold set (``scripts/eval_events.py`` fixes the split) and in dev; a reading is positive
when a gold event of its article matches it as SPEC.md scores. The devtest parts are never
read here. A logistic model (L2, Newton's method, plain Python: deterministic) is fitted;
the L2 strength and the acceptance threshold are chosen by cross-validation over articles,
scoring whole articles end to end (pick per trigger, merge, SPEC matching). ``--write``
saves the model to ``config/models/event_ranker.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from dataclasses import dataclass

from eval_events import default_sets, devtest_part, gold_rows

from bot.extract.event_ranker import MODEL_PATH, Ranker
from bot.extract.events import choose_events, event_readings
from bot.extract.model import Article
from bot.extract.scoring import Score, score_article
from bot.news.articles import parse_dct

L2_GRID = (1.0, 3.0, 10.0, 30.0)
KEEP_GRID = (0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5)
ADD_GRID = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 1.01)  # 1.01: never another reading
EPOCHS = 200
MAX_STEP = 2.0


@dataclass
class Article_:
    """One develop article: its gold events and its trigger readings."""

    id: str
    gold: list[dict]
    choices: list


def develop_articles() -> list[Article_]:
    """The develop parts of every gold set (all of dev), with their readings."""
    found = []
    for path in default_sets():
        rows = list(gold_rows(path))
        held = devtest_part(path.stem, [r["id"] for r in rows])
        for row in rows:
            if row["id"] in held:
                continue
            article = Article(
                text=row["text"],
                dct=parse_dct(row.get("dct")),
                id=row["id"],
                title=row.get("title") or "",
            )
            found.append(Article_(row["id"], row["events"], event_readings(article)))
    return found


def _matches(gold: dict, event: dict) -> bool:
    if gold["type"] != event["type"] or gold["date"][:10] != event["date"][:10]:
        return False
    g, s = set(gold.get("participants") or ()), set(event.get("participants") or ())
    return bool(g & s) or not (g or s)


def samples(articles: list[Article_]) -> list[tuple[dict[str, float], int]]:
    """(features, label) of every reading."""
    out = []
    for article in articles:
        for options in article.choices:
            for _, candidate, features in options:
                event = {
                    "type": candidate.type,
                    "date": candidate.when.value,
                    "participants": sorted(candidate.participants),
                }
                label = int(any(_matches(g, event) for g in article.gold))
                out.append((features, label))
    return out


def fit(data: list[tuple[dict[str, float], int]], l2: float) -> Ranker:
    """L2-regularised logistic regression by cyclic coordinate Newton steps (plain Python,
    deterministic; the bias is not penalised). Features are binary and sparse, so each step
    touches only the readings that have the feature."""
    names = sorted({name for features, _ in data for name in features})
    index = {name: i + 1 for i, name in enumerate(names)}  # 0 is the bias
    size = len(names) + 1
    rows_of: list[list[int]] = [list(range(len(data)))] + [[] for _ in names]
    for row, (features, _) in enumerate(data):
        for name in features:
            rows_of[index[name]].append(row)
    labels = [label for _, label in data]
    weights = [0.0] * size
    margins = [0.0] * len(data)
    for _ in range(EPOCHS):
        largest = 0.0
        for j in range(size):
            gradient, curvature = 0.0, 1e-6
            for row in rows_of[j]:
                p = _sigmoid(margins[row])
                gradient += p - labels[row]
                curvature += p * (1 - p)
            if j:
                gradient += l2 * weights[j]
                curvature += l2
            step = max(-MAX_STEP, min(MAX_STEP, gradient / curvature))
            if not step:
                continue
            weights[j] -= step
            for row in rows_of[j]:
                margins[row] -= step
            largest = max(largest, abs(step))
        if largest < 1e-5:
            break
    return Ranker(
        weights={name: round(weights[index[name]], 6) for name in names},
        bias=round(weights[0], 6),
        keep=0.5,
        add=0.5,
    )


def _sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def end_to_end(articles: list[Article_], ranker: Ranker | None) -> Score:
    """SPEC scoring of the events the ranker (or the rules, with None) keeps."""
    total = Score()
    for article in articles:
        system = [e.to_json() for e in choose_events(article.choices, ranker)]
        score_article(article.id, article.gold, system, total)
    return total


def _fold(article_id: str, folds: int) -> int:
    return hashlib.sha256(f"ranker-cv:{article_id}".encode()).digest()[0] % folds


def cross_validate(articles: list[Article_], folds: int) -> tuple[float, float, float, dict]:
    """The L2 strength and the two bars with the best pooled held-out-fold F1."""
    table: dict[tuple[float, float, float], Score] = {}
    for fold in range(folds):
        train = [a for a in articles if _fold(a.id, folds) != fold]
        test = [a for a in articles if _fold(a.id, folds) == fold]
        data = samples(train)
        for l2 in L2_GRID:
            model = fit(data, l2)
            for keep in KEEP_GRID:
                for add in ADD_GRID:
                    ranker = Ranker(model.weights, model.bias, keep, add)
                    score = table.setdefault((l2, keep, add), Score())
                    score.merge(end_to_end(test, ranker))
    best = max(table, key=lambda key: (round(table[key].f1, 4), -key[1], key[2]))
    l2, keep, add = best
    summary = {
        "by_l2": {k[0]: round(s.f1, 3) for k, s in table.items() if k[1:] == (keep, add)},
        "by_keep": {k[1]: round(s.f1, 3) for k, s in table.items() if (k[0], k[2]) == (l2, add)},
        "by_add": {k[2]: round(s.f1, 3) for k, s in table.items() if k[:2] == (l2, keep)},
    }
    return l2, keep, add, {"best_cv": table[best], **summary}


def _figures(score: Score) -> str:
    return f"P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"save the model to {MODEL_PATH}")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    articles = develop_articles()
    data = samples(articles)
    positive = sum(label for _, label in data)
    print(f"develop articles {len(articles)}, readings {len(data)}, positive {positive}")
    rules = end_to_end(articles, None)
    l2, keep, add, report = cross_validate(articles, args.folds)
    cv = report["best_cv"]
    print(f"rules alone on develop:       {_figures(rules)}")
    print(
        f"ranker, {args.folds}-fold CV on develop: P {cv.precision:.3f} R {cv.recall:.3f} "
        f"F1 {cv.f1:.3f} (l2 {l2}, keep {keep}, add {add})"
    )
    for name in ("by_l2", "by_keep", "by_add"):
        print(f"  CV F1 {name}:", report[name])
    model = fit(data, l2)
    ranker = Ranker(model.weights, model.bias, keep, add)
    if args.write:
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        payload = ranker.to_json() | {
            "trained_on": "develop parts of each gold set and all of dev (eval_events.py split)",
            "l2": l2,
            "cv_f1": round(cv.f1, 4),
        }
        MODEL_PATH.write_text(
            json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
