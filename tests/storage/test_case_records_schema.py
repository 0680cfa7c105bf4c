"""case_records as migrated is case_records as modelled: one index by case, not two (0010)."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from meldcode.storage.db import make_engine
from meldcode.storage.migrate import alembic_config
from meldcode.storage.migrate import upgrade
from meldcode.storage.models import Base


def _indexes(url: str) -> set[str]:
    """Return the names of the indexes on case_records (unique constraints included)."""
    engine = make_engine(url)
    try:
        found = inspect(engine)
        names = {i["name"] for i in found.get_indexes("case_records")}
        return names | {u["name"] or "unique" for u in found.get_unique_constraints("case_records")}
    finally:
        engine.dispose()


def test_the_migrated_table_is_the_modelled_one(database_url):
    engine = make_engine(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert [d for d in differences if "case_records" in repr(d)] == []
    assert "ix_case_records_case_id" not in _indexes(database_url)


def test_the_index_comes_back_on_downgrade_and_goes_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    upgrade(url)
    command.downgrade(alembic_config(url), "0009")
    assert "ix_case_records_case_id" in _indexes(url)
    upgrade(url)
    assert "ix_case_records_case_id" not in _indexes(url)
