"""The import as one all-or-nothing step: read, check, map, validate, then write.

``prepare_import`` does everything but writing and raises :class:`ImportRejected` with
every error of the file; ``import_sources`` prepares all files first and writes only
when all of them passed: every organisation-version graph together with the updated
catalogue in one atomic ``replace_graphs``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ssgraph.errors import InputError, Location, Problem
from ssgraph.importing.checks import CheckedWorkbook, ReferenceCodes, check_workbook
from ssgraph.importing.mapping import DEFAULT_BASE, map_workbook
from ssgraph.importing.readers import read_source, source_kind
from ssgraph.importing.versions import VersionEntry, read_catalog, updated_catalog, version_entry
from ssgraph.namespaces import CATALOG_GRAPH, SSG
from ssgraph.store.staging import discard, staging_graph

RDF_NEEDS_ORG = "import.rdf_needs_org_and_version"
# the mapped graph is staged in Oxigraph (store.staging): in memory, on disk from this many rows
# (at 50,000 rows the on-disk staging needed 8 times the CPU of the in-memory one for 12 % less memory)
STAGE_ON_DISK_ROWS = 100_000
RDF_UNREADABLE = "import.rdf_unreadable"

# stage name, done, total
Progress = Callable[[str, int, int], None]


class ImportRejected(InputError):
    """The file has errors; nothing was written. Warnings travel along for display."""

    def __init__(self, errors: list[Problem], warnings: list[Problem] | None = None):
        self.warnings = warnings or []
        super().__init__(errors)


@dataclass
class PreparedImport:
    path: Path
    org_code: str
    version_label: str
    graph: Graph
    entry: VersionEntry
    warnings: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def graph_iri(self) -> str:
        return str(self.entry.graph)


@dataclass
class ImportResult:
    prepared: PreparedImport
    current: bool
    written: bool
    triples: int = field(init=False)

    def __post_init__(self) -> None:
        self.triples = len(self.prepared.graph)  # counted now: a staging graph is discarded after writing


def _validation_problems(graph: Graph, lang: str) -> list[Problem] | None:
    """The SHACL hook of ssgraph.validation, when that package provides it (else None)."""
    try:
        from ssgraph.validation import check_import
    except ImportError:
        return None
    return list(check_import(graph, lang))


def prepare_import(
    path: Path,
    org: str | None = None,
    version: str | None = None,
    base: str = DEFAULT_BASE,
    lang: str = "sv",
    codes: ReferenceCodes | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    validate: bool = True,
) -> PreparedImport:
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    path = Path(path)
    if source_kind(path) == "rdf":
        return _prepare_rdf(path, org, version, base, now)

    def stage(name: str):
        return (lambda done, total: progress(name, done, total)) if progress else None

    checked = check_workbook(read_source(path, stage("read")), org, version, codes)
    if checked.errors:
        raise ImportRejected(checked.errors, checked.warnings)
    row_count = sum(len(rows) for rows in checked.rows.values())
    graph = map_workbook(checked, base, now, progress=stage("map"),
                         graph=staging_graph(on_disk=row_count >= STAGE_ON_DISK_ROWS))
    entry = _version_entry(checked, base, now)
    warnings, counts = list(checked.warnings), _counts(checked)
    del checked  # the rows are in the graph now: not kept through validation
    found = _validation_problems(graph, lang) if validate else None
    if found is not None:
        errors = [p for p in found if p.severity == "error"]
        warnings += [p for p in found if p.severity != "error"]
        if errors:
            discard(graph)
            raise ImportRejected(errors, warnings)
    return PreparedImport(path, entry.org_code, entry.label, graph, entry, warnings, counts)


def _version_entry(checked: CheckedWorkbook, base: str, now: dt.datetime) -> VersionEntry:
    note = year = illustrative = None
    organisation = checked.rows["organisation"][0] if checked.rows["organisation"] else None
    if organisation is not None:
        note, year = organisation.get("note"), organisation.get("year")
        illustrative = organisation.values.get("illustrative")
    entry = version_entry(checked.org_code, checked.version_label, now, base, note, year, illustrative)
    if organisation is not None:
        entry.list_complete = organisation.values.get("list_complete")
    return entry


def _counts(checked: CheckedWorkbook) -> dict[str, int]:
    return {key: len(rows) for key, rows in checked.rows.items() if rows}


def _prepare_rdf(path: Path, org: str | None, version: str | None, base: str, now: dt.datetime) -> PreparedImport:
    """RDF is passed through unchanged into the organisation-version graph."""
    if not org or not version:
        raise ImportRejected([Problem(RDF_NEEDS_ORG, Location(file=path.name))])
    from ssgraph.store.base import format_for_path

    graph = Graph()
    fmt = format_for_path(path)
    try:
        graph.parse(path, format={"ntriples": "nt", "rdfxml": "xml"}.get(fmt, fmt))
    except Exception as exc:  # rdflib raises parser-specific errors
        raise ImportRejected([Problem(RDF_UNREADABLE, Location(file=path.name), {"detail": str(exc)})]) from None
    entry = version_entry(org, version, now, base)
    return PreparedImport(path, org, version, graph, entry)


def write_import(store, prepared: PreparedImport, make_current: bool = True) -> ImportResult:
    """Replace the organisation-version graph and the catalogue in one transaction."""
    return write_imports(store, [prepared], make_current)[0]


def write_imports(store, prepared: Sequence[PreparedImport], make_current: bool = True,
                  more_graphs: Mapping[str, Graph] | None = None) -> list[ImportResult]:
    """Write prepared imports (and ``more_graphs``) in one transaction: each organisation-version
    graph, and the catalogue updated for each in turn, as if written one after the other."""
    catalog = read_catalog(store)
    graphs = dict(more_graphs or {})
    results = []
    for item in prepared:
        catalog = updated_catalog(catalog, item.entry, make_current)
        graphs[item.graph_iri] = item.graph
        results.append(ImportResult(item, bool(catalog.value(item.entry.iri, SSG.isCurrentVersion).toPython()), True))
    graphs[str(CATALOG_GRAPH)] = catalog
    store.replace_graphs(graphs)
    return results


def prepare_sources(
    paths: Sequence[Path],
    org: str | None = None,
    version: str | None = None,
    base: str = DEFAULT_BASE,
    lang: str = "sv",
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    illustrative: bool = False,
) -> list[PreparedImport]:
    """Prepare every file; if any has errors, raise them all (nothing prepared is kept).
    ``illustrative`` marks the versions as invented example data in the catalogue."""
    codes = ReferenceCodes.load()
    prepared: list[PreparedImport] = []
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for path in paths:
        try:
            prepared.append(prepare_import(Path(path), org, version, base, lang, codes, now, progress))
        except ImportRejected as rejected:
            errors += rejected.problems
            warnings += rejected.warnings
    if errors:
        for item in prepared:
            discard(item.graph)
        raise ImportRejected(errors, warnings)
    for item in prepared:  # the option marks invented data; otherwise the file's own 'illustrative' says
        if illustrative:
            item.entry.illustrative = True
    return prepared


def import_sources(
    store,
    paths: Sequence[Path],
    org: str | None = None,
    version: str | None = None,
    base: str = DEFAULT_BASE,
    lang: str = "sv",
    make_current: bool = True,
    dry_run: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    illustrative: bool = False,
) -> list[ImportResult]:
    """Import files in order, all in one transaction; if any has errors, none is written (all
    errors are reported). ``illustrative`` marks the versions as invented example data."""
    prepared = prepare_sources(paths, org, version, base, lang, now, progress, illustrative)
    if dry_run:
        return [ImportResult(p, make_current, False) for p in prepared]
    try:
        return write_imports(store, prepared, make_current)
    finally:
        for item in prepared:
            discard(item.graph)
