"""channel_settings.digest_picture: the daily digest carries a picture of the next 14 days

Revision ID: 0008_digest_picture
Revises: 0007_server_defaults
Create Date: 2026-11-28 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_digest_picture"
down_revision: str | None = "0007_server_defaults"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("channel_settings") as batch_op:
        batch_op.add_column(
            sa.Column("digest_picture", sa.Boolean(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("channel_settings") as batch_op:
        batch_op.drop_column("digest_picture")
