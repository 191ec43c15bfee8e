"""The goal graph: one networkx DiGraph of the governance structures in the store.

Edges run downwards, as people read a goal structure: organisation → vision → goals →
sub-goals → indicators and activities, and from goals, indicators and activities out to
what they address (SDG targets, environmental objectives, public-health areas), the
documents that state them and the bodies responsible for them. Every analysis starts here.

Nodes are keyed by IRI and carry ``kind`` (see ``KINDS``), ``label``, ``org`` (the
organisation code, for governance resources) and kind-specific attributes. Assessments and
indicator observations are folded into node attributes (``assessments``,
``observations``) rather than kept as nodes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS

from ssgraph.analysis.details import each_property, read_details
from ssgraph.analysis.indicator_values import add_observations
from ssgraph.analysis.state_cache import per_state
from ssgraph.analysis.versions import (  # noqa: F401  (re-exported for the analyses)
    StructureVersion,
    rows,
    select_versions,
    structure_versions,
)
from ssgraph.namespaces import SSG
from ssgraph.store.binding import bind, iri

KINDS = (
    "organisation", "vision", "goal", "indicator", "activity", "action-plan", "document",
    "body", "sdg", "objective", "public-health", "green-key", "kpi",
)

GOAL_CLASSES = ("Goal", "OverarchingGoal", "CommitteeGoal", "OperationalGoal")
DOCUMENT_CLASSES = (
    "SteeringDocument", "Policy", "Programme", "Plan", "Strategy", "Guideline", "Rule", "Budget",
)
BODY_CLASSES = ("OrganisationalBody", "Council", "ExecutiveBoard", "Committee", "Administration")
CLASS_TO_KIND: dict[str, str] = {
    **{c: "goal" for c in GOAL_CLASSES},
    **{c: "document" for c in DOCUMENT_CLASSES},
    **{c: "body" for c in BODY_CLASSES},
    "Vision": "vision",
    "Indicator": "indicator",
    "Activity": "activity",
    "ActionPlan": "action-plan",
}

# (property local name, relation on the edge, reverse?) — reverse edges point from object to
# subject so that every edge runs downwards in the structure.
EDGE_PROPERTIES: tuple[tuple[str, str, bool], ...] = (
    ("hasParent", "has-subgoal", True),
    ("measures", "measured-by", True),
    ("implementsGoal", "implemented-by", True),
    ("partOfActionPlan", "includes", True),
    ("addressesSDG", "addresses", False),
    ("addressesEnvironmentalObjective", "addresses", False),
    ("addressesPublicHealthArea", "addresses", False),
    ("addressesGreenKeyIndicator", "addresses", False),
    ("statedIn", "stated-in", False),
    ("responsibleBody", "responsible", False),
    ("owner", "responsible", False),
    ("koladaKPI", "kolada-kpi", False),
    ("decidedBy", "decided-by", False),
)
LINK_PROPERTY_TO_KIND = {
    "addressesSDG": "sdg",
    "addressesEnvironmentalObjective": "objective",
    "addressesPublicHealthArea": "public-health",
    "addressesGreenKeyIndicator": "green-key",
}
# literal or concept-valued attributes copied onto nodes (local name → attribute name)
ATTRIBUTES: dict[str, str] = {
    "periodStart": "period_start",
    "periodEnd": "period_end",
    "goalLevel": "level",
    "dimension": "dimension",
    "unit": "unit",
    "direction": "direction",
    "baselineYear": "baseline_year",
    "baselineValue": "baseline_value",
    "targetYear": "target_year",
    "targetValue": "target_value",
    "validFrom": "valid_from",
    "validUntil": "valid_until",
    "decisionDate": "decision_date",
    "revisionDate": "revision_date",
    "documentStatus": "status",
    "documentKind": "document_kind",
    "activityStatus": "status",
    "budget": "budget",
    "startDate": "start_date",
    "endDate": "end_date",
}
MULTI_VALUED = {"dimension"}


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


OBSERVATION_MODES = ("values", "presence", "none")


@dataclass(frozen=True)
class Reading:
    """What ``build_goal_graph`` reads of the structures: by default everything; a page that
    shows less names the relations (``EDGE_PROPERTIES``) and attributes (``ATTRIBUTES``) it uses,
    and leaves out the descriptions (the longest texts) when it shows none."""

    edges: frozenset[str] | None = None  # property local names; None: all
    attributes: frozenset[str] | None = None  # property local names; None: all and dcterms:isReplacedBy
    assessments: bool = True
    descriptions: bool = True  # False: each node's ``description`` is left empty


EVERYTHING = Reading()


def build_goal_graph(
    store, codes: Iterable[str] | None = None, current_only: bool = True,
    observations: str = "values", graphs: Iterable[str] | None = None,
    versions: list[StructureVersion] | None = None, reading: Reading = EVERYTHING,
) -> nx.DiGraph:
    """Build the goal graph of the given organisations (all when ``codes`` is None), or of
    exactly the ``versions`` given (e.g. an earlier version named as ``ORG@VERSION``).

    ``observations``: "values" reads indicator values (``observations`` attribute),
    "presence" only whether an indicator has any (``has_data``), "none" skips them.
    ``graphs``: only these version graphs (one version of an organisation: versions may
    share goal IRIs, so two versions are compared in two goal graphs).
    ``reading``: only these relations and attributes (see ``Reading``).
    """
    if versions is None:
        versions = select_versions(store, codes, current_only and graphs is None)
        if graphs is not None:
            wanted = set(graphs)
            versions = [v for v in versions if v.graph in wanted]
    graph = nx.DiGraph()
    graph.graph["versions"] = [v.__dict__ for v in versions]
    if not versions:
        return graph
    graphs = [iri(v.graph) for v in versions]
    org_of_graph = {v.graph: v for v in versions}

    for v in versions:
        graph.add_node(v.org_iri, kind="organisation", label=v.label or v.code, org=v.code,
                       graph=v.graph)

    _add_typed_nodes(store, graph, graphs, org_of_graph)
    _add_texts(store, graph, graphs, reading.descriptions)
    targets_outside = _add_edges(store, graph, graphs, reading.edges)
    _add_attributes(store, graph, graphs, reading.attributes)
    _add_reference_labels(store, graph, targets_outside)
    if reading.assessments:
        _add_assessments(store, graph, graphs)
    if observations != "none":
        add_observations(store, graph, graphs, values=observations == "values")
    _mark_depths(graph)
    return graph


def _add_typed_nodes(store, graph: nx.DiGraph, graphs: list[URIRef], org_of_graph: dict) -> None:
    """Typed resources (plain patterns: OPTIONALs are slow on big graphs)."""
    classes = [SSG[c] for c in CLASS_TO_KIND]
    for row in rows(store, bind("SELECT ?g ?s ?type WHERE { VALUES ?g { $graphs } VALUES ?type { $classes } "
                                "GRAPH ?g { ?s a ?type } }", graphs=graphs, classes=classes)):
        iri = row["s"]
        type_name = row["type"].rsplit("#", 1)[-1]
        kind = CLASS_TO_KIND[type_name]
        attrs = graph.nodes[iri] if iri in graph else {}
        if attrs.get("kind") == kind and attrs.get("type") not in (None, "Goal", "SteeringDocument"):
            type_name = attrs["type"]  # keep the most specific class seen
        graph.add_node(iri, kind=kind, type=type_name, org=org_of_graph[row["g"]].code)


def _add_texts(store, graph: nx.DiGraph, graphs: list[URIRef], descriptions: bool = True) -> None:
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    properties = [DCTERMS.title, RDFS.label, DCTERMS.identifier] + ([DCTERMS.description] if descriptions else [])
    for row in _statements(store, graphs, properties, 'FILTER(lang(?o) = "" || langMatches(lang(?o), "sv"))'):
        local = row["p"].rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        texts[row["s"]].setdefault(local, row["o"])
    for node_iri, data in graph.nodes(data=True):
        if data.get("kind") == "organisation":
            continue
        found = texts.get(node_iri, {})
        data["identifier"] = found.get("identifier") or _slug(node_iri)
        data["label"] = found.get("title") or found.get("label") or data["identifier"]  # a title names it first
        data["description"] = found.get("description", "")


def _add_edges(store, graph: nx.DiGraph, graphs: list[URIRef], only: frozenset[str] | None) -> dict[str, str]:
    """The vision, edges between resources and out to reference concepts; the reference
    concepts reached, by kind."""
    # organisation → vision
    for row in rows(store, bind("SELECT ?org ?vision WHERE { VALUES ?g { $graphs } "
                                "GRAPH ?g { ?org ssg:hasVision ?vision } }", graphs=graphs)):
        if row["vision"] in graph and row["org"] in graph:
            graph.add_edge(row["org"], row["vision"], relation="has-vision")

    # edges between resources and out to reference concepts
    relation_of = {str(SSG[p]): (p, rel, rev) for p, rel, rev in EDGE_PROPERTIES if only is None or p in only}
    targets_outside: dict[str, str] = {}
    for row in _statements(store, graphs, [URIRef(p) for p in relation_of]):
        s, o = row["s"], row["o"]
        local, relation, reverse = relation_of[row["p"]]
        if s not in graph:
            continue
        if o not in graph:
            kind = LINK_PROPERTY_TO_KIND.get(local, "kpi" if local == "koladaKPI" else None)
            if kind is None:
                continue  # a dangling reference inside the structure; validation reports it
            targets_outside[o] = kind
            graph.add_node(o, kind=kind)
        if local == "hasParent" and graph.nodes[o].get("kind") == "vision":
            relation = "has-goal"
        source, target = (o, s) if reverse else (s, o)
        graph.add_edge(source, target, relation=relation)
        if local in LINK_PROPERTY_TO_KIND:
            graph.edges[source, target]["link"] = local
    return targets_outside


def _statements(store, graphs: list[URIRef], properties: list[URIRef], keep: str = "") -> list[dict[str, str]]:
    """Statements (?s ?p ?o) of these properties in these graphs, those of each property in the
    order of their values; ``keep``: a FILTER on them."""
    each, values = each_property(properties)
    return rows(store, bind("SELECT ?s ?p ?o WHERE { VALUES ?g { $graphs } GRAPH ?g { " + each + " } " + keep + " }",
                            graphs=graphs, **values))


NUMERIC_ATTRIBUTES = {"baselineValue", "targetValue", "budget"}


def _add_attributes(store, graph: nx.DiGraph, graphs: list[URIRef], only: frozenset[str] | None) -> None:
    properties = ([SSG[p] for p in ATTRIBUTES] + [DCTERMS.isReplacedBy] if only is None
                  else [SSG[p] for p in ATTRIBUTES if p in only])
    concept_valued = {"goalLevel", "dimension", "direction", "documentStatus", "documentKind",
                      "activityStatus"}
    for row in _statements(store, graphs, properties):
        s = row["s"]
        if s not in graph:
            continue
        prop = row["p"]
        if prop.endswith("isReplacedBy"):
            graph.nodes[s]["replaced_by"] = row["o"]
            continue
        local = prop.rsplit("#", 1)[-1]
        name = ATTRIBUTES[local]
        value: object = row["o"]
        if local in concept_valued:
            value = _slug(row["o"])  # concept slug, e.g. "in-force", "increase"
        elif local in NUMERIC_ATTRIBUTES:
            try:
                value = float(row["o"])
            except ValueError:
                continue  # malformed number; validation reports it
        if local in MULTI_VALUED:
            graph.nodes[s].setdefault(name, [])
            if value not in graph.nodes[s][name]:
                graph.nodes[s][name].append(value)
        else:
            graph.nodes[s][name] = value


CONCEPT_DETAILS = {str(SKOS.notation): "notation", str(SKOS.prefLabel): "label", str(SKOS.broader): "broader",
                   str(SKOS.exactMatch): "match", str(SSG.colour): "colour"}


def _add_reference_labels(store, graph: nx.DiGraph, concepts: dict[str, str]) -> None:
    if not concepts:
        return
    details = concept_details(store, concepts)
    for concept in concepts:
        node = graph.nodes[concept]
        for key, value in details.get(concept, {}).items():
            node.setdefault(key, value)
        node.setdefault("notation", _slug(concept))
        node.setdefault("label", node["notation"])


def concept_details(store, concepts: Iterable[str]) -> dict[str, dict[str, str]]:
    """Notation, Swedish label, broader concept, exact match and colour of reference concepts
    (SDG targets, environmental objectives, Kolada KPIs …), each read once per state of the store."""
    known: dict[str, dict[str, str]] = per_state(store, "concept_details", dict)
    missing = set(concepts) - known.keys()
    found: dict[str, dict[str, str]] = {c: {} for c in missing}
    for concept, pairs in read_details(store, missing, CONCEPT_DETAILS, label_language="sv").items():
        for prop, value in pairs:
            found[concept].setdefault(CONCEPT_DETAILS[prop], value)
    known.update(found)
    return {c: known[c] for c in concepts if c in known}


def _add_assessments(store, graph: nx.DiGraph, graphs: list[URIRef]) -> None:
    for row in rows(store, bind("""
SELECT ?goal ?period ?status ?comment WHERE {
  VALUES ?g { $graphs }
  GRAPH ?g { ?a ssg:assessedGoal ?goal ; ssg:assessmentPeriod ?period .
             OPTIONAL { ?a ssg:fulfilmentStatus ?status } OPTIONAL { ?a rdfs:comment ?comment } }
}""", graphs=graphs)):
        goal = row["goal"]
        if goal not in graph:
            continue
        graph.nodes[goal].setdefault("assessments", {})[row["period"][:4]] = {
            "status": _slug(row["status"]) if "status" in row else "not-assessed",
            "comment": row.get("comment", ""),
        }


def _mark_depths(graph: nx.DiGraph) -> None:
    """Depth of each goal below the vision (1 = top goal); None when it does not reach one."""
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "goal":
            continue
        depth, current, seen = 0, node, set()
        while True:
            parents = [p for p in graph.predecessors(current)
                       if graph.edges[p, current].get("relation") in ("has-subgoal", "has-goal")]
            if not parents or current in seen:
                data["depth"] = None
                break
            seen.add(current)
            depth += 1
            parent = parents[0]
            if graph.nodes[parent].get("kind") == "vision":
                data["depth"] = depth
                break
            current = parent


# -- queries over the built graph ----------------------------------------------------------

def nodes_of_kind(graph: nx.DiGraph, kind: str, org: str | None = None) -> list[str]:
    """Sorted nodes of one kind (and organisation), from an index kept on the graph."""
    index = graph.graph.get("_kind_index")
    if index is None or index[0] != graph.number_of_nodes():
        by_key: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        for n, d in graph.nodes(data=True):
            by_key[(d.get("kind"), None)].append(n)
            by_key[(d.get("kind"), d.get("org"))].append(n)
        index = (graph.number_of_nodes(), {k: sorted(v) for k, v in by_key.items()})
        graph.graph["_kind_index"] = index
    return list(index[1].get((kind, org), []))


def successors_by(graph: nx.DiGraph, node: str, relation: str) -> list[str]:
    # the adjacency's own (neighbour, edge data) pairs: looking each edge up again costs 3-5 times as much
    return [t for t, data in graph.succ[node].items() if data.get("relation") == relation]


def predecessors_by(graph: nx.DiGraph, node: str, relation: str) -> list[str]:
    return [s for s, data in graph.pred[node].items() if data.get("relation") == relation]


def links(graph: nx.DiGraph, node: str, kind: str | None = None) -> list[str]:
    """Reference concepts a goal, indicator or activity addresses (optionally of one kind)."""
    return sorted(
        t for t in successors_by(graph, node, "addresses")
        if kind is None or graph.nodes[t].get("kind") == kind
    )


def sdg_goal_number(graph: nx.DiGraph, concept: str) -> int | None:
    """The SDG (1–17) a goal, target or indicator concept belongs to."""
    notation = graph.nodes[concept].get("notation") or concept.rsplit("/", 1)[-1]
    head = str(notation).split(".", 1)[0]
    return int(head) if head.isdigit() and 1 <= int(head) <= 17 else None


def parent_goal(graph: nx.DiGraph, goal: str) -> str | None:
    parents = [p for p, data in graph.pred[goal].items() if data.get("relation") in ("has-subgoal", "has-goal")]
    return parents[0] if parents else None


def goal_indicators(graph: nx.DiGraph, goal: str) -> list[str]:
    return successors_by(graph, goal, "measured-by")


def goal_kpis(graph: nx.DiGraph, goal: str) -> set[str]:
    return {k for i in goal_indicators(graph, goal) for k in successors_by(graph, i, "kolada-kpi")}


# -- export ---------------------------------------------------------------------------------

def _flat(value: object) -> object:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if value is None:
        return ""
    return value


def to_graphml(graph: nx.DiGraph, path: Path) -> Path:
    """Write GraphML; dict- and list-valued attributes become JSON strings."""
    flat = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items()})
    for s, t, data in graph.edges(data=True):
        flat.add_edge(s, t, **{k: _flat(v) for k, v in data.items()})
    nx.write_graphml(flat, path)
    return path


def to_node_link(graph: nx.DiGraph) -> dict:
    """The graph as node-link JSON data (``nodes``/``edges``)."""
    data = nx.node_link_data(graph, edges="edges")
    data["graph"] = {k: v for k, v in graph.graph.items() if not k.startswith("_")}
    return data
