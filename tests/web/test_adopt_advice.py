"""A colleague's finished advice becomes a consultation of stap 2 with one button, once."""

import re

from tests.web.casehelpers import shared_colleague
from tests.web.stap_helpers import saved
from tests.web.wizard import CSRF

ADVICE = "Bespreek het met de intern begeleider en bel Veilig Thuis voor advies."


def adopt_url(page: str) -> str:
    """Return the address of the adopt button on stap 2."""
    return re.search(r'action="([^"]+/overnemen)"', page).group(1)


def test_the_owner_adopts_a_finished_advice_once(wizard_app, people, owner):
    case_id = owner.new_case()
    colleague = shared_colleague(wizard_app, people, case_id)
    consult = f"/casussen/{case_id}/consultatie"
    assert colleague.form(consult, {"advies": ADVICE}).status_code == 303
    stap2 = f"/casussen/{case_id}/stap-2"
    assert "/overnemen" not in owner.page(stap2)  # not finished yet: nothing to adopt
    assert colleague.form(consult, {"advies": ADVICE, "klaar": "y"}).status_code == 303
    page = owner.page(stap2)
    assert "Vastleggen als overleg" in page
    target, token = adopt_url(page), CSRF.search(page)[1]
    for _ in range(2):  # a double click, or Back and again
        response = owner.client.post(target, data={"csrf_token": token})
        assert response.status_code == 303
    (adopted,) = saved(wizard_app, case_id, "overleg").values()
    assert adopted.advies == ADVICE and adopted.met == "collega"
    after = owner.page(stap2)
    assert "Vastgelegd als overleg" in after and "/overnemen" not in after
    assert ADVICE in after  # in the list of consultations, as if typed in


def test_an_adopted_advice_changed_by_the_owner_is_not_overwritten(wizard_app, people, owner):
    case_id = owner.new_case()
    colleague = shared_colleague(wizard_app, people, case_id)
    colleague.form(f"/casussen/{case_id}/consultatie", {"advies": ADVICE, "klaar": "y"})
    page = owner.page(f"/casussen/{case_id}/stap-2")
    target, token = adopt_url(page), CSRF.search(page)[1]
    owner.client.post(target, data={"csrf_token": token})
    (key,) = saved(wizard_app, case_id, "overleg")
    edit = f"/casussen/{case_id}/stap-2/overleg/{key}"
    changed = {"datum": "2026-09-15", "met": "collega", "advies": "EIGEN woorden"}
    assert owner.form(edit, changed).status_code == 303
    again = owner.client.post(target, data={"csrf_token": token})
    assert again.status_code == 303 and again.headers["Location"].endswith(edit)
    assert saved(wizard_app, case_id, "overleg")[key].advies == "EIGEN woorden"


def test_nothing_to_adopt_and_the_colleague_cannot_adopt(wizard_app, people, owner):
    case_id = owner.new_case()
    colleague = shared_colleague(wizard_app, people, case_id)
    target = f"/casussen/{case_id}/stap-2/meedenken/{people.colleague}/overnemen"
    page = owner.page(f"/casussen/{case_id}/stap-2")
    response = owner.client.post(target, data={"csrf_token": CSRF.search(page)[1]})
    assert response.status_code == 303
    assert "Er is geen afgerond advies" in owner.page(response.headers["Location"])
    colleague.form(f"/casussen/{case_id}/consultatie", {"advies": ADVICE, "klaar": "y"})
    own = colleague.page(f"/casussen/{case_id}/consultatie")
    refused = colleague.client.post(target, data={"csrf_token": CSRF.search(own)[1]})
    assert refused.status_code in (403, 404)
    assert saved(wizard_app, case_id, "overleg") == {}
