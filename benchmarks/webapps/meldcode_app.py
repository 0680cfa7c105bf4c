"""Gunicorn entry point for the benchmark: the real app on a prepared instance folder."""

from meldcode.web import create_app

app = create_app()
