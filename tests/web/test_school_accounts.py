"""What a school runs into with accounts: the share list, a second organisation, the label check."""

import re

from tests.web.account_helpers import audit_rows
from tests.web.wizard import Visitor
from tests.web.wizard import fresh_app
from tests.web.wizard import make_world


def options(page: str) -> list[str]:
    """Return the texts of the colleague list's options."""
    select = re.search(r'<select[^>]*id="collega".*?</select>', page, re.S).group(0)
    return [t.strip() for t in re.findall(r"<option[^>]*>([^<]*)</option>", select)][1:]


def test_the_share_list_shows_names_with_roles_and_beheerders_only_on_purpose(
    wizard_app, people, owner
):
    case_id = owner.new_case()
    page = owner.page(f"/casussen/{case_id}/delen")
    assert options(page) == [
        "Aandachtsfunctionaris (Aandachtsfunctionaris)",
        "Collega (Medewerker)",
    ]
    assert "@delinde.nl" not in page
    refused = owner.form(f"/casussen/{case_id}/delen", {"collega": people.beheerder})
    assert refused.status_code == 400
    on_purpose = owner.page(f"/casussen/{case_id}/delen?beheerders=1")
    assert "Beheerder (Beheerder)" in options(on_purpose)
    done = owner.form(f"/casussen/{case_id}/delen?beheerders=1", {"collega": people.beheerder})
    assert done.status_code == 303
    shown = owner.page(f"/casussen/{case_id}/delen")
    assert "<dt>Beheerder (Beheerder)</dt>" in shown
    assert "verstuurt geen e-mail" in shown  # no mail here: tell the colleague yourself


def test_a_second_organisation_only_where_the_installation_allows_it(tmp_path):
    closed = fresh_app(tmp_path / "closed")
    make_world(closed)
    beheerder = Visitor(closed)
    assert beheerder.login("beheerder").status_code == 303
    assert "/beheer/organisaties/nieuw" not in beheerder.page("/beheer/")
    page = beheerder.page("/beheer/organisaties/nieuw")
    assert "ALLOW_NEW_ORGANISATIONS" in page and "<select" not in page
    done = beheerder.get("/setup/whatever")
    assert done.status_code == 409
    assert "al ingericht" not in done.get_data(as_text=True)
    assert "ALLOW_NEW_ORGANISATIONS" in done.get_data(as_text=True)

    open_ = fresh_app(tmp_path / "open", ALLOW_NEW_ORGANISATIONS=True)
    make_world(open_)
    beheerder = Visitor(open_)
    assert beheerder.login("beheerder").status_code == 303
    assert "/beheer/organisaties/nieuw" in beheerder.page("/beheer/")
    taken = beheerder.form(
        "/beheer/organisaties/nieuw",
        {"organisation": "obs de linde", "kader": "onderwijs", "email": "nieuw@elders.nl"},
    )
    assert taken.status_code == 400 and "al een organisatie" in taken.get_data(as_text=True)
    made = beheerder.form(
        "/beheer/organisaties/nieuw",
        {"organisation": "CBS Het Anker", "kader": "onderwijs", "email": "beheer@anker.nl"},
    )
    assert made.status_code == 200, made.get_data(as_text=True)[:2000]
    path = re.search(
        r'<code id="link">http://[^/]+(/uitnodiging/[\w-]{43})</code>', made.get_data(as_text=True)
    )[1]
    assert len(audit_rows(open_, "organisation_create")) == 1
    newcomer = Visitor(open_)
    password = "de boot vaart naar het eiland"
    joined = newcomer.form(path, {"name": "Nieuwe Beheerder", "password": password})
    assert joined.status_code == 303
    page = newcomer.page("/beheer/")
    assert "Nieuwe Beheerder" in page and "Mentor" not in page  # the new organisation only


def label_page(owner, label: str):
    response = owner.form(
        "/casussen/nieuw", {"kader": "onderwijs", "label": label, "zorg_sinds": "2026-09-14"}
    )
    return response.status_code, response.get_data(as_text=True)


def test_the_label_check_warns_on_what_people_really_type(owner):
    for label, what in [
        ("Sanne de Koning", "een naam"),
        ("S. de Koning, 2016", "een naam"),
        ("Kerkstraat 12", "een adres"),
        ("J.B. 1234 AB", "een postcode"),
        ("J.B., 12-03-2016", "een volledige geboortedatum"),
        ("J.B., 12 maart 2016", "een volledige geboortedatum"),
    ]:
        status, page = label_page(owner, label)
        assert status == 400 and what in page, label
        assert 'name="toch_opslaan"' in page
    status, page = label_page(owner, "")
    assert status == 400 and 'name="toch_opslaan"' not in page  # no warning, no box
    status, page = label_page(owner, "x" * 61)
    assert status == 400 and 'name="toch_opslaan"' not in page
    assert label_page(owner, "J.B., 2016")[0] == 303
    confirmed = owner.form(
        "/casussen/nieuw",
        {
            "kader": "onderwijs",
            "label": "Groep Zeven",
            "zorg_sinds": "2026-09-14",
            "toch_opslaan": "y",
        },
    )
    assert confirmed.status_code == 303
