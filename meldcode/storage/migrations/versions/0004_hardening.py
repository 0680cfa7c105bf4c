"""stashed forms belong to a user and have a size; shared rate-limit counters

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-07 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    # Older stashes have no owner: they can no longer be restored and expire within hours.
    with op.batch_alter_table("stashed_forms", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("size", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
        batch_op.create_index(batch_op.f("ix_stashed_forms_user_id"), ["user_id"], unique=False)
    op.create_table(
        "throttles",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("throttles")
    with op.batch_alter_table("stashed_forms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stashed_forms_user_id"))
        batch_op.drop_column("size")
        batch_op.drop_column("user_id")
