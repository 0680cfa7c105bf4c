"""Storage on SQLite and PostgreSQL: cases, records, versions, scoping, purge."""

import datetime

import pytest

from meldcode import paths
from meldcode.casus.records import Antwoord
from meldcode.casus.records import Signaal
from meldcode.kader import Registry
from meldcode.storage import accounts
from meldcode.storage import cases
from meldcode.storage import purge
from meldcode.storage.models import Organisation


@pytest.fixture
def world(db):
    kader = Registry.load(paths.KADERS_DIR).get("basis")

    def make(session):
        org = Organisation(name="School A")
        other = Organisation(name="School B")
        session.add_all([org, other])
        session.flush()
        owner = accounts.create_user(session, org, "a@a.nl", "medewerker", "x" * 12)
        colleague = accounts.create_user(session, org, "c@a.nl", "aandachtsfunctionaris", "y" * 12)
        stranger = accounts.create_user(session, other, "b@b.nl", "medewerker", "z" * 12)
        case = cases.create_case(
            session, db.cipher, owner, "J.B., 2016", datetime.date(2026, 9, 1), kader
        )
        return owner.id, colleague.id, stranger.id, case.id

    return db.run_write(make)


def test_label_and_records_are_encrypted_and_round_trip(db, world):
    owner_id, _c, _s, case_id = world
    with db.write() as s:
        from meldcode.storage.models import User

        owner = s.get(User, owner_id)
        access = cases.get_case_for_user(s, case_id, owner)
        cases.add_record(
            s,
            db.cipher,
            access.case,
            owner,
            "signaal",
            Signaal(datum=datetime.date(2026, 9, 2), waarneming="CANARY-42 blauwe plek"),
        )
    with db.reader() as s:
        owner = s.get(User, owner_id)
        access = cases.get_case_for_user(s, case_id, owner)
        assert cases.label_of(db.cipher, access.case) == "J.B., 2016"
        found = cases.records(s, db.cipher, access.case, "signaal")
        assert found[0].payload.waarneming == "CANARY-42 blauwe plek"
        raw = s.execute(
            __import__("sqlalchemy").text("SELECT payload_enc FROM case_records")
        ).scalar()
        assert b"CANARY-42" not in bytes(raw)


def test_other_users_and_organisations_cannot_reach_a_case(db, world):
    owner_id, colleague_id, stranger_id, case_id = world
    from meldcode.storage.models import User

    with db.write() as s:
        for uid in (colleague_id, stranger_id):
            with pytest.raises(cases.CaseNotFound):
                cases.get_case_for_user(s, case_id, s.get(User, uid))
        with pytest.raises(cases.CaseNotFound):
            cases.get_case_for_user(s, "0" * 32, s.get(User, owner_id))
        owner = s.get(User, owner_id)
        cases.share_case(
            s,
            s.get(type(cases.get_case_for_user(s, case_id, owner).case), case_id),
            owner,
            s.get(User, colleague_id),
        )
        with pytest.raises(cases.CaseNotFound):
            cases.share_case(
                s, cases.get_case_for_user(s, case_id, owner).case, owner, s.get(User, stranger_id)
            )
    with db.reader() as s:
        assert cases.get_case_for_user(s, case_id, s.get(User, colleague_id)).role == "consultatie"


def test_a_stale_version_raises_conflict_and_keeps_the_saved_text(db, world):
    owner_id, _c, _s, case_id = world
    from meldcode.storage.models import User

    with db.write() as s:
        owner = s.get(User, owner_id)
        case = cases.get_case_for_user(s, case_id, owner).case
        rec = cases.save_record(
            s,
            db.cipher,
            case,
            owner,
            "antwoord",
            "vermoeden",
            Antwoord(antwoord="ja", motivatie="eerste"),
            None,
        )
        assert rec.version == 1
        cases.save_record(
            s,
            db.cipher,
            case,
            owner,
            "antwoord",
            "vermoeden",
            Antwoord(antwoord="nee", motivatie="tweede"),
            1,
        )
        with pytest.raises(cases.Conflict) as info:
            cases.save_record(
                s,
                db.cipher,
                case,
                owner,
                "antwoord",
                "vermoeden",
                Antwoord(antwoord="ja", motivatie="derde"),
                1,
            )
        assert info.value.current["motivatie"] == "tweede"
        assert info.value.version == 2


def test_purge_removes_closed_cases_after_retention(db, world):
    owner_id, _c, _s, case_id = world
    from meldcode.storage.models import Case

    now = datetime.datetime(2026, 11, 1, 12, 0)
    with db.write() as s:
        case = s.get(Case, case_id)
        case.status = "gesloten"
        case.archived_at = now - datetime.timedelta(days=29)
    with db.write() as s:
        assert purge.purge(s, now).cases == []
    with db.write() as s:
        report = purge.purge(s, now + datetime.timedelta(days=2))
        assert report.cases == [case_id]
    with db.reader() as s:
        assert s.get(Case, case_id) is None


def test_a_checked_access_is_confirmed_in_the_write_until_the_share_or_case_is_gone(db, world):
    # The web checks access once per request (get_case_for_user); the write transaction only
    # confirms it. A share revoked, or a case deleted, between the two still counts.
    owner_id, colleague_id, _s, case_id = world
    from meldcode.storage.models import Case
    from meldcode.storage.models import User

    with db.write() as s:
        owner, colleague = s.get(User, owner_id), s.get(User, colleague_id)
        cases.share_case(s, cases.get_case_for_user(s, case_id, owner).case, owner, colleague)
    with db.reader() as s:
        owner, colleague = s.get(User, owner_id), s.get(User, colleague_id)
        checked_owner = cases.get_case_for_user(s, case_id, owner)
        checked_colleague = cases.get_case_for_user(s, case_id, colleague)
    with db.write() as s:
        confirmed = cases.confirm_access(s, checked_colleague, colleague)
        assert confirmed is not None and confirmed.case in s and not confirmed.is_owner
        cases.unshare_case(s, confirmed.case, owner, colleague_id)
    with db.write() as s:
        assert cases.confirm_access(s, checked_colleague, colleague) is None
        assert cases.confirm_access(s, checked_owner, owner).is_owner
        purge.delete_case(s, s.get(Case, case_id))
    with db.write() as s:
        assert cases.confirm_access(s, checked_owner, owner) is None
