"""Downloads: /dumps/ (the list) and /dumps/<name>.<nq|ttl>.gz, generated on demand and
cached per store state (a new import makes new files; the old ones are removed)."""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
from pathlib import Path

import platformdirs
from flask import Blueprint, Response, jsonify, request, send_file
from rdflib import Graph

from ssgraph.publication import graph_counts, group_of, slug_of
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem, not_acceptable
from ssgraph.web.pages import html_response
from ssgraph.web.service import service

bp = Blueprint("dumps", __name__)

DUMP_FORMATS = {"nq": "nquads", "ttl": "turtle"}


def _cache_dir() -> Path:
    configured = service().settings.get("dump_cache_dir")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("ssgraph")) / "dumps"


def _dump_targets() -> dict[str, list[str] | None]:
    """Dump name (without extension) → the graphs it holds (None: the whole dataset)."""
    targets: dict[str, list[str] | None] = {"all": None}
    for iri, _ in graph_counts(service()):
        targets.setdefault(f"group-{group_of(iri)}", []).append(iri)  # type: ignore[union-attr]
        targets[f"graph-{slug_of(iri)}"] = [iri]
    return targets


def _write_dump(path: Path, graphs: list[str] | None, fmt: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    os.close(handle)
    try:
        with service().reading() as store, gzip.open(temporary, "wb") as out:
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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
    path = _cache_dir() / state / name
    if not path.exists():
        _write_dump(path, targets[stem], DUMP_FORMATS[extension])
        for old in _cache_dir().iterdir():
            if old.is_dir() and old.name != state:
                shutil.rmtree(old, ignore_errors=True)
    media = "application/n-quads" if extension == "nq" else "text/turtle"
    response = send_file(path, mimetype="application/gzip", as_attachment=True, download_name=name)
    response.headers["X-Content-Media-Type"] = media
    return response
