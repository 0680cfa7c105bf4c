"""Fixtures for the dossier: the example case files, one renderer, and PDF inspection.

Rendering costs about a second per dossier, so each (case, language) is printed once per
session; the WeasyPrint warnings logged while printing are kept with the PDF and checked.
"""

import datetime
import logging
import re
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from meldcode import paths
from meldcode.casus.casefile import CaseFile
from meldcode.casus.casefile import load_yaml
from meldcode.dossier.build import Dossier
from meldcode.dossier.build import build
from meldcode.dossier.build import decide
from meldcode.kader import Registry

CASES = Path(__file__).resolve().parent / "cases"
PRINTED = datetime.date(2026, 11, 23)


@dataclass
class Printed:
    """A printed dossier with what WeasyPrint complained about while printing it."""

    view: Dossier
    pdf: bytes
    warnings: list[str]
    path: Path

    def text(self) -> str:
        """Return the PDF's text (pdftotext, no layout) with whitespace collapsed."""
        return " ".join(pdftotext(self.path).split())

    def pages(self) -> list[str]:
        """Return the text of each page, whitespace collapsed."""
        return [" ".join(p.split()) for p in pdftotext(self.path).split("\f")[:-1]]


def load_case(name: str) -> CaseFile:
    """Read one of the example case files."""
    path = CASES / f"{name}.yaml"
    return load_yaml(path.read_bytes(), str(path))


def pdftotext(path: Path) -> str:
    """Return the text of a PDF as poppler extracts it."""
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def streams(pdf: bytes) -> list[bytes]:
    """Return the PDF's raw bytes and every stream it holds, decompressed where possible."""
    found = [pdf]
    for match in re.finditer(rb"stream\r?\n", pdf):
        end = pdf.find(b"endstream", match.end())
        try:
            found.append(zlib.decompressobj().decompress(pdf[match.end() : end]))
        except zlib.error:
            continue
    return found


class WarningLog(logging.Handler):
    """Collect what a logger says at WARNING and above."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def capture(logger: str = "weasyprint"):
    """Attach a collector to a logger; return it (detach with ``release``)."""
    handler = WarningLog()
    logging.getLogger(logger).addHandler(handler)
    return handler


def release(handler, logger: str = "weasyprint") -> None:
    logging.getLogger(logger).removeHandler(handler)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.load(paths.KADERS_DIR, paths.DATA_ROOT)


@pytest.fixture(scope="session")
def renderer():
    from meldcode.dossier.render import Renderer

    return Renderer()


@pytest.fixture(scope="session")
def print_case(registry, renderer, tmp_path_factory):
    """Print a case (by file name or as a CaseFile) once per session and language."""
    done: dict = {}
    folder = tmp_path_factory.mktemp("dossiers")

    def run(case: str | CaseFile, language: str = "nl", **options) -> Printed:
        key = (case, language, tuple(sorted(options.items()))) if isinstance(case, str) else None
        if key in done:
            return done[key]
        loaded = load_case(case) if isinstance(case, str) else case
        view = build(loaded, decide(loaded, registry), language, PRINTED, **options)
        handler = capture()
        try:
            pdf = renderer.pdf(view)
        finally:
            release(handler)
        path = folder / f"{len(done)}-{language}.pdf"
        path.write_bytes(pdf)
        printed = Printed(view, pdf, handler.messages, path)
        if key is not None:
            done[key] = printed
        return printed

    return run
