"""check_import: the importer's hook turns findings into located problems."""

from __future__ import annotations

import datetime as dt

from validation_helpers import GOAL_WITH_SDG_18_2, GOAL_WITHOUT_INDICATOR, organisation_graph

from ssgraph.errors import Location
from ssgraph.validation import check_import

TODAY = dt.date(2025, 6, 1)


def test_violations_are_errors_and_warnings_warnings_at_sheet_and_row():
    problems = check_import(organisation_graph(GOAL_WITH_SDG_18_2, GOAL_WITHOUT_INDICATOR.replace("g9", "g8")
                                               .replace("goals-13", "goals-14").replace("ssg:row 13", "ssg:row 14")), "sv", TODAY)
    by_severity = {p.severity: p for p in problems}
    assert set(by_severity) == {"error", "warning"}
    error, warning = by_severity["error"], by_severity["warning"]
    assert error.location == Location(file="nykoping.xlsx", sheet="Mål", row=12)
    assert warning.location == Location(file="nykoping.xlsx", sheet="Mål", row=14)
    assert error.render("sv").startswith("nykoping.xlsx, blad Mål, rad 12: Befintligt globalt mål:")
    assert "ssgref:sdg/18.2" in error.render("sv")
    assert "The linked SDG goal, target or indicator does not exist" in error.render("en")
    assert "Fix:" in warning.render("en") and "Åtgärd:" in warning.render("sv")


def test_a_conforming_graph_gives_no_problems():
    assert check_import(organisation_graph(), "sv", TODAY) == []
