"""The federation check: which outside addresses a query (SERVICE) or update (LOAD) may reach.

Every store checks every query and update with its :class:`FederationPolicy` before the
engine sees the text (Oxigraph fetches SERVICE endpoints and LOAD sources by itself), so
the rule holds for the SPARQL endpoint, the analysis pages, linked data and the command
line alike. A text whose code never says SERVICE, LOAD or DEFINE (a Virtuoso pragma, which
can make that server fetch URLs) is passed at once; any other is parsed with rdflib's
SPARQL parser and every SERVICE/LOAD target compared with the allow-lists. A variable
target, or a text the parser cannot read, is refused (fail closed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ssgraph.errors import QueryError, problem
from ssgraph.store.sparql_text import code_words, unescape_codepoints

SERVICE_REFUSED = "store.service_refused"
SERVICE_VARIABLE = "store.service_variable"
UNCHECKED = "store.federation_unchecked"
LOAD_REFUSED = "store.load_refused"
#: the message ids of refusals (a query worker reports only the id; the caller rebuilds the error)
REFUSAL_IDS = frozenset({SERVICE_REFUSED, SERVICE_VARIABLE, UNCHECKED, LOAD_REFUSED})

_QUERY_KEYWORDS = frozenset({"SERVICE", "DEFINE"})
_UPDATE_KEYWORDS = _QUERY_KEYWORDS | {"LOAD"}


class RefusedQuery(QueryError):
    """A query or update that would reach an address the operator did not allow."""

    status = 403


def _walk(node, found: list[tuple[str, object]]) -> None:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            found.append(("service", node.get("term")))
        elif node.name == "Load":
            found.append(("load", node.get("iri")))
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, (list, tuple)):
        for value in node:
            _walk(value, found)
    elif isinstance(node, dict):
        for value in node.values():
            _walk(value, found)


def _targets(text: str, is_update: bool) -> list[tuple[str, object]]:
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    found: list[tuple[str, object]] = []
    try:
        if is_update:
            _walk(list(translateUpdate(parseUpdate(text)).algebra), found)
        else:
            _walk(translateQuery(parseQuery(text)).algebra, found)
    except Exception as error:  # noqa: BLE001 - fail closed on anything the checker cannot read
        raise RefusedQuery(problem(UNCHECKED, detail=str(error).splitlines()[0][:200])) from None
    return found


def _needs_parse(text: str, is_update: bool) -> bool:
    if len(text) <= _REMEMBERED_UP_TO:  # clients send the same queries again and again
        return _remembered_needs_parse(text, is_update)
    return _scanned_needs_parse(text, is_update)


def _scanned_needs_parse(text: str, is_update: bool) -> bool:
    keywords = _UPDATE_KEYWORDS if is_update else _QUERY_KEYWORDS
    words = code_words(text)
    if words & keywords:
        return True
    if "'" in words:  # a quote the scanner could not pair: look for the keywords anywhere
        upper = unescape_codepoints(text).upper()
        return any(keyword in upper for keyword in keywords)
    return False


_REMEMBERED_UP_TO = 2000  # characters: 1,024 texts at most a few MB
_remembered_needs_parse = lru_cache(maxsize=1024)(_scanned_needs_parse)


def _allowed(target: str, allow_list: Iterable[str]) -> bool:
    for entry in allow_list:
        if target == entry or (entry.endswith("/") and target.startswith(entry)):
            return True
    return False


@dataclass(frozen=True)
class FederationPolicy:
    """SPARQL endpoints SERVICE may call and http(s) prefixes LOAD may read; none by default."""

    services: tuple[str, ...] = ()
    load_sources: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings: dict) -> FederationPolicy:
        return cls(tuple(settings.get("service_allow_list") or ()), tuple(settings.get("load_allow_list") or ()))

    def check(self, text: str, is_update: bool = False) -> None:
        """Refuse SERVICE to endpoints not allow-listed and LOAD from sources not allow-listed."""
        if not _needs_parse(text, is_update):
            return
        loadable = tuple(u for u in self.load_sources if u.startswith(("http://", "https://")))
        for kind, target in _targets(text, is_update):
            if kind == "service":
                if type(target).__name__ != "URIRef":
                    raise RefusedQuery(problem(SERVICE_VARIABLE, target=f"?{target}"))
                if not _allowed(str(target), self.services):
                    raise RefusedQuery(problem(SERVICE_REFUSED, target=f"<{target}>",
                                               allowed=", ".join(self.services) or "-"))
            else:
                source = str(target)
                if not source.startswith(("http://", "https://")) or not _allowed(source, loadable):
                    raise RefusedQuery(problem(LOAD_REFUSED, target=f"<{source}>",
                                               allowed=", ".join(loadable) or "-"))


def check_federation(
    text: str,
    service_allow_list: Iterable[str],
    load_allow_list: Iterable[str] = (),
    is_update: bool = False,
) -> None:
    """:meth:`FederationPolicy.check` with the allow-lists given directly."""
    FederationPolicy(tuple(service_allow_list), tuple(load_allow_list)).check(text, is_update)
