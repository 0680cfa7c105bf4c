"""The one error the command line turns into a short message and exit code 2."""


class BadInput(Exception):
    """Something the user gave (a file, an id, a date) is not usable; exit code 2."""
