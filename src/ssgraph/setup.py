"""Bringing a store to a usable state: ontology, reference vocabularies, example data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ssgraph import paths
from ssgraph.namespaces import ONTOLOGY_GRAPH, SSGGRAPH
from ssgraph.store import Store
from ssgraph.store.binding import bind, iri
from ssgraph.store.staging import discard, staged_from_file


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


def reference_contents() -> dict[str, Graph]:
    """Named graph IRI → the triples of the shipped ontology or reference file."""
    # read and written by Oxigraph: no Python object per triple
    return {graph_iri: staged_from_file(path) for graph_iri, path in reference_graphs().items()}


def load_reference(store: Store) -> dict[str, int]:
    """Replace the ontology and reference graphs with the shipped files, atomically."""
    contents = reference_contents()
    store.replace_graphs(contents)
    return {graph_iri: len(g) for graph_iri, g in contents.items()}


def _example_sources() -> list[tuple[list[Path], bool, Callable[[Path], str]]]:
    """The illustrative examples, then the real goal structures quoted from public documents:
    (files in load order, illustrative, how a file is named in the report)."""
    sources = []
    try:
        from ssgraph.importing.examples import example_paths
        from ssgraph.importing.realdata import realdata_paths
    except ModuleNotFoundError:  # a build without the importing package
        return sources
    sources.append((example_paths(), True, lambda path: path.name))
    sources.append((realdata_paths(), False, lambda path: f"{path.parent.name}/{path.name}"))
    return sources


def initialise(store: Store, with_examples: bool = False) -> InitialiseReport:
    """The ontology, the reference vocabularies and (``with_examples``) the example data, all
    written in one transaction: a failure leaves the store as it was."""
    contents = reference_contents()
    report = InitialiseReport(graphs={graph_iri: len(g) for graph_iri, g in contents.items()})
    if not with_examples:
        store.replace_graphs(contents)
        return report
    from ssgraph.importing.importer import prepare_sources, write_imports

    prepared, names = [], []
    try:
        for paths, illustrative, name in _example_sources():
            batch = prepare_sources(paths, illustrative=illustrative)
            prepared += batch
            names += [f"{name(p.path)}: {p.org_code} {p.version_label}" for p in batch]
        write_imports(store, prepared, more_graphs=contents)
    finally:
        for item in prepared:
            discard(item.graph)
    report.examples = names
    return report


def is_initialised(store: Store) -> bool:
    return store.ask(bind("ASK { GRAPH $g { ?s ?p ?o } }", g=iri(ONTOLOGY_GRAPH)))
