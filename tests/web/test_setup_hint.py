"""First start: with no organisation yet, the login page says where the setup link is."""

import re

import pytest

from tests.web.helpers import get_page
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world

HINT = "Er is nog geen organisatie."


@pytest.fixture
def empty_app(tmp_path):
    """An app on a migrated database without any organisation (as after `make run`)."""
    return fresh_app(tmp_path)


def test_the_login_page_of_an_empty_database_points_to_the_setup_link(empty_app):
    client = empty_app.test_client()
    home = client.get("/")
    assert home.status_code == 302 and home.headers["Location"] == "/inloggen"
    response = get_page(client, "/inloggen")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert HINT in page and "eenmalige setuplink" in page
    assert "<code>make run</code>" in page and "<code>meldcode setup-link</code>" in page
    assert not re.search(r"/setup/[\w-]{20,}", page)  # the link itself only in the console


def test_the_hint_is_in_english_too(empty_app):
    page = get_page(empty_app.test_client(), "/inloggen", "en").get_data(as_text=True)
    assert "There is no organisation yet." in page
    assert HINT not in page and "meldcode setup-link" in page


def test_no_hint_once_an_organisation_exists(empty_app):
    make_world(empty_app)
    page = get_page(empty_app.test_client(), "/inloggen").get_data(as_text=True)
    assert "Inloggen" in page
    assert HINT not in page and "setup-link" not in page
