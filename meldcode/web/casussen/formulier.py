"""One form, one record: the key of a record to add travels in the URL of its form.

A browser's Back after saving fetches the form page again (every page is ``no-store``) and
puts the typed text back, but not a hidden field: a token inside the page would be a new
one, and submitting again would add the record a second time. So every link to an add-form
carries the key its record will get (``?formulier=…``, put there by :func:`add_key`, which
the area registers as a ``url_defaults``). Back returns to that very URL, and a second
submit meets the record the first one made, inside its write transaction. Two submits at
the same moment (a double click, a duplicated tab) queue on the case's row lock: the second
then finds the first one's record and is answered with it, "already saved" for the same
text, both versions for other text (meldcode.storage.record_writes), on PostgreSQL as on
SQLite; the unique (case, kind, key) stays as the database's own guard.
"""

import re

from flask import request
from flask import url_for

from meldcode.kader.i18n import _l
from meldcode.storage.models import new_id

PARAM = "formulier"
# A key we could have made (meldcode.storage.models.new_id); anything else is ignored.
KEY = re.compile(r"[0-9a-f]{32}")
ALREADY_SAVED = _l(
    "Dit formulier was al opgeslagen. Er is niets dubbel bewaard: hieronder staat wat er is "
    "opgeslagen, en hier kun je het wijzigen."
)


def add_key(endpoint: str, values: dict) -> None:
    """Give every link to an add-form (endpoint ``…_new``) a fresh key for its record.

    The new-case form (``casussen.new``) gets one too: the id its case will get.
    """
    if (endpoint.endswith("_new") or endpoint == "casussen.new") and PARAM not in values:
        values[PARAM] = new_id()


def form_key() -> str | None:
    """Return the record key this request's URL carries, when it is one we could have made."""
    value = request.args.get(PARAM, "")
    return value if KEY.fullmatch(value) else None


def fresh_url() -> str:
    """Return this add-form's address with a new key: to save the text as another record."""
    args = {k: v for k, v in request.args.items() if k != PARAM}
    return url_for(request.endpoint, **request.view_args, **args)


def saved_url(key: str) -> str:
    """Return the edit page of the record this add-form made (``…_new`` → ``…_edit``)."""
    endpoint = request.endpoint.removesuffix("_new") + "_edit"
    return url_for(endpoint, **request.view_args, key=key)
