"""Checks that text the bot sent can neither ping anyone nor smuggle in formatting."""

from __future__ import annotations

import re
from typing import Any

# What an attacker puts in a headline, a feed, a place name or a command option.
HOSTILE = (
    "@everyone @here <@&111111111111111111> <@222222222222222222> **x** "
    "[link](http://evil.example/p) ||spoiler|| `code`"
)
_RAW_MENTION = re.compile(r"@(everyone|here)\b|<@[!&]?\d{15,20}>")
_LIVE_MASKED_LINK = re.compile(r"(?<!\\)\[link\]\(\s*<?https?://evil")
_LIVE_BOLD = re.compile(r"(?<![\\*])\*\*x(?<!\\)\*\*")
_LIVE_SPOILER = re.compile(r"(?<!\\)\|\|spoiler")


def inert_problems(text: str) -> list[str]:
    """What in ``text`` would ping or format as the attacker meant (empty when inert)."""
    problems = []
    if found := _RAW_MENTION.search(text):
        problems.append(f"live mention {found.group(0)!r}")
    if _LIVE_MASKED_LINK.search(text):
        problems.append("live masked link to evil.example")
    if _LIVE_BOLD.search(text):
        problems.append("live **bold**")
    if _LIVE_SPOILER.search(text):
        problems.append("live ||spoiler||")
    return problems


def assert_inert(text: str) -> None:
    problems = inert_problems(text)
    assert not problems, f"{problems} in {text!r}"


def assert_pings_nobody(body: dict[str, Any]) -> None:
    """A message body whose allowed_mentions lets no mention through."""
    assert body.get("allowed_mentions") == {"parse": []}, body.get("allowed_mentions")
