"""Check a whole source at once and collect every problem with its position.

Nothing here raises on bad data: :func:`check_workbook` returns the typed rows together
with all problems (errors block the import, warnings do not), so an officer gets the
complete list of what to fix in one go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ssgraph.errors import Location, Problem
from ssgraph.importing import model
from ssgraph.importing.cells import (
    PADDED_ORG_CODE,
    CellProblem,
    NamedBody,
    PaddedCode,
    Wording,
    organisation_code_text,
    parse_cell,
    parse_organisation_code,
)
from ssgraph.importing.model import SHEETS_BY_KEY, Choice
from ssgraph.importing.readers import SourceRow, SourceWorkbook

REQUIRED = "import.required_missing"
DUPLICATE = "import.duplicate_id"
UNKNOWN_REFERENCE = "import.unknown_reference"
UNKNOWN_SDG = "import.unknown_sdg_target"
UNKNOWN_OBJECTIVE = "import.unknown_environmental_objective"
UNKNOWN_HEALTH_AREA = "import.unknown_public_health_area"
UNKNOWN_ORG = "import.unknown_organisation_code"
ORG_MISMATCH = "import.organisation_mismatch"
NO_ORGANISATION = "import.no_organisation"
NO_VERSION = "import.no_version"
ONE_ORGANISATION = "import.one_organisation_row"
GOAL_CYCLE = "import.goal_cycle"
PERIOD_ORDER = "import.period_order"
WORDING_NOT_ON_SCALE = "import.wording_not_on_scale"
PARENT_NOT_CAPTURED = "import.parent_not_captured"


@dataclass
class CheckedRow:
    source: SourceRow
    values: dict[str, object]

    def get(self, key: str, default: object = None) -> object:
        value = self.values.get(key)
        return default if value is None else value

    @property
    def number(self) -> int:
        return self.source.number


@dataclass
class ReferenceCodes:
    """The codes cells are checked against (from ``ssgraph.reference``)."""

    sdg: set[str]
    environmental_objectives: set[str]
    public_health_areas: set[str]
    organisations: set[str]

    @classmethod
    def load(cls) -> ReferenceCodes:
        from ssgraph import reference

        sdg = {str(c).lower() for c in reference.sdg_target_codes()}
        goal_codes = getattr(reference, "sdg_goal_codes", None)
        sdg |= {str(c) for c in goal_codes()} if goal_codes else {str(n) for n in range(1, 18)}
        return cls(
            sdg=sdg,
            environmental_objectives={str(n) for n in reference.environmental_objective_numbers()},
            public_health_areas={str(n) for n in reference.public_health_area_numbers()},
            organisations={str(c) for c in reference.organisation_codes(include_former=True)},
        )


@dataclass
class CheckedWorkbook:
    file: str
    rows: dict[str, list[CheckedRow]]
    problems: list[Problem] = field(default_factory=list)
    org_code: str | None = None
    org_name: str | None = None
    org_type: Choice | None = None
    org_in_reference: bool = True
    version_label: str | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


def _problem(row: SourceRow, column: str | None, message_id: str, severity: str = "error", **params) -> Problem:
    return Problem(message_id, row.location(column), params, severity)


def _type_cells(workbook: SourceWorkbook, problems: list[Problem]) -> dict[str, list[CheckedRow]]:
    typed: dict[str, list[CheckedRow]] = {}
    for key, table in workbook.tables.items():
        typed[key] = []
        for row in table.rows:
            values: dict[str, object] = {}
            for column in table.sheet.columns:
                raw = row.get(column.key)
                if raw is None:
                    # a missing header is reported once, by the reader, not once per row
                    if column.required and column.key in row.column_labels:
                        problems.append(_problem(row, column.key, REQUIRED))
                    values[column.key] = [] if column.multi else None
                    continue
                parsed = parse_cell(raw, column)
                items = parsed if isinstance(parsed, list) else [parsed]
                for item in items:
                    if isinstance(item, CellProblem):
                        problems.append(_problem(row, column.key, item.message_id, **item.params))
                good = [i for i in items if not isinstance(i, CellProblem)]
                values[column.key] = good if column.multi else (good[0] if good else None)
                if isinstance(parsed, PaddedCode):
                    problems.append(_problem(row, column.key, PADDED_ORG_CODE, "warning",
                                             written=parsed.written, code=str(parsed)))
                    values[column.key] = str(parsed)
                if isinstance(parsed, Wording) and parsed.choice is None:
                    problems.append(_problem(row, column.key, WORDING_NOT_ON_SCALE, "warning", value=parsed.text,
                                             allowed_sv=", ".join(c.sv for c in column.choices),
                                             allowed_en=", ".join(c.en for c in column.choices)))
            typed[key].append(CheckedRow(row, values))
    return typed


def _check_codes(rows: dict[str, list[CheckedRow]], codes: ReferenceCodes, declared_orgs: set[str],
                 problems: list[Problem]) -> None:
    lookups = {
        model.SDG_TARGETS: (codes.sdg, UNKNOWN_SDG, str.lower),
        model.ENV_OBJECTIVES: (codes.environmental_objectives, UNKNOWN_OBJECTIVE, lambda t: t.lstrip("0") or "0"),
        model.HEALTH_AREAS: (codes.public_health_areas, UNKNOWN_HEALTH_AREA, lambda t: t.lstrip("0") or "0"),
    }
    for key, table in rows.items():
        sheet = SHEETS_BY_KEY[key]
        for row in table:
            for column in sheet.columns:
                if column.type in lookups:
                    known, message_id, normal = lookups[column.type]
                    kept = []
                    for text in row.values[column.key]:
                        if normal(text) in known:
                            kept.append(normal(text))
                        else:
                            problems.append(_problem(row.source, column.key, message_id, value=text))
                    row.values[column.key] = kept
                elif column.type == model.ORG_CODE and row.values[column.key] is not None:
                    code = row.values[column.key]
                    if code not in codes.organisations and code not in declared_orgs:
                        problems.append(_problem(row.source, column.key, UNKNOWN_ORG, value=code))


# an observation without gender is the total; without comparison area it is the organisation's own
OBSERVATION_DEFAULTS = {"gender": "T", "area": ""}


def _check_unique(rows: dict[str, list[CheckedRow]], problems: list[Problem]) -> dict[str, dict[str, CheckedRow]]:
    """Duplicate ids; returns id -> row per sheet for reference look-ups."""
    index: dict[str, dict[str, CheckedRow]] = {}
    for key, table in rows.items():
        sheet = SHEETS_BY_KEY[key]
        seen: dict[tuple, CheckedRow] = {}
        index[key] = {}
        for row in table:
            parts = []
            for column_key in sheet.id_columns:
                value = row.values.get(column_key)
                if isinstance(value, Choice):
                    value = value.slug
                if value is None and key == "observations" and column_key in OBSERVATION_DEFAULTS:
                    value = OBSERVATION_DEFAULTS[column_key]
                parts.append(value)
            if any(p is None for p in parts):
                continue
            ident = tuple(parts)
            if ident in seen:
                shown = " / ".join(str(p) for p in parts)
                problems.append(_problem(row.source, sheet.id_columns[0], DUPLICATE, value=shown,
                                         first_row=seen[ident].number))
                continue
            seen[ident] = row
            if len(parts) == 1:
                index[key][str(parts[0])] = row
    return index


def _list_incomplete(rows) -> bool:
    organisation = rows.get("organisation") or []
    return bool(organisation) and organisation[0].values.get("list_complete") is False


def _check_references(rows, index, problems) -> None:
    incomplete = _list_incomplete(rows)
    for key, table in rows.items():
        sheet = SHEETS_BY_KEY[key]
        for column in sheet.columns:
            if column.refers_to is None:
                continue
            target = SHEETS_BY_KEY[column.refers_to]
            if column.type == model.BODY:
                _resolve_bodies(table, column.key, index[column.refers_to], problems)
                continue
            for row in table:
                value = row.values.get(column.key)
                values = value if isinstance(value, list) else [value] if value is not None else []
                kept = []
                for ident in values:
                    if ident in index[column.refers_to]:
                        kept.append(ident)
                    elif incomplete and key == "goals" and column.key == "parent":
                        # the list is known to be incomplete: the parent is named but was not captured
                        row.values["uncaptured_parent"] = ident
                        problems.append(_problem(row.source, column.key, PARENT_NOT_CAPTURED, "warning",
                                                 value=ident))
                    else:
                        problems.append(_problem(row.source, column.key, UNKNOWN_REFERENCE, value=ident,
                                                 target=target.sv, target_en=target.en))
                row.values[column.key] = kept if column.multi else (kept[0] if kept else None)


def _resolve_bodies(table: list[CheckedRow], key: str, bodies: dict[str, CheckedRow],
                    problems: list[Problem]) -> None:
    """A body column holds an id of Bodies, or a body's name; a name not in Bodies is kept
    as the document writes it (the mapping gives it a body of its own with only that name)."""
    by_name = {str(row.values.get("name") or "").casefold(): ident for ident, row in bodies.items()}
    for row in table:
        value = row.values.get(key)
        if value is None or value in bodies:
            continue
        ident = by_name.get(str(value).casefold())
        if ident is None and str(value).isupper():  # "KSS": a mistyped id, not a name
            problems.append(_problem(row.source, key, UNKNOWN_REFERENCE, value=value,
                                     target=SHEETS_BY_KEY["bodies"].sv, target_en=SHEETS_BY_KEY["bodies"].en))
            row.values[key] = None
            continue
        row.values[key] = ident if ident is not None else NamedBody(str(value))


def _check_cycles(goals: list[CheckedRow], problems: list[Problem]) -> None:
    parent = {row.values["id"]: row.values.get("parent") for row in goals if row.values.get("id")}
    by_id = {row.values["id"]: row for row in goals if row.values.get("id")}
    reported: set[str] = set()
    for row in goals:
        start = row.values.get("id")
        if start is None or start in reported:
            continue
        chain = [start]
        current = parent.get(start)
        while current is not None and current not in chain:
            chain.append(current)
            current = parent.get(current)
        if current is not None and current == start:
            reported.update(chain)
            problems.append(_problem(by_id[start].source, "parent", GOAL_CYCLE,
                                     chain=" → ".join(chain + [start])))


def _check_period_order(rows, problems) -> None:
    pairs = [("goals", "period_start", "period_end"), ("documents", "valid_from", "valid_until"),
             ("action_plans", "start", "end"), ("activities", "start", "end"),
             ("indicators", "baseline_year", "target_year")]
    for key, first, second in pairs:
        sheet = SHEETS_BY_KEY[key]
        for row in rows[key]:
            a, b = row.values.get(first), row.values.get(second)
            if a is not None and b is not None and a > b:
                problems.append(_problem(row.source, first, PERIOD_ORDER,
                                         first=sheet.column(first).sv, second=sheet.column(second).sv,
                                         first_en=sheet.column(first).en, second_en=sheet.column(second).en,
                                         start=a, end=b))


def _organisation(checked: CheckedWorkbook, codes: ReferenceCodes, org_option: str | None,
                  version_option: str | None, problems: list[Problem]) -> set[str]:
    """Settle the organisation and version; returns codes the file itself declares (dissolved ones)."""
    org_rows = checked.rows["organisation"]
    declared: set[str] = set()
    row = org_rows[0] if org_rows else None
    if len(org_rows) > 1:
        problems.append(_problem(org_rows[1].source, None, ONE_ORGANISATION))
    if row is not None:
        code = row.values.get("code")
        # a dissolved organisation that never had an SCB code may use its own (e.g. LL18)
        if code and row.values.get("dissolved") and not code.isdigit():
            declared.add(code)
        if code and org_option and organisation_code_text(org_option) != code:
            problems.append(_problem(row.source, "code", ORG_MISMATCH, value=code, given=org_option))
        checked.org_code = code or (org_option and organisation_code_text(org_option))
        checked.org_name = row.values.get("name")
        checked.org_type = row.values.get("type")
        checked.version_label = version_option or row.values.get("version")
    else:
        given = parse_organisation_code(org_option) if org_option else None
        if isinstance(given, CellProblem):
            problems.append(Problem(given.message_id, Location(column="--org"), given.params))
            checked.version_label = version_option
            return declared
        checked.org_code = str(given) if given else None
        checked.version_label = version_option
        if checked.org_code and checked.org_code not in codes.organisations:
            problems.append(Problem(UNKNOWN_ORG, Location(column="--org"), {"value": checked.org_code}))
    written = row.source.get("code") if row is not None else None
    if checked.org_code is None and written is None:  # a code that is wrong is reported as such
        problems.append(Problem(NO_ORGANISATION, Location(file=checked.file)))
    if not checked.version_label:
        problems.append(Problem(NO_VERSION, Location(file=checked.file)))
    checked.org_in_reference = checked.org_code in codes.organisations
    return declared


def check_workbook(
    workbook: SourceWorkbook,
    org: str | None = None,
    version: str | None = None,
    codes: ReferenceCodes | None = None,
    today: dt.date | None = None,
) -> CheckedWorkbook:
    """Type every cell and check the workbook as a whole; all problems are collected."""
    codes = codes or ReferenceCodes.load()
    problems = list(workbook.problems)
    rows = _type_cells(workbook, problems)
    checked = CheckedWorkbook(workbook.file, rows)
    declared = _organisation(checked, codes, org, version, problems)
    _check_codes(rows, codes, declared, problems)
    index = _check_unique(rows, problems)
    _check_references(rows, index, problems)
    _check_cycles(rows["goals"], problems)
    _check_period_order(rows, problems)
    checked.problems = sorted(problems, key=_position)
    return checked


def _position(problem: Problem) -> tuple:
    loc = problem.location
    return (problem.severity != "error", loc.file or "", loc.sheet or "", loc.row or 0, str(loc.column or ""))
