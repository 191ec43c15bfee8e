"""Result tables as CSV for people: headers and coded values in the user's language.

A column whose values are codes (a status, a dimension, an action, a kind of link) gets the
catalogue's word for each code; headers come from ``csv.<column>``. Machine formats with
standard column names (the SSSOM mapping of a harmonisation) keep their names
(``translate_headers=False``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ssgraph import catalogue

CODED_COLUMNS = {
    "status": "report.status.",
    "dimension": "report.dimension.",
    "action": "report.action.",
    "concept_kind": "report.kind.",
    "subject_kind": "csv.subject_kind.",
    "scheme": "csv.scheme.",
    "severity": "csv.severity.",
    "measure": "find.measure.",
    "cycle_status": "find.status.",
}


def _word(column: str, value: object, lang: str) -> object:
    prefix = CODED_COLUMNS.get(column)
    if prefix is None or not isinstance(value, str):
        return value
    message_id = prefix + value
    return catalogue.text(message_id, lang) if catalogue.has(message_id) else value


def csv_text(rows: Sequence[dict], lang: str = catalogue.DEFAULT_LANGUAGE, translate_headers: bool = True) -> str:
    if not rows:
        return ""
    columns = list(rows[0])
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([catalogue.text(f"csv.{c}", lang) if translate_headers and catalogue.has(f"csv.{c}") else c
                     for c in columns])
    lines = [[row.get(c) for c in columns] for row in rows]
    # a coded column repeats a few codes over many rows: each code's word is looked up once
    words: dict[tuple[str, str], object] = {}
    for position, column in ((p, c) for p, c in enumerate(columns) if c in CODED_COLUMNS):
        for line in lines:
            value = line[position]
            if isinstance(value, str):
                key = (column, value)
                if key not in words:
                    words[key] = _word(column, value, lang)
                line[position] = words[key]
    writer.writerows(lines)
    return out.getvalue()
