"""Checks that a case label is pseudonymous: no name, address, date of birth or other identifier.

The label should be initials and a birth year or age ('J.B., 2016'). Anything that looks
like a direct identifier earns a warning the user must confirm: a BSN, e-mail address or
phone number, and what people really type: a name ('Sanne de Koning', 'de Vries'), a
street address ('Kerkstraat 12'), a postcode ('1234 AB') or a full date of birth
('12-03-2016', '12 maart 2016'). A warning can be confirmed, so the patterns lean towards
warning: a label that is not a name costs one tick, a name that passes costs much more.
"""

import re

from meldcode.kader.i18n import _l

# What each finding of looks_personal is, in words (the web's label check and an imported
# case file's refusal say the same).
KINDS = {
    "bsn": _l("een BSN"),
    "email": _l("een e-mailadres"),
    "telefoon": _l("een telefoonnummer"),
    "naam": _l("een naam"),
    "adres": _l("een adres"),
    "postcode": _l("een postcode"),
    "geboortedatum": _l("een volledige geboortedatum"),
}

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_DIGITS = re.compile(r"\d[\d\s.-]{7,}\d")
# Dutch name particles (tussenvoegsels), longest first so "van der" wins over "van".
_PARTICLES = (
    r"(?:van\s+der|van\s+den|van\s+de|van\s+het|in\s+'t|"
    r"van|von|der|den|de|het|'t|ter|ten|te|op|in|el|al|la|le|da|di|du)"
)
_WORD = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"  # Sanne, Anne-Fleur, Koning-Bakker
# Two capitalised words ("Sanne Koning"), possibly with particles between them.
_NAME = re.compile(rf"\b{_WORD}\s+(?:{_PARTICLES}\s+)*{_WORD}\b")
# A particle before a capitalised word is a surname on its own ("J. de Vries", "van Dijk").
_SURNAME = re.compile(rf"(?:^|[\s.,])(?:{_PARTICLES})\s+{_WORD}\b")
_STREETS = (
    "straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|steeg|dreef|park|baan|markt|"
    "plantsoen|erf|veld|wal|ring|hoeve|street|road|lane|avenue"
)
# A street name and a house number: "Kerkstraat 12", "Jan van Galenstraat 4a", "Dorpsweg 3-II".
_ADDRESS = re.compile(rf"\b[\wÀ-ÿ'-]*(?:{_STREETS})\s+\d{{1,5}}\s*[a-zA-Z]?\b", re.IGNORECASE)
# Dutch postcode: four digits (no leading 0) and two letters, not SA, SD or SS.
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS|sa|sd|ss)[A-Za-z]{2}\b")
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    "january|february|march|may|june|july|august|october"
)
_DATES = (
    re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"),  # 12-03-2016, 1/3/16
    re.compile(r"\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"),  # 2016-03-12
    re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+(?:19|20)?\d{{2}}\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b", re.IGNORECASE),
)


def _is_bsn(digits: str) -> bool:
    """Tell whether nine digits pass the BSN eleven-test."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0 and digits != "000000000"


def _numbers(text: str) -> list[str]:
    """Return codes for long numbers: a BSN or a phone number (not a date)."""
    found = []
    for chunk in _DIGITS.findall(text):
        digits = re.sub(r"\D", "", chunk)
        if _is_bsn(digits):
            found.append("bsn")
        elif 10 <= len(digits) <= 12 and (digits.startswith("0") or digits.startswith("31")):
            found.append("telefoon")
    return found


def looks_personal(text: str) -> list[str]:
    """Return codes for what in ``text`` looks like a direct identifier."""
    found = _numbers(text)
    if _EMAIL.search(text):
        found.append("email")
    if _ADDRESS.search(text):
        found.append("adres")
    elif _NAME.search(text) or _SURNAME.search(text):
        found.append("naam")  # a street is not also a name ("Kerkstraat 12" is one finding)
    if _POSTCODE.search(text):
        found.append("postcode")
    if any(pattern.search(text) for pattern in _DATES):
        found.append("geboortedatum")
    return sorted(set(found))


def in_words(found: list[str]) -> str:
    """Return the findings of :func:`looks_personal` in words: 'een naam, een postcode'."""
    return ", ".join(str(KINDS[code]) for code in found)
