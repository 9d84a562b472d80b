"""The end-to-end fixtures (the loopback Discord server and the real bot), for hostile tests."""

from __future__ import annotations

from tests.e2e.conftest import fetcher, loopback, running

__all__ = ["fetcher", "loopback", "running"]
