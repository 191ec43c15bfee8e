"""Reading the real goal sets and their gold standards for ``evaluate_realdata.py``.

The goal sets are read from the store (loaded with ``data/realdata``, as a user has them)
or, when given a folder of ``realdata-goals/1`` JSON files, from those files. Either way
each goal becomes a :class:`~ssgraph.analysis.goal_items.GoalItem` whose ``identifier`` is
the goal's id in the gold standard (``A.m1``); goals loaded from the store are matched to
the gold by that id or, failing it, by their verbatim text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ssgraph.analysis.goal_items import GoalItem, link_children

LEVELS = {"goal area": "goal-area", "overarching goal": "overarching", "committee goal": "committee",
          "sub-goal": "operational", "vision": "vision"}


def normalised(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").strip().casefold().rstrip("."))


@dataclass
class GoalSets:
    """Goal sets by (gold file name, goal set id) → items keyed by the gold's goal ids."""

    sets: dict[tuple[str, str], list[GoalItem]]
    organisation_of: dict[str, str]  # gold file name → organisation code

    def items(self, file: str, goal_set: str, excluded: set[str] = frozenset()) -> list[GoalItem]:
        chosen = [i for i in self.sets[(file, goal_set)] if i.identifier not in excluded]
        keys = {i.key for i in chosen}
        for item in chosen:
            if item.parent not in keys:
                item.parent = None
        return link_children(chosen)

    def organisation_items(self, file: str) -> list[GoalItem]:
        return [i for (f, _), items in self.sets.items() if f == file for i in items]


def from_json(folder: Path) -> GoalSets:
    """Goal sets from ``realdata-goals/1`` files (``goals/*.json``)."""
    sets: dict[tuple[str, str], list[GoalItem]] = {}
    organisation_of = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        organisation_of[path.name] = str(data["organisation"]["scb_code"])
        for goal in data["goals"]:
            if goal.get("level") == "vision" or goal.get("text") is None:
                continue
            links = {f"sdg/{n}" for n in goal.get("sdg") or []} | {f"miljomal/{n}" for n in goal.get("miljomal") or []}
            item = GoalItem(
                key=goal["id"], label=goal["text"], description=goal.get("description") or "",
                parent=goal.get("parent"), level=LEVELS.get(goal.get("level"), goal.get("level")),
                links=links, identifier=goal["id"], source=goal["goal_set"],
            )
            sets.setdefault((path.name, goal["goal_set"]), []).append(item)
    for items in sets.values():
        link_children(items)
    return GoalSets(sets, organisation_of)


def without_stated_links(goal_sets: GoalSets) -> GoalSets:
    """The same goal sets with the links their documents state removed (for suggest)."""
    for items in goal_sets.sets.values():
        for item in items:
            item.links = set()
    return goal_sets


def read_gold(folder: Path) -> dict[str, dict]:
    return {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            for name in ("harmonisation", "sdg-links", "consolidation")}
