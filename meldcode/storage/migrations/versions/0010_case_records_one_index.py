"""case_records: drop the index on case_id alone

The unique constraint on (case_id, kind, key) starts with case_id and serves every lookup
by case (and the foreign key's cascade); the second index only cost every save a page.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 18:00:00.000000
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("case_records", schema=None) as batch_op:
        batch_op.drop_index("ix_case_records_case_id")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("case_records", schema=None) as batch_op:
        batch_op.create_index("ix_case_records_case_id", ["case_id"], unique=False)
