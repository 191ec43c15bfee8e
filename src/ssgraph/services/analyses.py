"""The analyses as services: build the goal graph, run one analysis, return its result with
what the faces need to show it (reference columns, names, whether the data is illustrative).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph, URIRef

from ssgraph.analysis import consolidate as consolidation
from ssgraph.analysis import council_report as council
from ssgraph.analysis import coverage as coverage_analysis
from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis import harmonise as harmonisation
from ssgraph.analysis import rdf_output, review, version_diff
from ssgraph.analysis import suggest as suggestions
from ssgraph.analysis.goal_items import GoalItem, items_from_graph
from ssgraph.services.organisations import (
    Organisation,
    Structure,
    organisations,
    resolve_organisation,
    resolve_structure,
)
from ssgraph.validation import rules
from ssgraph.versions import all_versions, imported_at


def _chosen(store, texts: Sequence[str]) -> tuple[list[Structure], bool]:
    """The goal structures named (``ORG`` for the current version, ``ORG@VERSION`` for another;
    ORG by code, IRI or name) and whether any holds illustrative data."""
    known = organisations(store)
    listed = all_versions(store)
    chosen = [resolve_structure(store, text, known, listed) for text in texts]
    return chosen, any(s.illustrative for s in chosen)


def _goal_graph(store, structure: Structure, observations: str = "values") -> nx.DiGraph:
    return gg.build_goal_graph(store, observations=observations, versions=structure.analysed(store))


@dataclass
class HarmonisationOutcome:
    result: harmonisation.HarmonisationResult  # as the review leaves it (the machine's when none)
    graph_iri: URIRef  # where the mapping lives (or would live) in the store
    mapping: Graph
    saved: bool
    illustrative: bool
    machine: list[harmonisation.Candidate] = field(default_factory=list)  # the proposals before the review
    decisions: list[review.Decision] = field(default_factory=list)
    items_a: list[GoalItem] = field(default_factory=list)
    items_b: list[GoalItem] = field(default_factory=list)
    structures: tuple[Structure, ...] = ()


def harmonise(store, org_a: str, org_b: str, *, mode: str = "many-to-one", save: bool = False,
              decisions: Sequence[review.Decision] = (), stored_decisions: bool = True) -> HarmonisationOutcome:
    """Align the goals of two organisations (``mode``: many-to-one, one-to-one or all), with
    the review's decisions stored for the pair (and ``decisions``, newer) re-applied; with
    ``save``, write the mapping graph and the decisions in one replacement. Without
    ``stored_decisions`` the ``decisions`` given are the whole review (and replace it)."""
    (a, b), illustrative = _chosen(store, [org_a, org_b])
    if a.code == b.code:  # two versions of one organisation: one graph each (they may share goal IRIs)
        graph_a, graph_b = _goal_graph(store, a, "none"), _goal_graph(store, b, "none")
    else:
        graph_a = graph_b = gg.build_goal_graph(store, observations="none",
                                                versions=a.analysed(store) + b.analysed(store))
    result = harmonisation.harmonise(graph_a, a.code, b.code, mode=mode, graph_b=graph_b,
                                     label_a=a.key, label_b=b.key)
    items_a, items_b = items_from_graph(graph_a, a.code), items_from_graph(graph_b, b.code)
    decisions_iri = review.decisions_graph_iri(a.key, b.key)
    stored = review.from_graph(store.graph(str(decisions_iri))) if stored_decisions else []
    chosen = review.merge(stored, list(decisions))
    machine = result.candidates
    if chosen:
        result = review.reviewed(result, chosen, items_a, items_b)
    graph_iri, mapping = rdf_output.harmonisation_graph(result)
    review.mark_in_mapping(mapping, chosen, a.key, b.key)
    if save:
        graphs = {str(graph_iri): mapping}
        if decisions or not stored_decisions:
            graphs[str(decisions_iri)] = review.to_graph(chosen, a.key, b.key)
        store.replace_graphs(graphs)
    return HarmonisationOutcome(result, graph_iri, mapping, save, illustrative, machine, chosen, items_a, items_b,
                                (a, b))


@dataclass
class ConsolidationOutcome:
    result: consolidation.ConsolidationResult
    graph_iri: URIRef
    findings: Graph
    saved: bool
    illustrative: bool


def consolidate(store, org: str, *, save: bool = False) -> ConsolidationOutcome:
    """Duplicated, orphaned and unmeasured goals and expired documents of one organisation."""
    (chosen,), illustrative = _chosen(store, [org])
    today = dt.date.today()
    # the shapes are the rule for orphans, unmeasured goals, indicators without data, expired documents
    findings = rules.findings(store, chosen.version.graph, today)
    result = consolidation.consolidate(_goal_graph(store, chosen, "presence"), chosen.code, today=today,
                                       rules=findings)
    graph_iri, findings = rdf_output.consolidation_graph(result)
    if save:
        store.replace_graphs({str(graph_iri): findings})
    return ConsolidationOutcome(result, graph_iri, findings, save, illustrative)


@dataclass
class CoverageOutcome:
    result: coverage_analysis.CoverageResult
    region: str | None
    illustrative: bool


def coverage(store, orgs: Sequence[str] | None = None, region: str | None = None,
             lang: str = "sv") -> CoverageOutcome:
    """Organisation × SDG and × environmental-objective counts (all organisations by default)."""
    known = organisations(store)
    codes: list[str] | None = None
    if orgs:
        codes = [resolve_organisation(store, text, known).code for text in orgs]
    elif region:
        codes = coverage_analysis.codes_in_region(store, region.strip())
    graph = gg.build_goal_graph(store, codes, observations="none")
    sdg_columns, objective_columns = coverage_analysis.reference_columns(store, lang)
    result = coverage_analysis.coverage(graph, sdg_columns, objective_columns, codes)
    shown = {o["code"] for o in result.organisations}
    return CoverageOutcome(result, region, any(o.illustrative for o in known if o.code in shown))


@dataclass
class ReportOutcome:
    report: council.CouncilReport
    sdg_columns: list[coverage_analysis.Column]
    objective_columns: list[coverage_analysis.Column]
    public_health: dict[str, str]
    illustrative: bool


def latest_period(graph: nx.DiGraph, org: str) -> str:
    """The latest year the organisation's goals were assessed for (last year when none were)."""
    import datetime as dt

    periods = {period for goal in gg.nodes_of_kind(graph, "goal", org)
               for period in (graph.nodes[goal].get("assessments") or {})}
    return max(periods) if periods else str(dt.date.today().year - 1)


def council_report(store, org: str, period: str | int | None = None, lang: str = "sv") -> ReportOutcome:
    """The council's follow-up report of one organisation for one period (year; the latest
    assessed one when not given)."""
    (chosen,), illustrative = _chosen(store, [org])
    graph = _goal_graph(store, chosen)
    period = str(period) if period else latest_period(graph, chosen.code)
    report = council.council_report(graph, chosen.code, period)
    sdg_columns, objective_columns = coverage_analysis.reference_columns(store, lang)
    return ReportOutcome(report, sdg_columns, objective_columns,
                         coverage_analysis.public_health_names(store, lang), illustrative)


@dataclass
class SuggestionOutcome:
    org: Organisation
    suggestions: list[suggestions.Suggestion]
    documents: list[dict]
    concept_labels: dict[str, str] = field(default_factory=dict)  # concept IRI → "13.2 Integrera …"
    illustrative: bool = False


def _concept_labels(store, concepts: set[str], lang: str) -> dict[str, str]:
    if not concepts:
        return {}
    from ssgraph.analysis.versions import rows

    values = " ".join(f"<{c}>" for c in sorted(concepts))
    found: dict[str, tuple[int, str]] = {}
    for row in rows(store, f"""
SELECT ?c ?label (LANG(?label) AS ?lang) WHERE {{ VALUES ?c {{ {values} }} ?c skos:prefLabel ?label }}"""):
        rank = 0 if row.get("lang") == lang else 1
        if row["c"] not in found or rank < found[row["c"]][0]:
            found[row["c"]] = (rank, row["label"])
    return {concept: label for concept, (_, label) in found.items()}


def suggest(store, org: str, *, minimum: float = 0.3, include_linked: bool = False,
            lang: str = "sv") -> SuggestionOutcome:
    """Suggested SDG-target, objective and public-health links of one organisation's goals
    and indicators, with the concepts' names, and proposed kinds of its documents."""
    (chosen,), illustrative = _chosen(store, [org])
    graph = _goal_graph(store, chosen, "none")
    found = suggestions.suggest(graph, chosen.code, suggestions.un_iris(store), minimum,
                                only_missing=not include_linked)
    labels = _concept_labels(store, {s.concept for s in found}, lang)
    return SuggestionOutcome(chosen.organisation, found, suggestions.classify_documents(graph, chosen.code),
                             labels, illustrative)


def accept_suggestions(store, org: str, ids: Sequence[str], method: str = "lexical", *,
                       minimum: float = 0.3, include_linked: bool = False) -> int:
    """Write the chosen suggestions (by id) into the graph of the version named (the current one
    by default)."""
    (chosen,), _ = _chosen(store, [org])
    graph = _goal_graph(store, chosen, "none")
    found = suggestions.suggest(graph, chosen.code, suggestions.un_iris(store), minimum,
                                only_missing=not include_linked)
    return suggestions.accept(store, chosen.code, found, list(ids), method, graph=chosen.version.graph)


def diff(store, a: str, b: str | None = None) -> version_diff.GoalDiff:
    """Goals added, removed and reworded from structure ``a`` to ``b`` (each ``ORG@VERSION``
    or ``ORG``; ``b`` defaults to the current version of ``a``'s organisation)."""
    (first,), _ = _chosen(store, [a])
    (second,), _ = _chosen(store, [b or first.code])
    return version_diff.diff_versions(store, first.version, second.version)


@dataclass(frozen=True)
class StructureChoice:
    """One goal structure as a form offers it: ``value`` is what commands take (``ORG`` for
    the current version, ``ORG@slug`` for another)."""

    value: str
    organisation: str  # the organisation's name
    version: str  # the version's name
    current: bool


def structure_choices(store) -> list[StructureChoice]:
    """Every organisation's current goal structure and its other versions, by name."""
    listed = all_versions(store)
    choices = []
    for organisation in organisations(store):
        versions = sorted((v for v in listed if v.org_code == organisation.code),
                          key=lambda v: (not v.current, imported_at(v), v.name))
        for version in versions or []:
            choices.append(StructureChoice(version.key if not version.current else organisation.code,
                                           organisation.label, version.name, version.current))
        if not versions:
            choices.append(StructureChoice(organisation.code, organisation.label, organisation.version, True))
    return choices


def goal_graph(store, orgs: Sequence[str] | None = None, *, all_versions: bool = False) -> nx.DiGraph:
    """The goal graph of the given organisations (all when none), current versions by default."""
    codes = None
    if orgs:
        known = organisations(store)
        codes = [resolve_organisation(store, text, known).code for text in orgs]
    return gg.build_goal_graph(store, codes, current_only=not all_versions)
