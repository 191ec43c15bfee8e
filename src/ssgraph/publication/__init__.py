"""What ssgraph publishes about its data: the DCAT-AP catalogue and the VoID description.

Both are built from the store's graph inventory and the service's settings, as data (a
model the pages render) and as RDF (what harvesters read). Every IRI they mint is served:
the catalogue at ``/datasets/dcat`` (its agents as ``#publisher`` and ``#contact``), each
dataset at ``/datasets/<group>``, each distribution at ``/datasets/<group>/<format>``, the
VoID description at ``/void``.
"""

from ssgraph.publication.dcat import (
    CatalogueDescription,
    Dataset,
    Distribution,
    catalogue_graph,
    dataset_graph,
    describe_catalogue,
    distribution_graph,
)
from ssgraph.publication.inventory import graph_counts, group_of, slug_of
from ssgraph.publication.void import describe_void, void_graph

__all__ = [
    "CatalogueDescription",
    "Dataset",
    "Distribution",
    "catalogue_graph",
    "dataset_graph",
    "describe_catalogue",
    "describe_void",
    "distribution_graph",
    "graph_counts",
    "group_of",
    "slug_of",
    "void_graph",
]
