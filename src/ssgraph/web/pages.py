"""Pages of the web service, rendered by the one rendering layer (ssgraph.rendering).

The web only adds what a request knows: the page language, the path (for the active
navigation item) and the link to the same page in the other language.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Response, request

from ssgraph import rendering
from ssgraph.web.errors import request_language
from ssgraph.web.iris import local_href


def switch_href(lang: str) -> str:
    """This request's URL (path and parameters) in the other language."""
    other = "en" if lang == "sv" else "sv"
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", other)]
    return request.path + "?" + urlencode(pairs)


def current_page(alternates: list[dict[str, str]] | None = None) -> rendering.Page:
    lang = request_language()
    return rendering.Page(lang=lang, path=request.path, switch_href=switch_href(lang),
                          alternates=alternates or [], links=local_href)


def render_page(template: str, alternates: list[dict[str, str]] | None = None, **context: object) -> str:
    return rendering.render(template, current_page(alternates), **context)


def html_response(template: str, status: int = 200, alternates: list[dict[str, str]] | None = None,
                  **context: object) -> Response:
    response = Response(render_page(template, alternates, **context), status=status,
                        content_type="text/html; charset=utf-8")
    response.headers["Vary"] = "Accept, Accept-Language"
    return response
