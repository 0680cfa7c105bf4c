"""An organisation's settings, saved with their version so two beheerders never overwrite."""

from sqlalchemy.orm import Session

from meldcode.storage.models import Organisation
from meldcode.storage.versioned import Conflict
from meldcode.storage.versioned import bump

SETTINGS = ("default_kader", "retention_days", "require_totp")


def settings_of(organisation: Organisation) -> dict:
    """Return the organisation's settings as stored (name -> value)."""
    return {name: getattr(organisation, name) for name in SETTINGS}


def save_settings(session: Session, organisation_id: str, shown: int, values: dict) -> None:
    """Store the settings; raise Conflict when they changed since version ``shown``.

    The same settings sent twice (a double click) are saved once, without a conflict.
    """
    organisation = session.get(Organisation, organisation_id)
    if bump(session, organisation, "settings_version", shown, values):
        return
    session.refresh(organisation)
    stored = settings_of(organisation)
    if any(stored[name] != value for name, value in values.items()):
        version = organisation.settings_version
        raise Conflict("instellingen", "", stored, version, None, None)
