"""Downloads: /dumps/ (the list) and /dumps/<name>.<nq|ttl>.gz, generated on demand and
cached per store state (a new import makes new files; the old ones are removed)."""

from __future__ import annotations

import gzip
from pathlib import Path

import platformdirs
from flask import Blueprint, Response, jsonify, request, send_file
from rdflib import Graph

from ssgraph.owned_files import (
    owned_directory,
    owned_subdirectory,
    remove_entries,
    write_atomically,
)
from ssgraph.publication import graph_counts, group_of, slug_of
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, not_acceptable
from ssgraph.web.pages import html_response
from ssgraph.web.service import service

bp = Blueprint("dumps", __name__)

DUMP_FORMATS = {"nq": "nquads", "ttl": "turtle"}


def _cache_dir() -> Path:
    """The dump cache: a folder ssgraph owns (a marker file); a foreign folder is refused."""
    configured = service().settings.get("dump_cache_dir")
    folder = Path(configured) if configured else Path(platformdirs.user_cache_dir("ssgraph")) / "dumps"
    return owned_directory(folder, "dump_cache_dir")


def _dump_targets() -> dict[str, list[str] | None]:
    """Dump name (without extension) → the graphs it holds (None: the whole dataset)."""
    targets: dict[str, list[str] | None] = {"all": None}
    for iri, _ in graph_counts(service()):
        targets.setdefault(f"group-{group_of(iri)}", []).append(iri)  # type: ignore[union-attr]
        targets[f"graph-{slug_of(iri)}"] = [iri]
    return targets


def _write_dump(path: Path, graphs: list[str] | None, fmt: str) -> None:
    with service().reading() as store:
        write_atomically(path, lambda raw: _dump_into(raw, store, graphs, fmt))


def _dump_into(raw, store, graphs: list[str] | None, fmt: str) -> None:
    with gzip.GzipFile(fileobj=raw, mode="wb") as out:
        if graphs is None:
            store.export(out, format=fmt)
        elif fmt == "turtle" and len(graphs) > 1:
            union = Graph()
            for iri in graphs:
                union += store.graph(iri)
            out.write(union.serialize(format="turtle", encoding="utf-8"))
        else:
            for iri in graphs:
                if fmt == "nquads":
                    # N-Quads keep the graph name: export the graph's triples as quads
                    for s, p, o in store.graph(iri):
                        out.write(f"{s.n3()} {p.n3()} {o.n3()} <{iri}> .\n".encode())
                else:
                    store.export(out, format=fmt, graph=iri)


@bp.route("/dumps/", methods=["GET"])
def dumps_index() -> Response:
    names = list(_dump_targets())
    files = [f"{name}.{ext}.gz" for name in names for ext in DUMP_FORMATS]
    format_param = (request.args.get("format") or "").lower()
    chosen = "text/html" if format_param == "html" else "application/json" if format_param == "json" else \
        negotiation.acceptable(request.headers.get("Accept"), ["application/json", "text/html"])
    if chosen == "text/html":
        return html_response("site/dumps.html", files=files)
    if chosen is None:
        raise not_acceptable()
    return jsonify({"files": [request.url_root + "dumps/" + f for f in files]})


@bp.route("/dumps/<name>", methods=["GET"])
def dump_file(name: str) -> Response:
    stem, _, rest = name.partition(".")
    extension = rest[:-3] if rest.endswith(".gz") else None
    targets = _dump_targets()
    if extension not in DUMP_FORMATS or stem not in targets:
        raise HttpProblem(404, "publication.no_dump", name=name)
    if negotiation.acceptable(request.headers.get("Accept"), ["application/gzip", "application/octet-stream"]) is None:
        raise not_acceptable()
    state = service().state_key()
    cache = _cache_dir()
    path = owned_subdirectory(cache, state) / name
    if path.is_symlink() or not path.is_file():
        _write_dump(path, targets[stem], DUMP_FORMATS[extension])
        remove_entries(cache, keep={state})  # dumps of earlier store states
    media = "application/n-quads" if extension == "nq" else "text/turtle"
    response = send_file(path, mimetype="application/gzip", as_attachment=True, download_name=name)
    response.headers["X-Content-Media-Type"] = media
    return response
