"""agent bridge

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "relays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("source_channel_id", sa.String(length=32), nullable=False),
        sa.Column("source_ts", sa.String(length=32), nullable=False),
        sa.Column("target_channel_id", sa.String(length=32), nullable=False),
        sa.Column("target_ts", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_relays_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relays")),
        sa.UniqueConstraint(
            "source_channel_id", "source_ts", name=op.f("uq_relays_source_channel_id_source_ts")
        ),
    )
    with op.batch_alter_table("relays", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_relays_ticket_id"), ["ticket_id"], unique=False)

    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("route", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column("internal", sa.Boolean(), nullable=False, server_default=sa.false())
        )

    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("first_response_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("resolution_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_column("resolution_note")
        batch_op.drop_column("status_changed_at")
        batch_op.drop_column("first_response_at")

    with op.batch_alter_table("ticket_messages", schema=None) as batch_op:
        batch_op.drop_column("internal")
        batch_op.drop_column("route")

    with op.batch_alter_table("relays", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relays_ticket_id"))

    op.drop_table("relays")
