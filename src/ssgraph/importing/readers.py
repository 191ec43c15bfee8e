"""Read a filled workbook, a folder of CSV files or a YAML file into rows with positions.

Every reader gives the same thing: a :class:`SourceTable` per sheet of the model, each row
keeping the file name, the sheet as it is named in the file, its row number (and its line
in YAML) and the raw cell values by column key. Checks and mapping never look at the file
format again.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ssgraph.errors import InputError, Location, Problem
from ssgraph.importing.input_limits import (
    CONTROL_CHARACTER,
    character_problem,
    check_yaml_size,
    decode_text,
    refuse_repeated_keys,
)
from ssgraph.importing.model import SHEETS, Column, Sheet, column_for_header, sheet_for_name

UNKNOWN_COLUMN = "import.unknown_column"
MISSING_COLUMN = "import.missing_column"
UNREADABLE = "import.unreadable"
UNKNOWN_FORMAT = "import.unknown_format"
UNKNOWN_SHEET = "import.unknown_sheet"
YAML_SHAPE = "import.yaml_shape"
YAML_NOT_A_VALUE = "import.yaml_not_a_value"
NO_KNOWN_SHEET = "import.no_known_sheet"
FORMULA_WITHOUT_VALUE = "import.formula_without_value"

YAML_OCTAL = "import.yaml_octal_number"
YAML_LEADING_ZERO = "import.yaml_leading_zero"

ProgressCallback = Callable[[int, int], None]

NON_DATA_SHEETS = {"instruktioner", "instructions", "kolumner", "columns", "listor", "lists"}


@dataclass
class SourceRow:
    """One row of one sheet, with where it came from."""

    sheet: Sheet
    file: str  # file name only, never a directory
    sheet_name: str  # the sheet as named in the file
    number: int  # spreadsheet row (header = 1); in YAML the line where the record starts
    values: dict[str, object]
    column_labels: dict[str, str]
    line: int | None = None  # YAML only

    def location(self, column_key: str | None = None) -> Location:
        column = None
        if column_key is not None:
            column = self.column_labels.get(column_key, column_key)
        if self.line is not None:  # YAML: the line says more than the item number
            return Location(file=self.file, sheet=self.sheet_name, line=self.line, column=column)
        return Location(file=self.file, sheet=self.sheet_name, row=self.number, column=column)

    def get(self, key: str) -> object:
        return self.values.get(key)


@dataclass
class SourceTable:
    sheet: Sheet
    rows: list[SourceRow] = field(default_factory=list)


@dataclass
class SourceWorkbook:
    """All tables read from one source, plus problems found while reading headers."""

    file: str
    tables: dict[str, SourceTable]
    problems: list[Problem] = field(default_factory=list)

    def rows(self, sheet_key: str) -> list[SourceRow]:
        return self.tables[sheet_key].rows

    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables.values())


def _empty_workbook(file: str) -> SourceWorkbook:
    return SourceWorkbook(file, {sheet.key: SourceTable(sheet) for sheet in SHEETS})


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _map_headers(
    workbook: SourceWorkbook, sheet: Sheet, sheet_name: str, headers: list[object], letters: bool
) -> dict[int, tuple[Column, str]]:
    """Column index -> (column, label used in locations); header problems go to the workbook."""
    mapped: dict[int, tuple[Column, str]] = {}
    for index, header in enumerate(headers):
        if _is_blank(header):
            continue
        text = str(header).strip()
        column = column_for_header(sheet, text)
        label = f"{_column_letter(index)} ({text})" if letters else text
        if column is None:
            workbook.problems.append(
                Problem(
                    UNKNOWN_COLUMN,
                    Location(file=workbook.file, sheet=sheet_name, row=1, column=label),
                    {"header": text, "known": ", ".join(c.sv for c in sheet.columns)},
                    severity="warning",
                )
            )
            continue
        mapped[index] = (column, label)
    present = {column.key for column, _ in mapped.values()}
    for column in sheet.columns:
        if column.required and column.key not in present:
            workbook.problems.append(
                Problem(
                    MISSING_COLUMN,
                    Location(file=workbook.file, sheet=sheet_name, row=1),
                    {"header": column.sv},
                )
            )
    return mapped


def _rows_from_matrix(
    workbook: SourceWorkbook,
    sheet: Sheet,
    sheet_name: str,
    matrix: Iterable[Sequence[object]],
    letters: bool,
    progress: ProgressCallback | None = None,
    done_before: int = 0,
    total: int = 0,
) -> int:
    """Rows of one sheet, read one at a time (a sheet is never held as a whole matrix);
    returns the number of rows read, header included."""
    lines = iter(matrix)
    headers = next(lines, None)
    if headers is None:
        return 0
    mapped = _map_headers(workbook, sheet, sheet_name, list(headers), letters)
    labels = {column.key: label for column, label in mapped.values()}
    table = workbook.tables[sheet.key]
    offset = 1
    for offset, cells in enumerate(lines, start=2):
        values: dict[str, object] = {}
        for index, (column, label) in mapped.items():
            value = cells[index] if index < len(cells) else None
            if isinstance(value, str):
                value = value.strip()
                _check_characters(workbook, value, Location(file=workbook.file, sheet=sheet_name, row=offset,
                                                             column=label))
            values[column.key] = None if _is_blank(value) else value
        if all(v is None for v in values.values()):
            continue
        table.rows.append(SourceRow(sheet, workbook.file, sheet_name, offset, values, labels))
        if progress and offset % 200 == 0:
            progress(done_before + offset, total)
    return offset


def _check_characters(workbook: SourceWorkbook, value: str, location: Location) -> None:
    found = character_problem(value)
    if found:
        workbook.problems.append(Problem(CONTROL_CHARACTER, location, found))


def _sheet_names_problems(workbook: SourceWorkbook, names: list[str], matched: bool) -> None:
    """Unknown sheets are warnings; a file where no sheet is one of the model's is an error."""
    known = ", ".join(s.sv for s in SHEETS)
    for name in names:
        if sheet_for_name(name) is None and name.strip().casefold() not in NON_DATA_SHEETS:
            workbook.problems.append(Problem(UNKNOWN_SHEET, Location(file=workbook.file, sheet=name),
                                             {"name": name, "known": known}, severity="warning"))
    if not matched:
        raise InputError(Problem(NO_KNOWN_SHEET, Location(file=workbook.file),
                                 {"found": ", ".join(names) or "–", "known": known}))


_FORMULA_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet of the file holds a formula cell (an ``<f>`` element), read as a
    stream of bytes: most workbooks have none, and then they need not be read twice more."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with archive.open(name) as stream:
                    tail = b""
                    while chunk := stream.read(1 << 20):
                        if _FORMULA_ELEMENT.search(tail + chunk):
                            return True
                        tail = chunk[-64:]
    except (OSError, zipfile.BadZipFile, RuntimeError):
        return True  # let openpyxl read it and say what is wrong
    return False


def _formulas_without_values(path: Path, workbook: SourceWorkbook) -> None:
    """A formula whose result was never saved (a workbook written by a program, not Excel)
    reads as an empty cell: name each such cell instead of losing its value."""
    from openpyxl import load_workbook

    if not _has_formulas(path):
        return

    book = load_workbook(path, read_only=True, data_only=False)
    values = load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in book.worksheets:
            if sheet_for_name(ws.title) is not None:
                _uncached_formulas(workbook, ws, values[ws.title])
    finally:
        book.close()
        values.close()


def _uncached_formulas(workbook: SourceWorkbook, formulas_sheet, values_sheet) -> None:
    rows = zip(formulas_sheet.iter_rows(values_only=True), values_sheet.iter_rows(values_only=True), strict=False)
    for number, (formulas, results) in enumerate(rows, start=1):
        for index, (formula, result) in enumerate(zip(formulas, results, strict=False)):
            if result is None and isinstance(formula, str) and formula.startswith("="):
                workbook.problems.append(Problem(
                    FORMULA_WITHOUT_VALUE,
                    Location(file=workbook.file, sheet=formulas_sheet.title, row=number, column=_column_letter(index)),
                    {"formula": formula[:100]}))


def read_xlsx(path: Path, progress: ProgressCallback | None = None) -> SourceWorkbook:
    from openpyxl import load_workbook

    workbook = _empty_workbook(path.name)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(Problem(UNREADABLE, Location(file=path.name), {"reason": str(exc)})) from None
    try:
        worksheets = [(ws, sheet_for_name(ws.title)) for ws in book.worksheets]
        _sheet_names_problems(workbook, [ws.title for ws, _ in worksheets], any(s for _, s in worksheets))
        total = sum(ws.max_row or 0 for ws, sheet in worksheets if sheet)
        done = 0
        for ws, sheet in worksheets:
            if sheet is None:
                continue
            done += _rows_from_matrix(workbook, sheet, ws.title, ws.iter_rows(values_only=True), True, progress,
                                      done, total)
        if progress:
            progress(total, total)
    except InputError:
        raise
    except Exception as exc:  # a damaged part of the file shows only while its rows are read
        raise InputError(Problem(UNREADABLE, Location(file=path.name), {"reason": str(exc)})) from None
    finally:
        book.close()
    _formulas_without_values(path, workbook)
    return workbook


def read_csv_folder(path: Path, progress: ProgressCallback | None = None) -> SourceWorkbook:
    workbook = _empty_workbook(path.name)
    files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
    _sheet_names_problems(workbook, [f.name for f in files], any(sheet_for_name(f.stem) for f in files))
    workbook.problems[:] = [p for p in workbook.problems  # a CSV file is named by its stem
                            if not (p.message_id == UNKNOWN_SHEET and sheet_for_name(Path(p.location.sheet).stem))]
    for index, file in enumerate(files):
        sheet = sheet_for_name(file.stem)
        if sheet is None:
            continue
        text, guessed = decode_text(file.read_bytes(), file.name, guess=True)
        if guessed:
            workbook.problems.append(guessed)
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        reader = csv.reader(text.splitlines(), delimiter=delimiter)
        try:
            matrix = [list(r) for r in reader]
        except csv.Error as exc:
            raise InputError(Problem(UNREADABLE, Location(file=file.name, line=reader.line_num),
                                     {"reason": str(exc)})) from None
        sub = SourceWorkbook(file.name, workbook.tables, workbook.problems)
        _rows_from_matrix(sub, sheet, file.name, matrix, False)
        if progress:
            progress(index + 1, len(files))
    return workbook


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping (as ``__line__``)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    refuse_repeated_keys(node, getattr(loader, "source_file", ""))
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates stay text so that their format is checked like any other cell
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class LeadingZero(str):
    """An unquoted number with a leading zero (0127): kept as written; YAML 1.1 would make 0127
    the octal number 87, which once turned a municipality code into another organisation's."""


_LEADING_ZERO_TAG = "tag:ssgraph,2026:leading-zero"
_LineLoader.yaml_implicit_resolvers["0"] = [(_LEADING_ZERO_TAG, re.compile(r"^0[0-9]+$")),
                                            *_LineLoader.yaml_implicit_resolvers.get("0", [])]
_LineLoader.add_constructor(_LEADING_ZERO_TAG, lambda loader, node: LeadingZero(loader.construct_scalar(node)))


def read_yaml(path: Path, progress: ProgressCallback | None = None) -> SourceWorkbook:
    workbook = _empty_workbook(path.name)
    document = _load_yaml(path)
    for key, items in document.items():
        if key == "__line__":
            continue
        sheet = sheet_for_name(str(key))
        if sheet is None:
            workbook.problems.append(
                Problem(UNKNOWN_SHEET, Location(file=path.name, sheet=str(key)),
                        {"name": key, "known": ", ".join(s.key for s in SHEETS)}, severity="warning")
            )
            continue
        if isinstance(items, dict):
            items = [items]
        if not isinstance(items, list):
            raise InputError(Problem(YAML_SHAPE, Location(file=path.name, sheet=str(key))))
        table = workbook.tables[sheet.key]
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise InputError(Problem(YAML_SHAPE, Location(file=path.name, sheet=str(key), row=number)))
            line = item.pop("__line__", None)
            values = _yaml_record_values(workbook, path, sheet, str(key), number, line, item)
            labels = {c.key: c.key for c in sheet.columns}
            # in YAML the row of a record is its line, so every message and ssg:row point at it
            table.rows.append(SourceRow(sheet, path.name, str(key), line or number, values, labels, line))
    if progress:
        progress(1, 1)
    return workbook


_FastLineLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLineLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser (the Python one spends most of an import of a
        YAML file parsing it); a file it refuses is read again by ``_LineLoader``, whose
        error positions the messages are made from."""

    _FastLineLoader.yaml_constructors = _LineLoader.yaml_constructors
    _FastLineLoader.yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers


def _load_fast(text: str, file: str) -> dict | None:
    if _FastLineLoader is None:
        return None
    loader = _FastLineLoader(text)
    loader.source_file = file
    try:
        document = loader.get_single_data()
    except Exception:  # noqa: BLE001 (any refusal: the Python loader reads it again and says where)
        return None
    finally:
        loader.dispose()
    return document if isinstance(document, dict) else None


def _load_yaml(path: Path) -> dict:
    text, _ = decode_text(path.read_bytes(), path.name, guess=False)
    check_yaml_size(text, path.name)
    document = _load_fast(text, path.name)
    if document is not None:
        return document
    loader = None
    try:
        loader = _LineLoader(text)
        loader.source_file = path.name
        document = loader.get_single_data()
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as a control character
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise InputError(Problem(CONTROL_CHARACTER, Location(file=path.name, line=line, column=column),
                                 {"character": f"U+{exc.character:04X}", "position": column})) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        location = Location(file=path.name, line=mark.line + 1 if mark else None,
                            column=mark.column + 1 if mark else None)
        raise InputError(Problem(UNREADABLE, location, {"reason": getattr(exc, "problem", str(exc))})) from None
    except (ValueError, OverflowError, RecursionError) as exc:  # a value the loader cannot build
        raise InputError(Problem(UNREADABLE, Location(file=path.name), {"reason": str(exc)[:200]})) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(document, dict):
        raise InputError(Problem(YAML_SHAPE, Location(file=path.name)))
    return document


def _yaml_record_values(workbook: SourceWorkbook, path: Path, sheet, key: str, number: int,
                        line: int | None, item: dict) -> dict[str, object]:
    """One YAML record as cell values by column key; unknown keys become warnings."""
    values: dict[str, object] = {}
    for name, value in item.items():
        column = column_for_header(sheet, str(name))
        if column is None:
            workbook.problems.append(
                Problem(UNKNOWN_COLUMN,
                        Location(file=path.name, sheet=key, row=number, line=line, column=str(name)),
                        {"header": name, "known": ", ".join(c.key for c in sheet.columns)},
                        severity="warning")
            )
            continue
        where = Location(file=path.name, sheet=key, row=number, line=line, column=str(name))
        if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)):
            workbook.problems.append(Problem(YAML_NOT_A_VALUE, where, {"column": name}))
            continue
        if isinstance(value, LeadingZero):
            workbook.problems.append(_leading_zero_warning(path, key, number, line, str(name), value))
            value = str(value)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        elif isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif isinstance(value, str):
            value = value.strip() or None
        if isinstance(value, str):
            _check_characters(workbook, value, where)
        values[column.key] = value
    return values


def _leading_zero_warning(path: Path, key: str, number: int, line: int | None, name: str, value: str) -> Problem:
    location = Location(file=path.name, sheet=key, row=number, line=line, column=name)
    if set(value) <= set("01234567"):
        return Problem(YAML_OCTAL, location, {"value": value, "octal": int(value, 8)}, severity="warning")
    return Problem(YAML_LEADING_ZERO, location, {"value": value, "number": int(value)}, severity="warning")


def source_kind(path: Path) -> str:
    """'xlsx', 'csv', 'yaml' or 'rdf'; raises InputError for anything else."""
    if path.is_dir():
        return "csv"
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return "xlsx"
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    from ssgraph.store.base import EXTENSION_TO_FORMAT

    name = path.name.lower().removesuffix(".gz")
    if Path(name).suffix in EXTENSION_TO_FORMAT:
        return "rdf"
    raise InputError(Problem(UNKNOWN_FORMAT, Location(file=path.name), {"suffix": suffix or path.name}))


def read_source(path: Path, progress: ProgressCallback | None = None) -> SourceWorkbook:
    kind = source_kind(path)
    if not path.exists():
        raise InputError(Problem(UNREADABLE, Location(file=path.name), {"reason": "no such file"}))
    reader = {"xlsx": read_xlsx, "csv": read_csv_folder, "yaml": read_yaml}[kind]
    return reader(path, progress)
