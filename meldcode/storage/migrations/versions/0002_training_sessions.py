"""training sessions, participants and answers (tables separate from the case tables)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "training_sessions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("organisation_id", sa.String(length=32), nullable=False),
        sa.Column("trainer_id", sa.String(length=32), nullable=False),
        sa.Column("oefencasus", sa.String(length=60), nullable=False),
        sa.Column("kader_id", sa.String(length=40), nullable=False),
        sa.Column("kader_version", sa.String(length=40), nullable=False),
        sa.Column("max_participants", sa.Integer(), nullable=False),
        sa.Column("revealed", sa.String(length=1000), nullable=False),
        sa.Column("locked", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("delete_after", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"]),
        sa.ForeignKeyConstraint(["trainer_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("training_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_sessions_delete_after"), ["delete_after"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_sessions_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_sessions_trainer_id"), ["trainer_id"], unique=False
        )

    op.create_table(
        "training_participants",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("name_enc", sa.LargeBinary(), nullable=True),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["training_sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("training_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_participants_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "training_answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=False),
        sa.Column("participant_id", sa.String(length=32), nullable=False),
        sa.Column("question", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=1000), nullable=False),
        sa.Column("motivation_enc", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"], ["training_participants.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["session_id"], ["training_sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id", "question"),
    )
    with op.batch_alter_table("training_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_answers_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_answers_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("training_answers")
    op.drop_table("training_participants")
    op.drop_table("training_sessions")
