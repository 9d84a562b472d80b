"""member_reminder: a member's own "remind me" for one event, delivered by direct message

Revision ID: 0009_member_reminders
Revises: 0008_digest_picture
Create Date: 2026-11-28 07:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_member_reminders"
down_revision: str | None = "0008_digest_picture"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "member_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=True),
        sa.Column("channel_id", sa.BigInteger(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("offset", sa.String(length=8), nullable=False),
        sa.Column("event_date", sa.String(length=40), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("outbox_key", sa.String(length=300), nullable=True),
        sa.Column("failed_reason", sa.String(length=300), nullable=True),
        sa.Column("told_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_member_reminder_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_reminder")),
        sa.UniqueConstraint("user_id", "event_id", "offset", name="uq_member_reminder"),
    )
    op.create_index(
        "ix_member_reminder_user_state", "member_reminder", ["user_id", "state"], unique=False
    )
    op.create_index(
        "ix_member_reminder_event_state", "member_reminder", ["event_id", "state"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_member_reminder_event_state", table_name="member_reminder")
    op.drop_index("ix_member_reminder_user_state", table_name="member_reminder")
    op.drop_table("member_reminder")
