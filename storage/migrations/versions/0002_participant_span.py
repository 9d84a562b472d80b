"""event_participant carries the event's end day; indexes follow the timeline order

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 10:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_EVENT_INDEXES = {
    "ix_event_start_day": ["start_day"],
    "ix_event_type_start": ["type", "start_day"],
    "ix_event_status_start": ["status", "start_day"],
}


def upgrade() -> None:
    with op.batch_alter_table("event_participant") as batch_op:
        batch_op.add_column(sa.Column("end_day", sa.Date(), nullable=True))
    op.execute(
        "UPDATE event_participant SET end_day = "
        "(SELECT event.end_day FROM event WHERE event.id = event_participant.event_id)"
    )
    with op.batch_alter_table("event_participant") as batch_op:
        batch_op.alter_column("end_day", existing_type=sa.Date(), nullable=False)
        batch_op.drop_index("ix_event_participant_code_start")
        batch_op.create_index(
            "ix_event_participant_code_span", ["code", "start_day", "end_day", "event_id"]
        )
    with op.batch_alter_table("event") as batch_op:
        for name, columns in _EVENT_INDEXES.items():
            batch_op.drop_index(name)
            batch_op.create_index(name, [*columns, "end_day"])


def downgrade() -> None:
    with op.batch_alter_table("event") as batch_op:
        for name, columns in _EVENT_INDEXES.items():
            batch_op.drop_index(name)
            batch_op.create_index(name, columns)
    with op.batch_alter_table("event_participant") as batch_op:
        batch_op.drop_index("ix_event_participant_code_span")
        batch_op.create_index("ix_event_participant_code_start", ["code", "start_day", "event_id"])
        batch_op.drop_column("end_day")
