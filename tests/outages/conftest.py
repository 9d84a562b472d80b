"""Outage tests: a table of recovery times printed after the run.

Each test records how long the bot took to serve again after its fault ended
(:func:`record_recovery`); ``pytest tests/outages`` prints them all at the end, which is
where the figures in docs/GUARANTEES.md come from.
"""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["record_recovery"]

_RECOVERIES: list[tuple[str, float, str]] = []


def record_recovery(fault: str, seconds: float, note: str = "") -> None:
    """Remember how long the bot needed after ``fault`` (shown in the terminal summary)."""
    _RECOVERIES.append((fault, seconds, note))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _RECOVERIES:
        return
    terminalreporter.section("recovery after each injected fault")
    for fault, seconds, note in _RECOVERIES:
        terminalreporter.write_line(f"{fault:<58} {seconds * 1000:8.0f} ms  {note}")


@pytest.fixture
def recovery() -> Any:
    return record_recovery
