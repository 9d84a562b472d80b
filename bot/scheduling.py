"""Background jobs on APScheduler 3.11's ``AsyncIOScheduler``: fixed ids, chosen misfire rules.

The database is the truth: every job is a pass that reads what is due from it (feeds by
``next_poll``, outbox rows by ``due_at``, digests by each channel's local clock, reminders by
subscription and event), so jobs hold no state of their own and are simply added again at
start-up with the same ids (``replace_existing=True``). Nothing is lost while the process is
down: the first pass after a start catches up.

``misfire_grace_time`` is set on purpose for each job (APScheduler's default of 1 s silently
skips a run that starts late, for instance when the event loop was busy); ``coalesce`` folds
a backlog of missed runs into one, and ``max_instances=1`` keeps a slow pass from overlapping
the next. Every job is wrapped so that an exception is logged with the job's name and the
job keeps its schedule.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger

from bot.clock import utc_now

log = logging.getLogger("diplobot.jobs")

JobFunc = Callable[[], Awaitable[Any]]


@dataclass(frozen=True, slots=True)
class JobSpec:
    """One background job: what runs, when, and how lateness and overlap are handled."""

    id: str
    func: JobFunc
    trigger: BaseTrigger
    misfire_grace_time: int | None
    coalesce: bool = True
    max_instances: int = 1
    run_at_start: bool = False
    description: str = ""


def guarded(job_id: str, func: JobFunc, running: set[asyncio.Task[Any]] | None = None) -> JobFunc:
    """The job, made unable to die: a failure is logged with context and the schedule goes on.
    A run is kept in ``running`` while it lasts, so a shutdown can wait for it to finish."""

    async def run() -> None:
        started = time.perf_counter()
        task = asyncio.current_task()
        if running is not None and task is not None:
            running.add(task)
            task.add_done_callback(running.discard)
        try:
            result = await func()
        except asyncio.CancelledError:
            log.info("job %s stopped by shutdown", job_id)
            return
        except Exception:
            log.exception(
                "job %s failed after %.2f s; it stays scheduled and runs again at its next time",
                job_id,
                time.perf_counter() - started,
            )
            return
        elapsed = time.perf_counter() - started
        if elapsed > 5:
            log.warning("job %s took %.1f s (result: %r)", job_id, elapsed, result)
        else:
            log.debug("job %s done in %.3f s (result: %r)", job_id, elapsed, result)

    run.__name__ = run.__qualname__ = f"job_{job_id.replace('.', '_')}"
    return run


def install(
    scheduler: BaseScheduler,
    specs: list[JobSpec],
    *,
    now: datetime | None = None,
    running: set[asyncio.Task[Any]] | None = None,
) -> list[str]:
    """Add (or replace) every job; a job marked ``run_at_start`` runs as soon as it can; runs
    in progress are kept in ``running``."""
    start = now or utc_now()
    ids: list[str] = []
    for spec in specs:
        options: dict[str, Any] = {}
        if spec.run_at_start:
            options["next_run_time"] = start
        scheduler.add_job(
            guarded(spec.id, spec.func, running),
            trigger=spec.trigger,
            id=spec.id,
            name=spec.description or spec.id,
            replace_existing=True,
            misfire_grace_time=spec.misfire_grace_time,
            coalesce=spec.coalesce,
            max_instances=spec.max_instances,
            **options,
        )
        ids.append(spec.id)
    log.info("scheduled jobs: %s", ", ".join(ids))
    return ids


def uninstall(scheduler: BaseScheduler, ids: list[str]) -> None:
    for job_id in ids:
        if scheduler.get_job(job_id) is not None:
            scheduler.remove_job(job_id)


__all__ = ["JobSpec", "guarded", "install", "uninstall"]
