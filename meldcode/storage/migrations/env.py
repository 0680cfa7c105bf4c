"""Alembic environment: migrate the database whose URL the caller put in the config."""

from alembic import context

from meldcode.storage import schema
from meldcode.storage.db import make_engine

config = context.config
# Tables are declared in several modules on one declarative base; schema names them all.
target_metadata = schema.metadata()


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
