"""Reminder offsets as members type them and as subscriptions store them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from config.offsets import format_offset, parse_offsets, stored_offsets


def test_reminder_offsets() -> None:
    assert parse_offsets("1h, 1d,30m") == [
        timedelta(days=1),
        timedelta(hours=1),
        timedelta(minutes=30),
    ]
    assert [format_offset(o) for o in parse_offsets("2w, 90m")] == ["2w", "90m"]
    for bad in ("soon", "0m", "40d", "1d,2d,3d,4d,5d,6d"):
        with pytest.raises(ValueError):
            parse_offsets(bad)


def test_stored_offsets_read_back_what_format_offset_wrote() -> None:
    typed = parse_offsets("1 day, 2 hours, 45 min")
    assert stored_offsets([format_offset(o) for o in typed]) == tuple(typed)
    assert stored_offsets(["1d", "garbage", "0m"]) == (timedelta(days=1),)
