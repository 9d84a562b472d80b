"""outbox.nonce (random, stored with the row), outbox.failure (refused, gave up, dropped),
news_channel.last_message_id (catch-up after downtime) and news_retry (news messages whose
reading failed, retried with back-off)

Revision ID: 0005_delivery
Revises: 0004
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_delivery"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# 24 random hex digits per row, drawn by the database itself (rows already queued get a nonce
# no earlier row id can collide with, whatever was restored from a backup).
_RANDOM_NONCE = {
    "sqlite": "lower(hex(randomblob(12)))",
    "postgresql": "substr(md5(random()::text || clock_timestamp()::text || id::text), 1, 24)",
}


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("nonce", sa.String(length=25), nullable=True))
        batch_op.add_column(sa.Column("failure", sa.String(length=12), nullable=True))
    dialect = op.get_bind().dialect.name
    op.execute(f"UPDATE outbox SET nonce = {_RANDOM_NONCE[dialect]}")
    op.execute("UPDATE outbox SET failure = 'dropped' WHERE failed_at IS NOT NULL")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.alter_column("nonce", existing_type=sa.String(length=25), nullable=False)
    with op.batch_alter_table("news_channel") as batch_op:
        batch_op.add_column(sa.Column("last_message_id", sa.BigInteger(), nullable=True))
    op.create_table(
        "news_retry",
        sa.Column("message_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_id", sa.BigInteger(), nullable=False),
        sa.Column("guild_id", sa.BigInteger(), nullable=False),
        sa.Column("channel_name", sa.String(length=100), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=True),
        sa.Column("posted", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=1000), nullable=True),
        sa.Column("gave_up_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_news_retry")),
    )
    op.create_index("ix_news_retry_next_attempt", "news_retry", ["next_attempt"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_news_retry_next_attempt", table_name="news_retry")
    op.drop_table("news_retry")
    with op.batch_alter_table("news_channel") as batch_op:
        batch_op.drop_column("last_message_id")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("failure")
        batch_op.drop_column("nonce")
