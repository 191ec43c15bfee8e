"""The import commands as an officer runs them: template, import, versions, diff."""

from __future__ import annotations

from click.testing import CliRunner

from ssgraph.cli import cli


def run(store_dir, *args):
    return CliRunner().invoke(cli, ["--store", str(store_dir), *args])


def test_template_writes_a_workbook_and_a_csv_folder(tmp_path):
    result = run(tmp_path / "store", "template", str(tmp_path / "t.xlsx"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.xlsx").is_file()
    assert "Mallen är skriven" in result.output
    result = run(tmp_path / "store", "--lang", "en", "template", str(tmp_path / "csv"), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "csv" / "goals.csv").read_text(encoding="utf-8-sig").startswith("Id,Parent goal,Level")


def test_import_reports_counts_and_current_version(tmp_path, small_rows, workbook_of):
    result = run(tmp_path / "store", "import", str(workbook_of(small_rows)))
    assert result.exit_code == 0, result.output
    assert "filled.xlsx: 0480 ”Mål och budget 2024”" in result.stdout
    assert "4 mål, 2 indikatorer, 4 utfall" in result.stdout
    assert "(aktuell version)" in result.stdout


def test_import_with_errors_lists_them_all_and_writes_nothing(tmp_path, small_rows, workbook_of):
    small_rows["goals"][0]["sdg_targets"] = "18.2"
    small_rows["goals"][2]["parent"] = "G9"
    result = run(tmp_path / "store", "import", str(workbook_of(small_rows)))
    assert result.exit_code == 2
    assert "fel: filled.xlsx, blad Mål, rad 2, kolumn M (Agenda 2030-delmål): ”18.2” är inget delmål" in result.stderr
    assert "fel: filled.xlsx, blad Mål, rad 4, kolumn B (Överordnat mål): det finns ingen rad med id ”G9”" in result.stderr
    assert "2 fel och" in result.stderr and "ingenting skrevs" in result.stderr
    assert "Inga versioner" in run(tmp_path / "store", "versions", "0480").output


def test_import_messages_in_english(tmp_path, small_rows, workbook_of):
    small_rows["observations"][0]["value"] = "många"
    result = run(tmp_path / "store", "import", "--lang", "en", str(workbook_of(small_rows)))
    assert result.exit_code == 2
    assert "error: filled.xlsx, sheet Utfall, row 2, column C (Värde): “många” is not a number" in result.stderr


def test_dry_run_writes_nothing(tmp_path, small_rows, workbook_of):
    result = run(tmp_path / "store", "import", "--dry-run", str(workbook_of(small_rows)))
    assert result.exit_code == 0, result.output
    assert "Provkörning" in result.stdout
    assert not (tmp_path / "store").exists()


def test_versions_and_diff(tmp_path, small_rows, workbook_of):
    store = tmp_path / "store"
    assert run(store, "import", str(workbook_of(small_rows, "a.xlsx"))).exit_code == 0
    small_rows["goals"][1]["text"] = "Fossilfria fordon överallt"
    result = run(store, "import", "--version", "Mål och budget 2025", "--not-current", str(workbook_of(small_rows, "b.xlsx")))
    assert result.exit_code == 0, result.output
    listing = run(store, "versions", "0480").output.splitlines()
    assert listing[0].startswith("Mål och budget 2024") and listing[0].endswith("[aktuell]")
    assert listing[1].startswith("Mål och budget 2025") and "[aktuell]" not in listing[1]
    diff = run(store, "--lang", "en", "diff", "0480", "Mål och budget 2024", "Mål och budget 2025").output
    assert "0 added, 0 removed, 1 reworded, 0 with a new id" in diff
    assert "- Fossilfria fordon\n    + Fossilfria fordon överallt" in diff
    assert "[aktuell]" in run(store, "versions", "0480", "--set-current", "Mål och budget 2025").output.splitlines()[1]


def test_acceptance_fill_the_template_by_hand_import_and_query_sdg_links(tmp_path):
    """As a new user: write the template, type a small structure into it, import, query."""
    from openpyxl import load_workbook

    store = tmp_path / "store"
    assert run(store, "template", str(tmp_path / "t.xlsx")).exit_code == 0
    book = load_workbook(tmp_path / "t.xlsx")
    book["Organisation"].append(["1440", "Ale kommun", "kommun", "Mål och budget 2025"])
    book["Vision"].append(["vision", "Ale – där människor växer"])
    goals = book["Mål"]
    goals.append(["A1", None, "övergripande", "Goda och jämlika livsvillkor", None, None, 2025, 2027, "social",
                  None, None, None, "10.2; 1.2"])
    goals.append(["A1.1", "A1", "nämnd", "Fler i arbete", None, None, 2025, 2027, "social; ekonomisk",
                  None, None, None, "8.5"])
    book["Indikatorer"].append(["I1", "A1.1", "Andel med ekonomiskt bistånd", "%", "minska"])
    book["Utfall"].append(["I1", 2024, 4.1])
    book.save(tmp_path / "t.xlsx")

    result = run(store, "import", str(tmp_path / "t.xlsx"))
    assert result.exit_code == 0, result.output
    query = ("PREFIX ssg: <https://w3id.org/ssgraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             "SELECT ?goal ?sdg WHERE { ?g a ssg:Goal ; ssg:addressesSDG ?t . ?g <http://purl.org/dc/terms/identifier> ?goal ."
             " BIND(STRAFTER(STR(?t), 'sdg/') AS ?sdg) } ORDER BY ?goal ?sdg")
    answer = run(store, "query", "--format", "csv", query)
    assert answer.exit_code == 0, answer.output
    assert answer.output.replace("\r", "").splitlines() == ["goal,sdg", "A1,1.2", "A1,10.2", "A1.1,8.5"]
    assert "Mål och budget 2025" in run(store, "versions", "1440").output
