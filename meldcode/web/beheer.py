"""Beheer: the organisation's accounts and settings. A beheerder reads no case content."""

from flask import Blueprint
from flask import g
from flask import render_template
from sqlalchemy import select

from meldcode.storage.models import User
from meldcode.web.access import access
from meldcode.web.database import session

bp = Blueprint("beheer", __name__, url_prefix="/beheer")


@bp.get("/")
@access("beheer")
def users():
    """List the organisation's accounts."""
    found = (
        session()
        .scalars(
            select(User).where(User.organisation_id == g.user.organisation_id).order_by(User.email)
        )
        .all()
    )
    return render_template("beheer/users.html", users=found)
