"""meldplicht (pages are added here)."""

from meldcode.web.casus import bp  # noqa: F401
