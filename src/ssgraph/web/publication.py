"""Publication of the dataset: /ontology, /shapes, /void, /datasets/dcat and /dumps/.

The DCAT catalogue follows DCAT-AP-SE as dataportal.se harvests it: RDF/XML, absolute
IRIs, no blank nodes, licence, publisher and contact point, one ``dcat:Dataset`` per graph
group. Dumps are generated on demand and cached per store state.
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import platformdirs
from flask import Blueprint, Response, jsonify, request, send_file
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, VOID, XSD

from ssgraph import messages, paths
from ssgraph.namespaces import SSGGRAPH
from ssgraph.web import negotiation
from ssgraph.web.errors import HttpProblem
from ssgraph.web.pages import render_page
from ssgraph.web.service import service
from ssgraph.web.sparql import serialize_graph

messages.define("web.no_dump", sv="ingen sådan nedladdning: {name}", en="no such download: {name}")

bp = Blueprint("publication", __name__)

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_ACCESS = Namespace("http://publications.europa.eu/resource/authority/access-right/")
GROUP_TITLES = {
    "ontology": ("ssgraph-ontologin", "The ssgraph ontology"),
    "reference": ("Referensvokabulär (globala målen, miljömål, folkhälsa, organisationer, standarden)",
                  "Reference vocabularies (SDGs, environmental objectives, public health, organisations, the standard)"),
    "org": ("Organisationernas målstrukturer", "The organisations' goal structures"),
    "catalog": ("Versionskatalog över målstrukturerna", "Version catalogue of the goal structures"),
    "kolada": ("Nyckeltal från Kolada", "Key performance indicators from Kolada"),
    "validation": ("Valideringsresultat", "Validation results"),
    "mapping": ("Harmoniseringar mellan organisationer", "Harmonisation mappings between organisations"),
}
DUMP_FORMATS = {"nq": "nquads", "ttl": "turtle"}


def public_base() -> str:
    configured = service().settings.get("public_base_url") or ""
    return configured.rstrip("/") + "/" if configured else request.url_root


def rdf_response(graph: Graph, prefer: str = "text/turtle") -> Response:
    fmt = negotiation.graph_format(request.headers.get("Accept"), request.args.get("format"), prefer) or "turtle"
    response = Response(serialize_graph(graph, fmt), content_type=negotiation.GRAPH_FORMAT_TO_MEDIA_TYPE[fmt])
    response.headers["Vary"] = "Accept"
    return response


# -- ontology and shapes ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    graph = Graph()
    graph.parse(paths.ONTOLOGY_FILE, format="turtle")
    return graph


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    graph = Graph()
    for path in sorted(paths.SHAPES_DIR.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@bp.route("/ontology", methods=["GET"])
def ontology() -> Response:
    html_file = paths.ONTOLOGY_DIR / "ssgraph.html"
    if negotiation.wants_html(request.headers.get("Accept"), request.args.get("format")) and html_file.exists():
        return send_file(html_file, mimetype="text/html")
    fmt = negotiation.graph_format(request.headers.get("Accept"), request.args.get("format"))
    if fmt in (None, "turtle"):
        return Response(paths.ONTOLOGY_FILE.read_bytes(), content_type="text/turtle; charset=utf-8",
                        headers={"Vary": "Accept"})
    return rdf_response(_ontology())


@bp.route("/shapes", methods=["GET"])
def shapes() -> Response:
    return rdf_response(_shapes())


# -- graph inventory --------------------------------------------------------------------------


def graph_counts() -> list[tuple[str, int]]:
    rows = service().select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    return [(str(r["g"]), int(r["n"])) for r in rows]


def group_of(graph_iri: str) -> str:
    base = str(SSGGRAPH)
    if graph_iri.startswith(base):
        return graph_iri[len(base):].split("/")[0] or "other"
    return "other"


def slug_of(graph_iri: str) -> str:
    base = str(SSGGRAPH)
    rest = graph_iri[len(base):] if graph_iri.startswith(base) else graph_iri
    return "".join(c if c.isalnum() or c in "-_." else "--" if c == "/" else "_" for c in rest)


@bp.route("/void", methods=["GET"])
def void() -> Response:
    base = public_base()
    graph = Graph()
    graph.bind("void", VOID)
    graph.bind("sd", URIRef("http://www.w3.org/ns/sparql-service-description#"))
    graph.bind("dcterms", DCTERMS)
    dataset = URIRef(base + "void#dataset")
    counts = graph_counts()
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("ssgraph", lang="en")))
    graph.add((dataset, DCTERMS.license, URIRef(service().settings["licence"])))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(base + "sparql")))
    graph.add((dataset, VOID.uriSpace, Literal(service().settings["instance_base"])))
    graph.add((dataset, VOID.triples, Literal(sum(n for _, n in counts), datatype=XSD.integer)))
    graph.add((dataset, VOID.dataDump, URIRef(base + "dumps/all.nq.gz")))
    for iri, count in counts:
        subset = URIRef(base + "void#graph-" + slug_of(iri))
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, URIRef("http://www.w3.org/ns/sparql-service-description#name"), URIRef(iri)))
        graph.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
        graph.add((subset, VOID.dataDump, URIRef(base + f"dumps/graph-{slug_of(iri)}.nq.gz")))
    return rdf_response(graph)


# -- DCAT-AP-SE ---------------------------------------------------------------------------------


@bp.route("/datasets/dcat", methods=["GET"])
def dcat_catalogue() -> Response:
    settings = service().settings
    base = public_base()
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        graph.bind(prefix, namespace)
    catalogue = URIRef(base + "datasets/dcat#catalog")
    publisher = URIRef(base + "datasets/dcat#publisher")
    contact = URIRef(base + "datasets/dcat#contact")
    licence = URIRef(settings["licence"])
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal("ssgraph – hållbarhetsstyrning i kommuner och regioner", lang="sv")))
    graph.add((catalogue, DCTERMS.title, Literal("ssgraph – sustainability governance in municipalities and regions", lang="en")))
    graph.add((catalogue, DCTERMS.description, Literal(
        "Mål, indikatorer och styrdokument för hållbar utveckling (SS 854000) som länkade data.", lang="sv")))
    graph.add((catalogue, DCTERMS.description, Literal(
        "Goals, indicators and steering documents for sustainable development (SS 854000) as linked data.", lang="en")))
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, DCTERMS.license, licence))
    graph.add((catalogue, DCTERMS.language, EU_LANGUAGE.SWE))
    graph.add((catalogue, FOAF.homepage, URIRef(base)))
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(settings["publisher_name"])))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(settings["publisher_name"])))
    graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings["contact_email"])))
    groups: dict[str, int] = {}
    for iri, count in graph_counts():
        groups[group_of(iri)] = groups.get(group_of(iri), 0) + count
    for group, count in sorted(groups.items()):
        dataset = URIRef(base + f"datasets/{group}")
        sv, en = GROUP_TITLES.get(group, (group, group))
        graph.add((catalogue, DCAT.dataset, dataset))
        graph.add((dataset, RDF.type, DCAT.Dataset))
        graph.add((dataset, DCTERMS.title, Literal(sv, lang="sv")))
        graph.add((dataset, DCTERMS.title, Literal(en, lang="en")))
        graph.add((dataset, DCTERMS.description, Literal(f"{sv} ({count} tripler).", lang="sv")))
        graph.add((dataset, DCTERMS.description, Literal(f"{en} ({count} triples).", lang="en")))
        graph.add((dataset, DCTERMS.publisher, publisher))
        graph.add((dataset, DCAT.contactPoint, contact))
        graph.add((dataset, DCAT.theme, EU_THEME.GOVE))
        graph.add((dataset, DCAT.theme, EU_THEME.ENVI))
        graph.add((dataset, DCTERMS.accessRights, EU_ACCESS.PUBLIC))
        graph.add((dataset, DCAT.keyword, Literal("hållbarhet", lang="sv")))
        graph.add((dataset, DCAT.keyword, Literal("sustainability", lang="en")))
        for extension, fmt, file_type, media in (("nq", "nquads", "NQUADS", "application/n-quads"),
                                                 ("ttl", "turtle", "RDF_TURTLE", "text/turtle")):
            distribution = URIRef(base + f"datasets/{group}/{extension}")
            graph.add((dataset, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add((distribution, DCTERMS.title, Literal(f"{en} ({fmt}, gzip)", lang="en")))
            graph.add((distribution, DCAT.accessURL, URIRef(base + "sparql")))
            graph.add((distribution, DCAT.downloadURL, URIRef(base + f"dumps/group-{group}.{extension}.gz")))
            graph.add((distribution, DCTERMS.format, EU_FILE_TYPE[file_type]))
            graph.add((distribution, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media}")))
            graph.add((distribution, DCAT.compressFormat, URIRef("https://www.iana.org/assignments/media-types/application/gzip")))
            graph.add((distribution, DCTERMS.license, licence))
    return rdf_response(graph, prefer="application/rdf+xml")


# -- dumps --------------------------------------------------------------------------------------


def _cache_dir() -> Path:
    configured = service().settings.get("dump_cache_dir")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("ssgraph")) / "dumps"


def _dump_targets() -> dict[str, list[str] | None]:
    """Dump name (without extension) → the graphs it holds (None: the whole dataset)."""
    counts = graph_counts()
    targets: dict[str, list[str] | None] = {"all": None}
    for iri, _ in counts:
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
                        buffer = store.graph(iri)
                        for s, p, o in buffer:
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
    if negotiation.wants_html(request.headers.get("Accept"), request.args.get("format")):
        return Response(render_page("site/dumps.html", files=files), content_type="text/html; charset=utf-8")
    return jsonify({"files": [request.url_root + "dumps/" + f for f in files]})


@bp.route("/dumps/<name>", methods=["GET"])
def dump_file(name: str) -> Response:
    stem, _, rest = name.partition(".")
    extension = rest[:-3] if rest.endswith(".gz") else None
    targets = _dump_targets()
    if extension not in DUMP_FORMATS or stem not in targets:
        raise HttpProblem(404, "web.no_dump", name=name)
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
