"""Build a test app on its own instance folder and a migrated database."""

from pathlib import Path

from meldcode.storage.crypto import Cipher
from meldcode.storage.migrate import upgrade
from meldcode.web import create_app

TEST_KEYS = Cipher.new_key_text()


def build_app(folder: Path, config: dict | None = None, database_url: str | None = None):
    """Return an app whose instance folder is ``folder`` (migrated SQLite unless given)."""
    folder.mkdir(parents=True, exist_ok=True)
    url = database_url or f"sqlite:///{folder / 'test.sqlite3'}"
    if database_url is None:
        upgrade(url)
    settings = {
        "TESTING": True,
        "INSTANCE_PATH": str(folder),
        "DATABASE_URL": url,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "DATA_KEYS": TEST_KEYS,
    }
    settings.update(config or {})
    return create_app(settings)
