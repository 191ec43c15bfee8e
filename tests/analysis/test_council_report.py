"""The council report keeps the goal tree: a goal of two dimensions stands under each with its
sub-goals, rows come in tree order, and the report explains its abbreviations; its CSV speaks
the reader's language."""

from __future__ import annotations

import csv
import io

from analysis_fixture import iri

from ssgraph.analysis import council_report as cr
from ssgraph.analysis import coverage as cv
from ssgraph.rendering import Page
from ssgraph.rendering.analysis_reports import council_report_page
from ssgraph.rendering.tables import csv_text
from ssgraph.services import ReportOutcome


def two_dimension_graph(small_graph):
    graph = small_graph.copy()
    graph.nodes[iri("9001/goal/1")]["dimension"] = ["ecological", "social"]
    return graph


def test_a_goal_of_two_dimensions_keeps_its_sub_goals_under_each(small_graph):
    report = cr.council_report(two_dimension_graph(small_graph), "9001", 2024)
    for dimension in ("ecological", "social"):
        order = [g.identifier for g in report.dimensions[dimension]]
        assert order[:3] == ["1", "1.1", "1.2"], (dimension, order)  # the parent, then its sub-goals
    goal = next(g for g in report.dimensions["social"] if g.identifier == "1")
    assert set(goal.dimensions) == {"ecological", "social"}
    assert next(g for g in report.dimensions["social"] if g.identifier == "1.1").parent == iri("9001/goal/1")
    shown = {g.iri for goals in report.dimensions.values() for g in goals}
    assert sum(report.status_counts.values()) == len(shown)  # each goal counted once, wherever it is shown


def test_the_page_shows_the_tree_and_explains_abbreviations(small_store, small_graph):
    report = cr.council_report(two_dimension_graph(small_graph), "9001", 2024)
    outcome = ReportOutcome(report, *cv.reference_columns(small_store), {}, False)
    swedish = council_report_page(outcome, Page(lang="sv", standalone=True))
    assert "även under Social hållbarhet" in swedish and "även under Ekologisk hållbarhet" in swedish
    assert "Förkortningar" in swedish and "MM = ett av Sveriges 16 nationella miljökvalitetsmål" in swedish
    assert "MM 1" in swedish and "Agenda 2030 13.2" in swedish
    assert "Exempeldata är illustrativa" not in swedish  # the store's data is not marked as example data
    english = council_report_page(outcome, Page(lang="en", standalone=True))
    assert "also under Social sustainability" in english and "EO = one of Sweden" in english
    illustrative = council_report_page(ReportOutcome(report, *cv.reference_columns(small_store), {}, True),
                                       Page(lang="sv", standalone=True))
    assert "Exempeldata är illustrativa" in illustrative


def test_csv_status_codes_and_headers_in_the_readers_language(small_graph):
    rows = cr.council_report(small_graph, "9001", 2024).csv_rows()
    swedish = list(csv.reader(io.StringIO(csv_text(rows, "sv"))))
    english = list(csv.reader(io.StringIO(csv_text(rows, "en"))))
    assert swedish[0][:4] == ["dimension", "mål", "benämning", "bedömning"]
    assert english[0][:4] == ["dimension", "goal", "label", "assessment"]
    assert ["Ekologisk hållbarhet", "1", "Minskad klimatpåverkan från kommunens verksamheter", "Delvis uppfyllt"] \
        in [row[:4] for row in swedish]
    assert "Partly fulfilled" in {row[3] for row in english} and "partly-fulfilled" not in {row[3] for row in english}
