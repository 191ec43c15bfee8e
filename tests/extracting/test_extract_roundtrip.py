"""The officer's round trip: extract → a workbook with source and confidence per row →
ssgraph import → each goal's page names the document and page it came from."""

from __future__ import annotations

import re

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
