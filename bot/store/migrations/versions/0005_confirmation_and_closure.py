"""confirmation and closure

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reminder_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("autoclose_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_tickets_autoclose_at"), ["autoclose_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_tickets_reminder_at"), ["reminder_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_reminder_at"))
        batch_op.drop_index(batch_op.f("ix_tickets_autoclose_at"))
        batch_op.drop_column("autoclose_at")
        batch_op.drop_column("reminded_at")
        batch_op.drop_column("reminder_at")
