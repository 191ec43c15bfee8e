"""Write the interchange template (an Excel workbook or a folder of CSV files) from the model.

The workbook has an instructions sheet (Swedish and English), one sheet per part of the
model with a comment on every header, drop-down lists where the values come from a list,
and a column reference sheet. :func:`write_workbook` can also fill the sheets with rows,
which is how the example workbooks are made from their YAML sources.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from ssgraph.importing import model
from ssgraph.importing.model import SHEETS, Column, type_words

LISTS_SHEET = "Listor"
INSTRUCTIONS_SHEET = {"sv": "Instruktioner", "en": "Instructions"}
COLUMNS_SHEET = {"sv": "Kolumner", "en": "Columns"}

INSTRUCTIONS = {
    "sv": [
        "Mall för hållbarhetsstyrning (SS 854000) – import till ssgraph",
        "",
        "Så fyller du i mallen",
        "1. Börja med bladet Organisation: kommun- eller regionkod, namn, typ och vilken version "
        "av målstrukturen det gäller (t.ex. ”Mål och budget 2024”).",
        "2. Fyll i Organ (fullmäktige, styrelse, nämnder, bolag) och Styrdokument. Varje rad får ett "
        "eget kort id, som andra blad sedan hänvisar till.",
        "3. Fyll i Vision och Mål. Ett mål pekar på sitt överordnade mål med dess id i kolumnen "
        "”Överordnat mål”; övergripande mål lämnas tomma och leder då till visionen.",
        "4. Indikatorer mäter mål (kolumnen Mål), Utfall ger värden per indikator och år.",
        "5. Handlingsplaner, Aktiviteter, Intressenter, Dialoger och Uppföljning fylls i om ni har dem.",
        "",
        "Regler",
        "- Rad 1 på varje blad är rubriker: ändra inte dem. Håll muspekaren över en rubrik för en förklaring.",
        "- Datum skrivs ÅÅÅÅ-MM-DD, årtal med fyra siffror, tal med decimalkomma eller -punkt.",
        "- Flera värden i en cell skiljs med semikolon, t.ex. Agenda 2030-delmål ”11.6; 3.9”.",
        "- Kolumner med en lista visar de tillåtna värdena när du klickar i cellen.",
        "- Bladet Kolumner beskriver varje kolumn med exempel.",
        "",
        "Import",
        "  ssgraph import min-fil.xlsx --org 0480 --version \"Mål och budget 2024\"",
        "Alla fel i filen visas på en gång med blad, rad och kolumn. Vid fel skrivs ingenting.",
    ],
    "en": [
        "Template for sustainability governance (SS 854000) – import into ssgraph",
        "",
        "How to fill in the template",
        "1. Start with the sheet Organisation: municipality or region code, name, type and which version "
        "of the goal structure this is (e.g. “Mål och budget 2024”).",
        "2. Fill in Bodies (council, board, committees, companies) and Steering documents. Each row gets "
        "its own short id, which other sheets refer to.",
        "3. Fill in Vision and Goals. A goal points to its parent goal with that goal's id in the column "
        "“Parent goal”; overarching goals leave it empty and then lead to the vision.",
        "4. Indicators measure goals (column Goal); Observations give values per indicator and year.",
        "5. Action plans, Activities, Stakeholders, Dialogues and Assessments are filled in if you have them.",
        "",
        "Rules",
        "- Row 1 of each sheet holds the headers: do not change them. Hover over a header for an explanation.",
        "- Dates are written YYYY-MM-DD, years with four digits, numbers with a decimal comma or point.",
        "- Several values in one cell are separated by semicolons, e.g. SDG targets “11.6; 3.9”.",
        "- Columns with a list show the allowed values when you click the cell.",
        "- The sheet Columns describes every column with an example.",
        "",
        "Import",
        "  ssgraph import my-file.xlsx --org 0480 --version \"Mål och budget 2024\"",
        "All problems of the file are shown at once with sheet, row and column. On any error nothing is written.",
    ],
}


def _choice_words(column: Column, lang: str) -> list[str]:
    return [c.en if lang == "en" else c.sv for c in column.choices]


def cell_value(value: object, column: Column) -> object:
    """A value from YAML as the cell an officer would type: numbers as numbers, lists joined."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if column.type == model.NUMBER and isinstance(value, str):
        try:
            number = Decimal(value.replace(" ", "").replace(",", "."))
        except ArithmeticError:
            return value
        return int(number) if number == number.to_integral_value() else float(number)
    if column.type == model.NUMBER and isinstance(value, Decimal):
        return float(value)
    if column.type in {model.YEAR, model.INTEGER} and isinstance(value, str) and value.isdigit():
        return int(value)
    if column.type == model.DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if column.type in {model.TEXT, model.ID, model.REF, model.ORG_CODE, model.SDG_TARGETS,
                       model.ENV_OBJECTIVES, model.HEALTH_AREAS, model.KOLADA_ID, model.URL, model.CHOICE}:
        return str(value)
    return value


def write_workbook(
    path: Path,
    lang: str = "sv",
    rows: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
) -> Path:
    from openpyxl import Workbook

    rows = rows or {}
    book = Workbook()
    _write_instructions(book.active, lang)
    lists = _ChoiceLists(book.create_sheet(LISTS_SHEET), lang)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name(lang))
        for index, column in enumerate(sheet.columns, start=1):
            _write_header(ws, index, column, lang)
            if column.choices:
                lists.validate(ws, index, sheet, column)
        ws.freeze_panes = "A2"
        _write_rows(ws, sheet, rows.get(sheet.key, ()))

    _write_column_sheet(book.create_sheet(COLUMNS_SHEET[lang]), lang)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _write_instructions(intro, lang: str) -> None:
    from openpyxl.styles import Font

    intro.title = INSTRUCTIONS_SHEET[lang]
    for index, line in enumerate(INSTRUCTIONS[lang], start=1):
        cell = intro.cell(row=index, column=1, value=line)
        if index == 1:
            cell.font = Font(bold=True, size=14)
        elif line and not line.startswith(("-", " ")) and not line[0].isdigit():
            cell.font = Font(bold=True)
    intro.column_dimensions["A"].width = 120


_HEADER_FILL = "DDEBF7"
_REQUIRED_FILL = "F8CBAD"
_TEXT_FORMATTED = {model.TEXT, model.ID, model.REF, model.REFS, model.SDG_TARGETS, model.ORG_CODE,
                   model.KOLADA_ID, model.IRIS}


def _write_header(ws, index: int, column: Column, lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cell = ws.cell(row=1, column=index, value=column.header(lang))
    cell.font = Font(bold=True)
    cell.fill = PatternFill("solid", fgColor=_REQUIRED_FILL if column.required else _HEADER_FILL)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    note = f"{column.description_sv}\n\n{column.description_en}"
    if column.example:
        note += f"\n\nEx: {column.example}"
    comment = Comment(note, "ssgraph")
    comment.width, comment.height = 320, 160
    cell.comment = comment
    letter = get_column_letter(index)
    ws.column_dimensions[letter].width = max(14, min(48, len(column.header(lang)) + 6))
    if column.type in _TEXT_FORMATTED:
        ws.column_dimensions[letter].number_format = "@"


class _ChoiceLists:
    """The hidden sheet of allowed values, and the drop-downs that refer to it."""

    def __init__(self, sheet, lang: str) -> None:
        sheet.sheet_state = "hidden"
        self.sheet, self.lang, self.count = sheet, lang, 0

    def validate(self, ws, index: int, sheet, column: Column) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        words = _choice_words(column, self.lang)
        self.count += 1
        list_letter = get_column_letter(self.count)
        self.sheet.cell(row=1, column=self.count, value=f"{sheet.key}.{column.key}")
        for offset, word in enumerate(words, start=2):
            self.sheet.cell(row=offset, column=self.count, value=word)
        cells = f"{LISTS_SHEET}!${list_letter}$2:${list_letter}${len(column.choices) + 1}"
        if column.type == model.CHOICE and not column.words:  # a column that reads words takes any text
            validation = DataValidation(type="list", formula1=f"={cells}", allow_blank=True)
            validation.error = "Välj ett värde ur listan / Choose a value from the list"
            validation.errorTitle = column.header(self.lang)
            validation.showErrorMessage = True
        else:
            validation = DataValidation(type="custom", formula1="TRUE", allow_blank=True)
            validation.promptTitle = column.header(self.lang)
            hint = {model.SCALE: ("Egna ord går bra: ", "Own words are fine: "),
                    model.CHOICE: ("Egna ord går bra: ", "Own words are fine: ")}.get(
                column.type, ("Flera med ; emellan: ", "Several with ; between: "))
            validation.prompt = hint[0 if self.lang == "sv" else 1] + ", ".join(words)[:240]
            validation.showInputMessage = True
        ws.add_data_validation(validation)
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}5000")


def _write_rows(ws, sheet, rows: Sequence[Mapping[str, object]]) -> None:
    for row_index, values in enumerate(rows, start=2):
        for index, column in enumerate(sheet.columns, start=1):
            value = cell_value(values.get(column.key), column)
            if value is not None:
                cell = ws.cell(row=row_index, column=index, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"


def _write_column_sheet(ws, lang: str) -> None:
    from openpyxl.styles import Font

    headers = {
        "sv": ["Blad", "Kolumn", "Nyckel", "Typ", "Krävs", "Beskrivning", "Description", "Tillåtna värden", "Exempel"],
        "en": ["Sheet", "Column", "Key", "Type", "Required", "Beskrivning", "Description", "Allowed values", "Example"],
    }[lang]
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    yes = "ja" if lang == "sv" else "yes"
    for sheet in SHEETS:
        for column in sheet.columns:
            ws.append([
                sheet.name(lang), column.header(lang), column.key, type_words(column, lang),
                yes if column.required else "", column.description_sv, column.description_en,
                ", ".join(_choice_words(column, lang)), column.example,
            ])
    for letter, width in zip("ABCDEFGHI", (18, 24, 22, 26, 8, 60, 60, 40, 30), strict=True):
        ws.column_dimensions[letter].width = width


def write_csv_folder(path: Path, lang: str = "sv",
                     rows: Mapping[str, Sequence[Mapping[str, object]]] | None = None) -> Path:
    """One CSV file per sheet (named by the sheet's key), headers as in the workbook, UTF-8."""
    rows = rows or {}
    path.mkdir(parents=True, exist_ok=True)
    for sheet in SHEETS:
        with (path / f"{sheet.key}.csv").open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([c.header(lang) for c in sheet.columns])
            for values in rows.get(sheet.key, ()):
                writer.writerow([_csv_text(values.get(c.key)) for c in sheet.columns])
    (path / ("LASMIG.txt" if lang == "sv" else "README.txt")).write_text(
        "\n".join(INSTRUCTIONS[lang]).replace("min-fil.xlsx", "den-har-mappen/").replace(
            "my-file.xlsx", "this-folder/") + "\n\n" + model.column_reference_markdown(lang),
        encoding="utf-8",
    )
    return path


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def write_template(out: Path, format: str | None = None, lang: str = "sv") -> Path:
    """``out.xlsx`` → workbook; a folder (or ``format='csv'``) → CSV files."""
    out = Path(out)
    if format is None:
        format = "xlsx" if out.suffix.lower() == ".xlsx" else "csv"
    if format == "xlsx":
        if out.suffix.lower() != ".xlsx":
            out = out / "ssgraph-mall.xlsx" if lang == "sv" else out / "ssgraph-template.xlsx"
        return write_workbook(out, lang)
    return write_csv_folder(out, lang)
