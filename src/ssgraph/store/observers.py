"""What else a write keeps current: observers named in the ``ssgraph.write_observers`` entry
point group (pyproject.toml), called after every write through a store with the store and
the graphs written (None: the graphs changed are not known, e.g. after a bulk load).

The store knows no feature: a feature (the search index) declares itself in the package
metadata, so the store calls it without importing it and the layers keep pointing down.
An observer that fails never undoes the write: it is logged, and the observer must notice
at its next use that it fell behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.metadata import entry_points

GROUP = "ssgraph.write_observers"
log = logging.getLogger(__name__)

Observer = Callable[[object, "list[str] | None"], None]


@lru_cache(maxsize=1)
def observers() -> tuple[Observer, ...]:
    found = []
    for entry in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        try:
            found.append(entry.load())
        except Exception:  # a broken plug-in must not stop every write
            log.warning("write observer %s could not be loaded", entry.value, exc_info=True)
    return tuple(found)


def notify(store, graphs: Iterable[str] | None) -> None:
    """Tell every observer that ``graphs`` (None: unknown graphs) of ``store`` were written."""
    written = None if graphs is None else sorted(set(graphs))
    for observer in observers():
        try:
            observer(store, written)
        except Exception:  # the write itself succeeded and stays
            log.warning("write observer %r failed after a write", observer, exc_info=True)
