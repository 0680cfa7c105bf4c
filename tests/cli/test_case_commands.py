"""Case files from the command line, on SQLite and PostgreSQL: list, export all, keys checked."""

import stat

import pytest
from sqlalchemy import select

from meldcode import paths
from meldcode.casus.casefile import load_yaml
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.models import AuditEntry
from meldcode.storage.models import Case

CASES = paths.PACKAGE_DIR.parent / "tests" / "dossier" / "cases"
ORG = "OBS De Linde"
PASSWORD = "een lange zin als wachtwoord"


@pytest.fixture
def deployment(database_url, tmp_path, monkeypatch, cli):
    """A deployment's settings in the environment, an organisation and an owner."""
    keys = Cipher.new_key_text()
    monkeypatch.setenv("MELDCODE_DATABASE_URL", database_url)
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("MELDCODE_DATA_KEYS", keys)
    assert cli("org", "create", ORG).code == 0
    made = cli(
        "user", "create", "--org", ORG, "--email", "af@delinde.nl", "--role", "medewerker",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert made.code == 0, made.err
    return database_url, keys


def _import(cli, name: str) -> str:
    """Import one of the dossier test cases; return its id."""
    done = cli("case", "import", str(CASES / name), "--org", ORG, "--owner", "af@delinde.nl")
    assert done.code == 0, done.err
    return done.out.strip()


def test_all_cases_of_an_organisation_are_listed_and_exported_in_one_run(deployment, cli, tmp_path):
    url, keys = deployment
    names = ["onderwijs.yaml", "knmg.yaml", "disclosure.yaml"]
    ids = [_import(cli, name) for name in names]
    listed = cli("case", "list", "--org", ORG)
    assert listed.code == 0
    assert [line.split()[0] for line in listed.out.splitlines()] == ids
    labels = {load_yaml((CASES / n).read_bytes(), n).casus.label for n in names}
    assert not any(label in listed.out for label in labels)  # metadata only
    folder = tmp_path / "export"
    done = cli("case", "export-all", "--org", ORG, "-o", str(folder))
    assert done.code == 0, done.err
    assert "3 casus(sen)" in done.out
    files = sorted(folder.iterdir())
    assert [f.stem for f in files] == sorted(ids)
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert {load_yaml(f.read_bytes(), f.name).casus.label for f in files} == labels
    database = Database(url, Cipher.from_text(keys))
    with database.reader() as s:
        exports = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
    database.dispose()
    assert sorted(e.object_id for e in exports) == sorted(ids)
    assert {e.origin for e in exports} == {"cli"}
    unknown = cli("case", "export-all", "--org", "Onbekend", "-o", str(folder))
    assert unknown.code == 2 and "onbekende organisatie" in unknown.err


def test_without_the_deployments_keys_the_command_line_writes_nothing(
    deployment, cli, tmp_path, monkeypatch
):
    url, keys = deployment
    _import(cli, "onderwijs.yaml")
    other = tmp_path / "elsewhere"
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(other))
    monkeypatch.delenv("MELDCODE_DATA_KEYS")
    refused = cli(
        "case", "import", str(CASES / "knmg.yaml"), "--org", ORG, "--owner", "af@delinde.nl"
    )
    assert refused.code == 1
    assert "MELDCODE_DATA_KEYS" in refused.err and "Traceback" not in refused.err
    assert not (other / "data_keys").exists()  # no key made on the spot
    monkeypatch.setenv("MELDCODE_DATA_KEYS", Cipher.new_key_text())
    wrong = cli("case", "list", "--org", ORG)
    assert wrong.code == 1 and "MELDCODE_DATA_KEYS" in wrong.err
    database = Database(url, Cipher.from_text(keys))
    with database.reader() as s:
        assert len(s.scalars(select(Case)).all()) == 1
    database.dispose()


def test_the_schema_is_upgraded_without_any_key(database_url, tmp_path, monkeypatch, cli):
    monkeypatch.setenv("MELDCODE_DATABASE_URL", database_url)
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.delenv("MELDCODE_DATA_KEYS", raising=False)
    assert cli("db", "upgrade").code == 0
    assert not (tmp_path / "instance" / "data_keys").exists()


def test_keys_new_prints_a_key_and_keys_check_tells_whether_they_fit(deployment, cli, monkeypatch):
    _url, keys = deployment
    made = cli("keys", "new")
    assert made.code == 0 and len(Cipher.from_text(made.out.strip()).key_ids) == 1
    fits = cli("keys", "check")
    assert fits.code == 0 and keys.split(":")[0] in fits.out
    monkeypatch.setenv("MELDCODE_DATA_KEYS", made.out.strip())
    refused = cli("keys", "check")
    assert refused.code == 1 and "MELDCODE_DATA_KEYS" in refused.err
    again = cli("org", "create", ORG)
    assert again.code == 1  # refused for the keys, before anything else


def test_an_organisation_name_is_taken_once(deployment, cli):
    taken = cli("org", "create", ORG)
    assert taken.code == 2 and "bestaat al" in taken.err
