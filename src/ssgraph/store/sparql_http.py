"""The SPARQL 1.1 Protocol over HTTP, spoken through SPARQLWrapper (the project's client).

One :class:`SparqlClient` per remote store; every request gets a fresh ``SPARQLWrapper``
(they hold per-request state, and the web service calls from several threads). Queries and
updates go as form-encoded POSTs (long texts, and Virtuoso does not take direct POST
bodies); content negotiation by Accept only (``setOnlyConneg``), since the extra
``format``/``output`` parameters SPARQLWrapper would add are read differently by servers.
"""

from __future__ import annotations

import urllib.error
from dataclasses import dataclass

from SPARQLWrapper import BASIC, DIGEST, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from ssgraph import __version__
from ssgraph.errors import QueryError, StoreError, problem


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str
    graph_store: str | None = None
    username: str | None = None
    password: str | None = None
    auth: str = "basic"  # or "digest" (Virtuoso's /sparql-auth)
    token: str | None = None
    timeout_s: float = 300.0
    server: str | None = None  # "virtuoso", "oxigraph", … ; None: told by the server itself

    @classmethod
    def from_base(cls, base: str, **settings: object) -> Endpoints:
        """Endpoints from a server address; explicit settings win over the derived paths.

        Without explicit settings, Oxigraph server's paths are assumed: ``/query``,
        ``/update`` and ``/store``.
        """
        root = base.rstrip("/")
        return cls(
            query=str(settings.get("query_endpoint") or f"{root}/query"),
            update=str(settings.get("update_endpoint") or f"{root}/update"),
            graph_store=str(settings.get("graph_store_endpoint") or f"{root}/store"),
            username=settings.get("username") or None,  # type: ignore[arg-type]
            password=settings.get("password") or None,  # type: ignore[arg-type]
            auth=str(settings.get("auth") or "basic").lower(),
            token=settings.get("token") or None,  # type: ignore[arg-type]
            timeout_s=float(settings.get("timeout_s") or 300.0),  # type: ignore[arg-type]
            server=str(settings["server"]).lower() if settings.get("server") else None,
        )


@dataclass(frozen=True)
class Answer:
    media_type: str
    body: bytes
    server: str  # the Server header, e.g. "Virtuoso/07.20.3229 (Linux) …"


def _detail(error: Exception) -> str:
    text = str(error)
    _, found, body = text.partition("Response:\n")
    return (body if found else text).strip()[:500]


class SparqlClient:
    def __init__(self, endpoints: Endpoints):
        self.endpoints = endpoints

    def _wrapper(self, url: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(url, agent=f"ssgraph/{__version__}")
        wrapper.setOnlyConneg(True)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(self.endpoints.timeout_s))
        if self.endpoints.username:
            wrapper.setHTTPAuth(DIGEST if self.endpoints.auth == "digest" else BASIC)
            wrapper.setCredentials(self.endpoints.username, self.endpoints.password or "")
        if self.endpoints.token:
            wrapper.addCustomHttpHeader("Authorization", f"Bearer {self.endpoints.token}")
        return wrapper

    def _send(self, wrapper: SPARQLWrapper, url: str, is_update: bool) -> Answer:
        try:
            response = wrapper.query().response
            info = response.info()
            return Answer(info.get("Content-Type", "").split(";")[0].strip().lower(), response.read(),
                          info.get("Server", ""))
        except SPARQLWrapperException as error:
            status = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404,
                      "URITooLong": 414, "EndPointInternalError": 500}.get(type(error).__name__, 0)
            if status == 400:
                raise QueryError(problem("store.query_syntax", detail=_detail(error))) from None
            if status == 500 and is_update:  # the server refused the update (e.g. CREATE of an existing graph)
                raise QueryError(problem("store.query_failed", detail=_detail(error))) from None
            raise StoreError(problem("store.remote_error", url=url, status=status or "?",
                                     detail=_detail(error))) from None
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()[:500]
            raise StoreError(problem("store.remote_error", url=url, status=error.code, detail=detail)) from None
        except (urllib.error.URLError, OSError) as error:
            raise StoreError(problem("store.remote_unreachable", url=url, detail=str(error))) from None

    def query(
        self, sparql: str, accept: str, form: str,
        default_graph_uris: list[str] | None = None, named_graph_uris: list[str] | None = None,
    ) -> Answer:
        """Run a query of the given form (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
        wrapper = self._wrapper(self.endpoints.query)
        wrapper.queryString, wrapper.queryType = sparql, form  # the form is known: no guessing
        wrapper.addCustomHttpHeader("Accept", accept)
        for uri in default_graph_uris or ():
            wrapper.addDefaultGraph(uri)
        for uri in named_graph_uris or ():
            wrapper.addNamedGraph(uri)
        return self._send(wrapper, self.endpoints.query, is_update=False)

    def update(self, sparql: str) -> None:
        wrapper = self._wrapper(self.endpoints.update)
        wrapper.queryString, wrapper.queryType = sparql, "INSERT"  # sent as an update request
        self._send(wrapper, self.endpoints.update, is_update=True)
