"""event_history.reason (why a date moved, a split) and event_article.participants

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("event_history") as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=500), nullable=True))
    with op.batch_alter_table("event_article") as batch_op:
        batch_op.add_column(sa.Column("participants", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_article") as batch_op:
        batch_op.drop_column("participants")
    with op.batch_alter_table("event_history") as batch_op:
        batch_op.drop_column("reason")
