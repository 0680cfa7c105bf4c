"""A second yardstick for the web benchmark: our save's database work, with no layers of ours.

The bare baseline (webapps.baseline) inserts one row into a table without indexes. A save of
ours must do more: find the signed-in session, check the case is the user's, lock it, look
for the form's record, check the case's size, store the record encrypted, and write an event
and an audit row, each into tables with their indexes. This app does exactly that work on a
copy of our database, with plain ``sqlite3`` (WAL, synchronous=FULL, as ours), Flask-WTF and
our encryption and record model, but without SQLAlchemy, our hooks or our page code. What
ours costs above it is what our layers cost; what it costs above the bare baseline is what
the work itself costs. Information only: no goal is set against it.
"""

import datetime
import hashlib
import os
import sqlite3
import uuid

from flask import Flask
from flask import abort
from flask import redirect
from flask import request
from flask import session
from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms import HiddenField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import Optional

from meldcode.casus.limits import fits
from meldcode.casus.records import Signaal

CATEGORIES = ["", "lichamelijk", "gedrag", "verwaarlozing", "seksueel", "psychisch", "omgeving"]
READ_SESSION = (
    "SELECT s.expires_at, s.revoked_at, u.id, u.organisation_id, u.role, u.active "
    "FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?"
)
READ_CASE = "SELECT organisation_id, owner_id, kader_id FROM cases WHERE id = ?"
OWNED = "SELECT id FROM cases WHERE id = ? AND owner_id = ?"
LOOK = "SELECT id, version FROM case_records WHERE case_id = ? AND kind = ? AND key = ?"
ROOM = (
    "SELECT count(*), coalesce(sum(length(payload_enc)), 0) FROM case_records "
    "WHERE case_id = ? AND id != ?"
)
INSERT_RECORD = (
    "INSERT INTO case_records (id, case_id, kind, key, payload_enc, version, created_by, "
    "updated_by, created_at, updated_at) VALUES (?, ?, 'signaal', ?, ?, 1, ?, ?, ?, ?)"
)
INSERT_EVENT = "INSERT INTO case_events (case_id, at, actor_id, action, subject) VALUES (?,?,?,?,?)"
INSERT_AUDIT = (
    "INSERT INTO audit_log (at, actor_id, organisation_id, role, action, object_type, "
    "object_id, result, origin) VALUES (?, ?, ?, ?, 'update', 'case', ?, 'ok', ?)"
)


class SignalForm(FlaskForm):
    """The signal form's fields and checks, as ours has them."""

    versie = HiddenField(default="0")
    datum = DateField("Datum", [InputRequired()])
    categorie = SelectField("Soort", [Optional()], choices=CATEGORIES)
    waarneming = TextAreaField("Waarneming", [InputRequired(), Length(max=20000)])
    interpretatie = TextAreaField("Interpretatie", [Optional(), Length(max=20000)])
    waargenomen_door = StringField("Door", [Optional(), Length(max=200)])


def create_app():
    """Create the app over the database in SAME_DB with the cipher of our instance."""
    from meldcode import settings

    config = settings.load()
    database = settings.open_database(config)
    cipher = database.cipher
    database.dispose()
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "bench-only"
    app.config["WTF_CSRF_TIME_LIMIT"] = None
    path = os.environ["SAME_DB"]
    connections = []  # one per worker, kept as ours keeps a pool

    def db() -> sqlite3.Connection:
        """Return this worker's connection."""
        if not connections:
            conn = sqlite3.connect(path, timeout=5, isolation_level=None)
            for pragma in ("journal_mode=WAL", "busy_timeout=5000", "synchronous=FULL"):
                conn.execute(f"PRAGMA {pragma}")
            connections.append(conn)
        return connections[0]

    @app.get("/start/<token>")
    def start(token):
        """Put a session token made by the benchmark into the cookie (bench only)."""
        session["sid"] = token
        return "ok"

    @app.route("/casussen/<case_id>/stap-1/signaal/nieuw", methods=["GET", "POST"])
    def signal(case_id):
        """Show the signal form, or save the signal as ours does and redirect."""
        user = _signed_in(db(), case_id)
        form = SignalForm()
        if not form.validate_on_submit():
            return f'<input name="csrf_token" value="{form.csrf_token.current_token}">'

        key = request.args.get("formulier", "")[:32] or uuid.uuid4().hex
        payload = Signaal(
            datum=form.datum.data,
            waarneming=form.waarneming.data,
            interpretatie=form.interpretatie.data or "",
            waargenomen_door=form.waargenomen_door.data or "",
            categorie=form.categorie.data or "",
        ).model_dump(mode="json")
        _save(db(), cipher, user, case_id, key, payload)
        session["_flashes"] = [("success", "Opgeslagen.")]
        return redirect(f"/casussen/{case_id}/stap-1", code=303)

    return app


def _signed_in(conn: sqlite3.Connection, case_id: str) -> tuple:
    """Return (user id, organisation, role) when the session is live and the case is theirs."""
    token = session.get("sid", "")
    now = datetime.datetime.utcnow()
    conn.execute("BEGIN")
    try:
        found = conn.execute(READ_SESSION, (hashlib.sha256(token.encode()).hexdigest(),))
        row = found.fetchone()
        case = conn.execute(READ_CASE, (case_id,)).fetchone()
    finally:
        conn.execute("COMMIT")
    if row is None or row[1] is not None or not row[5] or row[0] <= now.isoformat(" "):
        abort(403)
    if case is None or case[0] != row[3] or case[1] != row[2]:
        abort(404)
    return row[2], row[3], row[4]


def _save(conn, cipher, user: tuple, case_id: str, key: str, payload: dict) -> None:
    """Write the signal, its event and its audit row in one transaction, as ours does."""
    user_id, _organisation, role = user
    now = datetime.datetime.utcnow()
    conn.execute("BEGIN IMMEDIATE")
    try:
        owned = conn.execute(
            "SELECT id FROM cases WHERE id = ? AND owner_id = ?", (case_id, user_id)
        )
        if owned.fetchone() is None:
            abort(404)
        conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (now, case_id))
        if conn.execute(LOOK, (case_id, "signaal", key)).fetchone() is None:
            record_id = uuid.uuid4().hex
            sealed = cipher.encrypt_json(payload, f"case_records:{record_id}")
            count, stored = conn.execute(ROOM, (case_id, record_id)).fetchone()
            if not fits(count + 1, stored + len(sealed)):
                abort(422)
            conn.execute(
                INSERT_RECORD, (record_id, case_id, key, sealed, user_id, user_id, now, now)
            )
            conn.execute(INSERT_EVENT, (case_id, now, user_id, "signaal_toegevoegd", ""))
            conn.execute(INSERT_AUDIT, (now, user_id, _organisation, role, case_id, "127.0.0.1"))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
