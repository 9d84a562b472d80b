"""The one way a cog runs blocking work (database, extraction) without stalling the gateway."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run ``fn`` in a worker thread and wait for it; exceptions pass through unchanged."""
    return await asyncio.to_thread(fn, *args, **kwargs)


__all__ = ["off_loop"]
