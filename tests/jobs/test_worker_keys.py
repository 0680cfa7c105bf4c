"""The worker opens the database as the web and the CLI do: keys that do not fit stop it."""

import pytest

from meldcode.jobs.context import Context
from meldcode.storage.crypto import Cipher
from meldcode.storage.keyring import KeysDoNotFit
from tests.appfactory import build_app


def test_a_worker_whose_keys_do_not_fit_the_database_refuses_to_open_it(tmp_path):
    app = build_app(tmp_path, {"PDF_WARM_UP": False})
    app.extensions["meldcode_db"].dispose()
    fitting = Context(dict(app.config))
    assert fitting.database.cipher.key_ids == Cipher.from_text(app.config["DATA_KEYS"]).key_ids
    fitting.database.dispose()
    stranger = Context(dict(app.config, DATA_KEYS=Cipher.new_key_text()))
    with pytest.raises(KeysDoNotFit):
        stranger.database  # noqa: B018 - opening it is what is tested
    app.extensions["meldcode_jobs"].huey.storage.close()
