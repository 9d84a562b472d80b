"""Work measured by counting, not by the wall clock: a loaded machine changes neither figure.

:func:`measure` runs a function and reports two measures of the work it did:

- ``calls``: every Python and C call it made (a regular-expression search is one call,
  however long it runs): the same input always gives the same count, so a bound such as
  "at most 50 calls per character" catches a loop that grows with the square of the input
  on any machine;
- ``cpu_s``: the CPU time of the calling thread, which other processes and threads do not
  add to; it is the one measure that sees a regular expression backtracking inside C.

Speed itself is measured by the scripts in ``scripts/`` (``bench_extract.py``,
``fuzz_extract.py``), which print figures.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Work(Generic[T]):
    result: T
    calls: int
    cpu_s: float


def measure(fn: Callable[..., T], *args: Any, **kwargs: Any) -> Work[T]:
    """``fn(*args, **kwargs)`` with the calls it made and the CPU time it used."""
    calls = 0

    def hook(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    previous = sys.getprofile()
    began = time.thread_time()
    sys.setprofile(hook)
    try:
        result = fn(*args, **kwargs)
    finally:
        sys.setprofile(previous)
    return Work(result, calls, time.thread_time() - began)


def count_calls(fn: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, int]:
    """``fn(*args, **kwargs)`` and how many calls it made."""
    work = measure(fn, *args, **kwargs)
    return work.result, work.calls


__all__ = ["Work", "count_calls", "measure"]
