"""Log lines: plain text without colour codes when written to a file or a pipe, or JSON."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.logs import setup_logging
from config.settings import Settings


@pytest.fixture
def root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def settings(**values: str) -> Settings:
    return Settings.load(Path("/nonexistent"), environ={}, **values)


def test_text_logs_carry_no_colour_codes(root_logging: None) -> None:
    stream = io.StringIO()  # not a terminal, as a file or journald's pipe
    setup_logging(settings(), stream)
    logging.getLogger("discord.gateway").warning("Shard ID %s has stopped responding", None)
    logging.getLogger("diplobot").debug("below the level")
    line = stream.getvalue()
    assert "\x1b[" not in line and "below the level" not in line
    assert line.rstrip().endswith("WARNING discord.gateway: Shard ID None has stopped responding")


def test_json_logs_are_one_object_a_line(root_logging: None) -> None:
    stream = io.StringIO()
    setup_logging(settings(log_format="JSON", log_level="debug"), stream)
    log = logging.getLogger("diplobot.alerts")
    log.info("queued %d daily digests", 3, extra={"channel_id": 42})
    try:
        raise ValueError("bad feed")
    except ValueError:
        log.exception("feed failed")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["level"] == "info" and first["logger"] == "diplobot.alerts"
    assert first["message"] == "queued 3 daily digests" and first["channel_id"] == 42
    assert first["time"].endswith("+00:00")
    assert second["level"] == "error" and "ValueError: bad feed" in second["exception"]
