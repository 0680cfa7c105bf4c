"""Alembic environment: migrate the database whose URL the caller put in the config."""

from alembic import context

from meldcode.storage import training
from meldcode.storage.db import make_engine

config = context.config
# The training tables are declared in their own module on the same declarative base; taking
# the metadata from there loads that module, so every table is in it.
target_metadata = training.TrainingSession.metadata


def run_migrations_online() -> None:
    """Run migrations on a live connection (batch mode so SQLite can alter tables)."""
    engine = make_engine(config.attributes["url"])
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
