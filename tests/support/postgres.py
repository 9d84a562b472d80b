"""Where the PostgreSQL server under test is (``DIPLOBOT_TEST_POSTGRES_URL``, else loopback)."""

from __future__ import annotations

import os

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_url() -> str:
    return os.environ.get("DIPLOBOT_TEST_POSTGRES_URL", DEFAULT_PG_URL)


__all__ = ["DEFAULT_PG_URL", "postgres_url"]
