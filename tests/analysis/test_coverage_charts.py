from analysis_fixture import iri

from ssgraph.analysis import council_report as cr
from ssgraph.analysis import coverage as cv
from ssgraph.rendering import Page, charts
from ssgraph.rendering.analysis_reports import council_report_page
from ssgraph.services import ReportOutcome


def test_matrices_count_goals_and_indicators_per_sdg_and_objective(small_store, small_graph):
    sdg_columns, objective_columns = cv.reference_columns(small_store)
    assert len(sdg_columns) == 17 and len(objective_columns) == 16
    assert sdg_columns[12].colour.upper() == "#3F7E44"  # SDG 13, official colour
    result = cv.coverage(small_graph, sdg_columns, objective_columns)
    assert result.matrices["sdg_goals"]["9001"]["13"] == 3
    assert result.matrices["sdg_goals"]["9002"]["3"] == 1
    assert result.matrices["sdg_indicators"]["9001"]["13"] == 1  # co2, through goal 1
    assert result.matrices["sdg_indicators"]["9001"]["4"] == 1
    assert result.matrices["objective_goals"]["9001"]["1"] == 1
    assert len(result.csv_rows()) == 2 * (17 + 16)


def test_heatmaps_are_images_in_sdg_colours(small_store, small_graph):
    result = cv.coverage(small_graph, *cv.reference_columns(small_store))
    png = charts.coverage_heatmap(result, "sdg", "png")
    assert png.startswith(b"\x89PNG")
    svg = charts.coverage_heatmap(result, "sdg", "svg").decode()
    assert "#3f7e44" in svg.lower() and "Bekämpa klimatförändringarna" in svg


def test_council_report_statuses_trends_and_html(small_store, small_graph):
    report = cr.council_report(small_graph, "9001", 2024)
    assert report.status_counts["partly-fulfilled"] == 1
    ecological = {g.iri: g for g in report.dimensions["ecological"]}
    trend = ecological[iri("9001/goal/1")].indicators[0]
    assert trend.observations == {"2022": 4.1, "2023": 3.8} and trend.on_track is False
    assert [a["label"] for a in ecological[iri("9001/goal/1.1")].activities] == ["Byta till elbilar"]
    assert report.sdgs == ["4", "13"]
    html = council_report_page(ReportOutcome(report, *cv.reference_columns(small_store), {}, False),
                               Page(standalone=True))
    assert "<svg" in html and "Delvis uppfyllt" in html and "Ekologisk hållbarhet" in html
