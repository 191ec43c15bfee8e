"""The import validation cache: the same graph on the same day gives the cached problems,
identical to a fresh validation; another graph or another day is validated again."""

from __future__ import annotations

import datetime as dt

from rdflib import Literal

from ssgraph.importing.importer import prepare_import
from ssgraph.namespaces import SSG
from ssgraph.paths import EXAMPLES_DIR
from ssgraph.validation import result_cache
from ssgraph.validation.import_check import check_import

TODAY = dt.date(2026, 11, 27)


def rendered(problems) -> list[str]:
    return sorted(p.render("en") for p in problems)


def test_cached_problems_equal_fresh_ones(tmp_path, monkeypatch):
    graph = prepare_import(EXAMPLES_DIR / "ale-2024.yaml", validate=False).graph
    monkeypatch.setenv(result_cache.ENVIRONMENT, "off")
    fresh = check_import(graph, reference_date=TODAY)
    monkeypatch.setenv(result_cache.ENVIRONMENT, str(tmp_path))
    first = check_import(graph, reference_date=TODAY)
    assert len(list(tmp_path.glob("*/*.pickle"))) == 1
    again = check_import(graph, reference_date=TODAY)
    assert rendered(fresh) == rendered(first) == rendered(again) and fresh
    assert len(list(tmp_path.glob("*/*.pickle"))) == 1  # read back, not written again

    check_import(graph, reference_date=TODAY + dt.timedelta(days=1))
    goal = next(graph.subjects(SSG.goalLevel, None))
    graph.add((goal, SSG.budget, Literal("not a number")))
    check_import(graph, reference_date=TODAY)
    assert len(list(tmp_path.glob("*/*.pickle"))) == 3
