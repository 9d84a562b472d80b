"""Kinds of extraction errors, counted per part so overfitting shows by kind, not by example.

A miss or an extra is put in the first kind that fits: an event of the same type and date
whose parties differ, the same event dated a finer or coarser way, a wrong date, another type
on the same day and parties, or nothing like it. ``scripts/eval_events.py --kinds`` prints the
counts for the develop and the devtest parts side by side; devtest errors are only counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

Event = Mapping[str, Any]


def _day(event: Event) -> str:
    return str(event["date"]).split("T", 1)[0]


def _parties(event: Event) -> set[str]:
    return set(event.get("participants") or ())


def _other_types(event: Event, others: Sequence[Event]) -> str:
    same_day = {
        str(o["type"])
        for o in others
        if o["type"] != event["type"] and _day(o) == _day(event) and _parties(o) & _parties(event)
    }
    return "/".join(sorted(same_day))


def miss_kind(gold: Event, system: Sequence[Event]) -> str:
    """Why a gold event was missed, judged from the article's extracted events."""
    same_type = [s for s in system if s["type"] == gold["type"]]
    if any(_day(s) == _day(gold) for s in same_type):
        return "miss: type and date found, parties disjoint"
    shared = [s for s in same_type if _parties(s) & _parties(gold)]
    if any(_day(s)[:7] == _day(gold)[:7] for s in shared):
        return "miss: same month, finer or coarser date"
    if shared:
        return "miss: type and parties found, date wrong"
    other = _other_types(gold, system)
    if other:
        return f"miss: {gold['type']} read as {other}"
    return f"miss: no {gold['type']} found"


def extra_kind(event: Event, gold: Sequence[Event]) -> str:
    """Why an extracted event is extra, judged from the article's gold events."""
    if not gold:
        return "extra: article has no gold event"
    same_type = [g for g in gold if g["type"] == event["type"]]
    if any(_day(g) == _day(event) for g in same_type):
        return "extra: type and date in gold, parties disjoint"
    shared = [g for g in same_type if _parties(g) & _parties(event)]
    if any(_day(g)[:7] == _day(event)[:7] for g in shared):
        return "extra: same month, finer or coarser date"
    if shared:
        return "extra: type and parties in gold, date wrong"
    other = _other_types(event, gold)
    if other:
        return f"extra: {event['type']} where gold has {other}"
    return f"extra: no {event['type']} like it in gold"


def count_kinds(
    misses: Sequence[Event], extras: Sequence[Event], gold: Sequence[Event], system: Sequence[Event]
) -> Counter[str]:
    """The kinds of one article's misses and extras."""
    kinds: Counter[str] = Counter(miss_kind(g, system) for g in misses)
    kinds.update(extra_kind(e, gold) for e in extras)
    return kinds
