"""Coverage: how many goals and indicators of each organisation address each SDG (17) and
each Swedish environmental objective (16).

A goal counts once per SDG however many of that SDG's targets it names. Links are the
ones stated on the goal or indicator itself (``ssg:addresses…``); an indicator without
links of its own counts for what the goals it measures address.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import networkx as nx

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis.state_cache import per_state
from ssgraph.errors import InputError, problem
from ssgraph.namespaces import SSGID, SSGREF, sparql_prefixes
from ssgraph.store.binding import bind, iri
from ssgraph.versions import not_archived

NOTHING_IN_REGION = "analysis.nothing_in_region"

DEFAULT_GREY = "#8c8c8c"


@dataclass
class Column:
    key: str  # "1".."17" or "1".."16"
    label: str
    colour: str


@dataclass
class CoverageResult:
    organisations: list[dict]  # code, label
    sdg_columns: list[Column]
    objective_columns: list[Column]
    # matrix name → org code → column key → count
    matrices: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "organisations": self.organisations,
            "sdg_columns": [c.__dict__ for c in self.sdg_columns],
            "objective_columns": [c.__dict__ for c in self.objective_columns],
            "matrices": self.matrices,
        }

    def csv_rows(self) -> list[dict]:
        rows = []
        for org in self.organisations:
            for matrix, columns in (("sdg", self.sdg_columns), ("objective", self.objective_columns)):
                for column in columns:
                    rows.append({
                        "organisation": org["code"], "organisation_label": org["label"],
                        "scheme": matrix, "concept": column.key, "concept_label": column.label,
                        "goals": self.matrices[f"{matrix}_goals"][org["code"]][column.key],
                        "indicators": self.matrices[f"{matrix}_indicators"][org["code"]][column.key],
                    })
        return rows


def _preferred(rows, key: str, lang: str) -> dict[str, dict]:
    """One row per concept: its label in ``lang`` when it has one, else the Swedish one."""
    found: dict[str, dict] = {}
    for row in rows:
        concept = str(row[key])
        label = row.get("label")
        if concept not in found or (label is not None and getattr(label, "language", None) == lang):
            found[concept] = row
    return found


COLUMNS_QUERY = """
SELECT ?c ?notation ?label ?colour WHERE {
  { ?c a ssg:SDGGoal } UNION { ?c a ssg:EnvironmentalObjective }
  ?c skos:notation ?notation .
  OPTIONAL { ?c skos:prefLabel ?label FILTER(langMatches(lang(?label), "sv") || langMatches(lang(?label), "en")) }
  OPTIONAL { ?c ssg:colour ?colour }
}"""
# the same from the named graphs in the default graph, read from the indexes (see analysis.details)
COLUMNS_FROM_GRAPHS_QUERY = """
SELECT ?c ?notation ?label ?colour WHERE {
  GRAPH ?g { { ?c a ssg:SDGGoal } UNION { ?c a ssg:EnvironmentalObjective } } """ + not_archived("g") + """
  GRAPH ?n { ?c skos:notation ?notation } """ + not_archived("n") + """
  OPTIONAL { GRAPH ?l { ?c skos:prefLabel ?label } """ + not_archived("l") + """
             FILTER(langMatches(lang(?label), "sv") || langMatches(lang(?label), "en")) }
  OPTIONAL { GRAPH ?k { ?c ssg:colour ?colour } """ + not_archived("k") + """ }
}"""
COLUMNS = 17 + 16


def reference_columns(store, lang: str = "sv") -> tuple[list[Column], list[Column]]:
    """SDG and environmental-objective columns with labels in ``lang`` (Swedish when missing)
    and SDG colours from the store (read once per state of the store: every organisation page
    and comparison shows them)."""
    sdg, objectives = per_state(store, f"reference_columns_{lang}", lambda: _read_columns(store, lang))
    return [replace(c) for c in sdg], [replace(c) for c in objectives]


def _read_columns(store, lang: str) -> tuple[list[Column], list[Column]]:
    rows = store.select(sparql_prefixes() + COLUMNS_FROM_GRAPHS_QUERY)
    if len({str(row["c"]) for row in rows}) < COLUMNS:  # the vocabularies loaded without a graph name
        rows = store.select(sparql_prefixes() + COLUMNS_QUERY)
    found = _preferred(rows, "c", lang)

    def column(scheme: str, number: int, fallback: str) -> Column:
        row = found.get(str(SSGREF[f"{scheme}/{number}"]), {})
        return Column(str(number), str(row.get("label") or fallback), str(row.get("colour") or DEFAULT_GREY))

    sdg = [column("sdg", n, f"Mål {n}") for n in range(1, 18)]
    objectives = [column("miljomal", n, f"Miljömål {n}") for n in range(1, 17)]
    return sdg, objectives


def public_health_names(store, lang: str = "sv") -> dict[str, str]:
    """Public-health target area number → name in ``lang`` (Swedish when missing)."""
    rows = store.select(sparql_prefixes() + """
SELECT ?notation ?label WHERE {
  ?c a ssg:PublicHealthArea ; skos:notation ?notation ; skos:prefLabel ?label
  FILTER(langMatches(lang(?label), "sv") || langMatches(lang(?label), "en"))
}""")
    return {notation: str(row["label"]) for notation, row in _preferred(rows, "notation", lang).items()}


def region_members(store, region_code: str) -> list[str]:
    """The region's own code and the codes of the municipalities in its county."""
    rows = store.select(sparql_prefixes() + bind("""
SELECT DISTINCT ?code WHERE {
  { ?m ssg:region $region } UNION { ?m ssg:inCounty ?county . ?county ssg:hasRegion $region }
  ?m ssg:organisationCode|skos:notation ?code .
}""", region=iri(SSGID[f"org/{region_code}"])))
    return [region_code] + sorted({str(r["code"]) for r in rows} - {region_code})


def codes_in_region(store, region_code: str) -> list[str]:
    """The codes of the region and its municipalities that have a goal structure, the region first."""
    present = {v.code for v in gg.structure_versions(store)}
    codes = [c for c in region_members(store, region_code) if c in present]
    if not codes:
        raise InputError(problem(NOTHING_IN_REGION, region=region_code[:100]))
    return codes


def _count(graph: nx.DiGraph, org: str, kind: str, scheme: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in gg.nodes_of_kind(graph, kind, org):
        keys = set()
        concepts = gg.links(graph, node)
        if kind == "indicator" and not concepts:  # an indicator covers what the goals it measures address
            concepts = [c for goal in gg.predecessors_by(graph, node, "measured-by") for c in gg.links(graph, goal)]
        for concept in concepts:
            data = graph.nodes[concept]
            if scheme == "sdg" and data.get("kind") == "sdg":
                number = gg.sdg_goal_number(graph, concept)
                if number:
                    keys.add(str(number))
            elif scheme == "objective" and data.get("kind") == "objective":
                keys.add(str(data.get("notation", concept.rsplit("/", 1)[-1])))
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


def coverage(graph: nx.DiGraph, sdg_columns: list[Column], objective_columns: list[Column],
             codes: list[str] | None = None) -> CoverageResult:
    """Count matrices for the organisations in ``graph`` (or those of ``codes`` present in it)."""
    org_nodes = {d["org"]: d for _, d in graph.nodes(data=True) if d.get("kind") == "organisation"}
    order = [c for c in (codes or sorted(org_nodes)) if c in org_nodes]
    result = CoverageResult(
        [{"code": c, "label": org_nodes[c].get("label", c)} for c in order], sdg_columns, objective_columns
    )
    for scheme, columns in (("sdg", sdg_columns), ("objective", objective_columns)):
        for kind, name in (("goal", "goals"), ("indicator", "indicators")):
            matrix = {}
            for code in order:
                counts = _count(graph, code, kind, scheme)
                matrix[code] = {c.key: counts.get(c.key, 0) for c in columns}
            result.matrices[f"{scheme}_{name}"] = matrix
    return result
