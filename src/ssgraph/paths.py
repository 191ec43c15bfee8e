"""The only code that locates the project's data folders.

In a source checkout (editable install) they sit at the repository root; in a wheel they
are shipped as package data under ``ssgraph/resources``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = _PACKAGE_DIR.parents[1]


def _resource_root() -> Path:
    if (_CHECKOUT_ROOT / "ontology" / "ssgraph.ttl").exists():
        return _CHECKOUT_ROOT
    return _PACKAGE_DIR / "resources"


RESOURCE_ROOT = _resource_root()
ONTOLOGY_DIR = RESOURCE_ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "ssgraph.ttl"
SHAPES_DIR = RESOURCE_ROOT / "shapes"
QUERIES_DIR = RESOURCE_ROOT / "queries"
DATA_DIR = RESOURCE_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
EXAMPLES_DIR = DATA_DIR / "examples"
REALDATA_DIR = DATA_DIR / "realdata"
STATIC_DIR = _PACKAGE_DIR / "web" / "static"
