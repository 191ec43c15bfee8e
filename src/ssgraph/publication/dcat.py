"""The DCAT-AP catalogue of the published data (DCAT-AP 2.1.1, as DCAT-AP-SE harvests it).

One ``dcat:Dataset`` per group of graphs (ontology, reference vocabularies, goal structures,
version catalogue, Kolada, validation results, mappings), each with a Turtle and an N-Quads
dump as ``dcat:Distribution`` and the SPARQL endpoint as ``dcat:DataService``. Absolute IRIs
only, no blank nodes (dataportal.se), and every value of an object property typed with the
class DCAT-AP's range shapes require (licence, formats, media types, themes, access rights,
language, contact point, homepage), so the catalogue passes the SEMIC shapes with ranges.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from ssgraph import catalogue
from ssgraph.catalogue import Texts
from ssgraph.publication.inventory import groups

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_ACCESS = Namespace("http://publications.europa.eu/resource/authority/access-right/")
IANA = "https://www.iana.org/assignments/media-types/"
THEMES = ("GOVE", "ENVI")  # Government and public sector; Environment
# extension → (format name, EU file type, IANA media type)
DUMP_FORMATS = {"ttl": ("Turtle", "RDF_TURTLE", "text/turtle"), "nq": ("N-Quads", "NQUADS", "application/n-quads")}


def _texts(message_id: str, **params: object) -> Texts:
    return Texts(catalogue.text(message_id, "sv", **params), catalogue.text(message_id, "en", **params))


@dataclass
class Distribution:
    iri: str
    extension: str
    format_name: str
    media_type: str
    file_type: str
    download_url: str
    access_url: str
    title: Texts


@dataclass
class Dataset:
    key: str
    iri: str
    title: Texts
    description: Texts
    triples: int
    graphs: list[tuple[str, int]]
    distributions: list[Distribution] = field(default_factory=list)


@dataclass
class CatalogueDescription:
    iri: str
    base: str
    title: Texts
    description: Texts
    publisher: str
    publisher_name: str
    contact: str
    contact_email: str
    licence: str
    homepage: str
    service: str  # the SPARQL endpoint as dcat:DataService
    endpoint: str
    datasets: list[Dataset] = field(default_factory=list)

    def dataset(self, key: str) -> Dataset | None:
        return next((d for d in self.datasets if d.key == key), None)


def describe_catalogue(counts: list[tuple[str, int]], base: str, settings: dict) -> CatalogueDescription:
    """The catalogue of the store's graphs (``counts``) published at ``base``."""
    description = CatalogueDescription(
        iri=base + "datasets/dcat#catalog", base=base,
        title=_texts("publication.catalogue_title"), description=_texts("publication.catalogue_description"),
        publisher=base + "datasets/dcat#publisher", publisher_name=settings["publisher_name"],
        contact=base + "datasets/dcat#contact", contact_email=settings["contact_email"],
        licence=settings["licence"], homepage=base, service=base + "sparql#service", endpoint=base + "sparql",
    )
    for key, members in groups(counts).items():
        triples = sum(n for _, n in members)
        title_id = f"publication.group.{key}" if catalogue.has(f"publication.group.{key}") else "publication.group.other"
        dataset = Dataset(key, base + f"datasets/{key}", _texts(title_id, group=key),
                          _texts("publication.dataset_description", title=_texts(title_id, group=key), triples=triples),
                          triples, members)
        for extension, (name, file_type, media_type) in DUMP_FORMATS.items():
            dataset.distributions.append(Distribution(
                base + f"datasets/{key}/{extension}", extension, name, media_type, file_type,
                base + f"dumps/group-{key}.{extension}.gz", description.endpoint,
                _texts("publication.distribution_title", title=_texts(title_id, group=key), format=name)))
        description.datasets.append(dataset)
    return description


def _graph() -> Graph:
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD),
                              ("skos", SKOS)):
        graph.bind(prefix, namespace)
    return graph


def _both(graph: Graph, subject: URIRef, predicate: URIRef, texts: Texts) -> None:
    graph.add((subject, predicate, Literal(texts.sv, lang="sv")))
    graph.add((subject, predicate, Literal(texts.en, lang="en")))


def _agents(graph: Graph, d: CatalogueDescription) -> None:
    publisher, contact = URIRef(d.publisher), URIRef(d.contact)
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(d.publisher_name)))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, RDF.type, VCARD.Kind))  # the range DCAT-AP checks, without the vCard ontology at hand
    graph.add((contact, VCARD.fn, Literal(d.publisher_name)))
    graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + d.contact_email)))
    graph.add((URIRef(d.licence), RDF.type, DCTERMS.LicenseDocument))


def _controlled_values(graph: Graph) -> None:
    """The EU authority-table values used, typed as DCAT-AP's ranges require."""
    for theme in THEMES:
        concept = EU_THEME[theme]
        graph.add((concept, RDF.type, SKOS.Concept))
        _both(graph, concept, SKOS.prefLabel, _texts(f"publication.theme.{theme}"))
    graph.add((EU_ACCESS.PUBLIC, RDF.type, DCTERMS.RightsStatement))
    graph.add((EU_LANGUAGE.SWE, RDF.type, DCTERMS.LinguisticSystem))
    graph.add((EU_LANGUAGE.ENG, RDF.type, DCTERMS.LinguisticSystem))


def _add_service(graph: Graph, d: CatalogueDescription, served: list[Dataset] | None = None) -> None:
    """The SPARQL endpoint as a data service, serving ``served`` (every dataset by default)."""
    service = URIRef(d.service)
    graph.add((service, RDF.type, DCAT.DataService))
    _both(graph, service, DCTERMS.title, _texts("publication.service_title"))
    graph.add((service, DCAT.endpointURL, URIRef(d.endpoint)))
    graph.add((service, DCAT.endpointDescription, URIRef(d.endpoint)))
    graph.add((service, DCTERMS.license, URIRef(d.licence)))
    graph.add((service, DCTERMS.accessRights, EU_ACCESS.PUBLIC))
    for dataset in d.datasets if served is None else served:
        graph.add((service, DCAT.servesDataset, URIRef(dataset.iri)))


def _add_distribution(graph: Graph, d: CatalogueDescription, dataset: Dataset, distribution: Distribution) -> None:
    node = URIRef(distribution.iri)
    graph.add((URIRef(dataset.iri), DCAT.distribution, node))
    graph.add((node, RDF.type, DCAT.Distribution))
    _both(graph, node, DCTERMS.title, distribution.title)
    graph.add((node, DCAT.accessURL, URIRef(distribution.access_url)))
    graph.add((node, DCAT.accessService, URIRef(d.service)))
    graph.add((node, DCAT.downloadURL, URIRef(distribution.download_url)))
    file_type = EU_FILE_TYPE[distribution.file_type]
    graph.add((node, DCTERMS.format, file_type))
    graph.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
    media_type, gzip = URIRef(IANA + distribution.media_type), URIRef(IANA + "application/gzip")
    graph.add((node, DCAT.mediaType, media_type))
    graph.add((node, DCAT.compressFormat, gzip))
    for value in (media_type, gzip):
        graph.add((value, RDF.type, DCTERMS.MediaType))
    graph.add((node, DCTERMS.license, URIRef(d.licence)))


def _add_dataset(graph: Graph, d: CatalogueDescription, dataset: Dataset) -> None:
    node = URIRef(dataset.iri)
    graph.add((node, RDF.type, DCAT.Dataset))
    _both(graph, node, DCTERMS.title, dataset.title)
    _both(graph, node, DCTERMS.description, dataset.description)
    graph.add((node, DCTERMS.identifier, Literal(dataset.iri)))
    graph.add((node, DCTERMS.publisher, URIRef(d.publisher)))
    graph.add((node, DCAT.contactPoint, URIRef(d.contact)))
    for theme in THEMES:
        graph.add((node, DCAT.theme, EU_THEME[theme]))
    graph.add((node, DCTERMS.accessRights, EU_ACCESS.PUBLIC))
    graph.add((node, DCTERMS.language, EU_LANGUAGE.SWE))
    graph.add((node, DCTERMS.language, EU_LANGUAGE.ENG))
    graph.add((node, DCAT.keyword, Literal(catalogue.text("publication.keyword", "sv"), lang="sv")))
    graph.add((node, DCAT.keyword, Literal(catalogue.text("publication.keyword", "en"), lang="en")))
    for distribution in dataset.distributions:
        _add_distribution(graph, d, dataset, distribution)


def catalogue_graph(d: CatalogueDescription) -> Graph:
    graph = _graph()
    node = URIRef(d.iri)
    graph.add((node, RDF.type, DCAT.Catalog))
    _both(graph, node, DCTERMS.title, d.title)
    _both(graph, node, DCTERMS.description, d.description)
    graph.add((node, DCTERMS.publisher, URIRef(d.publisher)))
    graph.add((node, DCTERMS.license, URIRef(d.licence)))
    graph.add((node, DCTERMS.language, EU_LANGUAGE.SWE))
    graph.add((node, DCTERMS.language, EU_LANGUAGE.ENG))
    graph.add((node, FOAF.homepage, URIRef(d.homepage)))
    graph.add((URIRef(d.homepage), RDF.type, FOAF.Document))
    graph.add((node, DCAT.service, URIRef(d.service)))
    _agents(graph, d)
    _controlled_values(graph)
    _add_service(graph, d)
    for dataset in d.datasets:
        graph.add((node, DCAT.dataset, URIRef(dataset.iri)))
        _add_dataset(graph, d, dataset)
    return graph


def dataset_graph(d: CatalogueDescription, dataset: Dataset) -> Graph:
    """What the dataset's IRI answers: the dataset, its distributions, the agents and the
    service it names (a document that passes the DCAT-AP shapes on its own)."""
    graph = _graph()
    _add_dataset(graph, d, dataset)
    _agents(graph, d)
    _controlled_values(graph)
    _add_service(graph, d, [dataset])
    return graph


def distribution_graph(d: CatalogueDescription, dataset: Dataset, distribution: Distribution) -> Graph:
    """What a distribution's IRI answers: the distribution, and its dataset and service
    described enough to pass the DCAT-AP shapes on its own."""
    graph = _graph()
    node = URIRef(dataset.iri)
    graph.add((node, RDF.type, DCAT.Dataset))
    _both(graph, node, DCTERMS.title, dataset.title)
    _both(graph, node, DCTERMS.description, dataset.description)
    _add_distribution(graph, d, dataset, distribution)
    _add_service(graph, d, [dataset])
    graph.add((URIRef(d.licence), RDF.type, DCTERMS.LicenseDocument))
    graph.add((EU_ACCESS.PUBLIC, RDF.type, DCTERMS.RightsStatement))
    return graph
