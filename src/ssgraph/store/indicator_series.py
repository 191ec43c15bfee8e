"""The series of values of each indicator, kept with the data as derived summaries
(``ssg:IndicatorSeries`` rows in ``ssggraph:summaries``, see ``store.derived``): organisation
pages and comparisons read one row per indicator instead of every observation.

The rule is ``queries/derived/indicator_series.ru``, run for one graph at a time (``$graph``).
What it keeps depends only on the graph itself, so the graphs a write changed are derived
again; a digest of the rule's text is kept beside the rows, and when it differs (a store made
before these rows existed, or a changed rule) every organisation graph is derived again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ssgraph.namespaces import SSG
from ssgraph.store.graph_rules import GraphRule

RULE = GraphRule("indicator_series.ru", digest_row="https://w3id.org/ssgraph/id/summary/indicator-series-rule",
                 digest_property=str(SSG.ruleDigest))
DIGEST_ROW = RULE.digest_row


def _digest() -> str:
    return hashlib.sha256(RULE.text.encode("utf-8")).hexdigest()


def is_current(store) -> bool:
    """Whether the rows in the store were made by this rule."""
    return RULE.is_current(store, _digest())


def update_text(store, graphs: Iterable[str]) -> str:
    """The update that derives the series again for ``graphs`` (every organisation graph when
    the rule changed since the rows were made); empty when there is nothing to derive."""
    return RULE.update_text(store, graphs, _digest())
