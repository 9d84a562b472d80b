"""A date that moves and comes back within a day alerts nobody; a move that stands alerts once."""

from __future__ import annotations

from sqlalchemy import select

from bot.alerts import kinds
from storage.db import Database
from storage.models import OutboxMessage
from tests.support.world import CHANNEL, event, make_world


def _moved(day: str, words: str):
    moved = event(day)
    moved.evidence = words
    return moved


async def test_a_move_undone_within_a_day_sends_no_change_alert(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL, types=["summit"])
    world.news("a1", "2025-02-01", event("2025-03-03"))
    world.news("a2", "2025-02-02", _moved("2025-03-10", "The summit was postponed to March 10."))
    world.clock.advance(hours=6)
    world.news("a3", "2025-02-02", _moved("2025-03-03", "It was rescheduled for March 3."))
    world.clock.advance(days=3)
    await world.sender.run_until_idle()
    assert [t.split(":")[0] for t in world.publisher.titles()] == ["New"]
    with db.session() as session:
        dropped = list(
            session.scalars(
                select(OutboxMessage).where(
                    OutboxMessage.kind == kinds.ALERT, OutboxMessage.failed_at.is_not(None)
                )
            )
        )
    assert dropped and all("moved back within a day" in (r.failed_reason or "") for r in dropped)


async def test_a_move_that_stands_a_day_is_alerted_once(db: Database) -> None:
    world = make_world(db)
    world.subscribe(CHANNEL, types=["summit"])
    world.news("a1", "2025-02-01", event("2025-03-03"))
    world.news("a2", "2025-02-02", _moved("2025-03-10", "The summit was postponed to March 10."))
    await world.sender.run_until_idle()
    assert len(world.publisher.titles()) == 1
    world.clock.advance(days=1, minutes=1)
    await world.sender.run_until_idle()
    world.clock.advance(days=1)
    await world.sender.run_until_idle()
    titles = world.publisher.titles()
    assert (
        len(titles) == 2 and "10 Mar 2025" in world.publisher.sent[1].payload["card"]["description"]
    )
