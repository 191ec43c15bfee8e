"""Bringing a store to a usable state: ontology, reference vocabularies, example data."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ssgraph import paths
from ssgraph.namespaces import ONTOLOGY_GRAPH, SSGGRAPH
from ssgraph.store import Store
from ssgraph.store.binding import bind, iri
from ssgraph.store.rdf_files import triples_of_file


@dataclass
class InitialiseReport:
    graphs: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)


def reference_graphs() -> dict[str, Path]:
    """Named graph IRI → file, for the ontology and every reference vocabulary."""
    graphs = {str(ONTOLOGY_GRAPH): paths.ONTOLOGY_FILE}
    try:
        from ssgraph.reference import REFERENCE_GRAPHS
    except ImportError:
        REFERENCE_GRAPHS = {
            str(SSGGRAPH[f"reference/{p.stem}"]): p for p in sorted(paths.REFERENCE_DIR.glob("*.ttl"))
        }
    graphs.update({str(iri): Path(p) for iri, p in REFERENCE_GRAPHS.items()})
    return {iri: p for iri, p in graphs.items() if p.exists()}


def load_reference(store: Store) -> dict[str, int]:
    """Replace the ontology and reference graphs with the shipped files, atomically."""
    contents: dict[str, Graph] = {}
    for graph_iri, path in reference_graphs().items():
        graph = Graph()
        for triple in triples_of_file(path):  # Oxigraph's parser: many times faster than rdflib's
            graph.add(triple)
        contents[graph_iri] = graph
    store.replace_graphs(contents)
    return {graph_iri: len(g) for graph_iri, g in contents.items()}


def _loader(module_name: str, function: str) -> Callable[..., list[str]] | None:
    """A data loader of the importing package, when it provides one."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return None
    return getattr(module, function, None)


# the illustrative examples, then the real goal structures quoted from public documents
EXAMPLE_LOADERS = (("ssgraph.importing.examples", "load_examples"), ("ssgraph.importing.realdata", "load_realdata"))


def initialise(store: Store, with_examples: bool = False) -> InitialiseReport:
    report = InitialiseReport(graphs=load_reference(store))
    if with_examples:
        for module_name, function in EXAMPLE_LOADERS:
            loader = _loader(module_name, function)
            if loader is not None:
                report.examples += list(loader(store))
    return report


def is_initialised(store: Store) -> bool:
    return store.ask(bind("ASK { GRAPH $g { ?s ?p ?o } }", g=iri(ONTOLOGY_GRAPH)))
