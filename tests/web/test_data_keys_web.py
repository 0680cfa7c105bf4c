"""The web app and the data keys: other keys do not start; an unreadable case is one row."""

import pytest

from meldcode.storage.crypto import Cipher
from meldcode.storage.models import Case
from tests.appfactory import build_app
from tests.web.wizard import Visitor
from tests.web.wizard import make_world


def test_the_app_does_not_start_with_keys_that_cannot_read_the_database(tmp_path):
    app = build_app(tmp_path / "instance")
    make_world(app)
    owner = Visitor(app)
    owner.login("owner")
    owner.new_case()
    app.extensions["meldcode_db"].dispose()
    url = app.config["DATABASE_URL"]
    with pytest.raises(RuntimeError, match="MELDCODE_DATA_KEYS") as refused:
        build_app(tmp_path / "other", {"DATA_KEYS": Cipher.new_key_text()}, database_url=url)
    assert "does not start" in str(refused.value)
    with pytest.raises(RuntimeError, match="MELDCODE_DATA_KEYS is not set"):
        build_app(tmp_path / "third", {"DATA_KEYS": ""}, database_url=url)
    assert not (tmp_path / "third" / "data_keys").exists()


def test_a_case_this_server_cannot_decrypt_is_one_row_that_says_so(wizard_app, owner):
    readable = owner.new_case(label="A.B., 2015")
    broken = owner.new_case(label="C.D., 2017")
    database = wizard_app.extensions["meldcode_db"]
    stranger = Cipher.from_text(Cipher.new_key_text())

    def spoil(s):
        # As if the label had been written by a process with another key.
        s.get(Case, broken).label_enc = stranger.encrypt("C.D., 2017", f"cases.label:{broken}")

    database.run_write(spoil)
    response = owner.get("/casussen")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "A.B., 2015" in page and f"/casussen/{readable}" in page
    assert "Niet te lezen" in page and f"/casussen/{broken}" in page
    assert "C.D., 2017" not in page
