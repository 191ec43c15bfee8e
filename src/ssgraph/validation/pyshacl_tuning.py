"""Two adjustments to how pyshacl is run, without changing what it does.

1. Constraint parameters found by set membership.

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


@functools.cache
def _logger(make_default_logger):
    return make_default_logger(name="pyshacl-validate", debug=False)  # the logger pyshacl.validate makes


_SHAPES_GRAPHS: dict[int, object] = {}  # id of the shapes graph -> pyshacl's ShapesGraph of it


def validate_without_inference(data, shacl_graph):
    """pyshacl.validate(data, shacl_graph=..., inference="none", inplace=True,
    allow_warnings=True, allow_infos=True) -> (conforms, report graph, report text)."""
    from pyshacl import Validator
    from pyshacl.entrypoints import make_default_logger
    from pyshacl.graph_abstraction import DataGraph

    tune()
    options = {"inference": "none", "inplace": True, "allow_warnings": True, "allow_infos": True,
               "abort_on_first": False, "advanced": False, "iterate_rules": False, "use_js": False,
               "sparql_mode": False, "debug": False, "focus_nodes": None, "use_shapes": None,
               "logger": _logger(make_default_logger)}
    validator = Validator(DataGraph.from_rdflib(data), shacl_graph=shacl_graph, options=options)
    known = _SHAPES_GRAPHS.get(id(shacl_graph))
    if known is not None and known.graph is shacl_graph:
        validator.shacl_graph = known
    else:
        _SHAPES_GRAPHS[id(shacl_graph)] = validator.shacl_graph
    return validator.run()
