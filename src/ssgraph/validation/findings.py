"""Finding: one SHACL validation result in the words of the shape that produced it.

This is the one model every report format renders. Findings are built from pyshacl's
report graph, the shapes graph (names, messages and fix hints in Swedish and English)
and the data graph (labels of focus nodes, and the workbook position each imported
resource was derived from).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from ssgraph.namespaces import PREFIXES, SH, SSG

SEVERITIES = ("violation", "warning", "info")  # most severe first
SEVERITY_OF_IRI = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}  # info 0 … violation 2
_LABEL_PROPERTIES = (RDFS.label, SKOS.prefLabel, DCTERMS.title)


@dataclass(frozen=True)
class SourcePosition:
    """Where an imported resource came from (ssg:SourceLocation)."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None


@dataclass(frozen=True)
class Finding:
    focus: str  # IRI (or blank-node id) of the focus node
    severity: str  # "violation" | "warning" | "info"
    shape: str  # IRI of the source shape
    focus_label: str | None = None
    path: str | None = None  # IRI of the result path, or a SPARQL property-path text
    value: str | None = None  # IRI or lexical form of the offending value
    value_label: str | None = None
    organisation: str | None = None  # organisation code, e.g. "0480"
    shape_name: dict[str, str] = field(default_factory=dict)  # language -> text
    message: dict[str, str] = field(default_factory=dict)
    fix: dict[str, str] = field(default_factory=dict)
    source: SourcePosition | None = None
    constraint: str | None = None  # sh:sourceConstraintComponent

    def text(self, which: str, lang: str) -> str:
        texts: dict[str, str] = getattr(self, which)
        return texts.get(lang) or texts.get("en") or texts.get("sv") or next(iter(texts.values()), "")

    @property
    def shape_local_name(self) -> str:
        return self.shape.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def at_least(self, min_severity: str) -> bool:
        return SEVERITY_RANK[self.severity] >= SEVERITY_RANK[min_severity]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["source"] = asdict(self.source) if self.source else None
        return data

    def sort_key(self) -> tuple:
        return (self.organisation or "", -SEVERITY_RANK[self.severity], self.shape, self.focus, self.value or "")


def compact(iri: str | None) -> str | None:
    """An IRI as prefix:local when a known prefix covers it."""
    if iri is None:
        return None
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    if iri.startswith("https://w3id.org/ssgraph/shapes#"):
        return "ssgsh:" + iri.split("#", 1)[1]
    return iri


def texts_by_language(graph: Graph, subject: Node, predicate: URIRef) -> dict[str, str]:
    texts: dict[str, str] = {}
    for obj in graph.objects(subject, predicate):
        if isinstance(obj, Literal):
            texts.setdefault(obj.language or "", str(obj))
    if "" in texts and len(texts) > 1:
        del texts[""]
    return texts


def label_of(graph: Graph, node: Node, lang: str = "sv", fallback: dict[str, dict[str, str]] | None = None) -> str | None:
    """The best label of a node: data graph first, then the reference labels."""
    for predicate in _LABEL_PROPERTIES:
        texts = texts_by_language(graph, node, predicate)
        if texts:
            return texts.get(lang) or texts.get("sv") or next(iter(texts.values()))
    if fallback is not None:
        texts = fallback.get(str(node))
        if texts:
            return texts.get(lang) or texts.get("sv") or next(iter(texts.values()))
    return None


def source_position(graph: Graph, node: Node) -> SourcePosition | None:
    for location in graph.objects(node, PROV.wasDerivedFrom):
        file = graph.value(location, SSG.sourceFile)
        sheet = graph.value(location, SSG.sheet)
        row = graph.value(location, SSG.row)
        if file is None and sheet is None and row is None:
            continue
        try:
            row_number = int(row) if row is not None else None
        except ValueError:
            row_number = None
        return SourcePosition(
            str(file) if file is not None else None, str(sheet) if sheet is not None else None, row_number
        )
    return None


def path_text(shapes: Graph, path: Node | None) -> str | None:
    """A SHACL path as an IRI, or SPARQL property-path text for complex paths."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(filter(None, (path_text(shapes, p) for p in shapes.items(alternatives))))
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + (path_text(shapes, inverse) or "?")
    items = list(shapes.items(path))
    if items:
        return "/".join(filter(None, (path_text(shapes, p) for p in items)))
    return None


def _fill(template: str, bindings: dict[str, str]) -> str:
    def replace(match: re.Match) -> str:
        return bindings.get(match.group(1), match.group(0))

    return re.sub(r"\{[?$](\w+)\}", replace, template)


def findings_from_report(
    report: Graph,
    data: Graph,
    shapes: Graph,
    organisation: str | None = None,
    reference_labels: dict[str, dict[str, str]] | None = None,
) -> list[Finding]:
    """Turn pyshacl's validation report into findings."""
    make = FindingMaker(data, shapes, organisation, reference_labels)
    findings = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        findings.append(make(
            report.value(result, SH.focusNode), report.value(result, SH.sourceShape),
            report.value(result, SH.resultSeverity), report.value(result, SH.value),
            report.value(result, SH.resultPath), report.value(result, SH.sourceConstraintComponent),
            lambda result=result: texts_by_language(report, result, SH.resultMessage),
        ))
    return sorted(findings, key=Finding.sort_key)


class FindingMaker:
    """Makes the finding of one validation result (from a report, or given field by field)."""

    def __init__(self, data: Graph, shapes: Graph, organisation: str | None = None,
                 reference_labels: dict[str, dict[str, str]] | None = None):
        self.data, self.shapes, self.organisation, self.reference_labels = data, shapes, organisation, reference_labels
        self._texts_of_shape: dict[Node, tuple[dict[str, str], dict[str, str], dict[str, str]]] = {}

    def __call__(self, focus: Node, shape: Node, severity_iri: Node | None, value: Node | None, path: Node | None,
                 constraint: Node | None, report_messages=dict) -> Finding:
        """``report_messages``: called for the result's own messages when the shape has none."""
        shapes, data, reference_labels = self.shapes, self.data, self.reference_labels
        severity = SEVERITY_OF_IRI.get(severity_iri, "violation")
        if isinstance(path, BNode):
            path = shapes.value(shape, SH.path)  # the report holds a copy; the shape has the original
        if shape not in self._texts_of_shape:
            self._texts_of_shape[shape] = (texts_by_language(shapes, shape, SH.name),
                                           texts_by_language(shapes, shape, SH.message),
                                           texts_by_language(shapes, shape, SSG.fixHint))
        shape_name, messages, fixes = self._texts_of_shape[shape]
        messages = messages or report_messages()
        value_text = str(value) if value is not None else None
        bindings = {"this": str(focus), "value": value_text or "", "path": compact(str(path)) if path else ""}
        return Finding(
            focus=str(focus),
            severity=severity,
            shape=str(shape),
            focus_label=label_of(data, focus, "sv", reference_labels),
            path=path_text(shapes, path),
            value=value_text,
            value_label=label_of(data, value, "sv", reference_labels) if isinstance(value, URIRef) else None,
            organisation=self.organisation,
            shape_name=dict(shape_name),
            message={lang: _fill(text, bindings) for lang, text in messages.items()},
            fix=dict(fixes),
            source=source_position(data, focus),
            constraint=str(constraint or "") or None,
        )


def counts(findings: list[Finding]) -> dict[str, int]:
    tally = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        tally[finding.severity] += 1
    return tally
