"""An extraction as rows of the import model, written as the template workbook or as YAML.

The rows go through ``importing.model`` (the one declaration of sheets and columns) and
``importing.template`` (the one workbook writer), so an extracted workbook is the
template an officer knows, with the source page, place and confidence of every row.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from ssgraph.extracting import errors, terms
from ssgraph.extracting.organisation import organisation_row
from ssgraph.extracting.result import Extraction, Found, Goal, Indicator
from ssgraph.importing import model

DOCUMENT_ID = "D1"
_BODY_IDS = {"kommunfullmäktige": "KF", "regionfullmäktige": "RF", "landstingsfullmäktige": "LF",
             "fullmäktige": "KF", "kommunstyrelsen": "KS", "regionstyrelsen": "RS"}
Rows = dict[str, list[dict[str, object]]]
_LEVEL_SLUGS = {terms.AREA: "goal-area", terms.OVERARCHING: "overarching", terms.COMMITTEE: "committee",
                terms.SUB: "sub-goal"}


def level_slug(level: str, term: str = "") -> str:
    """The model's goal level: the one whose own word or alias the document's term is
    (verksamhetsmål → operational, delmål → sub-goal, fokusområde → goal area), else the
    extraction's level. An area heading with no goal sentence is the model's goal area."""
    if term:
        word = terms.singular(term)
        for choice in model.GOAL_LEVELS:
            if word in choice.spellings():
                return choice.slug
    return _LEVEL_SLUGS.get(level, "overarching")


def _source(found: Found, lang: str) -> dict[str, object]:
    values: dict[str, object] = {"confidence": f"{found.confidence:.2f}"}
    if found.place.page is not None:
        values["source_page"] = found.place.page
    place = found.place.describe(lang)
    if place:
        values["source_place"] = place
    return values


def _goal_ids(goals: list[Goal]) -> dict[int, str]:
    ids: dict[int, str] = {}
    counters: dict[int | None, int] = {}
    for goal in goals:  # parents come before their children in reading order
        parent_key = id(goal.parent) if goal.parent is not None else None
        counters[parent_key] = counters.get(parent_key, 0) + 1
        prefix = ids[id(goal.parent)] + "." if goal.parent is not None and id(goal.parent) in ids else "M"
        ids[id(goal)] = f"{prefix}{counters[parent_key]}"
    return ids


def body_id(name: str) -> str:
    known = _BODY_IDS.get(name.casefold())
    if known:
        return known
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower() or "organ"


def version_label(extraction: Extraction) -> str:
    title = extraction.metadata.title or Path(extraction.file).stem
    return re.sub(r"\s+", " ", title).strip()[:120]


def model_rows(extraction: Extraction, org: str, lang: str = "sv") -> Rows:
    rows: Rows = {sheet.key: [] for sheet in model.SHEETS}
    rows["organisation"].append(organisation_row(org, version_label(extraction)))
    meta = extraction.metadata
    document: dict[str, object] = {"id": DOCUMENT_ID, "title": version_label(extraction),
                                   "type": meta.document_type or "plan", "file": extraction.file}
    if meta.decided_by:
        ident = body_id(meta.decided_by)
        rows["bodies"].append({"id": ident, "name": meta.decided_by[:1].upper() + meta.decided_by[1:],
                               "type": meta.body_type or "council"})
        document["decided_by"] = ident
    reference = ", ".join(part for part in (meta.minute, f"dnr {meta.file_number}" if meta.file_number else None)
                          if part)
    document.update({k: v for k, v in (("decision_date", meta.decision_date), ("decision_reference", reference),
                                       ("valid_from", meta.valid_from), ("valid_until", meta.valid_until)) if v})
    document.update(_source(meta, lang))
    rows["documents"].append(document)
    for statement in extraction.statements:
        rows["vision"].append({"kind": statement.kind, "text": statement.text, "document": DOCUMENT_ID,
                               **_source(statement, lang)})
    ids = _goal_ids(extraction.goals)
    for goal in extraction.goals:
        rows["goals"].append(_goal_row(goal, ids, lang))
    for number, indicator in enumerate(extraction.indicators, start=1):
        ident = f"I{number}"
        rows["indicators"].append(_indicator_row(indicator, ident, ids, lang))
        for actual in indicator.actuals:
            if actual.year is not None and actual.value is not None:
                rows["observations"].append({"indicator": ident, "period": actual.year, "value": actual.value,
                                             **_source(indicator, lang)})
    return rows


def _goal_row(goal: Goal, ids: dict[int, str], lang: str) -> dict[str, object]:
    row: dict[str, object] = {"id": ids[id(goal)], "level": level_slug(goal.level, goal.term), "text": goal.text,
                              "document": DOCUMENT_ID}
    if goal.parent is not None:
        row["parent"] = ids[id(goal.parent)]
    if goal.description:
        row["description"] = goal.description
    if goal.term:
        row["source_term"] = terms.singular(goal.term)
    if goal.links.sdg:
        row["sdg_targets"] = "; ".join(goal.links.sdg)
    if goal.links.environmental:
        row["environmental_objectives"] = "; ".join(str(n) for n in goal.links.environmental)
    row.update(_source(goal, lang))
    return row


def _indicator_row(indicator: Indicator, ident: str, ids: dict[int, str], lang: str) -> dict[str, object]:
    row: dict[str, object] = {"id": ident, "name": indicator.name}
    if indicator.goal is not None:
        row["goal"] = ids[id(indicator.goal)]
    for key, value in (("unit", indicator.unit), ("direction", indicator.direction)):
        if value:
            row[key] = value
    for role in ("baseline", "target"):
        value = getattr(indicator, role)
        if value is not None:
            if value.year is not None:
                row[f"{role}_year"] = value.year
            if value.value is not None:
                row[f"{role}_value"] = value.value
    if indicator.links.sdg:
        row["sdg_targets"] = "; ".join(indicator.links.sdg)
    row.update(_source(indicator, lang))
    return row


def write_rows(rows: Rows, out: Path, lang: str = "sv", note: str | None = None) -> Path:
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        from ssgraph.importing.template import write_workbook

        return write_workbook(out, lang, rows)
    if suffix in {".yaml", ".yml"}:
        out.parent.mkdir(parents=True, exist_ok=True)
        ordered = {}
        for sheet in model.SHEETS:
            if rows.get(sheet.key):
                keys = [c.key for c in sheet.columns]
                ordered[sheet.key] = [{k: row[k] for k in keys if row.get(k) not in (None, "")}
                                      for row in rows[sheet.key]]
        header = f"# {note}\n" if note else ""
        out.write_text(header + yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=110),
                       encoding="utf-8")
        return out
    raise errors.bad_output(out)
