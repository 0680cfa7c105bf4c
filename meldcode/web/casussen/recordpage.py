"""One way to edit any record of a case: load, show, validate, save with its version.

Every record page (a signal, a consultation, an answer, the decision …) is a
:class:`RecordPage`. The shared :func:`edit` view handles what must always hold: the scoped
case lookup, the form with the record's version, server-side validation with an error
summary, a conflict page when someone else saved meanwhile (both texts shown, nothing
overwritten), and a 503 page with the typed text still in the form when saving fails.
"""

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request

from meldcode.kader.i18n import _
from meldcode.storage import cases
from meldcode.web.auditing import audit_in
from meldcode.web.auditing import audit_now
from meldcode.web.casework import kader_of
from meldcode.web.casework import label
from meldcode.web.casework import open_case
from meldcode.web.casework import save_case
from meldcode.web.casussen import formulier
from meldcode.web.casussen.versies import conflict_view
from meldcode.web.database import SaveFailed
from meldcode.web.database import database
from meldcode.web.database import session
from meldcode.web.forms import build
from meldcode.web.forms import localise_date_errors


@dataclass
class RecordPage:
    """How one kind of record is edited."""

    kind: str
    form: type
    title: object
    back: Callable[[str], str]
    to_payload: Callable
    to_data: Callable = field(default=lambda payload: payload.model_dump())
    template: str = "casussen/record_form.html"
    prepare: Callable | None = None
    context: Callable | None = None
    intro: object = None
    save_label: object = None
    after_save: Callable | None = None
    # Consulted colleagues edit their own record only; every other page stays owner-only.
    owner_only: bool = True
    # Extra writes that belong to the same save, in its transaction: (session, access, user,
    # payload), e.g. a consultation with Veilig Thuis also answers advies_veilig_thuis.
    on_save: Callable | None = None


def _existing(access, kind: str, key: str):
    """Return the record of this kind and key, or None."""
    return cases.record(session(), database().cipher, access.case, kind, key)


def edit(page: RecordPage, case_id: str, key: str | None):
    """Show and save one record; ``key`` None adds a new record to a list kind.

    An add-form's URL carries the key of the record it adds (meldcode.web.casussen.formulier):
    once that record exists, opening the form again (Back) or submitting the same text again
    lands on the saved record; other text is shown beside the saved one to choose.
    """
    access = open_case(case_id, owner_only=page.owner_only)
    existing = _existing(access, page.kind, key) if key is not None else None
    if key is not None and existing is None and _is_list(page):
        abort(404)
    token = formulier.form_key() if key is None else None
    # Back to an add-form that was saved: its record. A POST finds it inside its write.
    if token and request.method == "GET" and _existing(access, page.kind, token) is not None:
        flash(formulier.ALREADY_SAVED, "info")
        return redirect(formulier.saved_url(token), code=303)
    data = dict(page.to_data(existing.payload), versie=existing.version) if existing else {}
    form, rescued = build(page.form, data)
    if page.prepare:
        page.prepare(form, access)
    status = 200
    extra = {}
    if request.method == "POST":
        if form.validate():
            payload = page.to_payload(form, access)
            # Without a form key (an old link) the record gets a new random key: nothing to meet.
            target_key = key if key is not None else token
            # None inserts a new record; a version (0: "shown before it existed") is checked.
            expected = form.version() if target_key is not None else None
            strict = token is not None  # the same text again: "already saved", nothing written
            try:
                save_case(
                    case_id,
                    lambda s, a, u: _save(s, a, u, page, target_key, payload, expected, strict),
                    owner_only=page.owner_only,
                )
            except cases.Conflict as conflict:
                if _submitted_again(token, expected, conflict, payload):
                    flash(formulier.ALREADY_SAVED, "info")  # Back, then the same submit again
                    return redirect(formulier.saved_url(token), code=303)
                audit_now("conflict", "case", case_id, "conflict")
                status, extra = 409, conflict_view(page, form, conflict)
                if key is None:  # this add-form was saved before: offer both ways on
                    extra.update(resubmitted=True, fresh_url=formulier.fresh_url())
            except SaveFailed:
                audit_now("save_failed", "case", case_id, "error")
                status, extra = 503, {"not_saved": True}
            else:
                flash(_("Opgeslagen."), "success")
                target = page.after_save(case_id) if page.after_save else page.back(case_id)
                return redirect(target, code=303)
        else:
            status = 400
    localise_date_errors(form)
    context = page.context(access) if page.context else {}
    return render_template(
        page.template,
        page=page,
        form=form,
        rescued=rescued,
        access=access,
        label=label(access),
        kader=kader_of(access),
        existing=existing,
        back_url=page.back(case_id),
        **extra,
        **context,
    ), status


def _submitted_again(token, expected, conflict: cases.Conflict, payload) -> bool:
    """Tell whether an add-form met its own record, saved before with this very text."""
    same = conflict.current == payload.model_dump(mode="json")
    return token is not None and expected == 0 and conflict.current is not None and same


def _is_list(page: RecordPage) -> bool:
    """Tell whether the page's kind is a list kind (many records, random keys)."""
    from meldcode.casus.records import KINDS

    return KINDS[page.kind][1]


def _save(s, access, user, page: RecordPage, key, payload, expected, strict=False):
    """Save the record, its extra writes and the audit row in one transaction.

    ``key`` None adds a record to a list kind under a new key. ``strict`` (an add-form with
    its own key): its record met again with the same text raises Conflict, so nothing is
    written and the caller answers "already saved".
    """
    cipher = database().cipher
    if key is None:
        cases.add_record(s, cipher, access.case, user, page.kind, payload)
    else:
        cases.save_record(s, cipher, access.case, user, page.kind, key, payload, expected, strict)
    if page.on_save:
        page.on_save(s, access, user, payload)
    audit_in(s, "update", "case", access.case.id)


def delete(page: RecordPage, case_id: str, key: str):
    """Ask before deleting a record of a list kind, then delete it (version checked)."""
    from meldcode.web.forms import BaseForm

    access = open_case(case_id, owner_only=True)
    existing = _existing(access, page.kind, key)
    if existing is None:
        abort(404)
    form = BaseForm(data={"versie": existing.version} if request.method == "GET" else None)

    def show(**extra):
        """Render the question page, with extra context (e.g. that it was not saved)."""
        return render_template(
            "casussen/delete.html",
            page=page,
            form=form,
            access=access,
            label=label(access),
            kader=kader_of(access),
            existing=existing,
            back_url=page.back(case_id),
            **extra,
        )

    if request.method == "POST" and form.validate():
        try:
            save_case(
                case_id,
                lambda s, a, u: (
                    cases.delete_record(s, a.case, u, page.kind, key, form.version()),
                    audit_in(s, "delete", "case", a.case.id),
                ),
            )
        except cases.Conflict:
            flash(
                _("Niet verwijderd: iemand heeft dit intussen gewijzigd. Bekijk het opnieuw."),
                "warning",
            )
            return redirect(page.back(case_id), code=303)
        except SaveFailed:
            return show(not_saved=True), 503
        flash(_("Verwijderd."), "success")
        return redirect(page.back(case_id), code=303)
    return show()
