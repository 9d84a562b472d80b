"""event.revision counts recorded changes (the iCalendar SEQUENCE)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("event") as batch_op:
        batch_op.add_column(
            sa.Column("revision", sa.Integer(), nullable=False, server_default="0")
        )
    op.execute(
        "UPDATE event SET revision = (SELECT count(*) FROM event_history "
        "WHERE event_history.event_id = event.id AND event_history.field <> 'created') "
        "WHERE event.id IN (SELECT event_id FROM event_history WHERE field <> 'created')"
    )


def downgrade() -> None:
    with op.batch_alter_table("event") as batch_op:
        batch_op.drop_column("revision")
