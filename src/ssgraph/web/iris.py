"""Where the service shows an IRI, and how a page names it.

Instance IRIs (the configured ``instance_base``) are served under ``/id/``, reference
concepts under ``/ref/``, ontology terms at their anchor in ``/ontology``: links to them
stay on this service. Anything else is linked as it is.
"""

from __future__ import annotations

from ssgraph.namespaces import PREFIXES, SSG, SSGREF
from ssgraph.web.service import service

REF_BASE = str(SSGREF)
ONTOLOGY_BASE = str(SSG)


def served_bases() -> dict[str, str]:
    """IRI base → the local path that serves it."""
    return {service().settings["instance_base"]: "/id/", REF_BASE: "/ref/", ONTOLOGY_BASE: "/ontology#"}


def local_href(iri: str) -> str:
    for base, path in served_bases().items():
        if iri.startswith(base) and len(iri) > len(base):
            return path + iri[len(base):]
    return iri


def short_name(iri: str) -> str:
    """``prefix:local`` when a known prefix covers the IRI, else the IRI."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
