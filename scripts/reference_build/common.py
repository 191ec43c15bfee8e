"""Shared pieces of the reference builders: reading sources, scheme metadata, writing Turtle."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from ssgraph.errors import InputError, Location, Problem
from ssgraph.namespaces import SSG, SSGID, SSGREF, UNSDG

SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")
PAV = Namespace("http://purl.org/pav/")

# Dates of this edition of the vocabularies. They are constants, not the clock, so that a
# rebuild from unchanged sources gives byte-identical files; bump VOCABULARY_MODIFIED when
# the sources or the builders change what is written.
VOCABULARY_CREATED = "2026-11-27"
VOCABULARY_MODIFIED = "2026-12-04"

BUILD_ACTIVITY = SSGREF["build/build-reference"]
BUILD_SCRIPT = SSGREF["build/build-reference-script"]

LICENCE_CC0 = URIRef("https://creativecommons.org/publicdomain/zero/1.0/")
LICENCE_CC_BY = URIRef("https://creativecommons.org/licenses/by/4.0/")
LICENCE_MIT = URIRef("https://spdx.org/licenses/MIT")

MISSING_FILE = "reference.missing_file"
MISSING_COLUMN = "reference.missing_column"
BAD_VALUE = "reference.bad_value"
DUPLICATE_VALUE = "reference.duplicate_value"
WRONG_COUNT = "reference.wrong_count"


@dataclass(frozen=True)
class SourceRow:
    """One CSV row with the file and line it came from (line 1 is the header)."""

    file: Path
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def location(self, column: str | None = None) -> Location:
        return Location(file=self.file.name, line=self.line, column=column)

    def fail(self, column: str, expected: str) -> InputError:
        value = self.values.get(column, "")
        return InputError(
            Problem(BAD_VALUE, self.location(column), {"value": value, "column": column,
                                                       "expected": expected})
        )


def require_file(path: Path) -> Path:
    if not path.is_file():
        raise InputError(Problem(MISSING_FILE, Location(file=str(path)), {"path": str(path)}))
    return path


def read_csv(path: Path, columns: Iterable[str]) -> list[SourceRow]:
    """Rows of a UTF-8 CSV file whose header holds at least ``columns``; values stripped."""
    require_file(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        found = reader.fieldnames or []
        for column in columns:
            if column not in found:
                raise InputError(
                    Problem(MISSING_COLUMN, Location(file=path.name, line=1, column=column),
                            {"column": column, "found": ", ".join(found)})
                )
        return [
            SourceRow(path, reader.line_num, {k: (v or "").strip() for k, v in row.items() if k})
            for row in reader
        ]


def unique_by(rows: list[SourceRow], column: str) -> None:
    seen: set[str] = set()
    for row in rows:
        if row[column] in seen:
            raise InputError(Problem(DUPLICATE_VALUE, row.location(column),
                                     {"value": row[column], "column": column}))
        seen.add(row[column])


def expect_count(found: int, expected: int, what: str, file: Path) -> None:
    if found != expected:
        raise InputError(Problem(WRONG_COUNT, Location(file=file.name),
                                 {"expected": expected, "found": found, "what": what}))


PREFIXES: dict[str, str] = {
    "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "prov": str(PROV), "org": str(ORG), "ssg": str(SSG),
    "ssgref": str(SSGREF), "ssgid": str(SSGID), "unsdg": str(UNSDG), "sssom": str(SSSOM),
    "semapv": str(SEMAPV), "pav": str(PAV),
    # Per-scheme prefixes keep the files readable (sdg:11.6 rather than a full IRI).
    "sdg": str(SSGREF) + "sdg/", "miljomal": str(SSGREF) + "miljomal/",
    "folkhalsa": str(SSGREF) + "folkhalsa/", "gronanyckeltal": str(SSGREF) + "grona-nyckeltal/",
    "ss854000": str(SSGREF) + "ss854000/", "ssgorg": str(SSGID) + "org/",
    "county": str(SSGID) + "county/",
}


def new_graph() -> Graph:
    return Graph(bind_namespaces="none")


@dataclass(frozen=True)
class SchemeMetadata:
    """What every scheme says about itself: titles, sources, licence and how it was made."""

    iri: URIRef
    title_sv: str
    title_en: str
    description_en: str
    sources: tuple[URIRef | str, ...]
    licence: URIRef
    rights_en: str
    notes: tuple[str, ...] = field(default_factory=tuple)


def add_scheme(graph: Graph, meta: SchemeMetadata) -> None:
    scheme = meta.iri
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal(meta.title_sv, lang="sv")))
    graph.add((scheme, DCTERMS.title, Literal(meta.title_en, lang="en")))
    graph.add((scheme, SKOS.prefLabel, Literal(meta.title_sv, lang="sv")))
    graph.add((scheme, SKOS.prefLabel, Literal(meta.title_en, lang="en")))
    graph.add((scheme, DCTERMS.description, Literal(meta.description_en, lang="en")))
    for source in meta.sources:
        term = source if isinstance(source, URIRef) else Literal(source)
        graph.add((scheme, DCTERMS.source, term))
    graph.add((scheme, DCTERMS.license, meta.licence))
    graph.add((scheme, DCTERMS.rights, Literal(meta.rights_en, lang="en")))
    for note in meta.notes:
        graph.add((scheme, SKOS.editorialNote, Literal(note, lang="en")))
    graph.add((scheme, DCTERMS.created, Literal(VOCABULARY_CREATED, datatype=XSD.date)))
    graph.add((scheme, DCTERMS.modified, Literal(VOCABULARY_MODIFIED, datatype=XSD.date)))
    graph.add((scheme, DCTERMS.publisher, Literal("ssgraph project")))
    graph.add((scheme, PROV.wasGeneratedBy, BUILD_ACTIVITY))
    graph.add((BUILD_ACTIVITY, RDF.type, PROV.Activity))
    graph.add((BUILD_ACTIVITY, RDFS.label,
               Literal("Build of the ssgraph reference vocabularies", lang="en")))
    graph.add((BUILD_ACTIVITY, PROV.wasAssociatedWith, BUILD_SCRIPT))
    graph.add((BUILD_SCRIPT, RDF.type, PROV.SoftwareAgent))
    graph.add((BUILD_SCRIPT, RDFS.label, Literal("scripts/build_reference.py")))


def add_concept(
    graph: Graph,
    concept: URIRef,
    scheme: URIRef,
    classes: Iterable[URIRef],
    *,
    notation: str | None = None,
    label_sv: str | None = None,
    label_en: str | None = None,
    top: bool = False,
) -> None:
    """A skos:Concept in ``scheme`` with its classes, notation and sv/en preferred labels."""
    graph.add((concept, RDF.type, SKOS.Concept))
    for cls in classes:
        graph.add((concept, RDF.type, cls))
    graph.add((concept, SKOS.inScheme, scheme))
    if top:
        graph.add((concept, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, concept))
    if notation is not None:
        graph.add((concept, SKOS.notation, Literal(notation)))
    if label_sv:
        graph.add((concept, SKOS.prefLabel, Literal(label_sv, lang="sv")))
    if label_en:
        graph.add((concept, SKOS.prefLabel, Literal(label_en, lang="en")))


def add_texts(graph: Graph, subject: URIRef, predicate: URIRef,
              sv: str | None, en: str | None) -> None:
    if sv:
        graph.add((subject, predicate, Literal(sv, lang="sv")))
    if en:
        graph.add((subject, predicate, Literal(en, lang="en")))


def _natural_key(text: str) -> tuple:
    """Sort key that orders embedded numbers by value: sdg/2 before sdg/10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", text) if part)


class _TurtleWriter:
    """A small Turtle writer with a fixed order, so that output is stable and readable.

    rdflib's serializer is deterministic too, but orders subjects by reference counts; here
    the scheme comes first, then resources in natural IRI order (1, 1.1, 1.1.1, 1.2 ... 10).
    """

    LOCAL_NAME = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")

    def __init__(self, graph: Graph, prefixes: dict[str, str]):
        self.graph = graph
        # Longest namespace first, so "ssgref:sdg/" wins over "ssgref:".
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.used: set[str] = set()

    def iri(self, term: URIRef) -> str:
        text = str(term)
        for prefix, namespace in self.prefixes:
            local = text[len(namespace):]
            if text.startswith(namespace) and (local == "" or self.LOCAL_NAME.match(local)):
                self.used.add(prefix)
                return f"{prefix}:{local}"
        return f"<{text}>"

    def term(self, term) -> str:
        if isinstance(term, URIRef):
            return "a" if term == RDF.type else self.iri(term)
        if isinstance(term, Literal):
            quoted = Literal(str(term)).n3()
            if term.language:
                return f"{quoted}@{term.language}"
            if term.datatype is not None and term.datatype != XSD.string:
                return f"{quoted}^^{self.iri(term.datatype)}"
            return quoted
        raise ValueError(f"blank nodes are not written to reference files: {term!r}")

    def subject_block(self, subject: URIRef) -> str:
        lines = []
        predicates = sorted(set(self.graph.predicates(subject)),
                            key=lambda p: (p != RDF.type, self.iri(p)))
        for predicate in predicates:
            objects = sorted(self.graph.objects(subject, predicate),
                             key=lambda o: (isinstance(o, Literal), _natural_key(self.term(o))))
            rendered = [self.term(o) for o in objects]
            joined = (",\n" + " " * 8).join(rendered)
            lines.append(f"    {self.term(predicate)} {joined}")
        return f"{self.iri(subject)}\n" + " ;\n".join(lines) + " .\n"

    def write(self) -> str:
        schemes = set(self.graph.subjects(RDF.type, SKOS.ConceptScheme))
        build = {BUILD_ACTIVITY, BUILD_SCRIPT}
        subjects = sorted(
            set(self.graph.subjects()),
            key=lambda s: (s not in schemes, s in build, _natural_key(str(s))),
        )
        blocks = [self.subject_block(s) for s in subjects]
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in
                         sorted(self.prefixes) if p in self.used)
        return header + "\n" + "\n".join(blocks)


def write_turtle(graph: Graph, path: Path, header: str, prefixes: dict[str, str]) -> None:
    """Write ``graph`` as Turtle in a fixed order, after a comment header."""
    body = _TurtleWriter(graph, prefixes).write()
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.strip().splitlines())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(comment + "\n" + body, encoding="utf-8")
