"""linked chamados

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("parent_ticket_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_tickets_parent_ticket_id_tickets"),
            "tickets",
            ["parent_ticket_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_tickets_parent_ticket_id_tickets"), type_="foreignkey"
        )
        batch_op.drop_column("parent_ticket_id")
        batch_op.drop_column("thread_ts")
