"""What a server's admins (``/status``) and the operator (``diplobot outbox``) need to see of
delivery: messages waiting and failed, feeds in trouble, news that could not be read, the last
digest, the bot's version; and a failed message sent again on request.

One service for both: ``guild_id`` narrows everything to one server (the slash command), None
shows the whole installation (the command line).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from bot.alerts import kinds
from bot.clock import Clock
from bot.render import MessageLine, StatusView
from bot.services.errors import Refused
from storage.db import Database
from storage.models import OutboxMessage
from storage.repos import feeds as feed_repo
from storage.repos import news_channels as news_repo
from storage.repos import outbox
from storage.repos import settings as settings_repo

LISTED = 10


def bot_version() -> str:
    try:
        return version("diplobot")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


class StatusService:
    """Reads delivery's state; one short transaction per call."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def status(self, guild_id: int | None) -> StatusView:
        with self._db.session() as session:
            due, later = outbox.pending(session, guild_id, self._clock())
            return StatusView(
                version=bot_version(),
                due=due,
                later=later,
                failed_total=outbox.count_undelivered(session, guild_id),
                failed=tuple(
                    MessageLine.of(r) for r in outbox.undelivered(session, guild_id, LISTED)
                ),
                feed_problems=tuple(feed_repo.with_errors(session, guild_id)),
                news_unread=news_repo.count_unread(session, guild_id),
                last_digest=outbox.last_sent(session, kinds.DIGEST, guild_id),
                notice_channel_id=(
                    settings_repo.admin_channel(session, guild_id) if guild_id else None
                ),
            )

    def failed(self, guild_id: int | None = None, limit: int = 100) -> list[MessageLine]:
        """Messages refused, given up on or lost with their channel, newest first."""
        with self._db.session() as session:
            return [MessageLine.of(r) for r in outbox.undelivered(session, guild_id, limit)]

    def pending(self, guild_id: int | None = None, limit: int = 100) -> list[MessageLine]:
        """Messages not sent yet, soonest first."""
        with self._db.session() as session:
            return [MessageLine.of(r) for r in outbox.pending_rows(session, guild_id, limit)]

    def retry(self, row_id: int, guild_id: int | None = None) -> MessageLine:
        """Queue a failed message again (with its own nonce); Refused says why it cannot be."""
        with self._db.session() as session:
            row = session.get(OutboxMessage, row_id)
            if row is None or (guild_id is not None and row.guild_id != guild_id):
                raise Refused(f"there is no message {row_id}; see diplobot outbox list --failed")
            if row.sent_at is not None:
                raise Refused(f"message {row_id} was sent already")
            if row.failed_at is None:
                raise Refused(f"message {row_id} is still queued; it goes out when it is due")
            if row.failure not in outbox.UNDELIVERED:
                raise Refused(
                    f"message {row_id} was dropped on purpose ({row.failed_reason}); "
                    "it is not sent again"
                )
            if row.expires_at is not None and row.expires_at <= self._clock():
                raise Refused(f"message {row_id} was for a moment that has passed")
            outbox.requeue(session, row_id)
            session.refresh(row)
            return MessageLine.of(row)

    def set_notice_channel(self, guild_id: int, channel_id: int) -> None:
        """Send this server's notices (refused messages, paused channels) to ``channel_id``."""
        now = self._clock()
        with self._db.session() as session:
            row = settings_repo.guild_row(session, guild_id, now)
            row.admin_notice_channel_id = channel_id
            row.updated_at = now


__all__ = ["StatusService", "bot_version"]
