"""the organisation's own meldcode: the concept and every adopted version

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-01 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "org_meldcodes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("organisation_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("adopted_at", sa.DateTime(), nullable=True),
        sa.Column("adopted_by", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["adopted_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("organisation_id", "version"),
    )
    with op.batch_alter_table("org_meldcodes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_org_meldcodes_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("org_meldcodes")
