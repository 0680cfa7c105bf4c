"""The "nog niet opgeslagen" notice of a rescued text goes once that text has been saved."""

import re

from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage.models import StashedForm
from tests.web.stap_helpers import saved
from tests.web.wizard import CSRF

NOTICE = "Hij is nog niet opgeslagen"
LABEL = "GERED-LABEL, 2016"


def stashes(app) -> int:
    """Return how many rescued texts are kept."""
    with app.extensions["meldcode_db"].reader() as s:
        return s.scalar(select(func.count()).select_from(StashedForm))


def rescue(owner, url: str, data: dict) -> str:
    """Post ``data`` with a stale CSRF token; return the address that brings it back."""
    response = owner.client.post(url, data=dict(data, csrf_token="verlopen"))
    assert response.status_code == 303 and "herstel=" in response.headers["Location"]
    return response.headers["Location"]


def test_the_notice_goes_once_the_rescued_text_is_saved(wizard_app, owner):
    back = rescue(owner, "/casussen/nieuw", {"kader": "onderwijs", "label": LABEL})
    page = owner.page(back)
    assert NOTICE in page and LABEL in page and stashes(wizard_app) == 1
    data = {"kader": "onderwijs", "label": LABEL, "zorg_sinds": "2026-09-14"}
    bad = owner.client.post(back, data=dict(data, zorg_sinds="", csrf_token=CSRF.search(page)[1]))
    assert bad.status_code == 400 and stashes(wizard_app) == 1  # not saved: still kept
    done = owner.client.post(back, data=dict(data, csrf_token=CSRF.search(page)[1]))
    assert done.status_code == 303
    assert stashes(wizard_app) == 0
    again = owner.page(back)  # Back in the browser to the address that brought it back
    assert NOTICE not in again and LABEL not in again


def test_a_rescued_signal_saved_through_its_add_form_is_forgotten_and_added_once(wizard_app, owner):
    case_id = owner.new_case()
    page = owner.page(f"/casussen/{case_id}/stap-1")
    link = next(
        href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+signaal/nieuw[^"]*)"', page)
    )
    signal = {"datum": "2026-09-14", "waarneming": "GEREDDE waarneming"}
    back = rescue(owner, link, signal)
    assert "formulier=" in back  # the record's key stays in the address
    form = owner.page(back)
    assert NOTICE in form and "GEREDDE waarneming" in form
    token = CSRF.search(form)[1]
    assert owner.client.post(back, data=dict(signal, csrf_token=token)).status_code == 303
    assert stashes(wizard_app) == 0
    assert owner.client.post(back, data=dict(signal, csrf_token=token)).status_code == 303
    assert len(saved(wizard_app, case_id, "signaal")) == 1
