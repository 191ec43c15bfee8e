"""The DCAT-AP catalogue and the VoID description, for harvesters and for people.

- ``/datasets/dcat`` the catalogue (RDF/XML by default, as dataportal.se harvests it; a
  page for browsers); its hash IRIs ``#catalog``, ``#publisher``, ``#contact`` resolve there
- ``/datasets/<group>`` each dataset, ``/datasets/<group>/<nq|ttl>`` each distribution
- ``/void`` the VoID description (Turtle by default; a page for browsers)
"""

from __future__ import annotations

from flask import Blueprint, Response, request

from ssgraph import publication
from ssgraph.web.errors import HttpProblem
from ssgraph.web.pages import html_response
from ssgraph.web.publication import alternates, chosen_format, public_base, rdf_response
from ssgraph.web.service import service

bp = Blueprint("datasets", __name__)


def _catalogue() -> publication.CatalogueDescription:
    return publication.describe_catalogue(publication.graph_counts(service()), public_base(), service().settings)


@bp.route("/datasets/dcat", methods=["GET"])
def dcat_catalogue() -> Response:
    fmt = chosen_format(prefer="application/rdf+xml")
    description = _catalogue()
    if fmt == "html":
        return html_response("publication/dcat.html", alternates=alternates(request.path), catalogue=description)
    return rdf_response(publication.catalogue_graph(description), fmt)


def _dataset(description: publication.CatalogueDescription, group: str) -> publication.Dataset:
    dataset = description.dataset(group)
    if dataset is None:
        raise HttpProblem(404, "publication.no_dataset", name=group)
    return dataset


@bp.route("/datasets/<group>", methods=["GET"])
def dataset_page(group: str) -> Response:
    fmt = chosen_format(prefer="application/rdf+xml")
    description = _catalogue()
    dataset = _dataset(description, group)
    if fmt == "html":
        return html_response("publication/dataset.html", alternates=alternates(request.path),
                             catalogue=description, dataset=dataset)
    return rdf_response(publication.dataset_graph(description, dataset), fmt)


@bp.route("/datasets/<group>/<extension>", methods=["GET"])
def distribution_page(group: str, extension: str) -> Response:
    fmt = chosen_format(prefer="application/rdf+xml")
    description = _catalogue()
    dataset = _dataset(description, group)
    distribution = next((d for d in dataset.distributions if d.extension == extension), None)
    if distribution is None:
        raise HttpProblem(404, "publication.no_dataset", name=f"{group}/{extension}")
    if fmt == "html":
        return html_response("publication/dataset.html", alternates=alternates(request.path),
                             catalogue=description, dataset=dataset, distribution=distribution)
    return rdf_response(publication.distribution_graph(description, dataset, distribution), fmt)


@bp.route("/void", methods=["GET"])
def void() -> Response:
    fmt = chosen_format()
    description = publication.describe_void(publication.graph_counts(service()), public_base(), service().settings)
    if fmt == "html":
        return html_response("publication/void.html", alternates=alternates(request.path), void=description)
    return rdf_response(publication.void_graph(description), fmt)
