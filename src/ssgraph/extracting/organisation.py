"""The organisation an extraction is for: its code checked as the importer checks ``--org``.

The rule is the importer's (``importing.cells.parse_organisation_code`` and the reference
codes, former organisations such as LL18 and RF18 included), so a workbook that
``ssgraph extract`` writes names an organisation ``ssgraph import`` accepts.
"""

from __future__ import annotations

from ssgraph.errors import InputError, Location, Problem
from ssgraph.importing.cells import CellProblem, parse_organisation_code
from ssgraph.importing.checks import UNKNOWN_ORG

_TYPES = {"Municipality": "municipality", "Region": "region", "RegionalAssociation": "regional-association"}


def checked_code(org: str) -> str:
    """The organisation code of ``--org``; an InputError for a 1–2-digit or unknown code."""
    from ssgraph.reference import organisation_codes

    code = parse_organisation_code(org)
    if isinstance(code, CellProblem):
        raise InputError(Problem(code.message_id, Location(column="--org"), code.params))
    code = str(code)
    if code not in organisation_codes(include_former=True):
        raise InputError(Problem(UNKNOWN_ORG, Location(column="--org"), {"value": code}))
    return code


def organisation_row(org: str, version: str) -> dict[str, object]:
    """The Organisation sheet's row: code, name and type from the reference."""
    from ssgraph.reference import organisation_codes

    code = checked_code(org)
    entry = organisation_codes(include_former=True)[code]
    kind = _TYPES.get(str(entry.kind).rsplit("#", 1)[-1].rsplit("/", 1)[-1], "municipality")
    if kind == "region" and not code.isdigit():  # a county council before its region (LL18)
        kind = "county-council"
    return {"code": code, "name": entry.label, "type": kind, "version": version}
