"""Settings shared by the web app and the command line, and the instance folder's secrets.

Order: defaults, then ``<instance>/config.py`` (optional), then ``MELDCODE_*`` environment
variables, then a test mapping. The file and the variables are read by Flask's own
:class:`flask.Config` (``from_pyfile``, ``from_prefixed_env``), which needs no app, so the
command line reads them exactly as the web app does. Secrets are never defaulted: on first
start a random secret key and data key are written into the instance folder (mode 0600).
Several instances behind a load balancer must share them: set MELDCODE_SECRET_KEY and
MELDCODE_DATA_KEYS, or share the instance folder.
"""

import os
import secrets
from pathlib import Path

from meldcode import paths
from meldcode.storage.crypto import Cipher

DEFAULTS: dict = {
    "DATABASE_URL": None,  # None: SQLite in the instance folder
    "KADERS_DIR": str(paths.KADERS_DIR),
    "BASE_URL": "http://127.0.0.1:5000",
    "SESSION_IDLE_MINUTES": 30,
    "SESSION_ABSOLUTE_HOURS": 10,
    "SESSION_WARNING_MINUTES": 2,
    "INVITATION_DAYS": 7,
    "STASH_HOURS": 4,
    "PDF_CONCURRENCY": 0,  # 0: as many as there are CPU cores
    "TRUSTED_PROXIES": 0,  # number of proxies in front, for the client address in the audit log
    "HTTPS": False,  # behind HTTPS: secure cookies and HSTS
    "OEFENCASUSSEN_DIR": "",  # a folder with trainers' own training cases
    "TRAINING_RETENTION_HOURS": 24,
    "TRAINING_MAX_PARTICIPANTS": 250,  # places in one training session
    "TRAINING_SESSION_HOURS": 8,  # a session not ended by its trainer ends after this
}


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
    """Return the settings in the instance's config.py (names in capitals), or none."""
    config = _config(folder)
    config.from_pyfile("config.py", silent=True)
    return dict(config)


def load(test_config: dict | None = None) -> dict:
    """Return the settings; create the instance folder and its secrets if missing."""
    folder = (
        Path(test_config.get("INSTANCE_PATH"))
        if test_config and test_config.get("INSTANCE_PATH")
        else instance_dir()
    )
    settings = _config(folder)
    settings.from_mapping(DEFAULTS)
    settings.from_pyfile("config.py", silent=True)
    # Values are read as JSON where they parse (MELDCODE_HTTPS=true is a bool), else text.
    settings.from_prefixed_env("MELDCODE")
    settings["INSTANCE_PATH"] = str(folder)
    if test_config:
        settings.update(test_config)
    folder.mkdir(parents=True, exist_ok=True)
    if not settings.get("SECRET_KEY"):
        settings["SECRET_KEY"] = _secret_file(folder / "secret_key", lambda: secrets.token_hex(32))
    if not settings.get("DATA_KEYS"):
        settings["DATA_KEYS"] = _secret_file(folder / "data_keys", Cipher.new_key_text)
    if not settings.get("DATABASE_URL"):
        settings["DATABASE_URL"] = f"sqlite:///{folder / 'meldcode.sqlite3'}"
    return dict(settings)


def _secret_file(path: Path, make) -> str:
    """Read a secret from the instance folder, creating it (0600) the first time."""
    if path.is_file():
        return path.read_text().strip()
    value = make()
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process wrote it first: use theirs
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as handle:
        handle.write(value + "\n")
    return value
