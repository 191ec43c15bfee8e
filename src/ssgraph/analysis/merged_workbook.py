"""The merged goal structure of a harmonisation as a filled import template, for the new
organisation: one goal per merged goal, ready for ``ssgraph import``.

Each goal keeps the wording of its first source, its level, its place in the merged
hierarchy and the union of its sources' SDG, environmental-objective and public-health
links; the column ``derived_from`` names every source goal's IRI, so the imported goal
carries ``prov:wasDerivedFrom`` both (all) of them. Data merged from illustrative examples
stays marked illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ssgraph.analysis.goal_items import GoalItem
from ssgraph.analysis.harmonise import HarmonisationResult
from ssgraph.importing.template import write_workbook

_LINK_COLUMNS = {"sdg": "sdg_targets", "miljomal": "environmental_objectives",
                 "folkhalsa": "public_health_areas"}


@dataclass(frozen=True)
class NewOrganisation:
    code: str
    name: str
    type: str  # a choice of the organisation sheet (region, kommun, …)
    version: str


def _level(item: GoalItem) -> str | None:
    level = (item.level or "").rsplit("/", 1)[-1]
    return level.removeprefix("level-") or None


def _sort_key(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 99 for p in code.split("."))


def goal_rows(result: HarmonisationResult, items_a: list[GoalItem], items_b: list[GoalItem],
              names: dict[str, str] | None = None) -> list[dict]:
    """The rows of the goals sheet: the merged structure, parents before children."""
    names = names or {}
    items = {i.key: i for i in items_a} | {i.key: i for i in items_b}
    by_id = {m.id: m for m in result.merged}
    rows = []
    for merged in _parents_first(result.merged, by_id):
        sources = [items[s] for s in merged.sources if s in items]
        level = next((lvl for lvl in map(_level, sources) if lvl), None)
        links: dict[str, set[str]] = {column: set() for column in _LINK_COLUMNS.values()}
        for source in sources:
            for link in source.links:
                scheme, _, code = link.partition("/")
                if scheme in _LINK_COLUMNS and code:
                    links[_LINK_COLUMNS[scheme]].add(code)
        side = {i.key: result.org_a for i in items_a} | {i.key: result.org_b for i in items_b}
        origin = "; ".join(f"{names.get(side[s.key], side[s.key])}: {s.label}" for s in sources)
        row = {
            "id": merged.id, "parent": merged.parent,
            "level": level or ("overarching" if merged.parent is None else "committee"),
            "text": merged.label, "derived_from": list(merged.sources),
            "note": (f"skos:{merged.relation} ← " if merged.relation else "← ") + origin,
        }
        row.update({column: "; ".join(sorted(codes, key=_sort_key)) for column, codes in links.items() if codes})
        rows.append(row)
    return rows


def _parents_first(merged: list, by_id: dict) -> list:
    placed: list = []
    seen: set[str] = set()

    def place(item, path: frozenset) -> None:
        if item.id in seen:
            return
        if item.parent in by_id and item.parent not in path:
            place(by_id[item.parent], path | {item.id})
        seen.add(item.id)
        placed.append(item)

    for item in merged:
        place(item, frozenset())
    return placed


def workbook_rows(result: HarmonisationResult, items_a: list[GoalItem], items_b: list[GoalItem],
                  organisation: NewOrganisation, illustrative: bool,
                  names: dict[str, str] | None = None) -> dict[str, list[dict]]:
    note = (f"Harmoniserad målstruktur ur {result.org_a} och {result.org_b} (ssgraph harmonise). "
            f"Harmonised goal structure from {result.org_a} and {result.org_b}.")
    return {
        "organisation": [{"code": organisation.code, "name": organisation.name, "type": organisation.type,
                          "version": organisation.version, "illustrative": illustrative, "note": note}],
        "goals": goal_rows(result, items_a, items_b, names),
    }


def write(path: Path, result: HarmonisationResult, items_a: list[GoalItem], items_b: list[GoalItem],
          organisation: NewOrganisation, illustrative: bool, lang: str = "sv",
          names: dict[str, str] | None = None) -> Path:
    """The filled workbook at ``path`` (Swedish or English sheet names)."""
    return write_workbook(path, lang, workbook_rows(result, items_a, items_b, organisation, illustrative, names))
