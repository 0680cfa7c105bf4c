"""/toegang: the owner sees who viewed, changed, exported or was refused the case.

Built from the audit trail, which holds who, what kind, when and the result; no content.
"""

from meldcode.kader.words import audit_text
from meldcode.kader.words import moment
from meldcode.storage import audit
from meldcode.web.access import access
from meldcode.web.casework import open_case
from meldcode.web.casussen.stap_common import case_page
from meldcode.web.casussen.stap_common import colleagues
from meldcode.web.database import session
from meldcode.web.routes import Routes

routes = Routes()


@routes.get("/<case_id>/toegang")
@access("case")
def toegang(case_id: str):
    """Show the owner who viewed, changed, exported or was refused this case."""
    found = open_case(case_id, owner_only=True)
    names = colleagues(found.case.organisation_id)
    rows = [
        {
            "when": moment(row.at),
            # Someone outside the organisation is not named to the owner, only counted.
            "who": names.get(row.actor_id) if row.actor_id in names else None,
            "what": audit_text(row.action),
            "result": row.result,
        }
        for row in audit.for_object(session(), found.case.id)
    ]
    return case_page(found, "casussen/toegang.html", rows=list(reversed(rows)))
