"""The web service: ``create_app(config)`` wires settings → store → blueprints → error handlers."""

from __future__ import annotations

import atexit
from typing import Any

from flask import Flask, Response, request

from ssgraph.settings import load_settings

__all__ = ["create_app"]

READ_ONLY_PATH_PREFIXES = ("/sparql", "/id/", "/ref/", "/ontology", "/shapes", "/void", "/datasets/", "/dumps/",
                           "/queries", "/api/")
BLUEPRINT_MODULES = ("sparql", "update", "graph_store", "linked_data", "publication", "datasets", "dumps", "library",
                     "organisations", "api", "ui", "find")


def _add_cors(response: Response) -> Response:
    from ssgraph.web.service import service

    if request.path.startswith(READ_ONLY_PATH_PREFIXES):
        response.headers["Access-Control-Allow-Origin"] = service().settings["cors_origin"]
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response.headers["Access-Control-Max-Age"] = "86400"
    return response


def _configure_logging(settings: dict[str, Any]) -> None:
    from ssgraph import logs
    from ssgraph.errors import ConfigurationError, problem

    for name, allowed in (("log_format", logs.FORMATS), ("log_level", logs.LEVELS)):
        if str(settings[name]).lower() not in allowed:
            raise ConfigurationError(problem("settings.bad_value", name=name, value=settings[name],
                                             expected=", ".join(allowed)))
    logs.configure(str(settings["log_format"]).lower(), str(settings["log_level"]).lower())


def _check_produces() -> None:
    """406 before a view runs when the request accepts nothing the view declared it produces."""
    from flask import current_app

    from ssgraph.web.errors import not_acceptable
    from ssgraph.web.negotiation import unacceptable_for

    view = current_app.view_functions.get(request.endpoint or "")
    if view is not None and unacceptable_for(view, request.headers.get("Accept"), request.args.get("format")):
        raise not_acceptable()


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The Flask app; ``config`` overrides defaults, the config file and SSGRAPH_* variables."""
    import importlib

    from ssgraph.web import request_log
    from ssgraph.web.errors import register_error_handlers
    from ssgraph.web.service import Service

    settings = load_settings(config)
    _configure_logging(settings)
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = int(settings["max_request_bytes"])
    app.json.ensure_ascii = False
    state = Service(settings)
    app.extensions["ssgraph"] = state
    atexit.register(state.close)
    for name in BLUEPRINT_MODULES:
        module = importlib.import_module(f"ssgraph.web.{name}")
        app.register_blueprint(module.bp)
    from ssgraph.web import analysis_pages

    analysis_pages.register(app)  # /analysis/… and /api/… (the analyses' own module)
    register_error_handlers(app)
    request_log.register(app)
    app.before_request(_check_produces)
    app.after_request(_add_cors)
    return app
