"""One adjustment to how pyshacl looks up constraint parameters, without changing what it does.

For every shape of every graph it validates, pyshacl picks the shape's constraint
parameters (sh:minCount, sh:class, …) by testing each of the shape's properties for
membership in a list of about forty parameter IRIs, one rdflib equality test at a time:
half a million Python calls for one organisation. The same list, answering membership
from a set, gives the same parameters in the same order.
"""

from __future__ import annotations

import functools


class _ParameterList(list):
    """pyshacl's list of constraint parameters, with set membership."""

    def __init__(self, items):
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item) -> bool:
        return item in self._members


@functools.cache
def tune() -> None:
    import pyshacl.shape as shape_module
    from pyshacl import constraints

    parameters = getattr(constraints, "ALL_CONSTRAINT_PARAMETERS", None)
    mapping = getattr(constraints, "CONSTRAINT_PARAMETERS_MAP", None)
    if isinstance(parameters, list) and isinstance(mapping, dict):  # the pyshacl this was written for
        shape_module.CONSTRAINT_PARAMS = (_ParameterList(parameters), mapping)
