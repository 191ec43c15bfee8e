"""The real goal structures shipped in data/realdata/, quoted from public documents.

They are loaded after the illustrative examples, in the order of ``index.yaml`` (per
organisation the latest dated version last, so it becomes the current one).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ssgraph.importing.importer import import_sources
from ssgraph.importing.mapping import DEFAULT_BASE


def realdata_paths() -> list[Path]:
    from ssgraph.paths import REALDATA_DIR

    index = REALDATA_DIR / "index.yaml"
    if not index.exists():
        return []
    files = yaml.safe_load(index.read_text(encoding="utf-8"))["files"]
    return [REALDATA_DIR / name for name in files]


def load_realdata(store, base: str = DEFAULT_BASE) -> list[str]:
    """Import every real goal structure (all or none); returns "file: org version" per import."""
    results = import_sources(store, realdata_paths(), base=base)
    return [f"{r.prepared.path.parent.name}/{r.prepared.path.name}: {r.prepared.org_code} {r.prepared.version_label}"
            for r in results]
