"""The organisation's own meldcode: a pure model, its completeness check and file format.

Imports only the rules core and pydantic (tests/eigen_meldcode/test_boundary.py), so the
storage, the dossier, the command line and the web pages all use the same rules. Public
API: :class:`EigenMeldcode`, :func:`check`, :func:`load_yaml`, :func:`dump_yaml`,
:func:`contacts_for_step`.
"""

from meldcode.eigen_meldcode.check import Resultaat
from meldcode.eigen_meldcode.check import check
from meldcode.eigen_meldcode.contacts import Contact
from meldcode.eigen_meldcode.contacts import contacts_for_step
from meldcode.eigen_meldcode.contacts import contacts_used
from meldcode.eigen_meldcode.fileformat import dump_yaml
from meldcode.eigen_meldcode.fileformat import load_yaml
from meldcode.eigen_meldcode.model import EigenMeldcode

__all__ = [
    "Contact",
    "EigenMeldcode",
    "Resultaat",
    "check",
    "contacts_for_step",
    "contacts_used",
    "dump_yaml",
    "load_yaml",
]
