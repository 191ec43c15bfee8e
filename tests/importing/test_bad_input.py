"""Issue 12 items 6–7: every bad input is exit 2 with a located message, no traceback, and the
store as it was — files that crashed the importer, exhausted memory, or were silently
accepted or cut short."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from ssgraph.cli import cli
from ssgraph.store import open_store

GOOD = """organisation:
  code: '1440'
  name: Ale kommun
  type: kommun
  version: Prov 2024
goals:
  - {id: A1, level: övergripande, text: Alla i Ale ska ha goda livsvillkor}
indicators:
  - {id: I1, name: Andel sysselsatta, goal: A1, unit: procent, target_value: 80, target_year: 2026}
"""


def alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n" + GOOD.replace("text: Alla i Ale ska ha goda livsvillkor", "text: *i")


YAML_CASES = {
    # name: (file text, the words the message must hold)
    "number-overflow": (GOOD.replace("target_value: 80", "target_value: 1e1000000"),
                        ["line 9", "target_value", "1e1000000"]),
    "number-huge": (GOOD.replace("target_value: 80", "target_value: 1e999999"), ["line 9", "1e999999"]),
    "number-digits": (GOOD.replace("target_value: 80", "target_value: " + "9" * 5000), ["line 9", "column 78"]),
    "deep": (GOOD.replace("text: Alla i Ale ska ha goda livsvillkor", "text: " + "[" * 5000 + "x" + "]" * 5000),
             ["line 7", "40 levels"]),
    "alias-bomb": (alias_bomb(), ["line", "aliases"]),
    "control": (GOOD.replace("text: Alla i Ale ska ha goda livsvillkor", 'text: "Alla i Ale\\x1b ska ha goda\\x00"'),
                ["line 7", "column text", "U+001B", "position 11"]),
    "duplicate-keys": (GOOD + "goals:\n  - {id: A2, level: övergripande, text: Ett annat mål}\n",
                       ["line 10", "goals", "second time"]),
    "text-as-mapping": (GOOD.replace("text: Alla i Ale ska ha goda livsvillkor", "text: {sv: Alla, en: Everyone}"),
                        ["line 7", "column text", "mapping"]),
    "lone-surrogate": (GOOD.replace("text: Alla i Ale ska ha goda livsvillkor", 'text: "Alla \\ud800"'),
                       ["line 7", "U+D800"]),
}


@pytest.fixture
def store_dir(tmp_path):
    """A store holding Ale's good version, to show that nothing of it changes."""
    directory = tmp_path / "store"
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(directory), "import", str(good)])
    assert result.exit_code == 0, result.output
    return directory


def snapshot(directory) -> list:
    with open_store(directory) as store:
        return sorted(tuple(q) for q in store.dataset().quads((None, None, None, None)))


def refused(store_dir, path, words):
    before = snapshot(store_dir)
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "--lang", "en", "import", str(path)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors, result.output
    assert path.name in errors[0]
    for word in words:
        assert word in errors[0], errors[0]
    assert snapshot(store_dir) == before


@pytest.mark.parametrize("name", sorted(YAML_CASES))
def test_bad_yaml_is_refused_where_it_is(store_dir, tmp_path, name):
    text, words = YAML_CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    refused(store_dir, path, words)


def test_yaml_in_another_encoding_names_it(store_dir, tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(GOOD.encode("latin-1"))
    refused(store_dir, path, ["line 7", "column 21", "Windows-1252", "UTF-8"])


def test_csv_in_windows_1252_is_read_with_a_warning_naming_it(store_dir, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "organisation.csv").write_bytes("code;name;type;version\n1440;Ale kommun;kommun;Prov 2025\n"
                                              .encode("cp1252"))
    (folder / "goals.csv").write_bytes("id;level;text\nA1;övergripande;Alla i Ale ska ha goda livsvillkor\n"
                                       .encode("cp1252"))
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "--lang", "en", "import", str(folder)])
    assert result.exit_code == 0, result.output
    assert "goals.csv, line 2, column 4: the file is not encoded in UTF-8 and was read as Windows-1252" in result.output
    with open_store(store_dir) as store:
        assert store.ask('ASK { ?g <http://purl.org/dc/terms/title> ?t FILTER(CONTAINS(?t, "övergripande") '
                         '|| CONTAINS(STR(?t), "livsvillkor")) }') or store.ask(
            'ASK { ?g ?p "Alla i Ale ska ha goda livsvillkor"@sv }')


def test_csv_control_character_is_located(store_dir, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "organisation.csv").write_text("code;name;type;version\n1440;Ale kommun;kommun;Prov 2025\n",
                                             encoding="utf-8")
    (folder / "goals.csv").write_text("id;level;text\nA1;övergripande;Alla\x00 i Ale\n", encoding="utf-8")
    refused(store_dir, folder, ["goals.csv", "row 2", "column text", "U+0000", "position 5"])


def workbook(path, sheets: dict[str, list[list]]) -> None:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


ORGANISATION = [["Kod", "Namn", "Typ", "Version"], ["1440", "Ale kommun", "kommun", "Prov 2025"]]


def test_formula_without_a_saved_value_is_named(store_dir, tmp_path):
    path = tmp_path / "formula.xlsx"
    workbook(path, {"Organisation": ORGANISATION,
                    "Mål": [["Id", "Nivå", "Text"], ["A1", "övergripande", '=CONCATENATE("Alla", " i Ale")']]})
    refused(store_dir, path, ["sheet Mål", "row 2", "column C", "CONCATENATE", "no saved result"])


def test_unknown_sheets_are_listed(store_dir, tmp_path):
    path = tmp_path / "sheets.xlsx"
    workbook(path, {"Organization": ORGANISATION, "Goalz": [["Id", "Nivå", "Text"], ["A1", "övergripande", "Mål"]]})
    refused(store_dir, path, ["Organization, Goalz", "Organisation", "Mål"])


def test_control_character_in_a_workbook_is_located(store_dir, tmp_path):
    path = tmp_path / "control.xlsx"
    workbook(path, {"Organisation": ORGANISATION,
                    "Mål": [["Id", "Nivå", "Text"], ["A1", "övergripande", "Alla i Ale \x7f"]]})
    refused(store_dir, path, ["sheet Mål", "row 2", "column C (Text)", "U+007F"])


def test_the_good_file_still_imports(store_dir, tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD.replace("Prov 2024", "Prov 2026"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "import", str(path)])
    assert result.exit_code == 0, result.output


def test_results_of_imported_text_stay_well_formed_xml(store_dir):
    from xml.dom.minidom import parseString

    with open_store(store_dir) as store:
        raw = store.query_raw("SELECT ?o WHERE { ?s ?p ?o }", result_format="xml")
    parseString(io.BytesIO(raw.body).read())
