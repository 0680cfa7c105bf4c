"""The baseline for the web benchmark: a bare Flask + Flask-WTF page with ten fields.

GET renders the form; POST validates it, inserts one row into SQLite (WAL, synchronous=FULL,
as ours) and redirects.
It has what any such app has (templates, CSRF, a database) and nothing of ours.
"""

import os
import sqlite3

from flask import Flask
from flask import g
from flask import redirect
from flask import render_template_string
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms import DateField
from wtforms import DecimalField
from wtforms import EmailField
from wtforms import IntegerField
from wtforms import RadioField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TelField
from wtforms import TextAreaField
from wtforms.validators import InputRequired
from wtforms.validators import Optional

PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Formulier</title>
</head><body><main><h1>Formulier</h1><form method="post">{{ form.csrf_token() }}
{% for field in form if field.type != "CSRFTokenField" %}<div><label for="{{ field.id }}">
{{ field.label.text }}</label>{{ field() }}{% for e in field.errors %}<p>{{ e }}</p>
{% endfor %}</div>{% endfor %}<button>Opslaan</button></form></main></body></html>"""


class TenFields(FlaskForm):
    naam = StringField("Naam", [InputRequired()])
    email = EmailField("E-mail", [Optional()])
    telefoon = TelField("Telefoon", [Optional()])
    datum = DateField("Datum", [InputRequired()])
    keuze = SelectField("Keuze", choices=[("a", "A"), ("b", "B")])
    radio = RadioField("Ja of nee", choices=[("ja", "Ja"), ("nee", "Nee")], default="ja")
    aantal = IntegerField("Aantal", [Optional()])
    bedrag = DecimalField("Bedrag", [Optional()])
    tekst = TextAreaField("Tekst", [InputRequired()])
    akkoord = BooleanField("Akkoord")


def create_app():
    """Create the bare baseline app: one form page with 10 fields."""
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "bench-only"
    app.config["WTF_CSRF_TIME_LIMIT"] = None
    path = os.environ["BASELINE_DB"]

    def db():
        """Return this request's SQLite connection."""
        if "db" not in g:
            g.db = sqlite3.connect(path, timeout=5, isolation_level=None)
            g.db.execute("PRAGMA journal_mode=WAL")
            g.db.execute("PRAGMA busy_timeout=5000")
            g.db.execute("PRAGMA synchronous=FULL")  # the durability ours keeps
        return g.db

    @app.teardown_appcontext
    def close(_exc):
        """Close the request's connection."""
        found = g.pop("db", None)
        if found is not None:
            found.close()

    @app.route("/form", methods=["GET", "POST"])
    def form():
        """Show the form, or insert one row and redirect."""
        form = TenFields()
        if form.validate_on_submit():
            conn = db()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO rows (naam, tekst) VALUES (?, ?)", (form.naam.data, form.tekst.data)
            )
            conn.execute("COMMIT")
            return redirect("/form", code=303)
        return render_template_string(PAGE, form=form)

    return app
