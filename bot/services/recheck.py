"""``diplobot db recheck``: split events that older merge rules joined, alerting nobody.

Each event with several sources is rebuilt from its own sources, replayed in the order they
were linked through today's identity rules (``bot.timeline_identity``). When they make
several events, the group holding the event's present date keeps the event (its id, its
history, the reminders planned for it); every other group becomes a new event, its sources
moved (not copied) with what each said, and a history that says where it came from. When
one group remains but today's rules date it differently (a move no article stated), the
event is re-dated. Every change is written to the history with the reason ``recheck: ...``.

Nothing goes through the timeline's change hook, so no alert, reminder or digest line is
queued: the outbox gets no rows (stale reminders of a re-dated event are dropped, as a move
would drop them).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.alerts.reminders import cancel_stale
from bot.extract.event_date import EventDate as DateSpan
from bot.extract.event_date import parse_event_date
from bot.timeline import refresh_sources
from bot.timeline_identity import (
    Candidate,
    Mention,
    identify,
    move_direction,
    outcome,
)
from bot.titles import event_title
from storage.db import Database
from storage.models import ArticleRow, EventArticle, EventHistory, EventRow
from storage.repos import events as event_repo

log = logging.getLogger(__name__)

REASON = "recheck"
MAX_LISTED = 20


@dataclass(slots=True)
class _Source:
    """One stored mention of the event, as the replay reads it."""

    article_id: int
    mention: Mention
    linked_at: datetime


@dataclass(slots=True)
class _Group:
    """Sources that today's rules hold to be one event, and the state they give it."""

    span: DateSpan
    status: str
    participants: frozenset[str]
    as_of: date | None
    sources: list[_Source] = field(default_factory=list)
    left: list[DateSpan] = field(default_factory=list)
    # What the replay changed, for the history of an event split off: (field, old, new,
    # article, why).
    changes: list[tuple[str, str | None, str | None, int, str]] = field(default_factory=list)

    def candidate(self, index: int) -> Candidate:
        moved_here = any(
            s.mention.span.text == self.span.text
            and move_direction(s.mention.evidence, s.mention.status) is not None
            for s in self.sources
        )
        return Candidate(
            id=index,
            span=self.span,
            participants=self.participants,
            status=self.status,
            as_of=self.as_of,
            left=tuple(self.left),
            moved_here=moved_here,
        )


@dataclass(slots=True)
class RecheckReport:
    """What a recheck found and did."""

    checked: int = 0
    split: int = 0
    created: int = 0
    redated: int = 0
    splits: list[tuple[int, list[int]]] = field(default_factory=list)

    def lines(self, *, dry_run: bool) -> list[str]:
        verb = "would split" if dry_run else "split"
        return [
            f"checked {self.checked:,} events with several sources",
            f"{verb} {self.split:,} of them into {self.created:,} new events; "
            f"re-dated {self.redated:,}",
            "nothing was alerted (no outbox rows)" if not dry_run else "nothing was changed",
        ]


def replay(sources: list[_Source]) -> list[_Group]:
    """Today's rules over one event's sources, in linking order: the events they make."""
    groups: list[_Group] = []
    for source in sources:
        mention = source.mention
        candidates = [g.candidate(i) for i, g in enumerate(groups)]
        decision = identify(mention, candidates)
        if decision.match is None:
            groups.append(
                _Group(mention.span, mention.status, mention.participants, mention.dct, [source])
            )
            continue
        group = groups[decision.match.candidate.id]
        change = outcome(mention, decision.match, decision.note)
        if change.span is not None:
            group.changes.append(
                ("date", group.span.text, change.span.text, source.article_id, change.reason)
            )
            group.left.append(group.span)
            group.span = change.span
        if change.status is not None:
            group.changes.append(("status", group.status, change.status, source.article_id, ""))
            group.status = change.status
        group.participants |= mention.participants
        if mention.dct is not None and (group.as_of is None or mention.dct > group.as_of):
            group.as_of = mention.dct
        group.sources.append(source)
    return groups


def _sources(session: Session, event: EventRow) -> list[_Source]:
    rows = session.execute(
        select(EventArticle, ArticleRow.published)
        .join(ArticleRow, ArticleRow.id == EventArticle.article_id)
        .where(EventArticle.event_id == event.id)
        .order_by(EventArticle.linked_at, EventArticle.article_id)
    )
    found: list[_Source] = []
    for link, published in rows:
        try:
            span = parse_event_date(link.date, link.end_date)
        except ValueError:
            continue  # an unreadable date stays with the event
        codes = link.participants.split() if link.participants is not None else None
        mention = Mention(
            type=event.type,
            span=span,
            participants=frozenset(event.participant_codes if codes is None else codes),
            status=link.status,
            evidence=link.evidence,
            dct=published,
        )
        found.append(_Source(link.article_id, mention, link.linked_at))
    return found


def _multi_day(span: DateSpan) -> bool:
    return span.precision in ("day", "time") and span.end != span.start


def _keeper(event: EventRow, groups: list[_Group]) -> int:
    """The group that keeps the event: the one at its present date, else the largest."""
    for i, group in enumerate(groups):
        if group.span.text == event.date:
            return i
    return max(range(len(groups)), key=lambda i: (len(groups[i].sources), -i))


class Rechecker:
    """Rechecks events one short transaction each; ``dry_run`` only reports."""

    def __init__(self, db: Database, *, clock: Callable[[], datetime], dry_run: bool = False):
        self._db = db
        self._clock = clock
        self._dry_run = dry_run

    def run(self, batch: int = 500) -> RecheckReport:
        report = RecheckReport()
        for ids in self._batches(batch):
            for event_id in ids:
                if self._dry_run:  # the same work, rolled back
                    with self._db.sessions() as session:
                        self._recheck(session, event_id, report)
                        session.rollback()
                    continue
                with self._db.sessions.begin() as session:
                    self._recheck(session, event_id, report)
        return report

    def _batches(self, size: int) -> Iterator[list[int]]:
        """Ids of the events stored when the run began (those it splits off are already
        checked), a batch at a time."""
        last = 0
        with self._db.session() as session:
            top = session.scalar(select(func.max(EventRow.id))) or 0
        while True:
            with self._db.session() as session:
                ids = list(
                    session.scalars(
                        select(EventRow.id)
                        .where(EventRow.source_count > 1, EventRow.id > last, EventRow.id <= top)
                        .order_by(EventRow.id)
                        .limit(size)
                    )
                )
            if not ids:
                return
            yield ids
            last = ids[-1]

    def _recheck(self, session: Session, event_id: int, report: RecheckReport) -> None:
        event = session.get(EventRow, event_id)
        if event is None:
            return
        report.checked += 1
        groups = replay(_sources(session, event))
        if not groups:
            return
        keep = _keeper(event, groups)
        now = self._clock()
        if self._set_state(session, event, groups[keep], now):
            report.redated += 1
        if len(groups) == 1:
            return
        report.split += 1
        new_ids: list[int] = []
        for i, group in enumerate(groups):
            if i != keep:
                new_ids.append(self._split_off(session, event, group, now))
        report.created += len(new_ids)
        report.splits.append((event_id, new_ids))
        session.add(
            EventHistory(
                event_id=event_id,
                at=now,
                field="split",
                old=None,
                new=" ".join(f"event {i}" for i in new_ids)[:500],
                reason=f"{REASON}: sources that today's rules hold to be other events moved",
            )
        )
        refresh_sources(session, event)

    def _set_state(self, session: Session, event: EventRow, group: _Group, now: datetime) -> bool:
        """Give the kept event its group's date and status; True when the date changed."""
        assert event.id is not None
        changed = False
        if group.span.text != event.date:
            self._history(
                session, event.id, "date", (event.date, group.span.text), now, "no article moved it"
            )
            event.date, event.precision = group.span.text, group.span.precision
            event.start_day, event.end_day = group.span.start, group.span.end
            event.start_at = group.span.start_at
            event.end_date = group.span.end.isoformat() if _multi_day(group.span) else None
            event_repo.move_participants(session, event.id, event.start_day, event.end_day)
            changed = True
        status_changed = group.status != event.status
        if status_changed:
            self._history(
                session, event.id, "status", (event.status, group.status), now, "as its sources say"
            )
            event.status = group.status
        if changed or status_changed:
            event.revision += 1
            event.last_changed = now
            cancel_stale(session, event, now)
        return changed

    @staticmethod
    def _history(
        session: Session,
        event_id: int,
        name: str,
        change: tuple[str | None, str | None],
        now: datetime,
        why: str,
    ) -> None:
        session.add(
            EventHistory(
                event_id=event_id,
                at=now,
                field=name,
                old=change[0],
                new=change[1],
                reason=f"{REASON}: {why}",
            )
        )

    def _split_off(self, session: Session, event: EventRow, group: _Group, now: datetime) -> int:
        codes = sorted(group.participants)
        first = group.sources[0]
        new = EventRow(
            type=event.type,
            date=group.span.text,
            precision=group.span.precision,
            start_day=group.span.start,
            end_day=group.span.end,
            start_at=group.span.start_at,
            end_date=group.span.end.isoformat() if _multi_day(group.span) else None,
            participants=" ".join(codes),
            people=list(event.people),
            location=None,
            status=group.status,
            title=event_title(event.type, codes, None),
            as_of=group.as_of,
            first_seen=min(s.linked_at for s in group.sources),
            last_changed=now,
        )
        session.add(new)
        session.flush()
        assert new.id is not None and event.id is not None
        event_repo.add_participants(session, new.id, codes, new.start_day, new.end_day)
        session.execute(
            update(EventArticle)
            .where(
                EventArticle.event_id == event.id,
                EventArticle.article_id.in_([s.article_id for s in group.sources]),
            )
            .values(event_id=new.id)
        )
        session.add(
            EventHistory(
                event_id=new.id,
                at=now,
                field="created",
                old=None,
                new=f"{first.mention.span.text} {first.mention.status}",
                article_id=first.article_id,
                reason=f"{REASON}: split from event {event.id}",
            )
        )
        for name, old, value, article_id, why in group.changes:
            session.add(
                EventHistory(
                    event_id=new.id,
                    at=now,
                    field=name,
                    old=old,
                    new=value,
                    article_id=article_id,
                    reason=f"{REASON}: replayed{': ' + why if why else ''}"[:500],
                )
            )
        refresh_sources(session, new)
        return new.id


__all__ = ["MAX_LISTED", "RecheckReport", "Rechecker", "replay"]
