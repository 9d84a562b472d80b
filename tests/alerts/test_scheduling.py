"""Jobs: stable ids, replaced not duplicated, misfire rules set on purpose, failures survived."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.scheduling import JobSpec, guarded, install, uninstall
from storage.db import Database
from tests.support.world import make_world


@pytest.fixture
async def scheduler():
    sched = AsyncIOScheduler(timezone=UTC)
    yield sched
    if sched.running:
        sched.shutdown(wait=False)


async def test_jobs_have_stable_ids_and_a_restart_replaces_them(
    sqlite_db: Database, scheduler: AsyncIOScheduler
) -> None:
    app = make_world(sqlite_db).app
    try:
        ids = install(scheduler, app.jobs())
        again = install(scheduler, app.jobs())  # a second start-up in the same process
        assert ids == again
        scheduler.start(paused=True)  # pending jobs are added for real (and deduplicated) here
        install(scheduler, app.jobs())  # and once more while running
        assert sorted(j.id for j in scheduler.get_jobs()) == sorted(ids)
        assert set(ids) >= {"outbox.send", "feeds.poll", "digests.plan", "reminders.plan"}
        for job in scheduler.get_jobs():
            # APScheduler's default of 1 s would silently drop a run that starts late.
            assert job.misfire_grace_time is None or job.misfire_grace_time >= 30, job.id
            assert job.max_instances == 1 and job.coalesce, job.id
        uninstall(scheduler, ids)
        assert scheduler.get_jobs() == []
    finally:
        await app.close()


async def test_a_failing_job_is_logged_with_its_name_and_keeps_its_schedule(
    scheduler: AsyncIOScheduler, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[int] = []

    async def flaky() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        return len(calls)

    install(
        scheduler,
        [JobSpec("test.flaky", flaky, IntervalTrigger(minutes=5), misfire_grace_time=60)],
    )
    job = scheduler.get_job("test.flaky")
    assert job is not None
    caplog.set_level(logging.ERROR, logger="diplobot.jobs")
    await job.func()  # what the executor runs: it must not raise
    await job.func()
    assert len(calls) == 2
    assert "job test.flaky failed" in caplog.text and "database is locked" in caplog.text
    assert scheduler.get_job("test.flaky") is not None


async def test_guarded_returns_normally_when_the_job_succeeds() -> None:
    async def fine() -> str:
        return "ok"

    assert await guarded("x", fine)() is None
    assert datetime.now(UTC).tzinfo is UTC
