"""Checked rows → one rdflib graph for an organisation's version (see docs/model.md).

IRIs are derived from the instance base, the organisation code and the local ids only,
so importing the same file twice gives the same IRIs. Every resource made from a row
carries ``prov:wasDerivedFrom`` its source location (file name, sheet, row) and
``prov:wasGeneratedBy`` the import activity.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from types import SimpleNamespace
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from ssgraph.importing.cells import NamedBody
from ssgraph.importing.checks import CheckedRow, CheckedWorkbook
from ssgraph.importing.mapping_follow_up import FollowUpMapping, RowProgress
from ssgraph.importing.model import GOAL_LEVEL_CLASSES, TOP_LEVELS, Choice
from ssgraph.importing.rdf_terms import (  # noqa: F401 (re-exported: the importer's public names)
    DEFAULT_BASE,
    Minter,
    date_literal,
    decimal_literal,
    org_graph_iri,
    tool_iri,
    version_slug,
    year_literal,
)
from ssgraph.namespaces import PREFIXES, SSG
from ssgraph.reference import (
    environmental_objective_iri,
    public_health_area_iri,
    sdg_iri,
)


class GraphBuilder(FollowUpMapping):
    """Adds the triples of each sheet; one method per sheet keeps the mapping readable (indicators,
    observations and follow-up in ``mapping_follow_up``)."""

    def __init__(self, checked: CheckedWorkbook, base: str, started: dt.datetime, tool_version: str,
                 graph: Graph | None = None):
        self.checked = checked
        self.mint = Minter(base, checked.org_code)
        self.org = self.mint.org()
        self.slug = version_slug(checked.version_label)
        self.graph = Graph() if graph is None else graph
        for prefix, iri in PREFIXES.items():
            self.graph.bind(prefix, iri)
        # triples go straight to the graph's store: rdflib's Graph.add checks the type of every
        # term, which the terms made here need not (some 900,000 triples at 50,000 rows)
        self.triples = SimpleNamespace(add=partial(self.graph.store.add, context=self.graph, quoted=False))
        self.activity = self.mint("version", self.slug, "import")
        self.started = started
        self.tool_version = tool_version
        self.vision: URIRef | None = None
        # nodes described already (tracked here: asking the graph would make a staging graph
        # load what it holds so far, once per row)
        self.described: set[URIRef] = set()
        # rows without a document column (indicators, observations) were read from the
        # workbook's one extracted document, when there is exactly one
        extracted = [r.get("id") for r in checked.rows["documents"] if r.get("file")]
        self.extracted_document = extracted[0] if len(extracted) == 1 else None

    # -- helpers -------------------------------------------------------------
    def add(self, s, p, o) -> None:
        if o is None:
            return
        self.triples.add((s, p, o))

    def provenance(self, subject: URIRef, row: CheckedRow) -> None:
        source = row.source
        location = self.mint("version", self.slug, "source", source.sheet.key, source.number)
        g = self.triples
        g.add((subject, PROV.wasDerivedFrom, location))
        g.add((subject, PROV.wasGeneratedBy, self.activity))
        if location not in self.described:
            self.described.add(location)
            g.add((location, RDF.type, SSG.SourceLocation))
            g.add((location, SSG.sourceFile, Literal(source.file)))
            g.add((location, SSG.sheet, Literal(source.sheet_name)))
            g.add((location, SSG.row, Literal(source.number)))
        self.document_place(subject, row)

    def document_place(self, subject: URIRef, row: CheckedRow) -> None:
        """The page and paragraph (or table cell) ``ssgraph extract`` read the row from."""
        page, place, confidence = row.get("source_page"), row.get("source_place"), row.get("confidence")
        if page is None and place is None:
            return
        source = row.source
        location = self.mint("version", self.slug, "source", source.sheet.key, source.number, "document")
        g = self.triples
        g.add((subject, PROV.wasQuotedFrom, location))
        g.add((location, RDF.type, SSG.DocumentLocation))
        if page is not None:
            g.add((location, SSG.page, Literal(page)))
        if place is not None:
            g.add((location, SSG.placeInDocument, Literal(place)))
        if confidence is not None:
            g.add((location, SSG.extractionConfidence, decimal_literal(confidence)))
        document = row.get("document") if source.sheet.key != "documents" else row.get("id")
        document = document or self.extracted_document
        if document:
            g.add((location, DCTERMS.isPartOf, self.mint("document", document)))

    def common(self, subject: URIRef, row: CheckedRow, rdf_type: URIRef, ident: object | None) -> None:
        self.add(subject, RDF.type, rdf_type)
        self.add(subject, SSG.organisation, self.org)
        if ident is not None:
            self.add(subject, DCTERMS.identifier, Literal(str(ident)))
        self.provenance(subject, row)
        self.quoted(subject, row)

    def quoted(self, subject: URIRef, row: CheckedRow) -> None:
        """The public document the row is quoted from (sheet Sources), and the row's note."""
        if row.source.sheet.key == "sources":
            return
        if row.get("source"):
            self.add(subject, PROV.wasQuotedFrom, self.mint("source", row.get("source")))
        if row.get("note"):
            self.add(subject, SKOS.note, Literal(row.get("note")))

    def boolean(self, subject: URIRef, prop: URIRef, value: object) -> None:
        if isinstance(value, bool):
            self.add(subject, prop, Literal(value))

    def body(self, value: object) -> URIRef | None:
        """A body by its id, or one named only in free text: it gets a body of its own with
        that name and nothing else (no type the document does not state)."""
        if isinstance(value, NamedBody):
            body = self.mint("body", "named", version_slug(value.name))
            if body not in self.described:
                self.described.add(body)
                self.add(body, RDF.type, SSG.OrganisationalBody)
                self.add(body, RDFS.label, self.text(value.name))
                self.add(body, ORG.unitOf, self.org)
                self.add(self.org, ORG.hasUnit, body)
                self.add(body, SSG.organisation, self.org)
            return body
        return self.mint("body", value) if value else None

    @staticmethod
    def iri_of(choice: Choice | None) -> URIRef | None:
        return URIRef(choice.iri) if choice is not None and choice.iri else None

    def text(self, value: object, lang: str = "sv") -> Literal | None:
        return Literal(str(value), lang=lang) if value is not None else None

    # -- sheets --------------------------------------------------------------
    def organisation(self) -> None:
        org, g = self.org, self.triples
        rows = self.checked.rows["organisation"]
        row = rows[0] if rows else None
        g.add((org, SSG.organisationCode, Literal(self.checked.org_code)))
        if row is None:
            return
        org_type = row.get("type")
        if org_type is not None:
            g.add((org, RDF.type, URIRef(org_type.iri)))
        name = row.get("name")
        if self.checked.org_in_reference:
            self.add(org, SKOS.altLabel, self.text(name))
        else:
            self.add(org, RDFS.label, self.text(name))
            self.add(org, SKOS.prefLabel, self.text(name))
        for tool in row.get("supporting_tools", []):
            g.add((org, SSG.usesSupportingTool, URIRef(tool.iri)))
        if row.get("url"):
            g.add((org, FOAF.homepage, URIRef(row.get("url"))))
        dissolved = row.get("dissolved")
        if dissolved is not None:
            g.add((org, SSG.dissolvedOn, date_literal(dissolved)))
        successor = row.get("successor")
        if successor:
            event = self.mint("dissolution")
            g.add((event, RDF.type, ORG.ChangeEvent))
            g.add((event, ORG.originalOrganization, org))
            g.add((event, ORG.resultingOrganization, URIRef(f"{self.mint.base}org/{quote(successor, safe='')}")))
            g.add((org, ORG.changedBy, event))
            if dissolved is not None:
                g.add((event, PROV.endedAtTime, Literal(f"{dissolved.isoformat()}T23:59:59", datatype=XSD.dateTime)))
        self.provenance(org, row)

    def bodies(self) -> None:
        for row in self.checked.rows["bodies"]:
            body = self.mint("body", row.get("id"))
            body_type = row.get("type")
            self.common(body, row, URIRef(body_type.iri), row.get("id"))
            self.add(body, RDFS.label, self.text(row.get("name")))
            if body_type.slug == "company":
                self.add(body, ORG.subOrganizationOf, self.org)
            else:
                self.add(body, ORG.unitOf, self.org)
                self.add(self.org, ORG.hasUnit, body)
            if row.get("part_of"):
                self.add(body, ORG.subOrganizationOf, self.mint("body", row.get("part_of")))

    def documents(self) -> None:
        for row in self.checked.rows["documents"]:
            doc = self.mint("document", row.get("id"))
            doc_type = row.get("type")
            self.common(doc, row, URIRef(doc_type.iri) if doc_type else SSG.SteeringDocument, row.get("id"))
            self.add(doc, DCTERMS.title, self.text(row.get("title")))
            self.add(doc, RDFS.label, self.text(row.get("title")))
            self.add(doc, SSG.documentKind, self.iri_of(row.get("kind")))
            if row.get("decided_by"):
                self.add(doc, SSG.decidedBy, self.mint("body", row.get("decided_by")))
            for key, prop in (("decision_date", SSG.decisionDate), ("valid_from", SSG.validFrom),
                              ("valid_until", SSG.validUntil), ("revision_date", SSG.revisionDate)):
                if row.get(key) is not None:
                    self.add(doc, prop, date_literal(row.get(key)))
            if row.get("decision_reference"):
                self.add(doc, SSG.decisionReference, Literal(row.get("decision_reference")))
            self.add(doc, SSG.documentStatus, self.iri_of(row.get("status")))
            if row.get("replaced_by"):
                self.add(doc, DCTERMS.isReplacedBy, self.mint("document", row.get("replaced_by")))
            if row.get("url"):
                self.add(doc, FOAF.page, URIRef(row.get("url")))
            if row.get("file"):
                self.add(doc, SSG.sourceFile, Literal(row.get("file")))

    def sources(self) -> None:
        for row in self.checked.rows["sources"]:
            source = self.mint("source", row.get("id"))
            self.common(source, row, SSG.SourceDocument, row.get("id"))
            self.add(source, RDF.type, FOAF.Document)
            self.add(source, RDF.type, PROV.Entity)
            self.add(source, DCTERMS.title, self.text(row.get("title")))
            if row.get("publisher"):
                publisher = self.mint("source", row.get("id"), "publisher")
                self.add(source, DCTERMS.publisher, publisher)
                self.add(publisher, RDF.type, FOAF.Agent)
                self.add(publisher, FOAF.name, Literal(row.get("publisher")))
            if row.get("url"):
                self.add(source, FOAF.page, URIRef(row.get("url")))
            if row.get("year") is not None:
                self.add(source, DCTERMS.date, year_literal(row.get("year")))
            self.boolean(source, SSG.secondarySource, row.get("secondary"))
            if row.get("note"):
                self.add(source, SKOS.note, Literal(row.get("note")))

    def vision_rows(self) -> None:
        for row in self.checked.rows["vision"]:
            kind = row.get("kind")
            is_vision = kind.slug == "vision"
            subject = self.mint("vision" if is_vision else "value-base")
            self.common(subject, row, URIRef(kind.iri), None)
            self.add(subject, DCTERMS.title, self.text(row.get("name")))
            self.add(subject, RDFS.label, self.text(row.get("text")))
            self.add(subject, RDFS.label, self.text(row.get("text_en"), "en"))
            if row.get("document"):
                self.add(subject, DCTERMS.source, self.mint("document", row.get("document")))
            self.add(self.org, SSG.hasVision if is_vision else SSG.hasValueBase, subject)
            if is_vision:
                self.vision = subject

    def goals(self, progress: RowProgress | None, done: int, total: int) -> int:
        rows = self.checked.rows["goals"]
        parent_of = {r.get("id"): r.get("parent") for r in rows}
        level_of = {r.get("id"): r.get("level") for r in rows}
        for row in rows:
            ident = row.get("id")
            goal = self.mint("goal", ident)
            level = row.get("level")
            self.common(goal, row, GOAL_LEVEL_CLASSES[level.slug], ident)
            self.add(goal, RDF.type, SSG.Goal)
            self.add(goal, SSG.goalLevel, URIRef(level.iri))
            self.add(goal, RDFS.label, self.text(row.get("text")))
            self.add(goal, RDFS.label, self.text(row.get("text_en"), "en"))
            if row.get("source_term"):
                self.add(goal, SSG.levelTerm, Literal(row.get("source_term")))
            if row.get("uncaptured_parent"):
                self.add(goal, SSG.uncapturedParent, Literal(row.get("uncaptured_parent")))
            self.boolean(goal, SSG.textComplete, row.get("text_complete"))
            self.add(goal, DCTERMS.description, self.text(row.get("description")))
            if row.get("period_start") is not None:
                self.add(goal, SSG.periodStart, year_literal(row.get("period_start")))
            if row.get("period_end") is not None:
                self.add(goal, SSG.periodEnd, year_literal(row.get("period_end")))
            for choice in row.get("dimensions", []):
                self.add(goal, SSG.dimension, URIRef(choice.iri))
            for choice in row.get("aspects", []):
                self.add(goal, SSG.aspect, URIRef(choice.iri))
            self.add(goal, SSG.responsibleBody, self.body(row.get("responsible_body")))
            if row.get("document"):
                doc = self.mint("document", row.get("document"))
                self.add(goal, SSG.statedIn, doc)
                self.add(doc, SSG.containsGoal, goal)
            self.links(goal, row)
            for source in row.get("derived_from", []):
                self.add(goal, PROV.wasDerivedFrom, URIRef(source))
            self.parent_chain(goal, ident, row.get("parent"), level, parent_of, level_of)
            done += 1
            if progress and done % 100 == 0:
                progress(done, total)
        return done

    def parent_chain(self, goal: URIRef, ident: str, parent: str | None, level,
                     parent_of: dict, level_of: dict) -> None:
        """The parent, and the chain above it materialised as ssg:leadsUpTo (the checks have
        ruled out cycles)."""
        if parent:
            self.add(goal, SSG.hasParent, self.mint("goal", parent))
        elif level.slug in TOP_LEVELS and self.vision is not None:
            self.add(goal, SSG.hasParent, self.vision)
        current, top = parent, ident
        while current:
            self.add(goal, SSG.leadsUpTo, self.mint("goal", current))
            top, current = current, parent_of.get(current)
        if level_of.get(top) is not None and level_of[top].slug in TOP_LEVELS and self.vision is not None:
            self.add(goal, SSG.leadsUpTo, self.vision)

    def links(self, subject: URIRef, row: CheckedRow) -> None:
        for code in row.get("sdg_targets", []):
            self.add(subject, SSG.addressesSDG, sdg_iri(code))
        for number in row.get("environmental_objectives", []):
            self.add(subject, SSG.addressesEnvironmentalObjective, environmental_objective_iri(number))
        for number in row.get("public_health_areas", []):
            self.add(subject, SSG.addressesPublicHealthArea, public_health_area_iri(number))
        self.add(subject, SSG.sdgLinkStatement, self.text(row.get("sdg_statement")))
        self.add(subject, SSG.environmentalObjectiveLinkStatement,
                 self.text(row.get("environmental_objectives_statement")))

    def import_activity(self) -> None:
        g, tool = self.triples, tool_iri(self.tool_version)
        g.add((self.activity, RDF.type, PROV.Activity))
        g.add((self.activity, RDFS.label, Literal(f"Import: {self.checked.version_label}", lang="sv")))
        g.add((self.activity, PROV.startedAtTime, Literal(self.started.isoformat(), datatype=XSD.dateTime)))
        g.add((self.activity, PROV.wasAssociatedWith, tool))
        g.add((tool, RDF.type, PROV.SoftwareAgent))
        g.add((tool, RDFS.label, Literal(f"ssgraph {self.tool_version}")))
        source = self.mint("version", self.slug, "source")  # the file's name only, never a local path
        g.add((self.activity, PROV.used, source))
        g.add((source, RDF.type, PROV.Entity))
        g.add((source, SSG.sourceFile, Literal(self.checked.file)))



def map_workbook(
    checked: CheckedWorkbook,
    base: str = DEFAULT_BASE,
    started: dt.datetime | None = None,
    tool_version: str | None = None,
    progress: RowProgress | None = None,
    graph: Graph | None = None,
) -> Graph:
    """The organisation-version graph for a workbook that passed its checks, built in
    ``graph`` when given (e.g. a staging graph of ``ssgraph.store.staging``)."""
    if tool_version is None:
        from ssgraph import __version__ as tool_version
    if not base.endswith(("/", "#")):
        base += "/"
    started = started or dt.datetime.now(dt.UTC).replace(microsecond=0)
    builder = GraphBuilder(checked, base, started, tool_version, graph)
    total = len(checked.rows["goals"]) + len(checked.rows["observations"])
    builder.organisation()
    builder.bodies()
    builder.documents()
    builder.sources()
    builder.vision_rows()
    done = builder.goals(progress, 0, total)
    units = builder.indicators()
    done = builder.observations(units, progress, done, total)
    builder.follow_up()
    builder.import_activity()
    if progress:
        progress(total, total)
    return builder.graph
