"""Alembic environment: migrate the database whose URL the caller put in the config."""

from alembic import context

from meldcode.storage.background import RenderJob  # noqa: F401 - its tables too
from meldcode.storage.db import make_engine
from meldcode.storage.eigen_meldcode import OrgMeldcode  # noqa: F401 - its table too
from meldcode.storage.identities import ExternalIdentity  # noqa: F401 - its table too
from meldcode.storage.models import Base
from meldcode.storage.throttle import Throttle  # noqa: F401 - its table too
from meldcode.storage.training import TrainingSession  # noqa: F401 - its tables too

config = context.config
target_metadata = Base.metadata


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
