"""WSGI entry point: ``gunicorn server:app``."""

from ssgraph.web import create_app

app = create_app()
