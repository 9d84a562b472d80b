"""guild_settings.timezone and .digest_time may be empty: an empty value means the
installation's defaults (DIPLOBOT_DEFAULT_TIMEZONE, DIPLOBOT_DEFAULT_DIGEST_TIME)

Rows were created with "UTC" and "08:00" whenever a server switched on mirroring or picked
its admins' channel, which froze those values over the installation's own defaults. No
command sets a server-wide zone or time, so the stored values were always those column
defaults; they are emptied here.

Revision ID: 0007_server_defaults
Revises: 0006_calendars
Create Date: 2026-11-28 06:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_server_defaults"
down_revision: str | None = "0006_calendars"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("guild_settings") as batch_op:
        batch_op.alter_column("timezone", existing_type=sa.String(length=64), nullable=True)
        batch_op.alter_column("digest_time", existing_type=sa.String(length=5), nullable=True)
    op.execute("UPDATE guild_settings SET timezone = NULL WHERE timezone = 'UTC'")
    op.execute("UPDATE guild_settings SET digest_time = NULL WHERE digest_time = '08:00'")


def downgrade() -> None:
    op.execute("UPDATE guild_settings SET timezone = 'UTC' WHERE timezone IS NULL")
    op.execute("UPDATE guild_settings SET digest_time = '08:00' WHERE digest_time IS NULL")
    with op.batch_alter_table("guild_settings") as batch_op:
        batch_op.alter_column("timezone", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("digest_time", existing_type=sa.String(length=5), nullable=False)
