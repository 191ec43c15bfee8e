"""Dropping versions of goal structures, or named graphs: what a drop would remove (each
graph's version and triple count, and which version becomes current afterwards), shown
before anything is removed, and the drop itself (one transaction, on every backend)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ssgraph import versions
from ssgraph.errors import InputError, problem
from ssgraph.store.binding import bind, iri

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { VALUES ?g { $graphs } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass(frozen=True)
class DropTarget:
    graph: str
    triples: int
    version: versions.Version | None = None  # the version the graph holds (None: a graph outside the catalogue)


@dataclass
class DropPlan:
    targets: list[DropTarget]
    # organisation code → the version current after the drop (None: no version left), for
    # each organisation whose current version goes
    afterwards: dict[str, versions.Version | None] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # organisation code → name, where known

    @property
    def graphs(self) -> list[str]:
        return [t.graph for t in self.targets]

    @property
    def triples(self) -> int:
        return sum(t.triples for t in self.targets)

    def to_dict(self) -> dict:
        def version(v: versions.Version | None) -> dict | None:
            return None if v is None else {"org": v.org_code, "label": v.label, "graph": v.graph, "current": v.current}

        return {"graphs": [{"graph": t.graph, "triples": t.triples, "version": version(t.version)} for t in self.targets],
                "triples": self.triples,
                "afterwards": {code: version(v) for code, v in self.afterwards.items()}}


def _graph_of(store, target: str, listed: list[versions.Version]) -> str:
    if target.startswith(("http://", "https://", "urn:")):
        if not store.graph_exists(target):
            raise InputError(problem("cli.no_such_graph", graph=target))
        return target
    return versions.resolve(store, *versions.split_org_version(target), listed).graph


def plan_drop(store, targets: Sequence[str]) -> DropPlan:
    """What dropping ``targets`` (ORG, ORG@VERSION or a graph's IRI) would remove; nothing is
    written. An unknown organisation, version or graph is an error."""
    listed = versions.all_versions(store)
    graphs = list(dict.fromkeys(_graph_of(store, target, listed) for target in targets))
    counts = {str(row["g"]): int(row["n"]) for row in store.select(bind(COUNTS, graphs=[iri(g) for g in graphs]))}
    by_graph = {v.graph: v for v in listed}
    plan = DropPlan([DropTarget(g, counts.get(g, 0), by_graph.get(g)) for g in graphs])
    dropped = set(graphs)
    for target in plan.targets:
        version = target.version
        if version is not None and version.current and version.org_code not in plan.afterwards:
            remaining = [v for v in versions.versions_of(store, version.org_code, listed) if v.graph not in dropped]
            still_current = [v for v in remaining if v.current]
            plan.afterwards[version.org_code] = (still_current or remaining or [None])[-1]  # else the latest imported
    codes = {t.version.org_code for t in plan.targets if t.version is not None}
    if codes:
        from ssgraph.services.organisations import organisations

        plan.names = {o.code: o.label for o in organisations(store) if o.code in codes and o.label != o.code}
    return plan


def drop(store, plan: DropPlan) -> None:
    """Drop the plan's graphs, in one transaction with the version catalogue's upkeep."""
    store.drop_graphs(plan.graphs)
