"""Rows that belong to one server (feeds, subscriptions, news channels), removed by number.

A number from another server is treated as unknown, so a server can never change another's.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

# A hand-made interaction payload can carry any integer; a column holds 63 bits.
MAX_ID = 2**62


class GuildRow(Protocol):
    guild_id: int


Row = TypeVar("Row", bound=GuildRow)


def remove_in_guild(session: Session, model: type[Row], guild_id: int, key: Any) -> Row | None:
    """Delete the server's row with primary key ``key``; None when the server has no such row."""
    if isinstance(key, int) and not 0 < key <= MAX_ID:
        return None
    row = session.get(model, key)
    if row is None or row.guild_id != guild_id:
        return None
    session.delete(row)
    return row


__all__ = ["MAX_ID", "remove_in_guild"]
