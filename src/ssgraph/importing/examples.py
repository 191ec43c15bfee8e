"""The illustrative example data shipped in data/examples/, in the order it is loaded.

Later versions of one organisation come after earlier ones, so the newest becomes the
current version.
"""

from __future__ import annotations

from pathlib import Path

from ssgraph.importing.importer import import_sources
from ssgraph.importing.mapping import DEFAULT_BASE

EXAMPLE_FILES = (
    "nykoping-2023.yaml",
    "nykoping-2024.yaml",
    "ale-2024.yaml",
    "orebro-landsting-2014.yaml",
    "orebro-regionforbundet-2014.yaml",
    "region-orebro-2018.yaml",
)


def example_paths() -> list[Path]:
    from ssgraph.paths import EXAMPLES_DIR

    return [EXAMPLES_DIR / name for name in EXAMPLE_FILES]


def load_examples(store, base: str = DEFAULT_BASE) -> list[str]:
    """Import every example (all or none); returns "file: org version" per import."""
    results = import_sources(store, example_paths(), base=base, illustrative=True)
    return [f"{r.prepared.path.name}: {r.prepared.org_code} {r.prepared.version_label}" for r in results]
