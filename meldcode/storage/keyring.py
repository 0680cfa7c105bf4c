"""The data keys a database was written with, so that no process silently uses another one.

The keys live outside the database (MELDCODE_DATA_KEYS, or the instance folder's
``data_keys`` file). The database keeps, per key id, a value only that key opens
(``data_keys``). Every process opens the database through :func:`open_database`: with keys
that cannot open every registered check value it stops (the web does not start, the
command line writes nothing) and says which setting to fix. A key is generated only for a
database that holds nothing encrypted yet; a key added for rotation is registered on first use.
"""

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from meldcode.private_files import secret_file
from meldcode.storage.atomic import named_lock
from meldcode.storage.crypto import Cipher
from meldcode.storage.crypto import DecryptionFailed
from meldcode.storage.db import Database
from meldcode.storage.models import Case
from meldcode.storage.models import CaseRecord
from meldcode.storage.models import DataKey
from meldcode.storage.models import StashedForm
from meldcode.storage.models import User
from meldcode.storage.models import utcnow

CHECK = "meldcode data key"
SETTING = "MELDCODE_DATA_KEYS"
SAMPLE = 20  # encrypted values looked at in a database from before the key register


class KeysDoNotFit(Exception):
    """The data keys of a process cannot open what the database holds; it must not go on."""


def open_database(url: str, key_text: str | None, key_file: Path) -> Database:
    """Open the database with keys that fit it; make a key only for an empty database.

    ``key_text`` is the configured ``id:base64`` list (None: none configured); ``key_file``
    is the instance folder's key file, read when nothing is configured and created for an
    empty database. Raises KeysDoNotFit with the fix in words.
    """
    try:
        cipher = Cipher.from_text(key_text) if key_text else None
    except ValueError as exc:
        raise KeysDoNotFit(f"{SETTING} is not id:base64key[,id:base64key…]: {exc}") from None
    database = Database(url, cipher)
    try:
        with database.reader() as session:
            settled = cipher is not None and not _unsettled(session, cipher, key_file)
        if not settled:
            database.cipher = database.run_write(lambda s: _settle(s, cipher, key_file))
    except BaseException:
        database.dispose()
        raise
    return database


def _unsettled(session: Session, cipher: Cipher, key_file: Path) -> bool:
    """Tell whether the register lacks one of our keys (or has one we cannot open)."""
    known = {row.key_id: row for row in session.scalars(select(DataKey))}
    _verify(known, cipher, key_file)
    return not known or any(kid not in known for kid in cipher.key_ids)


def _settle(session: Session, cipher: Cipher | None, key_file: Path) -> Cipher:
    """Check the keys against the register and fill it in, one process at a time."""
    named_lock(session, "data_keys")
    known = {row.key_id: row for row in session.scalars(select(DataKey))}
    if cipher is None:
        # Another worker of this instance may have made the key file a moment ago.
        empty = not known and not _holds_encrypted(session)
        text = _key_file(key_file, create=empty)
        if text is None:
            used = f"data key(s) {', '.join(sorted(known))}" if known else "encrypted data"
            raise KeysDoNotFit(
                f"{SETTING} is not set and {key_file} does not exist, but this database "
                f"already has {used}: set {SETTING} to the deployment's keys (the same value "
                "for every process, the command line included)"
            )
        cipher = Cipher.from_text(text)
    _verify(known, cipher, key_file)
    if not known:
        _adopt(session, cipher, key_file)
    for kid in cipher.key_ids:
        if kid not in known:
            check = cipher.only(kid).encrypt(CHECK, f"data_keys:{kid}")
            session.add(DataKey(key_id=kid, check_enc=check, created_at=utcnow()))
    return cipher


def _verify(known: dict, cipher: Cipher, key_file: Path) -> None:
    """Raise KeysDoNotFit unless every registered key is ours and opens its check value."""
    wrong = []
    for kid, row in known.items():
        try:
            fits = cipher.decrypt(row.check_enc, f"data_keys:{kid}") == CHECK
        except DecryptionFailed:
            fits = False
        if not fits:
            wrong.append(kid)
    if wrong:
        raise _mismatch(f"key id(s) {', '.join(sorted(wrong))} missing or different", key_file)


def _mismatch(detail: str, key_file: Path) -> KeysDoNotFit:
    """Return the refusal that names the setting to fix."""
    return KeysDoNotFit(
        f"the data keys of this process ({SETTING}, else {key_file}) cannot decrypt what "
        f"this database holds ({detail}): give every process, the command line included, "
        f"the same {SETTING} as the running deployment"
    )


def _holds_encrypted(session: Session) -> bool:
    """Tell whether anything encrypted is stored (cases, two-factor secrets, rescued text)."""
    from meldcode.storage.training import TrainingParticipant

    probes = (
        select(Case.id),
        select(User.id).where(User.totp_secret_enc.is_not(None)),
        select(StashedForm.token_hash),
        select(TrainingParticipant.id).where(TrainingParticipant.name_enc.is_not(None)),
    )
    return any(session.scalar(probe.limit(1)) is not None for probe in probes)


def _adopt(session: Session, cipher: Cipher, key_file: Path) -> None:
    """Check a database written before the register: our keys must open its newest rows."""
    cases = session.scalars(select(Case).order_by(Case.created_at.desc()).limit(SAMPLE))
    records = session.scalars(select(CaseRecord).limit(SAMPLE))
    try:
        for case in cases:
            cipher.decrypt(case.label_enc, f"cases.label:{case.id}")
        for record in records:
            cipher.decrypt(record.payload_enc, f"case_records:{record.id}")
    except DecryptionFailed:
        raise _mismatch("its cases were encrypted with another key", key_file) from None


def _key_file(path: Path, create: bool) -> str | None:
    """Read the instance folder's key file; with ``create``, make it (mode 0600) if missing."""
    if path.is_file():
        return path.read_text().strip() or None
    if not create:
        return None
    # Made exclusively: when another worker of this instance made it first, theirs is used.
    return secret_file(path, Cipher.new_key_text)
