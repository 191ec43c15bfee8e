"""The example data's planted problems are found (duplicated goals aside: analytics finds those)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
import yaml
from click.testing import CliRunner

from ssgraph.cli import cli
from ssgraph.paths import EXAMPLES_DIR
from ssgraph.validation import ValidationOptions, validate_graph

pytestmark = pytest.mark.skipif(not (EXAMPLES_DIR / "planted-problems.yaml").exists(), reason="no example data")

TODAY = dt.date(2026, 11, 27)
ORG = "https://w3id.org/ssgraph/id/org/0480/"


@pytest.fixture(scope="module")
def planted():
    return yaml.safe_load((EXAMPLES_DIR / "planted-problems.yaml").read_text(encoding="utf-8"))["nykoping"]


@pytest.fixture(scope="module")
def nykoping_2024():
    from ssgraph.importing.importer import prepare_import

    prepared = prepare_import(EXAMPLES_DIR / "nykoping-2024.yaml", validate=False)
    return validate_graph(prepared.graph, options=ValidationOptions(reference_date=TODAY))


def focus_ids(report, shape: str, kind: str) -> set[str]:
    prefix = f"{ORG}{kind}/"
    return {f.focus[len(prefix):] for f in report.findings
            if f.shape == f"https://w3id.org/ssgraph/shapes#{shape}" and f.focus.startswith(prefix)}


def test_planted_problems_are_found(nykoping_2024, planted):
    report = nykoping_2024
    assert report.conforms  # every planted problem is a recommendation not followed, not broken data
    assert focus_ids(report, "LeafGoalHasIndicator", "goal") == set(planted["goals_without_indicator"])
    assert focus_ids(report, "GoalLeadsToVision", "goal") == set(planted["goals_not_leading_to_vision"])
    assert focus_ids(report, "SteeringDocumentExpiredInForce", "document") == set(planted["expired_documents_in_force"])
    assert focus_ids(report, "IndicatorHasObservations", "indicator") == set(planted["indicators_without_observations"])
    assert set(planted["documents_overdue_for_revision"]) <= focus_ids(report, "SteeringDocumentRevisionOverdue", "document")
    superseded = {s["document"] for s in planted["superseded_documents"]}
    assert not superseded & focus_ids(report, "SteeringDocumentExpiredInForce", "document")


def test_findings_point_at_the_workbook_rows(nykoping_2024):
    for finding in nykoping_2024.findings:
        assert finding.source is not None and finding.source.file == "nykoping-2024.yaml" and finding.source.row


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        self.parts.append(data)


def test_html_report_of_the_imported_example_for_an_officer(tmp_path, planted):
    from ssgraph.importing.importer import import_sources
    from ssgraph.store import open_store

    with open_store(tmp_path / "store") as store:
        import_sources(store, [EXAMPLES_DIR / "nykoping-2023.yaml", EXAMPLES_DIR / "nykoping-2024.yaml"])
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "validate", "--org", "0480",
                                      "--format", "html", "--reference-date", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    page = _Text()
    page.feed(result.output)
    text = "".join(page.parts)
    assert "0480 Nyköping" in text and "Målet har inga undermål och ingen indikator som mäter det." in text
    assert "Dokumentets giltighetstid har passerat men det är fortfarande gällande." in text
    for goal in planted["goals_without_indicator"] + planted["goals_not_leading_to_vision"]:
        assert f"{ORG}goal/{goal}" in page.links
    assert "https://w3id.org/ssgraph/graph/org/0480/mal-och-budget-2024" in text  # the current version
    catalog = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "validate", "--graph",
                                       "https://w3id.org/ssgraph/graph/catalog", "--format", "json"])
    assert catalog.exit_code == 0, catalog.output  # the importer's catalogue passes the catalogue shapes
