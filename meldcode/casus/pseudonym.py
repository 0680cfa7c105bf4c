"""Checks that a case label is pseudonymous: no BSN, e-mail address or phone number.

The label should be initials and a birth year or age ('J.B., 2016'). Anything that looks
like a direct identifier earns a warning the user must confirm.
"""

import re

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_DIGITS = re.compile(r"\d[\d\s.-]{7,}\d")


def _is_bsn(digits: str) -> bool:
    """Tell whether nine digits pass the BSN eleven-test."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0 and digits != "000000000"


def looks_personal(text: str) -> list[str]:
    """Return codes for what in ``text`` looks like a direct identifier."""
    found = []
    if _EMAIL.search(text):
        found.append("email")
    for chunk in _DIGITS.findall(text):
        digits = re.sub(r"\D", "", chunk)
        if _is_bsn(digits):
            found.append("bsn")
        elif 10 <= len(digits) <= 12 and (digits.startswith("0") or digits.startswith("31")):
            found.append("telefoon")
    return sorted(set(found))
