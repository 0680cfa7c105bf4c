"""Training data and real cases never meet: separate tables, and no code path between them."""

import ast
from pathlib import Path

from sqlalchemy import func
from sqlalchemy import select

from meldcode import paths
from meldcode.storage import training as store
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Case
from meldcode.storage.models import CaseEvent
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import CaseShare
from tests.renders import fetch_pdf
from tests.training_web.helpers import complete
from tests.training_web.helpers import join
from tests.training_web.helpers import model_chooser
from tests.training_web.helpers import start
from tests.web.wizard import Visitor

ROOT = paths.PACKAGE_DIR
TRAINING_CODE = [
    ROOT / "storage" / "training.py",
    *sorted((ROOT / "training").glob("*.py")),
    *sorted((ROOT / "web" / "oefenen").glob("*.py")),
]
CASE_CODE = [
    ROOT / "storage" / "cases.py",
    ROOT / "storage" / "casefile_io.py",
    ROOT / "casus" / "casefile.py",
    ROOT / "casus" / "records.py",
    ROOT / "web" / "casework.py",
    *sorted((ROOT / "web" / "casussen").glob("*.py")),
]
CASE_TABLES = (Case, CaseRecord, CaseEvent, CaseShare)
TRAINING_TABLES = (store.TrainingSession, store.TrainingParticipant, store.TrainingAnswer)


def count(app, table) -> int:
    with app.extensions["meldcode_db"].reader() as s:
        return s.scalar(select(func.count()).select_from(table))


def imported(path: Path) -> set[str]:
    """Return every module a Python file imports, and every name it imports from one."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_training_tables_are_their_own():
    names = {table.__tablename__ for table in TRAINING_TABLES}
    assert names == {"training_sessions", "training_participants", "training_answers"}
    assert not names & {table.__tablename__ for table in CASE_TABLES}


def test_a_whole_class_leaves_no_row_in_the_case_tables(app, trainer):
    session_id, code = start(trainer, "basisschool-onthulling")
    for _ in range(3):
        complete(join(app, code), model_chooser("basisschool-onthulling"))
    fetch_pdf(app, trainer, f"/oefensessies/{session_id}/klasverslag.pdf")  # printed, served
    assert [count(app, table) for table in CASE_TABLES] == [0, 0, 0, 0]
    assert count(app, store.TrainingAnswer) >= 15
    with app.extensions["meldcode_db"].reader() as s:
        kinds = set(s.scalars(select(AuditEntry.object_type)))
    assert "case" not in kinds and "oefensessie" in kinds


def test_a_real_case_leaves_no_row_in_the_training_tables(tmp_path):
    from tests.web.wizard import fresh_app
    from tests.web.wizard import make_world

    app = fresh_app(tmp_path)
    make_world(app)
    owner = Visitor(app)
    owner.login("owner")
    owner.new_case()
    assert count(app, Case) == 1
    assert [count(app, table) for table in TRAINING_TABLES] == [0, 0, 0]


def test_no_training_module_touches_the_case_code_and_back():
    case_modules = {"meldcode.storage.cases", "meldcode.storage.casefile_io"}
    case_models = {f"meldcode.storage.models.{name}" for name in ("Case", "CaseRecord")}
    for path in TRAINING_CODE:
        found = imported(path)
        assert not found & (case_modules | case_models), path
        assert "meldcode.casus.casefile.CaseFile" not in found or path.name == "library.py", path
    for path in CASE_CODE:
        found = imported(path)
        assert not {m for m in found if "training" in m or "oefenen" in m}, path


def test_the_migration_creates_the_tables_the_models_describe(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from meldcode.storage.db import make_engine
    from meldcode.storage.migrate import upgrade
    from meldcode.storage.models import Base

    url = f"sqlite:///{tmp_path / 'schema.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    ours = [d for d in differences if "training" in repr(d)]
    assert ours == []
