"""a version for the case label and the organisation's settings; the data keys in use

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("label_version", sa.Integer(), server_default="1", nullable=False)
        )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("settings_version", sa.Integer(), server_default="1", nullable=False)
        )
    op.create_table(
        "data_keys",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("check_enc", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key_id"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("data_keys")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("settings_version")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("label_version")
