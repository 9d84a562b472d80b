"""News channels: Discord channels whose messages (and the pages they link) are read as news.

Turning a message into articles is pure (:func:`message_articles`); the Discord layer feeds
it the message's text and the links it found, and fetches linked pages with the guarded
fetcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from bot.extract.model import Article
from bot.news.articles import article_from_text
from storage.db import Database
from storage.models import NewsChannel

Clock = Callable[[], datetime]
MAX_LINKS = 3
MIN_TEXT_CHARS = 60
MAX_PER_GUILD = 10
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


def message_article(message: MessageText) -> Article | None:
    """The message's own words as an article, when there are enough of them to be news."""
    words = _URL.sub(" ", message.text)
    words = "\n".join(line.strip() for line in words.splitlines() if line.strip())
    if len(words) < MIN_TEXT_CHARS:
        return None
    first = words.splitlines()[0][:200]
    read = article_from_text(
        words,
        f"discord:{message.guild_id}:{message.channel_id}:{message.message_id}",
        message.created,
        title=first,
        source=f"#{message.channel_name}",
    )
    return read.article


class NewsChannelService:
    """Mark, unmark and list a server's news channels; remembers them for the listener."""

    def __init__(self, db: Database, clock: Clock = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._clock = clock
        self._ids: set[int] | None = None

    def all_ids(self) -> set[int]:
        if self._ids is None:
            with self._db.session() as session:
                self._ids = set(session.scalars(select(NewsChannel.channel_id)))
        return self._ids

    def is_news_channel(self, channel_id: int) -> bool:
        return channel_id in self.all_ids()

    def add(self, guild_id: int, channel_id: int, added_by: int | None) -> bool:
        """True when newly marked; ValueError when the server has too many."""
        with self._db.session() as session:
            if session.get(NewsChannel, channel_id) is not None:
                return False
            count = len(
                list(session.scalars(select(NewsChannel).where(NewsChannel.guild_id == guild_id)))
            )
            if count >= MAX_PER_GUILD:
                raise ValueError(
                    f"this server already reads {MAX_PER_GUILD} news channels; remove one first"
                )
            session.add(
                NewsChannel(
                    channel_id=channel_id,
                    guild_id=guild_id,
                    added_by=added_by,
                    added_at=self._clock(),
                )
            )
        self.all_ids().add(channel_id)
        return True

    def remove(self, guild_id: int, channel_id: int) -> bool:
        with self._db.session() as session:
            row = session.get(NewsChannel, channel_id)
            if row is None or row.guild_id != guild_id:
                return False
            session.delete(row)
        self.all_ids().discard(channel_id)
        return True

    def for_guild(self, guild_id: int) -> list[NewsChannel]:
        with self._db.session() as session:
            return list(
                session.scalars(select(NewsChannel).where(NewsChannel.guild_id == guild_id))
            )


__all__ = ["MessageText", "NewsChannelService", "links_in", "message_article"]
