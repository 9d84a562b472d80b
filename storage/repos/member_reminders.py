"""Members' own reminders: the SQL of the ``member_reminder`` table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from storage.models import MemberReminder, OutboxMessage

PENDING, SENT, CANCELLED, FAILED = "pending", "sent", "cancelled", "failed"
DMS_CLOSED = "the member's direct messages are closed"
_T = MemberReminder.__table__


def find(session: Session, user_id: int, event_id: int, offset: str) -> MemberReminder | None:
    stmt = select(MemberReminder).where(
        MemberReminder.user_id == user_id,
        MemberReminder.event_id == event_id,
        MemberReminder.offset == offset,
    )
    return session.scalars(stmt).first()


def count_pending(session: Session, user_id: int) -> int:
    stmt = select(func.count()).where(
        MemberReminder.user_id == user_id, MemberReminder.state == PENDING
    )
    return int(session.scalar(stmt) or 0)


def for_user(session: Session, user_id: int, limit: int = 100) -> list[MemberReminder]:
    """The member's pending reminders, soonest first."""
    stmt = (
        select(MemberReminder)
        .where(MemberReminder.user_id == user_id, MemberReminder.state == PENDING)
        .order_by(MemberReminder.due_at, MemberReminder.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def pending_for_event(session: Session, event_id: int) -> list[MemberReminder]:
    stmt = (
        select(MemberReminder)
        .where(MemberReminder.event_id == event_id, MemberReminder.state == PENDING)
        .order_by(MemberReminder.user_id, MemberReminder.id)
    )
    return list(session.scalars(stmt))


def mark_sent(session: Session, outbox_key: str, now: datetime) -> None:
    """The DM of this key went out: its reminder is done."""
    session.execute(
        update(_T)
        .where(_T.c.outbox_key == outbox_key, _T.c.state == PENDING)
        .values(state=SENT, updated_at=now)
    )


def fail_user(session: Session, user_id: int, now: datetime, reason: str) -> list[str]:
    """Mark every pending reminder of the member failed; returns their outbox keys."""
    keys = [
        k
        for k in session.scalars(
            select(MemberReminder.outbox_key).where(
                MemberReminder.user_id == user_id, MemberReminder.state == PENDING
            )
        )
        if k
    ]
    session.execute(
        update(_T)
        .where(_T.c.user_id == user_id, _T.c.state == PENDING)
        .values(state=FAILED, failed_reason=reason[:300], updated_at=now)
    )
    return keys


def settle(session: Session, user_id: int, now: datetime) -> int:
    """Pending reminders whose DM the outbox gave up on (it expired when the event began while
    the bot was down) are failed with the outbox's reason, so they stop counting as pending."""
    stmt = (
        select(MemberReminder.id, OutboxMessage.failed_reason)
        .join(OutboxMessage, OutboxMessage.dedup_key == MemberReminder.outbox_key)
        .where(
            MemberReminder.user_id == user_id,
            MemberReminder.state == PENDING,
            OutboxMessage.failed_at.is_not(None),
        )
    )
    found = list(session.execute(stmt).all())
    # A DM row already cleaned out of the outbox (long after its moment) left nothing to join.
    gone = select(MemberReminder.id).where(
        MemberReminder.user_id == user_id,
        MemberReminder.state == PENDING,
        MemberReminder.outbox_key.is_not(None),
        MemberReminder.due_at < now - timedelta(days=1),
        ~exists().where(OutboxMessage.dedup_key == MemberReminder.outbox_key),
    )
    found += [(reminder_id, None) for reminder_id in session.scalars(gone)]
    settled = 0
    for reminder_id, reason in found:
        session.execute(
            update(_T)
            .where(_T.c.id == reminder_id)
            .values(state=FAILED, failed_reason=(reason or "not sent")[:300], updated_at=now)
        )
        settled += 1
    return settled


def cleanup(session: Session, cutoff: datetime) -> int:
    """Delete reminders done (sent, cancelled, failed) before ``cutoff``; returns how many."""
    stmt = delete(MemberReminder).where(
        MemberReminder.state != PENDING, MemberReminder.updated_at < cutoff
    )
    return int(session.execute(stmt).rowcount or 0)


def untold_closed(session: Session, user_id: int) -> list[int]:
    """Ids of the member's reminders that failed on closed DMs and were not yet told."""
    stmt = select(MemberReminder.id).where(
        MemberReminder.user_id == user_id,
        MemberReminder.state == FAILED,
        MemberReminder.failed_reason == DMS_CLOSED,
        MemberReminder.told_at.is_(None),
    )
    return list(session.scalars(stmt))


def mark_told(session: Session, ids: Iterable[int], now: datetime) -> None:
    ids = list(ids)
    if ids:
        session.execute(update(_T).where(_T.c.id.in_(ids)).values(told_at=now))


__all__ = [
    "CANCELLED",
    "DMS_CLOSED",
    "FAILED",
    "PENDING",
    "SENT",
    "cleanup",
    "count_pending",
    "fail_user",
    "find",
    "for_user",
    "mark_sent",
    "mark_told",
    "pending_for_event",
    "settle",
    "untold_closed",
]
