"""Reminder plans: which reminder rows exist for which subscription, event and date."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import ReminderPlan
from storage.repos.dialect import insert_ignore


def add(
    session: Session,
    *,
    subscription_id: int,
    event_id: int,
    offset: str,
    event_date: str,
    fire_at: datetime,
    outbox_key: str,
    now: datetime,
) -> None:
    """Record a plan unless the same (subscription, event, offset, date) is recorded."""
    session.execute(
        insert_ignore(session, ReminderPlan.__table__).values(
            subscription_id=subscription_id,
            event_id=event_id,
            offset=offset,
            event_date=event_date,
            fire_at=fire_at,
            outbox_key=outbox_key,
            created_at=now,
        )
    )


def for_event(
    session: Session, event_id: int, *, except_date: str | None = None
) -> list[ReminderPlan]:
    """The event's plans (``except_date``: only those planned for another date)."""
    stmt = select(ReminderPlan).where(ReminderPlan.event_id == event_id)
    if except_date is not None:
        stmt = stmt.where(ReminderPlan.event_date != except_date)
    return list(session.scalars(stmt))


def delete_ids(session: Session, ids: list[int]) -> None:
    session.execute(delete(ReminderPlan).where(ReminderPlan.id.in_(ids)))


def keys_since(session: Session, since: datetime) -> set[str]:
    """``subscription:key`` of plans firing from ``since`` on."""
    rows = session.execute(
        select(ReminderPlan.subscription_id, ReminderPlan.outbox_key).where(
            ReminderPlan.fire_at >= since
        )
    )
    return {f"{sub}:{key}" for sub, key in rows}


def cleanup(session: Session, cutoff: datetime) -> None:
    session.execute(delete(ReminderPlan).where(ReminderPlan.fire_at < cutoff))


__all__ = ["add", "cleanup", "delete_ids", "for_event", "keys_since"]
