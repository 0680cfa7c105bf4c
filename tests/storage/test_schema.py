"""The list of table modules in meldcode.storage.schema is complete: migrations see every table."""

import importlib
import pkgutil

import meldcode.storage
from meldcode.storage import schema
from meldcode.storage.models import Base


def test_every_module_that_declares_tables_is_named_in_the_schema():
    for info in pkgutil.iter_modules(meldcode.storage.__path__, "meldcode.storage."):
        if not info.name.endswith(".migrations"):
            importlib.import_module(info.name)
    declaring = {mapper.class_.__module__ for mapper in Base.registry.mappers}
    named = {model.__module__ for model in schema.TABLE_MODULES}
    assert declaring - named == set(), "a module with tables is missing from schema.py"
    assert len(declaring) >= 6
    assert schema.metadata() is Base.metadata
