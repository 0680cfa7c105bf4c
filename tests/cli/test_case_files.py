"""Case files in and out through the command line: what an import may not do, private
output files, settings that stop the app with a message, the kaders folder of the app."""

import datetime
import os
import stat

import pytest
import yaml
from sqlalchemy import select

from meldcode import paths
from meldcode import settings as settings_module
from meldcode.storage.crypto import Cipher
from meldcode.storage.db import Database
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from tests.cli.conftest import ROOT

EXAMPLE = ROOT / "tests" / "dossier" / "cases" / "onderwijs.yaml"
PASSWORD = "een lange zin als wachtwoord"


@pytest.fixture
def instance(tmp_path, monkeypatch, cli):
    """An installation with two organisations and their accounts, made with the commands."""
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(tmp_path / "instance"))
    assert cli("db", "upgrade").code == 0
    for name in ("OBS De Linde", "Huisartsenpraktijk Zuid"):
        assert cli("org", "create", name).code == 0
    for org, email, role in (
        ("OBS De Linde", "mentor@delinde.nl", "medewerker"),
        ("OBS De Linde", "af@delinde.nl", "aandachtsfunctionaris"),
        ("Huisartsenpraktijk Zuid", "arts@zuid.nl", "medewerker"),
    ):
        made = cli("user", "create", "--org", org, "--email", email, "--role", role, stdin=PASSWORD)
        assert made.code == 0, made.err
    return tmp_path


def stored(instance):
    """Return the instance's database."""
    found = settings_module.load()
    return Database(found["DATABASE_URL"], Cipher.from_text(found["DATA_KEYS"]))


def case_file(instance, name="casus.yaml", **changes) -> str:
    """Write the example case with ``changes`` to its header (or top level); return the path."""
    data = yaml.safe_load(EXAMPLE.read_text())
    for key, value in changes.items():
        (data["casus"] if key in data["casus"] else data)[key] = value
    path = instance / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return str(path)


def import_it(cli, path, org="OBS De Linde", owner="mentor@delinde.nl"):
    return cli("case", "import", path, "--org", org, "--owner", owner)


def test_a_closed_case_is_archived_so_retention_deletes_it(cli, instance):
    done = import_it(cli, case_file(instance, status="gesloten", gearchiveerd_op="2026-10-20"))
    assert done.code == 0, done.err
    undated = import_it(cli, case_file(instance, "b.yaml", status="gesloten"))
    database = stored(instance)
    with database.reader() as s:
        first = s.get(Case, done.out.strip())
        second = s.get(Case, undated.out.strip())
        assert first.archived_at == datetime.datetime(2026, 10, 20)
        assert second.archived_at is not None
        assert second.archived_at > datetime.datetime.now() - datetime.timedelta(minutes=5)
    database.dispose()


def test_a_consultation_is_a_note_of_the_importer_not_a_colleagues_own(cli, instance):
    done = import_it(cli, case_file(instance))  # names af@delinde.nl, an account here
    assert done.code == 0, done.err
    database = stored(instance)
    with database.reader() as s:
        keys = s.scalars(
            select(CaseRecord.key).where(
                CaseRecord.case_id == done.out.strip(), CaseRecord.kind == "consultatie"
            )
        ).all()
    database.dispose()
    assert "extern:af@delinde.nl" in keys and all(k.startswith("extern:") for k in keys)


def test_a_label_that_looks_like_personal_data_is_refused(cli, instance):
    done = import_it(cli, case_file(instance, label="jan@example.nl"))
    assert done.code == 2 and "persoonsgegeven" in done.err and "e-mail" not in done.out
    assert "(een e-mailadres)" in done.err  # in words, never the check's code


def test_every_finding_of_the_label_check_has_words():
    from meldcode.casus.pseudonym import KINDS
    from meldcode.casus.pseudonym import looks_personal

    typed = "Sanne de Koning, Kerkstraat 12, 1234 AB, 12-03-2016, s@x.nl, 0612345678, 111222333"
    assert set(looks_personal(typed)) <= set(KINDS)
    assert set(looks_personal("Sanne de Koning, 1234 AB, 12-03-2016, s@x.nl, 0612345678")) == {
        "naam",
        "postcode",
        "geboortedatum",
        "email",
        "telefoon",
    }


@pytest.mark.parametrize(
    "changes",
    [
        {"organisatie": "Huisartsenpraktijk Zuid"},
        {"eigenaar": "arts@zuid.nl"},
        {"consultaties": [{"collega": "arts@zuid.nl", "advies": "Zo zie ik het.", "klaar": True}]},
    ],
    ids=["organisation", "owner", "colleague"],
)
def test_a_case_file_naming_another_organisation_is_refused(cli, instance, changes):
    done = import_it(cli, case_file(instance, **changes))
    assert done.code == 2, done.out
    assert "andere organisatie" in done.err
    database = stored(instance)
    with database.reader() as s:
        assert s.scalars(select(Case.id)).all() == []
    database.dispose()


def test_exported_case_files_and_dossiers_are_private(cli, instance):
    case_id = import_it(cli, case_file(instance)).out.strip()
    export = instance / "export.yaml"
    export.write_text("oud")
    export.chmod(0o644)  # an existing file becomes private too
    assert cli("case", "export", case_id, "-o", str(export)).code == 0
    pdf = instance / "dossier.pdf"
    assert cli("dossier", str(export), "-o", str(pdf)).code == 0
    for path in (export, pdf):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_setting_out_of_range_stops_the_app_with_its_name(tmp_path, monkeypatch, cli):
    from tests.appfactory import build_app

    with pytest.raises(ValueError, match="INVITATION_DAYS"):
        build_app(tmp_path / "a", {"INVITATION_DAYS": 0})
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(tmp_path / "b"))
    monkeypatch.setenv("MELDCODE_STASH_HOURS", "nul")
    done = cli("db", "upgrade")
    assert done.code == 2 and "STASH_HOURS" in done.err and "interne fout" not in done.err


def test_kaders_check_uses_the_apps_kaders_folder(tmp_path, monkeypatch, cli):
    folder = tmp_path / "kaders"
    folder.mkdir()
    (folder / "kapot.yaml").write_text("id: kapot\n")
    monkeypatch.setenv("MELDCODE_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("MELDCODE_KADERS_DIR", str(folder))
    checked = cli("kaders", "check")
    assert checked.code == 1 and "kapot.yaml" in checked.err
    monkeypatch.delenv("MELDCODE_KADERS_DIR")
    assert cli("kaders", "check").code == 0
    assert not (tmp_path / "instance").exists()  # a check creates no instance folder
    assert paths.KADERS_DIR.is_dir() and os.environ.get("MELDCODE_KADERS_DIR") is None
