"""The officer's round trip: extract → a workbook with source and confidence per row →
ssgraph import → each goal's page names the document and page it came from."""

from __future__ import annotations

import re

import pytest

from click.testing import CliRunner
from extract_samples import CORPUS, expected_of
from openpyxl import load_workbook

from ssgraph.cli import cli

DOCUMENT = CORPUS / "09-goal-table-18.pdf"


def test_extract_review_import_and_see_the_source(tmp_path):
    workbook = tmp_path / "mall.xlsx"
    store = tmp_path / "store"
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(DOCUMENT), "--org", "0018", "--output", str(workbook)])
    assert result.exit_code == 0, result.output
    assert "ssgraph import" in result.output

    book = load_workbook(workbook)
    goals = book["Mål"]
    headers = [cell.value for cell in goals[1]]
    for header in ("Källsida", "Källställe", "Säkerhet"):
        assert header in headers
    rows = [dict(zip(headers, (cell.value for cell in row), strict=False)) for row in goals.iter_rows(min_row=2)]
    rows = [r for r in rows if r["Id"]]
    assert len(rows) == len(expected_of(DOCUMENT)["goals"])
    for row in rows:
        assert isinstance(row["Källsida"], int) and row["Källsida"] >= 1
        assert re.fullmatch(r"tabell \d+, rad \d+, kolumn \d+", row["Källställe"])
        assert 0 < float(str(row["Säkerhet"]).replace(",", ".")) <= 1
    assert book["Styrdokument"]["A2"].value == "D1"

    result = runner.invoke(cli, ["--store", str(store), "import", str(workbook)])
    assert result.exit_code == 0, result.output

    from ssgraph.web import create_app

    app = create_app({"store": str(store)})
    try:
        client = app.test_client()
        first = rows[0]
        response = client.get(f"/id/org/0018/goal/{first['Id']}", headers={"Accept": "text/html"})
        assert response.status_code == 200
        html = response.data.decode("utf-8")
        assert DOCUMENT.name in html
        assert f"sida {first['Källsida']}" in html
        assert first["Källställe"] in html
    finally:
        app.extensions["ssgraph"].close()


def test_yaml_output_is_the_same_model(tmp_path):
    output = tmp_path / "mall.yaml"
    result = CliRunner().invoke(cli, ["--lang", "en", "extract", str(DOCUMENT), "--org", "0018", "--output",
                                      str(output)])
    assert result.exit_code == 0, result.output
    from ssgraph.importing.importer import prepare_import

    prepared = prepare_import(output, validate=False)
    assert prepared.counts["goals"] == len(expected_of(DOCUMENT)["goals"])
    assert "source_place: table 1, row 2, column 1" in output.read_text(encoding="utf-8")


def test_a_folder_of_documents_with_one_that_fails(tmp_path):
    folder = tmp_path / "dokument"
    folder.mkdir()
    for name in ("01-numbered-headings-1415.pdf", "04-bullets-1415.docx", "16-web-page-1415.html"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "trasig.pdf").write_bytes((CORPUS / "01-numbered-headings-1415.pdf").read_bytes()[:900])
    (folder / "protokoll.html").write_text("<html><body><p>Sammanträdet öppnades.</p></body></html>",
                                          encoding="utf-8")
    out = tmp_path / "ut"
    result = CliRunner().invoke(cli, ["extract", str(folder), "--org", "1415", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 dokument: 3 med mål, 1 utan mål, 1 misslyckades" in result.output
    assert "trasig.pdf" in result.output
    written = sorted(p.name for p in out.glob("*.xlsx"))
    assert written == ["01-numbered-headings-1415.pdf.xlsx", "04-bullets-1415.docx.xlsx",
                       "16-web-page-1415.html.xlsx", "protokoll.html.xlsx"]
    summary = (out / "sammanfattning.csv").read_text(encoding="utf-8-sig")
    assert "misslyckades" in summary and "inga mål hittades" in summary


def _one_per_layout() -> list:
    from extract_samples import independent_documents

    chosen: dict[str, object] = {}
    for path in independent_documents():
        chosen.setdefault(path.stem.split("-", 1)[1].rsplit("-", 1)[0], path)
    return list(chosen.values())


@pytest.mark.parametrize("document", _one_per_layout(), ids=lambda p: p.name)
def test_the_workbook_of_a_real_goal_set_imports_without_errors(document, tmp_path):
    """Real goal texts (data/realdata) in layouts the extractor was not written with: the
    workbook passes the importer's checks and the shapes (warnings allowed, no errors)."""
    from extract_samples import organisation_of

    from ssgraph.extracting.run import extract_file
    from ssgraph.importing.importer import prepare_import

    org = organisation_of(document)
    outcome = extract_file(document, org, tmp_path / "mall.xlsx")
    assert outcome.extraction.goals
    prepared = prepare_import(outcome.output)  # raises ImportRejected on any error
    assert prepared.counts["goals"] == len(outcome.extraction.goals)


def test_every_workbook_of_a_folder_run_imports(tmp_path):
    """Folder mode on one organisation's documents: the summary lists each as ok and
    `ssgraph import` takes all the workbooks at once with no errors."""
    from extract_samples import independent_documents, organisation_of

    folder = tmp_path / "dokument"
    folder.mkdir()
    documents = [p for p in independent_documents() if organisation_of(p) == "0018"]
    for path in documents:
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "ut"
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(folder), "--org", "0018", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(documents)} dokument: {len(documents)} med mål, 0 utan mål, 0 misslyckades" in result.output
    summary = (out / "sammanfattning.csv").read_text(encoding="utf-8-sig")
    assert summary.count(",ok,") == len(documents)
    workbooks = sorted(out.glob("*.xlsx"))
    assert len(workbooks) == len(documents)
    result = runner.invoke(cli, ["--store", str(tmp_path / "store"), "import", "--dry-run",
                                 *[str(w) for w in workbooks]])
    assert result.exit_code == 0, result.output
    assert "fel:" not in result.output
