"""News channel messages as articles: the message's own words, and the links it carries.

Pure: the Discord layer hands over a :class:`MessageText`; :mod:`bot.services.news_channels`
fetches the linked pages with the guarded fetcher and ingests everything. A message has no
headline: it is known by its channel and author (:func:`message_source`) and its link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from bot.extract.model import Article
from bot.news.articles import article_from_text

MAX_LINKS = 3
DISCORD_EPOCH_MS = 1_420_070_400_000  # snowflakes count milliseconds from 2015-01-01
MIN_TEXT_CHARS = 60
_URL = re.compile(r"https?://[^\s<>()\[\]\"']+", re.I)


def links_in(text: str) -> list[str]:
    """The distinct http(s) links of a message, at most ``MAX_LINKS`` (trailing punctuation cut)."""
    found: list[str] = []
    for match in _URL.findall(text or ""):
        url = match.rstrip(".,;:!?")
        if url not in found:
            found.append(url)
    return found[:MAX_LINKS]


@dataclass(frozen=True, slots=True)
class MessageText:
    """What a news channel message says, independent of discord.py."""

    guild_id: int
    channel_id: int
    message_id: int
    channel_name: str
    created: date
    text: str
    author: str = ""
    url: str | None = None  # the message's own link (Discord's "jump" URL)


def message_source(message: MessageText) -> str:
    """How people recognise where the news came from: ``#news, posted by Alice``."""
    by = f", posted by {message.author}" if message.author else ""
    return f"#{message.channel_name}{by}"[:200]


def snowflake_at(moment: datetime) -> int:
    """The smallest Discord id made at ``moment`` (ids count time), for "after this moment"."""
    return max(0, int(moment.timestamp() * 1000) - DISCORD_EPOCH_MS) << 22


def message_article(message: MessageText) -> Article | None:
    """The message's own words as an article, when there are enough of them to be news."""
    words = _URL.sub(" ", message.text)
    words = "\n".join(line.strip() for line in words.splitlines() if line.strip())
    if len(words) < MIN_TEXT_CHARS:
        return None
    read = article_from_text(
        words,
        f"discord:{message.guild_id}:{message.channel_id}:{message.message_id}",
        message.created,
        source=message_source(message),
    )
    return read.article


__all__ = ["MessageText", "links_in", "message_article", "message_source", "snowflake_at"]
