"""The outbox: every message is a row first, written in the transaction that caused it.

A row's ``dedup_key`` is unique, so planning the same message twice (a retry, a restart, a
second process) inserts nothing. Senders *claim* due rows before sending them: on PostgreSQL
with ``SELECT ... FOR UPDATE SKIP LOCKED`` inside the claiming UPDATE, on SQLite with the
same single UPDATE (SQLite has one writer, so the statement is atomic). A claim is a lease
(``claimed_by``/``claimed_until``): if the claiming process dies, the row becomes due again
when the lease runs out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage.models import OutboxMessage, new_nonce
from storage.repos.dialect import insert_ignore

_T = OutboxMessage.__table__

# Failures someone should hear of and may retry (``failure``); the rest are "dropped": rows
# no longer wanted (expired, unsubscribed, superseded).
REFUSED, GAVE_UP, CHANNEL_LOST, DROPPED = "refused", "gave_up", "channel_lost", "dropped"
UNDELIVERED = (REFUSED, GAVE_UP, CHANNEL_LOST)


@dataclass(frozen=True, slots=True)
class Claimed:
    """A claimed row, detached from any session (the send happens outside the transaction)."""

    id: int
    dedup_key: str
    nonce: str
    guild_id: int | None
    channel_id: int
    kind: str
    payload: dict[str, Any]
    subscription_id: int | None
    event_id: int | None
    due_at: datetime
    expires_at: datetime | None
    attempts: int

    @property
    def route(self) -> str | None:
        """``"feed"`` for a feed's own channel (no subscription behind the row)."""
        value = self.payload.get("route")
        return str(value) if value else None


def enqueue(
    session: Session,
    *,
    key: str,
    channel_id: int,
    kind: str,
    payload: dict[str, Any],
    now: datetime,
    due_at: datetime | None = None,
    expires_at: datetime | None = None,
    guild_id: int | None = None,
    event_id: int | None = None,
    subscription_id: int | None = None,
) -> bool:
    """Queue a message unless its key is already queued; True when a row was written."""
    stmt = insert_ignore(session, _T).values(
        dedup_key=key[:300],
        nonce=new_nonce(),
        guild_id=guild_id,
        channel_id=channel_id,
        kind=kind,
        payload=payload,
        event_id=event_id,
        subscription_id=subscription_id,
        created_at=now,
        due_at=due_at or now,
        expires_at=expires_at,
        attempts=0,
    )
    return bool(session.execute(stmt).rowcount)


def _pending() -> Any:
    return and_(OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))


def claim(
    session: Session, worker: str, now: datetime, *, lease: timedelta, limit: int
) -> list[Claimed]:
    """Take up to ``limit`` due rows for ``worker`` until ``now + lease``; nobody else gets them."""
    due = (
        select(OutboxMessage.id)
        .where(
            _pending(),
            OutboxMessage.due_at <= now,
            or_(OutboxMessage.expires_at.is_(None), OutboxMessage.expires_at > now),
            or_(OutboxMessage.next_attempt.is_(None), OutboxMessage.next_attempt <= now),
            or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
        )
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    stmt = (
        update(_T)
        .where(_T.c.id.in_(due.scalar_subquery()))
        .values(claimed_by=worker, claimed_until=now + lease)
        .returning(
            _T.c.id,
            _T.c.dedup_key,
            _T.c.nonce,
            _T.c.guild_id,
            _T.c.channel_id,
            _T.c.kind,
            _T.c.payload,
            _T.c.subscription_id,
            _T.c.event_id,
            _T.c.due_at,
            _T.c.expires_at,
            _T.c.attempts,
        )
    )
    rows = [Claimed(**dict(row)) for row in session.execute(stmt).mappings()]
    rows.sort(key=lambda r: (r.due_at, r.id))
    return rows


def _mine(row_id: int, worker: str) -> Any:
    return and_(_T.c.id == row_id, _T.c.claimed_by == worker, _T.c.sent_at.is_(None))


def mark_sent(
    session: Session, row_id: int, worker: str, now: datetime, message_id: int | None
) -> bool:
    """Record the send; False when the claim was lost (another worker owns the row now)."""
    stmt = (
        update(_T)
        .where(_mine(row_id, worker))
        .values(sent_at=now, message_id=message_id, claimed_until=None, attempts=_T.c.attempts + 1)
    )
    return bool(session.execute(stmt).rowcount)


def mark_retry(
    session: Session, row_id: int, worker: str, now: datetime, when: datetime, error: str
) -> None:
    session.execute(
        update(_T)
        .where(_mine(row_id, worker))
        .values(
            attempts=_T.c.attempts + 1,
            next_attempt=when,
            claimed_by=None,
            claimed_until=None,
            failed_reason=error[:1000],
        )
    )


def release(session: Session, row_ids: list[int], worker: str) -> None:
    """Give back claimed rows unsent (their claim was about to run out)."""
    session.execute(
        update(_T)
        .where(_T.c.id.in_(row_ids), _T.c.claimed_by == worker, _T.c.sent_at.is_(None))
        .values(claimed_by=None, claimed_until=None)
    )


def mark_failed(
    session: Session, row_id: int, now: datetime, reason: str, *, failure: str = DROPPED
) -> None:
    session.execute(
        update(_T)
        .where(_T.c.id == row_id, _T.c.sent_at.is_(None))
        .values(failed_at=now, failed_reason=reason[:1000], failure=failure, claimed_until=None)
    )


def drop_expired(session: Session, now: datetime) -> int:
    """Rows whose moment passed unsent (a reminder for an event already begun) are dropped."""
    stmt = (
        update(_T)
        .where(_pending(), _T.c.expires_at.is_not(None), _T.c.expires_at <= now)
        .values(failed_at=now, failed_reason="expired before it could be sent", failure=DROPPED)
    )
    return int(session.execute(stmt).rowcount or 0)


def drop_pending_for_channel(
    session: Session, channel_id: int, now: datetime, reason: str, *, except_kind: str
) -> int:
    stmt = (
        update(_T)
        .where(_pending(), _T.c.channel_id == channel_id, _T.c.kind != except_kind)
        .values(
            failed_at=now, failed_reason=reason[:1000], failure=CHANNEL_LOST, claimed_until=None
        )
    )
    return int(session.execute(stmt).rowcount or 0)


def drop_keys(session: Session, keys: list[str], now: datetime, reason: str) -> int:
    if not keys:
        return 0
    stmt = (
        update(_T)
        .where(_pending(), _T.c.dedup_key.in_(keys))
        .values(failed_at=now, failed_reason=reason[:1000], failure=DROPPED, claimed_until=None)
    )
    return int(session.execute(stmt).rowcount or 0)


# Messages about a change that wait out the noise window: channel change alerts and the
# "Moved" direct messages of members' own reminders.
HELD_CHANGE_PREFIXES = ("alert:chg:", "member:moved:")


def held(session: Session, prefix: str, now: datetime) -> list[tuple[str, dict[str, Any]]]:
    """(key, payload) of unsent rows whose key starts with ``prefix`` and that are still held
    (not yet due), oldest first."""
    stmt = (
        select(_T.c.dedup_key, _T.c.payload)
        .where(_pending(), _T.c.due_at > now, _T.c.dedup_key.startswith(prefix))
        .order_by(_T.c.id)
    )
    return [(str(key), dict(payload or {})) for key, payload in session.execute(stmt)]


def drop_held_changes(session: Session, event_id: int | None, now: datetime, reason: str) -> int:
    """Drop the event's change messages not yet due (held back while a move might be undone)."""
    stmt = (
        update(_T)
        .where(
            _pending(),
            _T.c.event_id == event_id,
            _T.c.due_at > now,
            or_(*(_T.c.dedup_key.startswith(p) for p in HELD_CHANGE_PREFIXES)),
        )
        .values(failed_at=now, failed_reason=reason[:1000], failure=DROPPED, claimed_until=None)
    )
    return int(session.execute(stmt).rowcount or 0)


def revive(session: Session, key: str, reason: str) -> None:
    """Make a row dropped for ``reason`` (and never sent) due again."""
    session.execute(
        update(_T)
        .where(_T.c.dedup_key == key, _T.c.sent_at.is_(None), _T.c.failed_reason == reason)
        .values(
            failed_at=None, failed_reason=None, failure=None, next_attempt=None, claimed_until=None
        )
    )


def requeue(session: Session, row_id: int) -> bool:
    """Make an undelivered row due now, its attempts counted afresh; it keeps its nonce, so
    Discord still drops a copy if an earlier try did get through."""
    stmt = (
        update(_T)
        .where(_T.c.id == row_id, _T.c.sent_at.is_(None), _T.c.failure.in_(UNDELIVERED))
        .values(
            failed_at=None,
            failed_reason=None,
            failure=None,
            next_attempt=None,
            claimed_by=None,
            claimed_until=None,
            attempts=0,
        )
    )
    return bool(session.execute(stmt).rowcount)


def _in_guild(stmt: Any, guild_id: int | None) -> Any:
    return stmt if guild_id is None else stmt.where(OutboxMessage.guild_id == guild_id)


def undelivered(session: Session, guild_id: int | None, limit: int) -> list[OutboxMessage]:
    """Rows refused, given up on or lost with their channel, newest first."""
    stmt = select(OutboxMessage).where(OutboxMessage.failure.in_(UNDELIVERED))
    stmt = _in_guild(stmt, guild_id).order_by(OutboxMessage.failed_at.desc(), OutboxMessage.id)
    return list(session.scalars(stmt.limit(limit)))


def count_undelivered(session: Session, guild_id: int | None) -> int:
    stmt = select(func.count()).select_from(OutboxMessage)
    stmt = stmt.where(OutboxMessage.failure.in_(UNDELIVERED))
    return int(session.scalar(_in_guild(stmt, guild_id)) or 0)


def pending(session: Session, guild_id: int | None, now: datetime) -> tuple[int, int]:
    """Unsent rows: (due now or waiting for a retry, planned for later)."""
    stmt = select(OutboxMessage.due_at <= now, func.count()).where(_pending())
    stmt = _in_guild(stmt, guild_id).group_by(OutboxMessage.due_at <= now)
    counts = {bool(due): int(n) for due, n in session.execute(stmt)}
    return counts.get(True, 0), counts.get(False, 0)


def pending_rows(session: Session, guild_id: int | None, limit: int) -> list[OutboxMessage]:
    """Unsent rows, soonest first."""
    stmt = _in_guild(select(OutboxMessage).where(_pending()), guild_id)
    return list(session.scalars(stmt.order_by(OutboxMessage.due_at, OutboxMessage.id).limit(limit)))


def last_sent(session: Session, kind: str, guild_id: int | None) -> datetime | None:
    stmt = select(func.max(OutboxMessage.sent_at)).where(OutboxMessage.kind == kind)
    return session.scalar(_in_guild(stmt, guild_id))


def cleanup(session: Session, cutoff: datetime) -> int:
    """Delete rows sent or dropped before ``cutoff``; returns how many."""
    removed = session.execute(
        delete(OutboxMessage).where(
            or_(
                and_(OutboxMessage.sent_at.is_not(None), OutboxMessage.sent_at < cutoff),
                and_(OutboxMessage.failed_at.is_not(None), OutboxMessage.failed_at < cutoff),
            )
        )
    ).rowcount
    return int(removed or 0)


__all__ = [
    "CHANNEL_LOST",
    "DROPPED",
    "GAVE_UP",
    "HELD_CHANGE_PREFIXES",
    "REFUSED",
    "UNDELIVERED",
    "Claimed",
    "claim",
    "cleanup",
    "count_undelivered",
    "drop_expired",
    "drop_held_changes",
    "drop_keys",
    "drop_pending_for_channel",
    "enqueue",
    "held",
    "last_sent",
    "mark_failed",
    "mark_retry",
    "mark_sent",
    "pending",
    "pending_rows",
    "release",
    "requeue",
    "revive",
    "undelivered",
]
