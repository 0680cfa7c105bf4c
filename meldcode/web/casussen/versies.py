"""The saved version beside the user's, field by field, when a save met a newer version."""

from meldcode.casus.records import payload_model
from meldcode.storage import cases


def conflict_view(page, form, conflict: cases.Conflict) -> dict:
    """Build the conflict view: the saved version beside the user's, field by field."""
    saved = {}
    if conflict.current is not None:
        saved = page.to_data(payload_model(page.kind).model_validate(conflict.current))
    rows = []
    for name, value in saved.items():
        if name in form and name != "versie":
            mine = form[name].data
            if mine != value:
                rows.append((form[name].label.text, value, mine))
    form.versie.data = str(conflict.version)  # saving again now knowingly replaces it
    return {
        "conflict": conflict,
        "conflict_rows": rows,
        "conflict_deleted": conflict.current is None and conflict.version == 0,
    }
