"""Settings shared by the web app and the command line, and the instance folder's secrets.

Order: defaults, then ``<instance>/config.py`` (optional), then ``MELDCODE_*`` environment
variables, then a test mapping. The variables are read by Flask's own
:class:`flask.Config` (``from_prefixed_env``), which needs no app, and the file as its
``from_pyfile`` would (:func:`config_file`), so the command line reads them exactly as the
web app does. Secrets are never defaulted: on first
start a random secret key is written into the instance folder (mode 0600), and a data key
too, but only when the database holds nothing encrypted yet (meldcode.storage.keyring).
Several instances, and the command line beside them, must share both: set
MELDCODE_SECRET_KEY and MELDCODE_DATA_KEYS.
"""

import os
import runpy
import secrets
from pathlib import Path

from meldcode import paths
from meldcode.private_files import secret_file

DEFAULTS: dict = {
    "DATABASE_URL": None,  # None: SQLite in the instance folder
    "KADERS_DIR": str(paths.KADERS_DIR),
    "BASE_URL": "http://127.0.0.1:5000",
    "SESSION_IDLE_MINUTES": 30,
    "SESSION_ABSOLUTE_HOURS": 10,
    "SESSION_WARNING_MINUTES": 2,
    "INVITATION_DAYS": 7,
    "PASSWORD_RESET_HOURS": 24,  # a reset link a beheerder makes (passed on by hand or mailed)
    "PASSWORD_RESET_MAIL_MINUTES": 60,  # a link asked for with "wachtwoord vergeten"
    "ALLOW_NEW_ORGANISATIONS": False,  # may a beheerder create another organisation here?
    "STASH_HOURS": 4,
    "PDF_CONCURRENCY": 0,  # renders at once per machine; 0: one fewer than its CPU cores
    "TRUSTED_PROXIES": 0,  # number of proxies in front, for the client address in the audit log
    "HTTPS": False,  # behind HTTPS: secure cookies and HSTS
    "OEFENCASUSSEN_DIR": "",  # a folder with trainers' own training cases
    "TRAINING_RETENTION_HOURS": 24,
    "TRAINING_MAX_PARTICIPANTS": 250,  # places in one training session
    "TRAINING_SESSION_HOURS": 8,  # a session not ended by its trainer ends after this
    "OIDC_PROVIDERS": [],  # single sign-on: see README "Single sign-on" and meldcode.web.sso
    "OIDC_TIMEOUT_SECONDS": 10,  # for each call to an OpenID provider
    # Background jobs (meldcode.jobs): the queue's store, workers, and the render bounds.
    "QUEUE_URL": "",  # empty: SQLite in the instance folder, or the PostgreSQL database
    "JOB_WORKERS": 2,  # worker threads of `meldcode worker`
    "RENDER_SECONDS": 300,  # a render taking longer is stopped and reported as failed
    "RENDER_MEMORY_MB": 2048,  # what one render may add to the worker's address space
    "RENDER_KEEP_MINUTES": 15,  # a printed PDF is deleted this long after it was made
    "PDF_ARCHIVAL": False,  # print dossiers as PDF/A-2u (tagged) instead of PDF/UA-1
    # E-mail (meldcode.mail): without SMTP_HOST no mail is sent and links are passed by hand.
    "SMTP_HOST": "",
    "SMTP_PORT": 587,
    "SMTP_SECURITY": "starttls",  # starttls, tls (implicit, port 465) or none
    "SMTP_USER": "",
    "SMTP_PASSWORD": "",
    "SMTP_CA_FILE": "",  # a private CA that signed the mail server's certificate
    "SMTP_TIMEOUT": 20,
    "MAIL_FROM": "",
    "RETENTION_WARNING_DAYS": 7,  # warn the owner this long before a closed case is deleted
    "LOG_FORMAT": "text",  # text, or json (one JSON object per line)
}


# Settings that must be a whole number of at least this much; anything else stops the app
# at start with a message, instead of a 500 on the first page that uses it.
MINIMUMS = {
    "SESSION_IDLE_MINUTES": 1,
    "SESSION_ABSOLUTE_HOURS": 1,
    "SESSION_WARNING_MINUTES": 0,
    "INVITATION_DAYS": 1,
    "PASSWORD_RESET_HOURS": 1,
    "PASSWORD_RESET_MAIL_MINUTES": 5,
    "STASH_HOURS": 1,
    "PDF_CONCURRENCY": 0,
    "JOB_WORKERS": 1,
    "RENDER_SECONDS": 1,
    "RENDER_MEMORY_MB": 64,
    "RENDER_KEEP_MINUTES": 1,
    "TRUSTED_PROXIES": 0,
    "TRAINING_RETENTION_HOURS": 0,
    "TRAINING_MAX_PARTICIPANTS": 1,
    "TRAINING_SESSION_HOURS": 1,
}


def check(settings: dict) -> None:
    """Raise ValueError naming the setting when a number is missing, not whole or too small."""
    for key, least in MINIMUMS.items():
        value = settings.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise ValueError(
                f"setting {key} (MELDCODE_{key}) must be a whole number of at least {least}, "
                f"not {value!r}"
            )


def kaders_dir(environ=None) -> Path:
    """Return the kaders folder the app uses, without creating the instance folder.

    MELDCODE_KADERS_DIR, else KADERS_DIR in the instance's config.py, else the shipped one.
    """
    environ = os.environ if environ is None else environ
    chosen = environ.get("MELDCODE_KADERS_DIR") or config_file(instance_dir()).get("KADERS_DIR")
    return Path(chosen) if chosen else paths.KADERS_DIR


def instance_dir() -> Path:
    """Return the instance folder (database, secrets, optional config.py)."""
    return Path(os.environ.get("MELDCODE_INSTANCE_PATH") or paths.INSTANCE_DIR)


def _config(folder: Path):
    """Return an empty :class:`flask.Config` rooted at the instance folder.

    Imported here, not at the top: commands that never read the instance (``decide``)
    stay free of Flask's import time.
    """
    from flask import Config

    return Config(str(folder))


def config_file(folder: Path) -> dict:
    """Return the settings in the instance's config.py (names in capitals), or none.

    Run as ``flask.Config.from_pyfile`` runs it (a module named ``config``), but with the
    standard library's runpy: the commands that read only this (``meldcode decide``, for
    KADERS_DIR) then stay free of Flask's import time. :func:`load` reads it here too.
    """
    path = folder / "config.py"
    if not path.is_file():
        return {}
    found = runpy.run_path(str(path), run_name="config")
    return {key: value for key, value in found.items() if key.isupper()}


def load(test_config: dict | None = None) -> dict:
    """Return the settings; create the instance folder and its secrets if missing."""
    folder = (
        Path(test_config.get("INSTANCE_PATH"))
        if test_config and test_config.get("INSTANCE_PATH")
        else instance_dir()
    )
    settings = _config(folder)
    settings.from_mapping(DEFAULTS)
    settings.update(config_file(folder))
    # Values are read as JSON where they parse (MELDCODE_HTTPS=true is a bool), else text.
    settings.from_prefixed_env("MELDCODE")
    settings["INSTANCE_PATH"] = str(folder)
    if test_config:
        settings.update(test_config)
    check(settings)
    folder.mkdir(parents=True, exist_ok=True)
    if not settings.get("SECRET_KEY"):
        settings["SECRET_KEY"] = secret_file(folder / "secret_key", lambda: secrets.token_hex(32))
    if not settings.get("DATA_KEYS"):
        # Read, never made here: a key is made only for an empty database (open_database).
        keys = folder / "data_keys"
        settings["DATA_KEYS"] = keys.read_text().strip() if keys.is_file() else None
    if not settings.get("DATABASE_URL"):
        settings["DATABASE_URL"] = f"sqlite:///{folder / 'meldcode.sqlite3'}"
    return dict(settings)


def open_database(settings: dict):
    """Open the configured database with keys that fit what it holds (see storage.keyring).

    Raises meldcode.storage.keyring.KeysDoNotFit, naming the setting to fix.
    """
    from meldcode.storage.keyring import open_database as open_with_keys

    key_file = Path(settings["INSTANCE_PATH"]) / "data_keys"
    return open_with_keys(settings["DATABASE_URL"], settings.get("DATA_KEYS"), key_file)
