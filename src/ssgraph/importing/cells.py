"""Turn one raw cell into a typed value, or a located problem saying what is wrong with it.

Cells arrive as the readers found them: text from CSV and YAML, numbers and dates from
Excel. Swedish habits are accepted (decimal comma, spaces as thousands separators).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ssgraph.importing import model
from ssgraph.importing.model import Choice, Column

NOT_A_NUMBER = "import.not_a_number"
NOT_A_YEAR = "import.not_a_year"
NOT_AN_INTEGER = "import.not_an_integer"
BAD_DATE = "import.bad_date"
NOT_IN_LIST = "import.not_in_list"
BAD_KOLADA_ID = "import.bad_kolada_id"
BAD_ID = "import.bad_id"
NOT_YES_NO = "import.not_yes_no"
SHORT_ORG_CODE = "import.short_organisation_code"
PADDED_ORG_CODE = "import.padded_organisation_code"
BAD_URL = "import.bad_url"
NUMBER_OUT_OF_RANGE = "import.number_out_of_range"
MAX_MAGNITUDE = Decimal(10) ** 15
MAX_DIGITS = 30

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KOLADA = re.compile(r"^[A-Z]\d{5}$")
_ID = re.compile(r"^[\w.\-]+$")
_SPLIT = re.compile(r"[;,\n]")


@dataclass(frozen=True)
class CellProblem:
    message_id: str
    params: dict[str, object]


@dataclass(frozen=True)
class Wording:
    """A value in the organisation's own words, and where it lies on the model's scale
    (None when it could not be placed: the wording is kept, never replaced by a guess)."""

    text: str
    choice: Choice | None

    @property
    def is_standard(self) -> bool:
        """The wording is one of the model's own words for the value (nothing extra to keep)."""
        return self.choice is not None and self.text.casefold() in self.choice.standard_spellings()


@dataclass(frozen=True)
class NamedBody:
    """A responsible body given by its name in free text rather than by an id in Bodies."""

    name: str


def text_of(value: object) -> str:
    """A cell as text; Excel's 12.0 for an id typed as a number becomes "12"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def split_values(value: object, column: Column) -> list[str]:
    if column.type in {model.REFS, model.CHOICES}:
        parts = str(text_of(value)).split(model.SEPARATOR)
    else:
        parts = _SPLIT.split(text_of(value))
    return [p.strip() for p in parts if p.strip()]


def parse_year(value: object) -> int | CellProblem:
    if isinstance(value, bool):
        return CellProblem(NOT_A_YEAR, {"value": value})
    text = text_of(value)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    return CellProblem(NOT_A_YEAR, {"value": text})


def parse_number(value: object) -> Decimal | CellProblem:
    if isinstance(value, bool):
        return CellProblem(NOT_A_NUMBER, {"value": value})
    if isinstance(value, int):
        if value.bit_length() > 128:  # too long even to print (Python refuses str() of 4,300 digits)
            return CellProblem(NUMBER_OUT_OF_RANGE, {"value": f"≈10^{int(value.bit_length() * 0.30103)}",
                                                     "limit": "10^15"})
        return _in_range(Decimal(value), str(value)[:40])
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return CellProblem(NOT_A_NUMBER, {"value": repr(value)})
        return _in_range(Decimal(repr(value)), repr(value))
    text = str(value).strip()
    compact = re.sub(r"[\s\u00a0\u202f]", "", text).replace("−", "-").replace(",", ".")
    try:
        number = Decimal(compact)
    except InvalidOperation:
        return CellProblem(NOT_A_NUMBER, {"value": text})
    if not number.is_finite():
        return CellProblem(NOT_A_NUMBER, {"value": text})
    return _in_range(number, text)


def _in_range(number: Decimal, text: str) -> Decimal | CellProblem:
    """Numbers of goal structures (shares, counts, kronor) fit in ±10^15 with at most 30
    digits; beyond that a value is a mistake, and writing it out could take megabytes."""
    shape = number.as_tuple()  # no arithmetic: 1e1000000 would overflow Decimal's context
    if number.adjusted() > 15 or len(shape.digits) > MAX_DIGITS or shape.exponent < -MAX_DIGITS \
            or number.copy_abs().compare_total(MAX_MAGNITUDE) > 0:
        return CellProblem(NUMBER_OUT_OF_RANGE, {"value": text[:40], "limit": "10^15"})
    return number


def parse_integer(value: object) -> int | CellProblem:
    number = parse_number(value)
    if isinstance(number, CellProblem) or number != number.to_integral_value():
        return CellProblem(NOT_AN_INTEGER, {"value": text_of(value)})
    return int(number)


def parse_date(value: object) -> dt.date | CellProblem:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    return CellProblem(BAD_DATE, {"value": text})


def parse_boolean(value: object) -> bool | CellProblem:
    if isinstance(value, bool):
        return value
    text = text_of(value).casefold()
    for answer, words in model.BOOLEAN_WORDS.items():
        if text in words:
            return answer
    return CellProblem(NOT_YES_NO, {"value": text_of(value)})


def parse_choice(text: str, column: Column):
    choice = column.find_choice(text) or model.recognise(column, text)
    if choice is None:
        return CellProblem(
            NOT_IN_LIST,
            {
                "value": text,
                "allowed_sv": ", ".join(c.sv for c in column.choices),
                "allowed_en": ", ".join(c.en for c in column.choices),
            },
        )
    return choice


class PaddedCode(str):
    """A municipality code that lost its leading zero (480 → "0480"), with what was written."""

    written: str

    def __new__(cls, code: str, written: str) -> PaddedCode:
        made = super().__new__(cls, code)
        made.written = written
        return made


def organisation_code_text(value: object) -> str:
    """A code as text. Spreadsheets drop a municipality code's leading zero, so three digits
    are one (480 → "0480"); one or two digits are left as written: "18" is not padded into
    "0018", which is another organisation (Region Örebro län), not Örebro läns landsting."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value))
    text = text_of(value)
    return "0" + text if text.isdigit() and len(text) == 3 else text


def parse_organisation_code(value: object) -> str | CellProblem:
    code = organisation_code_text(value)
    written = text_of(value)
    if code.isdigit() and len(code) < 3:
        return CellProblem(SHORT_ORG_CODE, {"value": written, "padded": code.zfill(4)})
    return PaddedCode(code, written) if code != written else code


def parse_cell(value: object, column: Column) -> object | CellProblem | list:
    """The typed value of a non-empty cell. Multi-valued columns give a list whose items
    are values or CellProblems; code columns (SDG, objectives, organisations) are checked
    against the reference vocabularies later, in ``checks``."""
    parse = _PARSER_OF_TYPE.get(column.type)
    if parse is None:
        raise ValueError(f"unknown column type {column.type}")
    return parse(value, column)


def _url(value: object, column: Column) -> str | CellProblem:
    text = text_of(value)
    return text if re.match(r"^https?://\S+$", text) else CellProblem(BAD_URL, {"value": text})


def _iris(value: object, column: Column) -> list:
    return [t if re.match(r"^https?://[^\s<>\"{}|^`\\]+$", t) else CellProblem(BAD_URL, {"value": t})
            for t in split_values(value, column)]


def _identifier(value: object, column: Column) -> str | CellProblem:
    text = text_of(value)
    return text if _ID.match(text) else CellProblem(BAD_ID, {"value": text})


def _identifiers(value: object, column: Column) -> list:
    return [t if _ID.match(t) else CellProblem(BAD_ID, {"value": t}) for t in split_values(value, column)]


def _kolada_id(value: object, column: Column) -> str | CellProblem:
    text = text_of(value).upper()
    return text if _KOLADA.match(text) else CellProblem(BAD_KOLADA_ID, {"value": text_of(value)})


def _codes(value: object, column: Column) -> list:
    if isinstance(value, float) and column.type == model.SDG_TARGETS:
        return [repr(value)]
    return split_values(value, column)


def _wording(value: object, column: Column) -> Wording:
    text = " ".join(text_of(value).split())
    return Wording(text, column.find_choice(text) or model.recognise(column, text))


_PARSER_OF_TYPE = {
    model.TEXT: lambda value, column: text_of(value),
    model.URL: _url,
    model.IRIS: _iris,
    model.ID: _identifier,
    model.REF: _identifier,
    model.REFS: _identifiers,
    model.YEAR: lambda value, column: parse_year(value),
    model.NUMBER: lambda value, column: parse_number(value),
    model.INTEGER: lambda value, column: parse_integer(value),
    model.DATE: lambda value, column: parse_date(value),
    model.CHOICE: lambda value, column: parse_choice(text_of(value), column),
    model.CHOICES: lambda value, column: [parse_choice(t, column) for t in split_values(value, column)],
    model.KOLADA_ID: _kolada_id,
    model.ORG_CODE: lambda value, column: parse_organisation_code(value),
    model.SDG_TARGETS: _codes,
    model.ENV_OBJECTIVES: _codes,
    model.HEALTH_AREAS: _codes,
    model.BOOLEAN: lambda value, column: parse_boolean(value),
    model.BODY: lambda value, column: " ".join(text_of(value).split()),
    model.SCALE: _wording,
}
