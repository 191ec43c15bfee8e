"""OWL 2 DL reasoning with HermiT (through owlready2): consistency and unsatisfiable classes.

owlready2 cannot read Turtle, so the inputs are parsed with rdflib, merged and written to a
temporary N-Triples file that a private owlready2 World loads. ``owl:imports`` are dropped so
nothing is fetched from the web. The ontology uses ``xsd:date`` and ``xsd:gYear``, which are
outside the OWL 2 datatype map, so HermiT runs with ``--ignoreUnsupportedDatatypes``.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import OWL
from rdflib.util import guess_format

from ssgraph.errors import ConfigurationError, InputError, Location, problem

PARSE_FAILED = "reasoning.parse-failed"
UNKNOWN_FORMAT = "reasoning.unknown-format"
JAVA_MISSING = "reasoning.java-missing"
REASONER_FAILED = "reasoning.reasoner-failed"

REASONER_NAME = "HermiT"
_DATASET_FORMATS = {"trig", "nquads"}


@dataclass
class ReasoningReport:
    """What HermiT found: whether the inputs are consistent and which classes cannot have members."""

    consistent: bool
    unsatisfiable_classes: list[str] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    reasoner: str = REASONER_NAME

    @property
    def ok(self) -> bool:
        return self.consistent and not self.unsatisfiable_classes


def check_consistency(paths: list[Path]) -> ReasoningReport:
    """Run HermiT over the union of the RDF files in ``paths``."""
    merged = _read_union(paths)
    java = shutil.which("java")
    if java is None:
        raise ConfigurationError(problem(JAVA_MISSING))
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ssgraph-reasoning-") as tmp:
        source = Path(tmp) / "input.nt"
        merged.serialize(destination=source, format="nt", encoding="utf-8")
        consistent, unsatisfiable = _run_hermit(source, java)
    return ReasoningReport(
        consistent=consistent,
        unsatisfiable_classes=unsatisfiable,
        triples=len(merged),
        seconds=time.monotonic() - started,
    )


def _read_union(paths: list[Path]) -> rdflib.Graph:
    merged = rdflib.Graph()
    for path in paths:
        path = Path(path)
        fmt = guess_format(str(path))
        if fmt is None:
            raise InputError(problem(UNKNOWN_FORMAT, Location(file=str(path))))
        try:
            if fmt in _DATASET_FORMATS:
                dataset = rdflib.Dataset()
                dataset.parse(path, format=fmt)
                for subject, predicate, obj, _graph in dataset.quads((None, None, None, None)):
                    merged.add((subject, predicate, obj))
            else:
                merged.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise InputError(
                problem(PARSE_FAILED, Location(file=str(path), line=_error_line(exc)), detail=exc)
            ) from exc
    merged.remove((None, OWL.imports, None))
    return merged


def _error_line(exc: Exception) -> int | None:
    line = getattr(exc, "lines", None)  # rdflib's Turtle/N3 BadSyntax (0-based)
    if isinstance(line, int):
        return line + 1
    line = getattr(exc, "getLineNumber", None)  # SAX errors from the RDF/XML parser
    return line() if callable(line) else None


def _run_hermit(source: Path, java: str) -> tuple[bool, list[str]]:
    import owlready2  # heavy import; only needed here

    owlready2.JAVA_EXE = java
    world = owlready2.World()
    try:
        # owlready2 prints progress on stdout/stderr even with debug=0 in some paths.
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            world.get_ontology(source.as_uri()).load()
            try:
                owlready2.sync_reasoner_hermit(
                    world, debug=0, infer_property_values=False, ignore_unsupported_datatypes=True
                )
            except owlready2.OwlReadyInconsistentOntologyError:
                return False, []
            except owlready2.OwlReadyJavaError as exc:
                raise InputError(problem(REASONER_FAILED, detail=_first_line(str(exc)))) from exc
        nothing = owlready2.Nothing
        unsatisfiable = sorted(
            cls.iri for cls in world.inconsistent_classes() if cls is not nothing
        )
        return True, unsatisfiable
    finally:
        world.close()


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return " | ".join(lines[:3])[:500]

