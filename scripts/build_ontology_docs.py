"""Write human-readable HTML documentation of the ssgraph ontology.

    python scripts/build_ontology_docs.py [--ontology ontology/ssgraph.ttl] [--output ontology/ssgraph.html]

The web service serves the result at /ontology; each term's section has the term's local name
as its fragment id, so ``https://w3id.org/ssgraph/ontology#Goal`` lands on the right place.

pyLODE was tried first, but it derives fragment ids from (Swedish) labels and concatenates
multilingual labels, which breaks hash-IRI dereferencing; this small renderer shows sv and en
side by side instead. Output is deterministic (sorted, no timestamps) so diffs stay readable.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ONTOLOGY = REPO_ROOT / "ontology" / "ssgraph.ttl"
DEFAULT_OUTPUT = REPO_ROOT / "ontology" / "ssgraph.html"
QB = rdflib.Namespace("http://purl.org/linked-data/cube#")
VANN = rdflib.Namespace("http://purl.org/vocab/vann/")

SECTIONS = [
    ("classes", "Klasser", "Classes", OWL.Class),
    ("object-properties", "Objektegenskaper", "Object properties", OWL.ObjectProperty),
    ("datatype-properties", "Dataegenskaper", "Datatype properties", OWL.DatatypeProperty),
    ("annotation-properties", "Annoteringsegenskaper", "Annotation properties", OWL.AnnotationProperty),
    ("individuals", "Namngivna individer", "Named individuals", OWL.NamedIndividual),
]

CHARACTERISTICS = {
    OWL.FunctionalProperty: "functional",
    OWL.TransitiveProperty: "transitive",
    OWL.SymmetricProperty: "symmetric",
    OWL.InverseFunctionalProperty: "inverse functional",
    QB.DimensionProperty: "qb:DimensionProperty",
    QB.MeasureProperty: "qb:MeasureProperty",
    QB.AttributeProperty: "qb:AttributeProperty",
}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1d1d1d;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #2e7d32;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin:0 0 .4rem 0;font-size:1.1rem}code{background:#f3f3f3;padding:0 .2rem;border-radius:3px}
section.term{border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
section.term:target{border-color:#2e7d32;box-shadow:0 0 0 2px #a5d6a7}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #eee}
th{width:11rem;font-weight:600;color:#444}.lang{display:inline-block;min-width:1.6rem;font-size:.75rem;color:#666;text-transform:uppercase}
.kind{font-size:.75rem;background:#e8f5e9;color:#1b5e20;border-radius:3px;padding:0 .3rem;margin-left:.4rem;vertical-align:middle}
nav ul{columns:3}nav li{break-inside:avoid}.meta th{width:14rem}
"""


class Renderer:
    def __init__(self, graph: rdflib.Graph):
        self.g = graph
        self.ontology = next(graph.subjects(RDF.type, OWL.Ontology))
        prefix = graph.value(self.ontology, VANN.preferredNamespacePrefix)
        self.ns = str(graph.value(self.ontology, VANN.preferredNamespaceUri))
        self.prefix = str(prefix)
        graph.bind(self.prefix, self.ns)

    # -- term lookup ------------------------------------------------------------------------

    def own(self, term: object) -> bool:
        return isinstance(term, URIRef) and str(term).startswith(self.ns)

    def terms_of(self, rdf_type: URIRef) -> list[URIRef]:
        return sorted(
            (t for t in set(self.g.subjects(RDF.type, rdf_type)) if self.own(t)),
            key=lambda t: str(t).lower(),
        )

    def text(self, subject: URIRef, predicate: URIRef, lang: str) -> str | None:
        for value in self.g.objects(subject, predicate):
            if isinstance(value, Literal) and value.language == lang:
                return str(value)
        return None

    # -- rendering of terms and class expressions ---------------------------------------------

    def link(self, term: object) -> str:
        if isinstance(term, BNode):
            return self.expression(term)
        if isinstance(term, Literal):
            return f"<code>{html.escape(str(term))}</code>"
        if self.own(term):
            local = str(term)[len(self.ns):]
            label = self.text(term, RDFS.label, "en")
            title = f' title="{html.escape(label)}"' if label else ""
            return f'<a href="#{html.escape(local)}"{title}><code>{self.prefix}:{html.escape(local)}</code></a>'
        try:
            shown = self.g.namespace_manager.normalizeUri(term)
        except Exception:
            shown = str(term)
        if shown.startswith("<"):
            shown = str(term)
        return f'<a href="{html.escape(str(term))}"><code>{html.escape(shown)}</code></a>'

    def expression(self, node: BNode) -> str:
        for operator, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            members = self.g.value(node, operator)
            if members is not None:
                parts = sorted(self.link(m) for m in Collection(self.g, members))
                return "(" + word.join(parts) + ")"
        prop = self.g.value(node, OWL.onProperty)
        if prop is not None:
            for quantifier, word in (
                (OWL.someValuesFrom, "some"),
                (OWL.allValuesFrom, "only"),
                (OWL.hasValue, "value"),
            ):
                filler = self.g.value(node, quantifier)
                if filler is not None:
                    return f"{self.link(prop)} <em>{word}</em> {self.link(filler)}"
        return "<em>(anonymous expression)</em>"

    def links(self, values: list) -> str:
        return ", ".join(sorted(self.link(v) for v in values))

    def row(self, heading: str, cell: str) -> str:
        return f"<tr><th>{heading}</th><td>{cell}</td></tr>" if cell else ""

    def bilingual(self, subject: URIRef, predicate: URIRef) -> str:
        lines = []
        for lang in ("sv", "en"):
            value = self.text(subject, predicate, lang)
            if value:
                lines.append(f'<div lang="{lang}"><span class="lang">{lang}</span>{html.escape(value)}</div>')
        return "".join(lines)

    def disjoint_with(self, cls: URIRef) -> list:
        found = set(self.g.objects(cls, OWL.disjointWith)) | set(self.g.subjects(OWL.disjointWith, cls))
        for group in self.g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(Collection(self.g, self.g.value(group, OWL.members)))
            if cls in members:
                found.update(m for m in members if m != cls)
        return list(found)

    def term_section(self, term: URIRef, kind: str) -> str:
        g = self.g
        local = str(term)[len(self.ns):]
        rows = [
            self.row("IRI", f"<code>{html.escape(str(term))}</code>"),
            self.row("Etikett / Label", self.bilingual(term, RDFS.label)),
            self.row("Definition", self.bilingual(term, SKOS.definition)),
        ]
        if kind == "classes":
            rows += [
                self.row("Överklass / Superclass", self.links(list(g.objects(term, RDFS.subClassOf)))),
                self.row("Underklass / Subclass", self.links(list(g.subjects(RDFS.subClassOf, term)))),
                self.row("Disjunkt med / Disjoint with", self.links(self.disjoint_with(term))),
                self.row("Domän för / Domain of", self.links(self.used_in(RDFS.domain, term))),
                self.row("Värdemängd för / Range of", self.links(self.used_in(RDFS.range, term))),
            ]
        elif kind in ("object-properties", "datatype-properties", "annotation-properties"):
            traits = sorted(
                name for rdf_type, name in CHARACTERISTICS.items() if (term, RDF.type, rdf_type) in g
            )
            inverse = list(g.objects(term, OWL.inverseOf)) + list(g.subjects(OWL.inverseOf, term))
            rows += [
                self.row("Egenskaper / Characteristics", ", ".join(traits)),
                self.row("Överegenskap / Super-property", self.links(list(g.objects(term, RDFS.subPropertyOf)))),
                self.row("Underegenskap / Sub-property", self.links(list(g.subjects(RDFS.subPropertyOf, term)))),
                self.row("Invers / Inverse", self.links(inverse)),
                self.row("Domän / Domain", self.links(list(g.objects(term, RDFS.domain)))),
                self.row("Värdemängd / Range", self.links(list(g.objects(term, RDFS.range)))),
            ]
        else:
            types = [t for t in g.objects(term, RDF.type) if t != OWL.NamedIndividual]
            rows.append(self.row("Typ / Type", self.links(types)))
            components = []
            for spec in g.objects(term, QB.component):
                for role in (QB.dimension, QB.measure, QB.attribute):
                    for prop in g.objects(spec, role):
                        order = g.value(spec, QB.order)
                        components.append((int(order) if order is not None else 99, role, prop))
            if components:
                items = "".join(
                    f"<li>{self.link(role)} {self.link(prop)}</li>" for _, role, prop in sorted(components)
                )
                rows.append(self.row("Komponenter / Components", f"<ul>{items}</ul>"))
        see_also = list(g.objects(term, RDFS.seeAlso))
        rows.append(self.row("Se även / See also", self.links(see_also)))
        return (
            f'<section class="term" id="{html.escape(local)}">'
            f"<h3><code>{self.prefix}:{html.escape(local)}</code></h3>"
            "<table>\n" + "\n".join(r for r in rows if r) + "\n</table></section>\n"
        )

    def used_in(self, predicate: URIRef, cls: URIRef) -> list:
        found = []
        for prop, value in self.g.subject_objects(predicate):
            if value == cls or (isinstance(value, BNode) and cls in self.union_members(value)):
                found.append(prop)
        return found

    def union_members(self, node: BNode) -> list:
        members = self.g.value(node, OWL.unionOf)
        return list(Collection(self.g, members)) if members is not None else []

    # -- alignment table --------------------------------------------------------------------

    def alignments(self) -> str:
        rows = []
        relations = [
            (RDFS.subClassOf, "rdfs:subClassOf"),
            (RDFS.subPropertyOf, "rdfs:subPropertyOf"),
            (RDF.type, "rdf:type"),
            (RDFS.seeAlso, "rdfs:seeAlso"),
        ]
        skip_types = {
            OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
            OWL.NamedIndividual, OWL.FunctionalProperty, OWL.TransitiveProperty, OWL.Ontology,
        }
        for predicate, name in relations:
            for subject, value in self.g.subject_objects(predicate):
                if not self.own(subject) or not isinstance(value, URIRef) or self.own(value):
                    continue
                if predicate == RDF.type and value in skip_types:
                    continue
                rows.append((self.link(subject), name, self.link(value)))
        body = "".join(f"<tr><td>{a}</td><td><code>{b}</code></td><td>{c}</td></tr>\n" for a, b, c in sorted(rows))
        return (
            '<table><tr><th>ssgraph</th><th>relation</th><th>W3C / extern / external</th></tr>'
            f"{body}</table>"
        )

    # -- page -------------------------------------------------------------------------------

    def page(self) -> str:
        g, onto = self.g, self.ontology
        title_sv = self.text(onto, DCTERMS.title, "sv") or ""
        title_en = self.text(onto, DCTERMS.title, "en") or ""
        meta = "".join([
            self.row("IRI", f"<code>{html.escape(str(onto))}</code>"),
            self.row("Version IRI", self.links(list(g.objects(onto, OWL.versionIRI)))),
            self.row("Version", html.escape(str(g.value(onto, OWL.versionInfo) or ""))),
            self.row("Namnrymd / Namespace", f"<code>{self.prefix}:</code> <code>{html.escape(self.ns)}</code>"),
            self.row("Licens / Licence", self.links(list(g.objects(onto, DCTERMS.license)))),
            self.row("Skapare / Creator", self.bilingual(onto, DCTERMS.creator)),
            self.row("Beskrivning / Description", self.bilingual(onto, DCTERMS.description)),
            self.row(
                "Maskinläsbar / Machine-readable",
                f"<code>{html.escape(str(onto))}</code> med / with <code>Accept: text/turtle</code>",
            ),
        ])
        nav_items = []
        sections = []
        for anchor, name_sv, name_en, rdf_type in SECTIONS:
            terms = self.terms_of(rdf_type)
            if not terms:
                continue
            nav_items.append(f'<li><a href="#{anchor}">{name_sv} / {name_en}</a> ({len(terms)})</li>')
            entries = "".join(self.term_section(t, anchor) for t in terms)
            sections.append(f'<h2 id="{anchor}">{name_sv} / {name_en}</h2>\n{entries}')
        nav_items.append('<li><a href="#alignments">Anpassningar / Alignments</a></li>')
        index = "".join(
            f"<li>{self.link(t)}</li>\n" for _, _, _, rdf_type in SECTIONS for t in self.terms_of(rdf_type)
        )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="sv"><head><meta charset="utf-8"><title>{html.escape(title_sv)}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<style>{CSS}</style></head><body>"
            f'<h1 lang="sv">{html.escape(title_sv)}</h1><p lang="en"><strong>{html.escape(title_en)}</strong></p>'
            f'<table class="meta">{meta}</table>'
            f'<nav><h2>Innehåll / Contents</h2><ul>{"".join(nav_items)}</ul>'
            f"<h2>Alla termer / All terms</h2><ul>{index}</ul></nav>"
            f"{''.join(sections)}"
            f'<h2 id="alignments">Anpassningar till W3C-vokabulär / Alignments with W3C vocabularies</h2>'
            f"{self.alignments()}"
            "</body></html>\n"
        )


def render(ontology: Path) -> str:
    graph = rdflib.Graph()
    graph.parse(ontology, format="turtle")
    return Renderer(graph).page()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ontology", type=Path, default=DEFAULT_ONTOLOGY)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    args.output.write_text(render(args.ontology), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
