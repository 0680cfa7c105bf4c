"""One-time links, two-factor codes, the training cap and settings, posted at the same moment.

On SQLite and PostgreSQL: an invitation makes one account, the setup link one organisation,
a code signs in once, a session never takes more people than its cap, and two beheerders
saving the settings get a save and a conflict. Never a 500.
"""

import re

import pyotp
import pytest
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select

from meldcode.storage import first_start
from meldcode.storage import totp
from meldcode.storage.models import Organisation
from meldcode.storage.models import User
from meldcode.storage.models import UserSession
from meldcode.storage.models import utcnow
from tests.races.harness import Tally
from tests.races.harness import answers
from tests.races.harness import race
from tests.races.webworld import app_on
from tests.races.webworld import opened
from tests.races.webworld import poster
from tests.races.webworld import signed_in
from tests.web.wizard import PASSWORD
from tests.web.wizard import Visitor

ROUNDS = 4
CAP = 5
NEW_PASSWORD = "zomer aan het strand van texel"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def racing(request, tmp_path_factory):
    """An app (training cap 5) with its world; its kind, for a fresh app where needed."""
    cluster = request.getfixturevalue("pg_cluster") if request.param == "postgres" else None
    folder = tmp_path_factory.mktemp("races")
    app, people = app_on(request.param, folder, cluster, TRAINING_MAX_PARTICIPANTS=CAP)
    yield app, people, request.param, cluster
    app.extensions["meldcode_db"].dispose()


LINK = r'<code id="link">http://127\.0\.0\.1:5000(/uitnodiging/[^<]+)</code>'


def _count(app, query):
    """Return a count from the app's database."""
    with app.extensions["meldcode_db"].reader() as s:
        return s.scalar(query)


def test_an_invitation_accepted_three_times_at_once_makes_one_account(racing):
    app, _people, _kind, _cluster = racing
    (beheerder,) = signed_in(app, "beheerder", 1)
    tally = Tally()
    for round_ in range(ROUNDS):
        email = f"nieuw{round_}@delinde.nl"
        response = beheerder.form("/beheer/uitnodigen", {"email": email, "role": "medewerker"})
        shown = beheerder.page(response.headers["Location"])
        path = re.search(LINK, shown)[1]
        people = [Visitor(app) for _ in range(3)]
        data = {"name": "Nieuw", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
        outcomes = race([poster(p, path, dict(opened(p, path), **data)) for p in people])
        codes = answers(outcomes)
        made = _count(app, select(func.count()).where(User.email == email))
        tally.add(outcomes, bad=codes != ["303", "404", "404"] or made != 1, labels=codes)
    assert tally.bad_rounds == 0, tally.report()


def test_two_invitations_for_one_address_accepted_at_once_make_one_account(racing):
    app, _people, _kind, _cluster = racing
    (beheerder,) = signed_in(app, "beheerder", 1)
    tally = Tally()
    for round_ in range(ROUNDS):
        email = f"dubbel{round_}@delinde.nl"
        paths = []
        for _ in range(2):
            response = beheerder.form("/beheer/uitnodigen", {"email": email, "role": "medewerker"})
            shown = beheerder.page(response.headers["Location"])
            paths.append(re.search(LINK, shown)[1])
        people = [Visitor(app) for _ in paths]
        data = {"name": "Nieuw", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
        calls = [
            poster(p, path, dict(opened(p, path), **data))
            for p, path in zip(people, paths, strict=True)
        ]
        outcomes = race(calls)
        codes = answers(outcomes)
        made = _count(app, select(func.count()).where(User.email == email))
        tally.add(outcomes, bad=codes != ["303", "404"] or made != 1, labels=codes)
    assert tally.report()[0] == 0, tally.report()


def test_a_two_factor_code_posted_from_two_browsers_at_once_signs_in_one(racing):
    app, people, _kind, _cluster = racing
    database = app.extensions["meldcode_db"]
    secret = totp.new_totp_secret()
    database.run_write(
        lambda s: totp.set_totp_secret(database.cipher, s.get(User, people.colleague), secret)
    )
    tally = Tally()
    for _round in range(ROUNDS):
        database.run_write(lambda s: setattr(s.get(User, people.colleague), "totp_last_step", 0))
        browsers = signed_in(app, "collega@delinde.nl", 2)  # password done, code asked
        code = pyotp.TOTP(secret).now()
        forms = [opened(b, "/inloggen/code") for b in browsers]
        outcomes = race(
            [
                poster(b, "/inloggen/code", dict(f, code=code))
                for b, f in zip(browsers, forms, strict=True)
            ]
        )
        codes = answers(outcomes)
        tally.add(outcomes, bad=codes != ["303", "400"], labels=codes)
    assert tally.bad_rounds == 0, tally.report()


def test_simultaneous_joins_never_pass_the_training_cap(racing):
    app, _people, _kind, _cluster = racing
    (trainer,) = signed_in(app, "trainer", 1)
    tally = Tally()
    for _round in range(ROUNDS):
        started = trainer.form("/oefensessies/", {"casus": "basisschool-onthulling"})
        page = trainer.page(started.headers["Location"])
        code = re.search(r'class="training-code">([A-Z0-9 ]+)<', page)[1].replace(" ", "")
        people = [Visitor(app) for _ in range(2 * CAP)]
        outcomes = race(
            [poster(p, "/oefenen/", dict(opened(p, "/oefenen/"), code=code)) for p in people]
        )
        codes = answers(outcomes)
        tally.add(outcomes, bad=codes != ["303"] * CAP + ["400"] * CAP, labels=codes)
    assert tally.bad_rounds == 0, tally.report()


def test_two_beheerders_saving_the_settings_at_once_get_a_save_and_a_conflict(racing):
    app, people, _kind, _cluster = racing
    tabs = signed_in(app, "beheerder", 2)
    tally = Tally()
    for round_ in range(ROUNDS):
        forms = [opened(tab, "/beheer/instellingen") for tab in tabs]
        days = [str(40 + 2 * round_ + i) for i in range(2)]
        outcomes = race(
            [
                poster(
                    tab,
                    "/beheer/instellingen",
                    dict(form, default_kader="onderwijs", retention_days=d, require_totp="nee"),
                )
                for tab, form, d in zip(tabs, forms, days, strict=True)
            ]
        )
        codes = answers(outcomes)
        with app.extensions["meldcode_db"].reader() as s:
            stored = str(s.get(Organisation, people.org).retention_days)
        winner = days[[o.value for o in outcomes].index(303)] if "303" in codes else None
        tally.add(outcomes, bad=codes != ["303", "409"] or stored != winner, labels=codes)
    assert tally.bad_rounds == 0, tally.report()


def test_the_setup_link_posted_three_times_at_once_makes_one_organisation(racing, tmp_path_factory):
    _app, _people, kind, cluster = racing
    from tests.appfactory import build_app

    url = cluster.new_database() if kind == "postgres" else None
    app = build_app(tmp_path_factory.mktemp("setup"), database_url=url)
    database = app.extensions["meldcode_db"]
    tally = Tally()
    try:
        for round_ in range(ROUNDS):
            for table in (UserSession, User, Organisation):
                database.run_write(lambda s, table=table: s.execute(delete(table)))
            token = database.run_write(lambda s: first_start.new_setup_token(s, utcnow()))
            path = f"/setup/{token}"
            people = [Visitor(app) for _ in range(3)]
            calls = [
                poster(
                    p,
                    path,
                    dict(
                        opened(p, path),
                        organisation=f"School {round_}-{i}",
                        kader="basis",
                        name="Beheer",
                        email=f"beheer{round_}-{i}@school.nl",
                        password=PASSWORD,
                        password_again=PASSWORD,
                    ),
                )
                for i, p in enumerate(people)
            ]
            outcomes = race(calls)
            codes = answers(outcomes)
            made = _count(app, select(func.count()).select_from(Organisation))
            losers_fine = all(c in ("302", "404", "409") for c in codes[1:])
            tally.add(outcomes, bad=codes[0] != "303" or not losers_fine or made != 1, labels=codes)
    finally:
        database.dispose()
    assert tally.bad_rounds == 0, tally.report()
