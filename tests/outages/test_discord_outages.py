"""Discord misbehaving: rate limits, server errors, slow answers, dropped gateway connections.

The real discord.py client runs our cogs against the loopback server, which injects each
fault (:class:`tests.support.discord_server.Fault`). After every fault the bot must answer
commands again, and each test records how long that took (printed after the run).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import date

import pytest

from tests.support.bot import Running, event
from tests.support.discord_server import DiscordLoopback, Fault, Reply

pytestmark = pytest.mark.e2e

CALLBACK = "POST /interactions/"


async def invoke_until_answered(
    server: DiscordLoopback, command: str, options: dict | None = None, within_s: float = 15.0
) -> tuple[Reply, float]:
    """Keep trying ``command`` (as members do) until it is answered; the reply and the time."""
    began = time.perf_counter()
    while True:
        try:
            reply = await server.invoke(command, options, wait_s=2.0)
            return reply, time.perf_counter() - began
        except (RuntimeError, TimeoutError):  # not connected yet, or the dispatch was lost
            if time.perf_counter() - began > within_s:
                raise
            await asyncio.sleep(0.05)


async def until(predicate: Callable[[], bool], within_s: float = 10.0) -> None:
    """Wait (polling, not on a schedule) until ``predicate()`` holds."""
    for _ in range(int(within_s / 0.01)):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise TimeoutError("the condition never held")


@pytest.fixture
def with_event(running: Running) -> Running:
    running.add_news("news", [event("summit", "2025-03-03", ["JP", "US"])], date(2025, 2, 6))
    return running


@pytest.mark.parametrize("is_global", [False, True], ids=["bucket", "global"])
async def test_a_rate_limited_answer_is_retried_after_retry_after(
    with_event: Running, is_global: bool, recovery
) -> None:
    server = with_event.server
    fault = server.inject(Fault(429, CALLBACK, count=2, retry_after=0.4, is_global=is_global))
    reply, took = await invoke_until_answered(server, "timeline")
    assert "summit" in reply.text()
    assert len(fault.hits) == 2 and took >= 0.8  # waited out both Retry-Afters, no sooner
    recovery(f"429 {'global' if is_global else 'bucket'} x2, retry_after 0.4 s", took)
    # Nothing was answered twice: one callback reached Discord for this interaction.
    assert len(server.interaction_callbacks) == 1


async def test_a_global_rate_limit_holds_every_route_then_all_go_through(
    with_event: Running, recovery
) -> None:
    server = with_event.server
    server.inject(Fault(429, "", count=1, retry_after=0.5, is_global=True))
    began = time.perf_counter()
    replies = await asyncio.gather(
        *(server.invoke(c) for c in ("timeline", "subscriptions", "digest show"))
    )
    took = time.perf_counter() - began
    assert all(r.content or r.embeds for r in replies)
    assert len(server.interaction_callbacks) == 3
    recovery("429 global on every route, 3 commands at once", took)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_a_retryable_server_error_is_retried(
    with_event: Running, status: int, recovery
) -> None:
    server = with_event.server
    fault = server.inject(Fault(status, CALLBACK, count=1))
    reply, took = await invoke_until_answered(server, "timeline")
    assert "summit" in reply.text() and len(fault.hits) == 1
    assert len(server.interaction_callbacks) == 1
    recovery(f"{status} once on the interaction answer", took, "discord.py waits 1 s")


async def test_server_errors_on_every_answer_get_a_polite_failure_then_service_resumes(
    with_event: Running, recovery
) -> None:
    """Discord down for every interaction answer: the member's command fails (discord.py gives
    up after its retries), the error is logged, and the first command after the outage works."""
    server = with_event.server
    outage = server.inject(Fault(503, CALLBACK, count=None))
    with pytest.raises(TimeoutError):
        await server.invoke("timeline", wait_s=3.0)
    assert len(outage.hits) >= 2  # retried, not given up at once
    server.clear_faults()
    began = time.perf_counter()
    reply, _ = await invoke_until_answered(server, "timeline")
    assert "summit" in reply.text()
    recovery("503 on every answer for 3 s, then fixed", time.perf_counter() - began)


async def test_a_slow_answer_does_not_hold_up_other_commands(with_event: Running, recovery) -> None:
    server = with_event.server
    slow = server.inject(Fault(0, CALLBACK, count=1, delay_s=2.0))
    first = asyncio.create_task(server.invoke("timeline", wait_s=10))
    await until(lambda: bool(slow.hits))
    _, took = await invoke_until_answered(server, "subscriptions")
    assert not first.done()  # still waiting for its slow answer ...
    assert took < 1.5  # ... while this one was served
    assert "summit" in (await first).text()
    recovery("one answer delayed 2 s; another command meanwhile", took)


async def test_a_dropped_gateway_connection_resumes(with_event: Running, recovery) -> None:
    server = with_event.server
    identifies = len(server.identify_payloads)
    await server.drop_connections(code=4000)
    reply, took = await invoke_until_answered(server, "timeline")
    assert "summit" in reply.text()
    assert server.resume_count == 1 and len(server.identify_payloads) == identifies
    recovery("gateway dropped (4000) -> RESUME", took)


@pytest.mark.parametrize("how", ["resume refused", "invalid session"])
async def test_a_lost_session_identifies_again_without_doubling_work(
    with_event: Running, how: str, recovery
) -> None:
    server = with_event.server
    bot = with_event.bot
    identifies, syncs = len(server.identify_payloads), server.sync_count
    jobs = sorted(job.id for job in with_event.app.scheduler.get_jobs())
    if how == "resume refused":
        server.refuse_resume = True
        await server.drop_connections(code=4000)
    else:
        await server.invalidate_sessions()
    reply, took = await invoke_until_answered(server, "timeline")
    assert "summit" in reply.text()
    assert len(server.identify_payloads) == identifies + 1
    # A second READY must not start background work or sync commands again.
    assert server.sync_count == syncs
    assert sorted(job.id for job in with_event.app.scheduler.get_jobs()) == jobs
    assert len(bot.cogs) == len(set(bot.cogs))
    recovery(f"gateway {how} -> IDENTIFY", took)


async def test_repeated_drops_in_a_row_still_recover(with_event: Running, recovery) -> None:
    server = with_event.server
    began = time.perf_counter()
    for _ in range(5):
        await server.drop_connections(code=4000)
        await until(lambda: server.connected)
    reply, _ = await invoke_until_answered(server, "timeline")
    assert "summit" in reply.text()
    recovery("gateway dropped 5 times in a row", time.perf_counter() - began, "all five")
