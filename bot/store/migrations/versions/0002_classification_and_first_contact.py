"""classification and first contact

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("category", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("request_type", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("supported", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("priority", sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column("confidence", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("team", sa.String(length=64), nullable=True))
        # Existing rows get an empty explanation.
        batch_op.add_column(
            sa.Column("details", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
        batch_op.add_column(sa.Column("kb_article_id", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("kb_score", sa.Double(), nullable=True))
        batch_op.add_column(sa.Column("resolution", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("triage_channel_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("triage_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("assignee_user_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_tickets_assignee_user_id"), ["assignee_user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_assignee_user_id"))
        batch_op.drop_column("assigned_at")
        batch_op.drop_column("assignee_user_id")
        batch_op.drop_column("triage_ts")
        batch_op.drop_column("triage_channel_id")
        batch_op.drop_column("escalated_at")
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("resolution")
        batch_op.drop_column("kb_score")
        batch_op.drop_column("kb_article_id")
        batch_op.drop_column("details")
        batch_op.drop_column("team")
        batch_op.drop_column("confidence")
        batch_op.drop_column("priority")
        batch_op.drop_column("supported")
        batch_op.drop_column("request_type")
        batch_op.drop_column("category")
