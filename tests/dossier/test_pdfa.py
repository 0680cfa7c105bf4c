"""The archival dossier (PDF/A-2u): what a script can check of the standard.

Checked: the XMP metadata identifies PDF/A-2 level U, an sRGB output intent with its ICC
profile, every font embedded, no encryption, the structure tags of the accessible dossier
kept, the document language and title. Not checked here (see the note): full ISO 19005-2
validation, which needs veraPDF (Java, not packaged for this machine).
"""

import subprocess

import pikepdf
import pytest

from meldcode.cli import main
from tests.dossier.conftest import load_case

NS_PDFAID = "http://www.aiim.org/pdfa/ns/id/"


@pytest.fixture(scope="module")
def archival(renderer, registry, tmp_path_factory):
    from meldcode.dossier.build import build
    from meldcode.dossier.build import decide

    case = load_case("onderwijs")
    pdf = renderer.pdf(build(case, decide(case, registry), "nl"), archival=True)
    path = tmp_path_factory.mktemp("pdfa") / "dossier.pdf"
    path.write_bytes(pdf)
    return path


def xmp_ids(path) -> dict:
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        return {key: str(meta.get(key)) for key in ("pdfaid:part", "pdfaid:conformance")}


def test_xmp_identifies_pdfa_2u(archival):
    assert xmp_ids(archival) == {"pdfaid:part": "2", "pdfaid:conformance": "U"}


def test_an_srgb_output_intent_with_its_profile(archival):
    with pikepdf.open(archival) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == pikepdf.Name("/GTS_PDFA1")
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3  # RGB
        assert b"sRGB" in profile.read_bytes()[:200] or "sRGB" in str(intent.get("/Info", ""))


def test_every_font_is_embedded(archival):
    listing = subprocess.run(["pdffonts", str(archival)], capture_output=True, check=True)
    rows = listing.stdout.decode().splitlines()[2:]
    assert rows, "the dossier has fonts"
    for row in rows:
        columns = row.split()
        # name type [type] encoding emb sub uni object ID: "emb" is the 5th from the end.
        assert columns[-5] == "yes", row


def test_no_encryption_and_tags_kept(archival):
    with pikepdf.open(archival) as pdf:
        assert not pdf.is_encrypted
        assert "/Encrypt" not in pdf.trailer
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.Root.Lang) == "nl"
        assert "/EmbeddedFiles" not in pdf.Root.get("/Names", {})


def test_the_normal_dossier_stays_pdf_ua(renderer, registry, tmp_path):
    from meldcode.dossier.build import build
    from meldcode.dossier.build import decide

    case = load_case("onderwijs")
    path = tmp_path / "ua.pdf"
    path.write_bytes(renderer.pdf(build(case, decide(case, registry), "nl")))
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        assert str(meta.get("pdfuaid:part")) == "1"
        assert meta.get("pdfaid:part") is None
        assert "/OutputIntents" not in pdf.Root


def test_the_command_line_prints_pdfa_on_request(tmp_path):
    from tests.dossier.conftest import CASES

    out = tmp_path / "archief.pdf"
    with pytest.raises(SystemExit) as done:
        main(["dossier", str(CASES / "knmg.yaml"), "-o", str(out), "--pdfa"])
    assert done.value.code == 0
    assert xmp_ids(out)["pdfaid:part"] == "2"
