"""The very large case of the dossier tests and benchmark, and how it was generated.

200 signals, 50 colleagues' consultations and afwegingen motivated in 10,000 characters.
The case file reader caps a file at 256 KiB (meldcode.kader.files.MAX_BYTES), so the
signals are short; the long texts are the motivations. Run this module to rewrite
``cases/groot.yaml``.
"""

import datetime
from pathlib import Path

from meldcode.casus.casefile import CaseFile
from meldcode.casus.casefile import dump_yaml

HERE = Path(__file__).resolve().parent
PATH = HERE / "cases" / "groot.yaml"
SENTENCE = (
    "Op deze dag is opnieuw gezien dat het kind stil en teruggetrokken was, en de mentor heeft "
    "dat zo feitelijk mogelijk opgeschreven, zonder er meteen een oordeel aan te verbinden. "
)
AFWEGINGEN = ("vermoeden", "veiligheid", "hulp", "acceptatie", "resultaat")


def long_text(length: int = 10_000) -> str:
    """Return Dutch prose of exactly ``length`` characters, in paragraphs."""
    paragraph = (SENTENCE * 4).strip() + "\n\n"
    text = (paragraph * (length // len(paragraph) + 1))[:length]
    return text


def large_case() -> CaseFile:
    """Return the large case as a case file."""
    start = datetime.date(2025, 1, 6)
    signals = [
        {
            "datum": (start + datetime.timedelta(days=i)).isoformat(),
            "waarneming": f"Signaal {i + 1}: kwam zonder ontbijt en met vuile kleren naar school.",
            "interpretatie": "Mogelijk verwaarlozing." if i % 3 == 0 else "",
            "waargenomen_door": "mentor",
            "categorie": ("verzorging", "gedrag", "lichamelijk", "uitspraken")[i % 4],
            "tegenindicatie": "Moeder werkt 's nachts." if i % 5 == 0 else "",
            "letsel": i % 20 == 0,
        }
        for i in range(200)
    ]
    consultations = [
        {
            "collega": f"collega{i + 1:02d}@school.example",
            "advies": f"Advies {i + 1}: blijf vastleggen en vraag advies aan Veilig Thuis.",
            "antwoorden": {"vermoeden": "ja", "veiligheid": "ja" if i % 4 == 0 else "nee"},
            "klaar": i % 10 != 9,
        }
        for i in range(50)
    ]
    answers = {
        "vormen": ["kindermishandeling"],
        "disclosure": "nee",
        "vermoeden": "ja",
        "veiligheid": "nee",
        "hulp": "ja",
        "acceptatie": "ja",
        "resultaat": "nee",
    }
    timeline = [
        {
            "tijd": f"2025-01-06T{8 + i // 60:02d}:{i % 60:02d}:00",
            "wie": "mentor@school.example",
            "wat": "signaal_toegevoegd",
        }
        for i in range(200)
    ]
    return CaseFile.model_validate(
        {
            "casus": {
                "label": "G.R., 2015",
                "zorg_sinds": "2025-01-06",
                "kader": {"id": "onderwijs", "versie": "2019.1"},
                "organisatie": "Basisschool De Grote Casus",
                "eigenaar": "mentor@school.example",
            },
            "antwoorden": answers,
            "motivaties": {q: long_text() for q in AFWEGINGEN},
            "signalen": signals,
            "consultaties": consultations,
            "beslissing": {"volgt_uitkomst": True, "datum": "2025-08-01"},
            "melding": {"datum": "2025-08-01", "regio": "Veilig Thuis Haaglanden"},
            "tijdlijn": timeline,
        }
    )


if __name__ == "__main__":
    text = dump_yaml(large_case())
    PATH.write_text(text, encoding="utf-8")
    print(f"{PATH}: {len(text.encode())} bytes")
