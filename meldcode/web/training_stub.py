"""The trainer's start page until the training mode exists."""

from flask import Blueprint
from flask import render_template

from meldcode.web.access import access

bp = Blueprint("training", __name__, url_prefix="/oefensessies")


@bp.get("/")
@access("trainer")
def sessions():
    """Show the trainer's sessions (none yet)."""
    return render_template("training/stub.html")
