"""What changed between two versions of a goal structure: goals added, removed and reworded.

Goals are matched by their local id first; a goal whose text changed keeps its id and is
reworded. The goals left over on each side (removed, added) are then aligned by text with
the harmoniser (one-to-one): a pair it calls exact or close is the same goal, reworded or
renumbered under a new id (``renumbered`` when the text is the same), not one goal removed
and another added.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis import goal_items
from ssgraph.analysis.goal_items import GoalItem, items_from_graph
from ssgraph.analysis.harmonise import harmonise_items
from ssgraph.analysis.versions import as_structures
from ssgraph.versions import Version

# harmoniser relations that make two goals one goal reworded, and how the diff names them
SAME_GOAL = {"exactMatch": "exact", "closeMatch": "close"}


@dataclass
class GoalChange:
    identifier: str  # the goal's id in the earlier version (in the later one for an added goal)
    text_a: str | None
    text_b: str | None
    identifier_b: str | None = None  # the id in the later version, when it changed
    relation: str = "id"  # how the two were matched: "id", or the harmoniser's "exact" / "close"
    score: float | None = None

    @property
    def renumbered(self) -> bool:
        return self.identifier_b is not None and self.identifier_b != self.identifier


@dataclass
class GoalDiff:
    version_a: Version
    version_b: Version
    added: list[GoalChange] = field(default_factory=list)
    removed: list[GoalChange] = field(default_factory=list)
    reworded: list[GoalChange] = field(default_factory=list)
    renumbered: list[GoalChange] = field(default_factory=list)  # the same text under a new id

    def to_dict(self) -> dict:
        return {
            "organisation": self.version_a.org_code, "version_a": self.version_a.name,
            "version_b": self.version_b.name,
            **{kind: [asdict(c) for c in getattr(self, kind)] for kind in ("added", "removed", "reworded", "renumbered")},
        }


def _natural(identifier: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", identifier or "")]


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def diff_items(items_a: list[GoalItem], items_b: list[GoalItem], version_a: Version, version_b: Version,
               settings=None) -> GoalDiff:
    """The diff of two goal sets (see the module docstring)."""
    by_id_a = {i.identifier or i.key: i for i in items_a}
    by_id_b = {i.identifier or i.key: i for i in items_b}
    result = GoalDiff(version_a, version_b)
    for ident in sorted(by_id_a.keys() & by_id_b.keys(), key=_natural):
        a, b = by_id_a[ident], by_id_b[ident]
        if not _same_text(a.label, b.label):
            result.reworded.append(GoalChange(ident, a.label, b.label))
    gone = [by_id_a[i] for i in sorted(by_id_a.keys() - by_id_b.keys(), key=_natural)]
    new = [by_id_b[i] for i in sorted(by_id_b.keys() - by_id_a.keys(), key=_natural)]
    matched_a: set[str] = set()
    matched_b: set[str] = set()
    if gone and new:
        for candidate in harmonise_items(gone, new, settings, mode="one-to-one"):
            if candidate.assigned and candidate.relation in SAME_GOAL:
                a = next(i for i in gone if i.key == candidate.a)
                b = next(i for i in new if i.key == candidate.b)
                change = GoalChange(a.identifier or a.key, a.label, b.label, b.identifier or b.key,
                                    SAME_GOAL[candidate.relation], candidate.score)
                (result.renumbered if _same_text(a.label, b.label) else result.reworded).append(change)
                matched_a.add(a.key)
                matched_b.add(b.key)
    result.reworded.sort(key=lambda c: _natural(c.identifier))
    result.renumbered.sort(key=lambda c: _natural(c.identifier))
    result.removed = [GoalChange(i.identifier or i.key, i.label, None) for i in gone if i.key not in matched_a]
    result.added = [GoalChange(i.identifier or i.key, None, i.label) for i in new if i.key not in matched_b]
    return result


def version_items(store, version: Version, graph=None) -> list[GoalItem]:
    """The goals of one version, read from its own graph (or from ``graph``: a goal graph of
    exactly that version, read with at least ``goal_items.READING``)."""
    if graph is None:
        graph = gg.build_goal_graph(store, versions=as_structures(store, [version]), observations="none",
                                    reading=goal_items.READING)
    return items_from_graph(graph, version.org_code, source=version.graph)


def diff_versions(store, version_a: Version, version_b: Version, settings=None, graph_b=None) -> GoalDiff:
    """``graph_b``: a goal graph of ``version_b`` already read (see ``version_items``)."""
    return diff_items(version_items(store, version_a), version_items(store, version_b, graph_b), version_a,
                      version_b, settings)
