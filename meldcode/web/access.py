"""Who may open a page. Every view declares it, and a test checks that none is left out.

``public`` needs nothing; ``authenticated`` needs a signed-in user; ``case`` also goes
through the scoped case accessor; ``beheer`` needs the beheerder role; ``trainer`` the
trainer role; ``oefenen`` is the anonymous training participant's own session.
"""

from functools import wraps

KINDS = ("public", "authenticated", "case", "beheer", "trainer", "oefenen")


def access(kind: str):
    """Mark a view with who may open it; non-public kinds also check it before the view runs."""
    if kind not in KINDS:
        raise ValueError(kind)

    def decorate(view):
        """Mark the view, and wrap it with the check unless it is public."""
        if kind == "public" or kind == "oefenen":
            view.access = kind
            return view

        @wraps(view)
        def guarded(*args, **kwargs):
            """Refuse the request when the user may not open this kind of page."""
            from meldcode.web.auth import require

            refusal = require(kind)
            if refusal is not None:
                return refusal
            return view(*args, **kwargs)

        guarded.access = kind
        return guarded

    return decorate
