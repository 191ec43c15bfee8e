"""Every error class is reported with its sheet, row and column; all at once; nothing written."""

from __future__ import annotations

import pytest
from importing_samples import NOW
from openpyxl.utils import get_column_letter

from ssgraph.importing.importer import ImportRejected, import_sources, prepare_import
from ssgraph.importing.model import SHEETS_BY_KEY
from ssgraph.importing.template import write_csv_folder


def column_letter(sheet: str, column: str) -> str:
    keys = [c.key for c in SHEETS_BY_KEY[sheet].columns]
    return get_column_letter(keys.index(column) + 1)


def rejected(path, **options) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        prepare_import(path, now=NOW, validate=False, **options)
    return caught.value


def nquads(store) -> list[bytes]:
    import io

    out = io.BytesIO()
    store.export(out, format="nquads")
    return sorted(out.getvalue().splitlines())


def set_cell(rows, sheet, index, column, value):
    rows[sheet][index][column] = value


# (name, mutation (sheet, row index, column, value), message id, sheet key, spreadsheet row, column key)
CASES = [
    ("unknown SDG target", ("goals", 0, "sdg_targets", "13.2; 18.2"), "import.unknown_sdg_target", "goals", 2, "sdg_targets"),
    ("unknown environmental objective", ("goals", 0, "environmental_objectives", "17"),
     "import.unknown_environmental_objective", "goals", 2, "environmental_objectives"),
    ("unknown public-health area", ("goals", 1, "public_health_areas", "9"), "import.unknown_public_health_area",
     "goals", 3, "public_health_areas"),
    ("parent that does not exist", ("goals", 2, "parent", "G9"), "import.unknown_reference", "goals", 4, "parent"),
    ("duplicate id", ("bodies", 2, "id", "KF"), "import.duplicate_id", "bodies", 4, "id"),
    ("cycle in the goal hierarchy", ("goals", 0, "parent", "G1.1.1"), "import.goal_cycle", "goals", 2, "parent"),
    ("period not a year", ("observations", 0, "period", "tjugo22"), "import.not_a_year", "observations", 2, "period"),
    ("value not a number", ("observations", 1, "value", "många"), "import.not_a_number", "observations", 3, "value"),
    ("unknown municipality code in a cell", ("stakeholders", 0, "organisation_code", "9999"),
     "import.unknown_organisation_code", "stakeholders", 2, "organisation_code"),
    ("date in the wrong format", ("documents", 0, "decision_date", "20/11/2023"), "import.bad_date", "documents", 2,
     "decision_date"),
    ("missing required value", ("goals", 1, "level", None), "import.required_missing", "goals", 3, "level"),
    ("value not in the list", ("goals", 1, "level", "medel"), "import.not_in_list", "goals", 3, "level"),
    ("not a Kolada id", ("indicators", 0, "kolada_kpi", "X1"), "import.bad_kolada_id", "indicators", 2, "kolada_kpi"),
    ("start after end", ("goals", 0, "period_end", "2020"), "import.period_order", "goals", 2, "period_start"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_error_is_located(case, small_rows, workbook_of):
    _name, (sheet, index, column, value), message_id, where_sheet, row, where_column = case
    set_cell(small_rows, sheet, index, column, value)
    error = rejected(workbook_of(small_rows))
    found = [p for p in error.problems if p.message_id == message_id]
    assert len(found) == 1, [p.render("en") for p in error.problems]
    location = found[0].location
    assert location.file == "filled.xlsx"
    assert location.sheet == SHEETS_BY_KEY[where_sheet].sv
    assert location.row == row
    assert str(location.column).startswith(column_letter(where_sheet, where_column) + " (")


def test_messages_in_swedish_by_default_and_in_english_on_request(small_rows, workbook_of):
    small_rows["goals"][0]["sdg_targets"] = "18.2"
    problem = rejected(workbook_of(small_rows)).problems[0]
    assert problem.render() == (
        "filled.xlsx, blad Mål, rad 2, kolumn M (Agenda 2030-delmål): "
        "”18.2” är inget delmål i Agenda 2030 (skriv t.ex. 11.6 eller 1.a)"
    )
    assert problem.render("en") == (
        "filled.xlsx, sheet Mål, row 2, column M (Agenda 2030-delmål): "
        "“18.2” is not a target of the 2030 Agenda (write e.g. 11.6 or 1.a)"
    )


def test_unknown_organisation_code_for_the_org_option(tmp_path):
    from ssgraph.importing.template import write_template

    path = write_template(tmp_path / "empty.xlsx")
    error = rejected(path, org="9999", version="Test")
    assert [(p.message_id, p.location.column) for p in error.problems] == [("import.unknown_organisation_code", "--org")]


def test_org_option_must_match_the_organisation_sheet(small_rows, workbook_of):
    error = rejected(workbook_of(small_rows), org="1440")
    assert [p.message_id for p in error.problems] == ["import.organisation_mismatch"]


def test_missing_required_column_in_a_csv_folder(tmp_path, small_rows):
    folder = write_csv_folder(tmp_path / "csv", "sv", small_rows)
    goals = folder / "goals.csv"
    lines = goals.read_text(encoding="utf-8-sig").splitlines()
    goals.write_text("\n".join(line.replace("Nivå,", "Niva,", 1) for line in lines), encoding="utf-8")
    error = rejected(folder)
    ids = sorted(p.message_id for p in error.problems)
    assert ids == ["import.missing_column"]
    assert error.problems[0].location.sheet == "goals.csv" and error.problems[0].location.row == 1
    assert any(w.message_id == "import.unknown_column" for w in error.warnings)


def test_yaml_errors_give_the_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "organisation: {code: '0480', name: Nyköping, type: kommun, version: V1}\n"
        "goals:\n"
        "  - {id: G1, level: övergripande, text: Ett}\n"
        "  - {id: G2, parent: G7, level: nämnd, text: Två}\n",
        encoding="utf-8",
    )
    problem = rejected(path).problems[0]
    assert problem.message_id == "import.unknown_reference"
    assert (problem.location.sheet, problem.location.line, problem.location.column) == ("goals", 4, "parent")


def test_five_mistakes_give_five_located_messages_and_leave_the_store_unchanged(small_rows, workbook_of, store):
    import_sources(store, [workbook_of(small_rows, "good.xlsx")], now=NOW)
    before = nquads(store)
    count_before = store.count()

    small_rows["goals"][0]["sdg_targets"] = "18.2"  # unknown SDG target
    small_rows["goals"][2]["parent"] = "G9"  # parent that does not exist
    small_rows["bodies"].append({"id": "KS", "name": "Kommunstyrelsen igen", "type": "styrelse"})  # duplicate id
    small_rows["observations"][0]["value"] = "många"  # not a number
    small_rows["dialogues"][0]["date"] = "1 mars 2024"  # date in the wrong format
    small_rows["organisation"][0]["version"] = "Mål och budget 2025"
    with pytest.raises(ImportRejected) as caught:
        import_sources(store, [workbook_of(small_rows, "bad.xlsx")], now=NOW)
    problems = caught.value.problems
    located = [(p.message_id, p.location.sheet, p.location.row) for p in problems]
    assert sorted(located) == sorted([
        ("import.unknown_sdg_target", "Mål", 2),
        ("import.unknown_reference", "Mål", 4),
        ("import.duplicate_id", "Organ", 5),
        ("import.not_a_number", "Utfall", 2),
        ("import.bad_date", "Dialoger", 2),
    ])
    assert all(p.location.column for p in problems)
    assert store.count() == count_before
    assert nquads(store) == before


def test_nothing_written_when_one_of_several_files_fails(small_rows, workbook_of, store):
    good = workbook_of(small_rows, "good.xlsx")
    small_rows["organisation"][0]["version"] = "Annan"
    small_rows["goals"][1]["level"] = "medel"
    bad = workbook_of(small_rows, "bad.xlsx")
    with pytest.raises(ImportRejected):
        import_sources(store, [good, bad], now=NOW)
    assert store.count() == 0
