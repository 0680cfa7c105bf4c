"""training for a whole class: a label, paced steps, lock on reveal, first answers

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 08:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("label", sa.String(length=80), nullable=True))
        batch_op.add_column(
            sa.Column("open_step", sa.Integer(), nullable=False, server_default="5")
        )
        batch_op.add_column(
            sa.Column("lock_on_reveal", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("wall", sa.String(length=40), nullable=True))
        batch_op.add_column(
            sa.Column("hidden", sa.String(length=4000), nullable=False, server_default="")
        )
    with op.batch_alter_table("training_answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_value", sa.String(length=1000), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("training_answers", schema=None) as batch_op:
        batch_op.drop_column("first_value")
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        for column in ("hidden", "wall", "lock_on_reveal", "open_step", "label"):
            batch_op.drop_column(column)
