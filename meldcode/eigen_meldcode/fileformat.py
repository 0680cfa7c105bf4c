"""The meldcode file: an organisation's own meldcode as one documented YAML file.

Format id ``meldcode-eigen/1`` (docs/eigen-meldcode.md). Read with the core's strict YAML
loader (no tags, anchors, duplicate keys or yes/no) and validated with
:class:`~meldcode.eigen_meldcode.model.EigenMeldcode`: unknown keys are errors that name
the line. A school board exports it once and imports it at each of its schools.
"""

import yaml

from meldcode.eigen_meldcode.model import EigenMeldcode
from meldcode.kader.errors import KaderError
from meldcode.kader.inherit import as_merged
from meldcode.kader.validate import to_model
from meldcode.kader.yamlsafe import load_bytes

HEADER = (
    "# Eigen meldcode van een organisatie (formaat meldcode-eigen/1), gemaakt met meldcode.\n"
    "# Bevat namen en telefoonnummers van functionarissen: deel het alleen binnen de\n"
    "# organisatie of het bestuur. Inlezen: meldcode eigen-meldcode import BESTAND --org NAAM\n"
)


def dump_yaml(meldcode: EigenMeldcode) -> str:
    """Write a meldcode as YAML with a header comment; keys in the model's order."""
    data = meldcode.model_dump(mode="json")
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def load_yaml(raw: bytes, name: str = "meldcode.yaml") -> EigenMeldcode:
    """Read a meldcode file strictly; raise KaderError naming the line of every problem."""
    loaded = load_bytes(raw, name)
    found = to_model(as_merged(loaded), EigenMeldcode)
    if not isinstance(found, EigenMeldcode):  # pragma: no cover - to_model returns the model
        raise KaderError([])
    return found
