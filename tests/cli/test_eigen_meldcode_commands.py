"""The organisation's own meldcode from the command line: import, export, keys checked."""

from sqlalchemy import select

from meldcode.eigen_meldcode import load_yaml
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.models import AuditEntry
from tests.eigen_meldcode.conftest import COMPLETE

ORG = "OBS De Linde"


def test_a_meldcode_file_goes_in_as_the_concept_and_comes_out_the_same(
    database_url, tmp_path, monkeypatch, cli
):
    keys = Cipher.new_key_text()
    monkeypatch.setenv("MELDCODE_DATABASE_URL", database_url)
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("MELDCODE_DATA_KEYS", keys)
    assert cli("org", "create", ORG).code == 0
    done = cli("eigen-meldcode", "import", str(COMPLETE), "--org", ORG)
    assert done.code == 0, done.err
    assert "concept" in done.out
    out = tmp_path / "concept.yaml"
    done = cli("eigen-meldcode", "export", "--org", ORG, "--concept", "-o", str(out))
    assert done.code == 0, done.err
    assert load_yaml(out.read_bytes(), str(out)) == load_yaml(COMPLETE.read_bytes(), "fixture")
    database = Database(database_url, Cipher.from_text(keys))
    with database.reader() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.object_type == "meldcode")
        ).all()
    database.dispose()
    assert sorted(actions) == ["export", "import"]
    # Keys that do not fit what is stored: the command refuses before it reads anything.
    monkeypatch.setenv("MELDCODE_DATA_KEYS", Cipher.new_key_text())
    refused = cli("eigen-meldcode", "export", "--org", ORG, "--concept")
    assert refused.code == 1 and "MELDCODE_DATA_KEYS" in refused.err
