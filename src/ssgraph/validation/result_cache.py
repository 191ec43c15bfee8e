"""A disk cache of import validations: the same graph, shapes, context and day give the same
findings, so they are read back instead of validated again.

``ssgraph init --examples`` imports the same 28 shipped files into every new store, and
validating them is most of its time. The key is a hash of everything the findings depend
on: the graph's N-Triples (in any order, without the import's start time, the one triple that
differs between two imports of one file), the shape, ontology and reference files, the
validation code and pyshacl's version, the reference date (the date rules use today when
none is given) and the options. Entries live in the user's cache directory
(``SSGRAPH_VALIDATION_CACHE`` names another folder, or ``off``); a damaged or unreadable
entry is simply validated again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import pickle
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import platformdirs
from rdflib import Graph
from rdflib.namespace import PROV

from ssgraph.owned_files import write_atomically
from ssgraph.paths import ONTOLOGY_FILE
from ssgraph.store.staging import ntriples_digest
from ssgraph.validation import shapes as shape_sets

ENVIRONMENT = "SSGRAPH_VALIDATION_CACHE"
_FORMAT = b"ssgraph-validation-cache-1"
_MOST_ENTRIES = 2000
_VARYING = f"<{PROV.startedAtTime}>"


def cache_dir() -> Path | None:
    chosen = os.environ.get(ENVIRONMENT, "")
    if chosen.lower() in {"off", "0", "no", "false"}:
        return None
    return Path(chosen) if chosen else Path(platformdirs.user_cache_dir("ssgraph")) / "validation"


@functools.cache
def _fixed_inputs() -> bytes:
    """The hash of what does not change between two runs of one installation."""
    digest = hashlib.sha256(_FORMAT)
    files = [*shape_sets.shape_files(), *shape_sets.shape_files("catalog"), ONTOLOGY_FILE,
             *shape_sets.reference_files(), *sorted(Path(__file__).parent.glob("*.py"))]
    for path in files:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"-")
    try:
        digest.update(version("pyshacl").encode())
    except PackageNotFoundError:
        pass
    return digest.digest()


def key_for(graph: Graph, options: object, reference_date: dt.date | None) -> str:
    digest = hashlib.sha256(_fixed_inputs())
    today = reference_date or dt.datetime.now(dt.UTC).date()
    digest.update(f"{today.isoformat()}|{options!r}\n".encode())
    digest.update(ntriples_digest(graph, leave_out=_VARYING))
    return digest.hexdigest()


def cached(key_of: Callable[[], str], compute: Callable[[], list]) -> list:
    """The cached value for the key ``key_of()`` makes, or ``compute()`` stored under it; with
    the cache off the key is never made (digesting a 50,000-row graph takes seconds)."""
    directory = cache_dir()
    if directory is None:
        return compute()
    key = key_of()
    path = directory / key[:2] / f"{key}.pickle"
    try:
        stored = path.read_bytes()
        if stored.startswith(_FORMAT):
            return pickle.loads(stored[len(_FORMAT):])
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _FORMAT + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomically(path, lambda out: out.write(data))
        _prune(directory)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return value


def _prune(directory: Path) -> None:
    entries = list(directory.glob("*/*.pickle"))
    if len(entries) <= _MOST_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for path in entries[: len(entries) - _MOST_ENTRIES // 2]:
        path.unlink(missing_ok=True)
