"""The shapes as the one home of the rules that the analyses and the query library also ask.

"A goal without indicator", "a goal not leading to the vision", "an indicator without
observations" and "a document expired but in force" are SHACL shapes (shapes/*.ttl). This
module runs a shape's SPARQL constraint, with its targets, over one version graph in the
store and returns the focus nodes, so consolidation uses the shape itself rather than a
copy of the rule; the library queries are tested to give the same nodes
(tests/queries/test_rules_agree.py).
"""

from __future__ import annotations

import datetime as dt
import re

from ssgraph.store.binding import bind, iri
from ssgraph.validation.shapes import SHAPES_NAMESPACE
from ssgraph.validation.sparql_constraints import sparql_constraints

RULES = {
    "goal_without_indicator": "LeafGoalHasIndicator",
    "goal_not_leading_to_vision": "GoalLeadsToVision",
    "indicator_without_observations": "IndicatorHasObservations",
    "document_expired_in_force": "SteeringDocumentExpiredInForce",
}

_WHERE = re.compile(r"WHERE\s*\{", re.IGNORECASE)


def rule_query(rule: str, graph: str, reference_date: dt.date | None = None) -> str:
    """The SPARQL of the rule's shape (targets joined in front) over the named ``graph``.

    ``reference_date`` is "today" for rules about dates (the shapes' ``?referenceDate``).
    """
    shape = SHAPES_NAMESPACE + RULES[rule]
    text = next(c.text for c in sparql_constraints("organisation") if str(c.shape) == shape)
    match = _WHERE.search(text)
    end = text.rindex("}")
    head = bind("GRAPH $graph {", graph=iri(graph))
    if reference_date is not None and "?referenceDate" in text:
        head += bind(" VALUES ?referenceDate { $day }", day=reference_date)
    return f"{text[:match.end()]} {head}{text[match.end():end]} }} }}"


def focus_nodes(store, rule: str, graph: str, reference_date: dt.date | None = None) -> set[str]:
    """The IRIs the rule's shape reports in one version graph."""
    return {str(row["this"]) for row in store.select(rule_query(rule, graph, reference_date))}


def findings(store, graph: str, reference_date: dt.date | None = None) -> dict[str, set[str]]:
    """Every rule of ``RULES``: rule name → the focus nodes in ``graph``."""
    return {rule: focus_nodes(store, rule, graph, reference_date) for rule in RULES}
