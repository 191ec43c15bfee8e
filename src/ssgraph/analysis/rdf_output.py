"""RDF for analysis results: the harmonisation mapping graph, consolidation findings and
accepted link suggestions, each with PROV-O provenance.

Every link the analyses produce is written twice: as the plain triple (``a skos:closeMatch
b``, ``goal ssg:addressesSDG target``) so it is one pattern in SPARQL, and as an
``ssg:LinkJustification`` naming source, property, target, method, confidence and the
evidence, in the manner of SSSOM (``sssom:mapping_justification`` with SEMAPV terms).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from ssgraph import __version__
from ssgraph.namespaces import PREFIXES, SSG, SSGGRAPH, SSGID

SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")
TOOL = SSGID[f"tool/ssgraph/{__version__}"]


def mapping_graph_iri(org_a: str, org_b: str) -> URIRef:
    return SSGGRAPH[f"mapping/{org_a}-{org_b}"]


def analysis_graph_iri(analysis: str, org: str) -> URIRef:
    return SSGGRAPH[f"analysis/{analysis}/{org}"]


def _new_graph() -> Graph:
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    graph.bind("sssom", SSSOM)
    graph.bind("semapv", SEMAPV)
    return graph


def _activity(graph: Graph, base: str, label: str, now: dt.datetime) -> URIRef:
    activity = URIRef(f"{base}/activity/{now.strftime('%Y%m%dT%H%M%S')}")
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, Literal(label, lang="en")))
    graph.add((activity, PROV.startedAtTime, Literal(now.isoformat(), datatype=XSD.dateTime)))
    graph.add((activity, PROV.wasAssociatedWith, TOOL))
    graph.add((TOOL, RDF.type, PROV.SoftwareAgent))
    graph.add((TOOL, RDFS.label, Literal(f"ssgraph {__version__}")))
    return activity


def _digest(*parts: str) -> str:
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def add_justification(
    graph: Graph, base: str, source: str, prop: URIRef, target: str, method: str,
    confidence: float | None, evidence: str, activity: URIRef | None, now: dt.datetime,
    justification_kind: URIRef | None = None, match_words: list[str] | None = None,
    asserted: bool = True,
) -> URIRef:
    """The justification of a link; with ``asserted`` also the plain link triple (a
    candidate that was not chosen keeps only its justification)."""
    node = URIRef(f"{base}/justification/{_digest(source, str(prop), target)}")
    if asserted:
        graph.add((URIRef(source), prop, URIRef(target)))
    graph.add((node, RDF.type, SSG.LinkJustification))
    graph.add((node, SSG.linkSource, URIRef(source)))
    graph.add((node, SSG.linkProperty, prop))
    graph.add((node, SSG.linkTarget, URIRef(target)))
    graph.add((node, SSG.method, Literal(method)))
    if confidence is not None:
        graph.add((node, SSG.confidence, Literal(round(confidence, 4), datatype=XSD.decimal)))
    graph.add((node, DCTERMS.description, Literal(evidence, lang="en")))
    graph.add((node, PROV.generatedAtTime, Literal(now.isoformat(), datatype=XSD.dateTime)))
    if activity is not None:
        graph.add((node, PROV.wasGeneratedBy, activity))
    if justification_kind is not None:
        graph.add((node, SSSOM.mapping_justification, justification_kind))
    for word in match_words or []:
        graph.add((node, SSSOM.match_string, Literal(word, lang="sv")))
    return node


def harmonisation_graph(result, now: dt.datetime | None = None) -> tuple[URIRef, Graph]:
    """The mapping graph ``ssggraph:mapping/{A}-{B}`` of a harmonisation result."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    graph = _new_graph()
    base = str(SSGID[f"mapping/{result.org_a}-{result.org_b}"])
    mapping_set = URIRef(base)
    activity = _activity(graph, base, f"ssgraph harmonise {result.org_a} {result.org_b}", now)
    graph.add((mapping_set, RDF.type, SSSOM.MappingSet))
    graph.add((mapping_set, RDF.type, PROV.Entity))
    graph.add((mapping_set, DCTERMS.title, Literal(
        f"Harmonisering av målstrukturerna {result.org_a} och {result.org_b}", lang="sv")))
    graph.add((mapping_set, DCTERMS.title, Literal(
        f"Harmonisation of the goal structures {result.org_a} and {result.org_b}", lang="en")))
    graph.add((mapping_set, PROV.wasGeneratedBy, activity))
    graph.add((mapping_set, PROV.generatedAtTime, Literal(now.isoformat(), datatype=XSD.dateTime)))
    graph.add((mapping_set, SSSOM.mapping_tool, Literal(f"ssgraph {__version__} harmonise")))
    for org in (result.org_a, result.org_b):
        graph.add((mapping_set, PROV.used, SSGID[f"org/{org}"]))
    for candidate in result.candidates:
        node = add_justification(
            graph, base, candidate.a, SKOS[candidate.relation], candidate.b, "lexical",
            candidate.score, candidate.explanation(), activity, now,
            justification_kind=SEMAPV.CompositeMatching,
            match_words=list(candidate.evidence.get("shared_words") or []),
            asserted=candidate.assigned,
        )
        graph.add((mapping_set, SSSOM.mappings, node))
        if candidate.assigned:
            graph.add((node, SSSOM.mapping_cardinality, Literal(candidate.cardinality)))
        else:
            graph.add((node, RDFS.comment, Literal("candidate, not chosen", lang="en")))
        graph.add((node, SSSOM.subject_label, Literal(candidate.a_label, lang="sv")))
        graph.add((node, SSSOM.object_label, Literal(candidate.b_label, lang="sv")))
        graph.add((node, SSSOM.similarity_score,
                   Literal(float(candidate.evidence["text"]), datatype=XSD.double)))
        graph.add((node, SSSOM.similarity_measure,
                   Literal("soft alignment of lemmas, compound parts and thesaurus concepts "
                           "(src/ssgraph/analysis/language)")))
    return mapping_graph_iri(result.org_a, result.org_b), graph


def consolidation_graph(result, now: dt.datetime | None = None) -> tuple[URIRef, Graph]:
    """Duplicates as ``skos:closeMatch`` links with justifications, and the ranked
    recommendations as ``ssg:Recommendation`` resources, in ``ssggraph:analysis/consolidation/{org}``."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    graph = _new_graph()
    base = str(SSGID[f"org/{result.org}/analysis/consolidation"])
    activity = _activity(graph, base, f"ssgraph consolidate {result.org}", now)
    for cluster in result.duplicate_clusters:
        for pair in cluster["pairs"]:
            add_justification(
                graph, base, pair["a"], SKOS.closeMatch, pair["b"], "lexical", pair["similarity"],
                f"duplicate goals: {pair['reason']}, text similarity {pair['similarity']}",
                activity, now, justification_kind=SEMAPV.LexicalMatching)
    for rec in result.recommendations:
        node = URIRef(f"{base}/recommendation/{rec.rank}")
        graph.add((node, RDF.type, SSG.Recommendation))
        graph.add((node, SSG.rank, Literal(rec.rank, datatype=XSD.integer)))
        graph.add((node, SSG.recommendedAction, Literal(rec.action)))
        for subject in rec.subjects:
            graph.add((node, SSG.concerns, URIRef(subject)))
        graph.add((node, RDFS.comment, Literal(rec.reason, lang="en")))
        graph.add((node, PROV.wasGeneratedBy, activity))
    summary = URIRef(base)
    graph.add((summary, RDF.type, PROV.Entity))
    graph.add((summary, PROV.wasGeneratedBy, activity))
    graph.add((summary, RDFS.comment, Literal(
        f"{result.goals} goals in {result.documents} documents could become "
        f"{result.goals_after} goals in {result.documents_after} documents", lang="en")))
    return analysis_graph_iri("consolidation", result.org), graph
