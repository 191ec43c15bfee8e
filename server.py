"""WSGI entry point for any WSGI server (``waitress-serve server:app``); `ssgraph serve` uses ``web.front``."""

from ssgraph.web import create_app

app = create_app()
