"""Every table of the database, in one place: the modules that declare tables, by name.

Tables are declared next to the code that uses them (cases and accounts in ``models``,
training in ``training``, render jobs and mails in ``background`` …), all on one
declarative base. Alembic and the schema checks need the whole set; naming one model of
each such module here is what loads it, so the list is written out once and no module is
imported only for what importing it does.
"""

from sqlalchemy import MetaData

from meldcode.storage.background import RenderJob
from meldcode.storage.eigen_meldcode import OrgMeldcode
from meldcode.storage.identities import ExternalIdentity
from meldcode.storage.models import Base
from meldcode.storage.password_resets import PasswordReset
from meldcode.storage.recovery_codes import RecoveryCode
from meldcode.storage.throttle import Throttle
from meldcode.storage.training import TrainingSession

# One model of every module that declares tables (tests/storage/test_schema.py checks it).
TABLE_MODULES = (
    Base,
    RenderJob,
    OrgMeldcode,
    ExternalIdentity,
    PasswordReset,
    RecoveryCode,
    Throttle,
    TrainingSession,
)


def metadata() -> MetaData:
    """Return the metadata of every table (the modules above share one base)."""
    return Base.metadata
