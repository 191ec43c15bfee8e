"""Values read from the store once per state of the store: the organisation list, labels of
reference concepts. Every page asks for them; they change only when the data does.

A store that says what state it is in (``state_key``, which changes with every write: the
web's view of the embedded store) has its values kept until that key changes; any other store
(the CLI's open store, a remote endpoint: another client may write) is read every time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_kept: dict[str, tuple[str, object]] = {}  # name → (state key, value): the last state only


def state_of(store) -> str | None:
    """The store's state key, or None when it cannot say (then nothing is kept)."""
    key = store.state_key() if hasattr(store, "state_key") else None
    return None if key in (None, "remote") else str(key)


def per_state(store, name: str, read: Callable[[], T]) -> T:
    """``read()``, kept under ``name`` until the store's state changes."""
    key = state_of(store)
    if key is None:
        return read()
    held = _kept.get(name)
    if held is not None and held[0] == key:
        return held[1]  # type: ignore[return-value]
    value = read()
    _kept[name] = (key, value)
    return value
