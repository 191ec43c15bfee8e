"""A request read straight from an RSGI scope, for the web front's query path.

The SPARQL protocol code (``web.sparql``, ``web.errors``) reads a request through a small
part of werkzeug's ``Request`` API: ``method``, ``path``, ``args``, ``form``, ``values``,
``headers.get``, ``mimetype``, ``mimetype_params``, ``get_data()`` and ``accept_languages``.
Building a WSGI environ and a werkzeug ``Request`` for every query costs more than
answering ``ASK {}`` does, so the web front (``web.front``) hands the protocol code this
object instead: the same attributes, parsed by the same werkzeug and standard-library
functions with the same options, each only when first asked for.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import parse_qsl

import werkzeug.urls  # noqa: F401 - registers the "werkzeug.url_quote" codec error handler
from werkzeug.datastructures import CombinedMultiDict, ImmutableMultiDict, LanguageAccept
from werkzeug.http import parse_accept_header, parse_options_header

_FORM = "application/x-www-form-urlencoded"
_NO_VALUES: ImmutableMultiDict[str, str] = ImmutableMultiDict()


def _parsed(text: str) -> ImmutableMultiDict[str, str]:
    """URL-encoded parameters as werkzeug parses them (invalid bytes stay percent-encoded)."""
    return ImmutableMultiDict(parse_qsl(text, keep_blank_values=True, errors="werkzeug.url_quote"))


_remembered = lru_cache(maxsize=512)(_parsed)  # clients send the same queries again and again
_REMEMBERED_UP_TO = 2000  # characters: 512 of them at most 1 MB


def _parameters(text: str) -> ImmutableMultiDict[str, str]:
    if not text:
        return _NO_VALUES
    return _remembered(text) if len(text) <= _REMEMBERED_UP_TO else _parsed(text)


class RsgiHeaders:
    """Case-insensitive reading of the scope's headers; a repeated header reads as its
    values joined with commas, as in a WSGI environ."""

    __slots__ = ("_values",)

    def __init__(self, headers: Any):
        values: dict[str, str] = {}
        for name, value in headers.items():  # names arrive in lower case
            values[name] = f"{values[name]},{value}" if name in values else value
        self._values = values

    def get(self, name: str, default: str | None = None) -> str | None:
        return self._values.get(name.lower(), default)


class RsgiRequest:
    """The request of an RSGI ``scope`` whose whole ``body`` has been read."""

    def __init__(self, scope: Any, body: bytes = b""):
        self.method: str = scope.method
        self.path: str = scope.path
        self.query_string: str = scope.query_string
        self.headers = RsgiHeaders(scope.headers)
        self._body = body

    def get_data(self) -> bytes:
        return self._body

    @cached_property
    def args(self) -> ImmutableMultiDict[str, str]:
        return _parameters(self.query_string)

    @cached_property
    def _content_type(self) -> tuple[str, dict[str, str]]:
        return parse_options_header(self.headers.get("Content-Type", ""))

    @property
    def mimetype(self) -> str:
        return self._content_type[0].lower()

    @property
    def mimetype_params(self) -> dict[str, str]:
        return self._content_type[1]

    @cached_property
    def form(self) -> ImmutableMultiDict[str, str]:
        """Form fields of a URL-encoded body (the only form the protocol takes); a body that is
        not UTF-8 has none (the protocol code refuses it before it reads fields)."""
        if self.mimetype != _FORM or not self._body:
            return _NO_VALUES
        try:
            return _parameters(self._body.decode("utf-8"))
        except UnicodeDecodeError:
            return _NO_VALUES

    @property
    def values(self) -> ImmutableMultiDict[str, str] | CombinedMultiDict[str, str]:
        """The query string's parameters, and a POST's form fields after them."""
        return self.args if self.method == "GET" else CombinedMultiDict([self.args, self.form])

    @cached_property
    def accept_languages(self) -> LanguageAccept:
        return parse_accept_header(self.headers.get("Accept-Language"), LanguageAccept)

    @property
    def user_agent_string(self) -> str:
        return self.headers.get("User-Agent") or ""
