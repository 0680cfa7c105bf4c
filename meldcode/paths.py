"""Where the project's data folders are: the one place that knows.

In a source checkout the folders sit at the top of the repository, beside the package.
An installed wheel carries them inside the package as ``meldcode/_data/`` (see
pyproject.toml); that copy is preferred when it exists.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED = PACKAGE_DIR / "_data"
_CHECKOUT = PACKAGE_DIR.parent

DATA_ROOT = _INSTALLED if (_INSTALLED / "afwegingskaders").is_dir() else _CHECKOUT

KADERS_DIR = DATA_ROOT / "afwegingskaders"
SCENARIOS_DIR = KADERS_DIR / "scenarios"
TEMPLATES_DIR = DATA_ROOT / "templates"
STATIC_DIR = DATA_ROOT / "static"
TRANSLATIONS_DIR = DATA_ROOT / "translations"
OEFENCASUSSEN_DIR = DATA_ROOT / "oefencasussen"
# Database, secrets and local config: beside the checkout, or in the working directory
# of an installed package (override with MELDCODE_INSTANCE_PATH).
INSTANCE_DIR = (_CHECKOUT / "instance") if DATA_ROOT == _CHECKOUT else Path.cwd() / "instance"


def describe() -> dict[str, str]:
    """Return every data path by name, for diagnostics and the installed-package test."""
    return {
        "data_root": str(DATA_ROOT),
        "kaders": str(KADERS_DIR),
        "scenarios": str(SCENARIOS_DIR),
        "templates": str(TEMPLATES_DIR),
        "static": str(STATIC_DIR),
        "translations": str(TRANSLATIONS_DIR),
        "oefencasussen": str(OEFENCASUSSEN_DIR),
    }
