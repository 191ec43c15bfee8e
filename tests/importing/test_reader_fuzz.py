"""A bounded fuzz test of the YAML, CSV and workbook readers (hypothesis, derandomised so CI
runs the same cases): whatever the bytes, reading and checking either succeeds or raises a
located InputError — never another exception — and an import that is refused leaves the
store exactly as it was."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from ssgraph.errors import InputError
from ssgraph.importing.checks import ReferenceCodes, check_workbook
from ssgraph.importing.importer import import_sources
from ssgraph.importing.readers import read_source
from ssgraph.store import open_store

FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SHEET_KEYS = ["organisation", "goals", "indicators", "documents", "bodies", "vision", "observations", "x"]
COLUMN_KEYS = ["id", "code", "name", "type", "version", "text", "level", "parent", "goal", "target_value",
               "target_year", "period_start", "unit", "sdg_targets", "dimensions", "decision_date", "zz"]
CODES = ReferenceCodes.load()

scalars = st.one_of(
    st.text(max_size=30), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.none(), st.sampled_from(["1e1000000", "1e999999", "0480", "1440", "övergripande", "2024-13-45", "9" * 400]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                            max_size=3), max_leaves=8)
records = st.dictionaries(st.sampled_from(COLUMN_KEYS), values, max_size=6)
documents = st.dictionaries(st.sampled_from(SHEET_KEYS), st.lists(records, max_size=3) | records, max_size=4)


def read_and_check(path: Path) -> None:
    try:
        check_workbook(read_source(path), codes=CODES)
    except InputError as error:
        assert error.problems and error.problems[0].location.file  # located, at least by file


@FUZZ
@given(document=documents, cut=st.integers(min_value=0, max_value=400), noise=st.text(max_size=8))
def test_yaml_reader(document, cut, noise):
    text = yaml.safe_dump(document, allow_unicode=True)
    text = text[:cut] + noise + text[cut:]  # and a syntax error now and then
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        read_and_check(path)


cells = st.one_of(st.text(max_size=20), st.sampled_from(["1e1000000", "1440", "övergripande", ";", '"', "\x00"]))


@FUZZ
@given(rows=st.lists(st.lists(cells, max_size=5), max_size=5),
       header=st.lists(st.sampled_from(COLUMN_KEYS + ["Kod", "Namn", "Text", ""]), max_size=5),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
       delimiter=st.sampled_from([";", ",", "\t"]), raw=st.binary(max_size=60))
def test_csv_reader(rows, header, encoding, delimiter, raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "csv"
        path.mkdir()
        lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
        (path / "goals.csv").write_bytes("\n".join(lines).encode(encoding, errors="replace"))
        (path / "organisation.csv").write_bytes(b"code;name;type;version\n1440;Ale;kommun;V\n" + raw)
        read_and_check(path)


workbook_cells = st.one_of(st.text(max_size=15), st.integers(min_value=-(10**20), max_value=10**20),
                           st.floats(allow_nan=False), st.booleans(), st.none(),
                           st.sampled_from(["=1+1", "=A1", "1e999999", "0480", "övergripande"]))


@FUZZ
@given(sheets=st.dictionaries(st.sampled_from(["Organisation", "Mål", "Indikatorer", "Goals", "Blad1", "Utfall"]),
                              st.lists(st.lists(workbook_cells, max_size=5), max_size=5), max_size=3),
       damage=st.booleans(), garbage=st.binary(min_size=1, max_size=40))
def test_workbook_reader(sheets, damage, garbage):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        book = Workbook()
        book.remove(book.active)
        for title, rows in sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                try:
                    sheet.append(row)
                except IllegalCharacterError:  # what Excel cannot hold (control characters)
                    continue
        if not book.worksheets:
            book.create_sheet("Blad1")
        book.save(path)
        if damage:
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2] + garbage)
        read_and_check(path)


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory):
    directory = tmp_path_factory.mktemp("fuzz-store") / "store"
    good = directory.parent / "good.yaml"
    good.write_text("organisation: {code: '1440', name: Ale kommun, type: kommun, version: V1}\n"
                    "goals: [{id: A1, level: övergripande, text: Alla i Ale ska ha goda livsvillkor}]\n",
                    encoding="utf-8")
    with open_store(directory) as store:
        import_sources(store, [good])
    return directory


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_a_refused_import_writes_nothing(filled_store, document):
    document.setdefault("organisation", {"code": "1440", "name": "Ale kommun", "type": "kommun", "version": "V1"})
    with open_store(filled_store) as store:
        before = sorted(tuple(q) for q in store.dataset().quads((None, None, None, None)))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.yaml"
            path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8", errors="surrogatepass")
            try:
                import_sources(store, [path])
            except InputError:
                after = sorted(tuple(q) for q in store.dataset().quads((None, None, None, None)))
                assert after == before
