"""satisfaction surveys

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("survey_state", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("survey_due_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("survey_sent_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("survey_rating", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("survey_comment", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_tickets_survey_state"), ["survey_state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_survey_state"))
        batch_op.drop_column("survey_comment")
        batch_op.drop_column("survey_rating")
        batch_op.drop_column("survey_sent_at")
        batch_op.drop_column("survey_due_at")
        batch_op.drop_column("survey_state")
