"""Scoring of extracted events against gold, exactly as SPEC.md defines it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

EventDict = Mapping[str, Any]
SPLIT_SEED = "diplobot-split-2026-11"
DEVTEST_SHARE = 1 / 3


def devtest_ids(ids: list[str]) -> set[str]:
    """A third of a gold set's articles, fixed by a seeded hash of their ids: never developed
    on (their individual errors are not read while writing rules)."""
    ordered = sorted(ids, key=lambda i: hashlib.sha256(f"{SPLIT_SEED}:{i}".encode()).digest())
    return set(ordered[: round(len(ordered) * DEVTEST_SHARE)])


def _key(event: EventDict, *, month_only: bool) -> tuple[str, str, tuple[str, ...]]:
    day = str(event["date"]).split("T", 1)[0]
    if month_only:
        day = day[:7]
    return str(event["type"]), day, tuple(sorted(event.get("participants") or ()))


def _unique(events: Iterable[EventDict], *, month_only: bool) -> list[EventDict]:
    """Events of one article with the same type, date and participant set count once."""
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    kept = []
    for event in events:
        key = _key(event, month_only=month_only)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _matches(gold: EventDict, system: EventDict, *, month_only: bool) -> bool:
    g_type, g_date, g_parts = _key(gold, month_only=month_only)
    s_type, s_date, s_parts = _key(system, month_only=month_only)
    if g_type != s_type or g_date != s_date:
        return False
    if not g_parts and not s_parts:
        return True
    return bool(set(g_parts) & set(s_parts))


@dataclass
class Score:
    """Counts over all articles, with the misses and extras for inspection."""

    true_positives: int = 0
    system_count: int = 0
    gold_count: int = 0
    status_correct: int = 0
    misses: list[tuple[str, EventDict]] = field(default_factory=list)
    extras: list[tuple[str, EventDict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.system_count if self.system_count else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold_count if self.gold_count else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def merge(self, other: Score) -> None:
        """Add another score's counts (pooling parts or sets)."""
        self.true_positives += other.true_positives
        self.system_count += other.system_count
        self.gold_count += other.gold_count
        self.status_correct += other.status_correct
        self.misses += other.misses
        self.extras += other.extras

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.true_positives if self.true_positives else 0.0


def score_article(
    article_id: str,
    gold: Sequence[EventDict],
    system: Sequence[EventDict],
    total: Score,
    *,
    month_only: bool = False,
) -> None:
    """Add one article's matches to ``total`` (greedy one-to-one matching, gold order)."""
    gold_events = _unique(gold, month_only=month_only)
    system_events = _unique(system, month_only=month_only)
    total.gold_count += len(gold_events)
    total.system_count += len(system_events)
    used: set[int] = set()
    for g in gold_events:
        # Prefer a candidate with the same status so status accuracy is not penalised by order.
        candidates = [
            i
            for i, s in enumerate(system_events)
            if i not in used and _matches(g, s, month_only=month_only)
        ]
        if not candidates:
            total.misses.append((article_id, g))
            continue
        same_status = [i for i in candidates if system_events[i].get("status") == g.get("status")]
        chosen = (same_status or candidates)[0]
        used.add(chosen)
        total.true_positives += 1
        if system_events[chosen].get("status") == g.get("status"):
            total.status_correct += 1
    for i, s in enumerate(system_events):
        if i not in used:
            total.extras.append((article_id, s))
