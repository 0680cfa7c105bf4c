"""Files only their owner may read (mode 0600): exported cases, dossier PDFs, keys, secrets.

One place for both ways such a file is written: an export that replaces what was there
(:func:`write_private`), and a secret made once per instance folder that several processes
starting at the same moment must agree on (:func:`secret_file`).
"""

import os
from collections.abc import Callable
from pathlib import Path


def write_private(path: str | Path, data: bytes) -> None:
    """Write ``data`` to a file only its owner can read: exports hold case content.

    An existing file is made private too before anything is written into it.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(data)


def secret_file(path: Path, make: Callable[[], str]) -> str:
    """Return the secret in ``path``; the first time, write ``make()`` there (mode 0600).

    The file is created exclusively: when another process of the same instance made it a
    moment earlier, its value is read and used, so every process agrees on one secret.
    """
    if path.is_file():
        return path.read_text().strip()
    value = make()
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process wrote it first: use theirs
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as handle:
        handle.write(value + "\n")
    return value
