"""Digest runs: one row per channel and local day, so a digest is planned once that day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import DigestRun
from storage.repos.dialect import insert_ignore


def runs_since(
    session: Session, channel_ids: Iterable[int], first_day: date
) -> list[tuple[int, date, datetime]]:
    """``(channel, local date, created)`` of the channels' runs from ``first_day`` on."""
    stmt = select(DigestRun.channel_id, DigestRun.local_date, DigestRun.created_at).where(
        DigestRun.channel_id.in_(list(channel_ids)), DigestRun.local_date >= first_day
    )
    return [(c, d, t) for c, d, t in session.execute(stmt)]


def claim_day(
    session: Session,
    channel_id: int,
    local_date: date,
    *,
    outbox_key: str,
    since: datetime,
    now: datetime,
) -> bool:
    """Record today's run; False when another pass (or process) recorded it first."""
    inserted = session.execute(
        insert_ignore(session, DigestRun.__table__).values(
            channel_id=channel_id,
            local_date=local_date,
            outbox_key=outbox_key,
            since=since,
            created_at=now,
        )
    ).rowcount
    return bool(inserted)


def cleanup(session: Session, cutoff: datetime) -> None:
    session.execute(delete(DigestRun).where(DigestRun.created_at < cutoff))


def since_of(session: Session, channel_id: int, local_date: date) -> datetime | None:
    """The ``since`` of the channel's run on ``local_date`` (None when there is none)."""
    run = session.get(DigestRun, (channel_id, local_date))
    return run.since if run is not None else None


__all__ = ["claim_day", "cleanup", "runs_since", "since_of"]
