"""Load the real goal sets the corpus is built from.

Two inputs are understood: the neutral goal-set files (``format: neutral-goalset/1``,
one YAML file per goal-set version) and goal sets in the import model (YAML with the
sheets ``organisation`` and ``goals``, as in ``data/realdata``). Goals without a text are
left out with their children moved up, since a document cannot show what nobody captured.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

LEVEL_WORDS = {  # neutral and model level words → extraction levels
    "goal area": "area", "area": "area", "goal-area": "area", "målområde": "area",
    "overarching goal": "overarching", "overarching": "overarching", "övergripande": "overarching",
    "committee goal": "committee", "committee": "committee", "nämnd": "committee",
    "sub-goal": "sub", "operational": "sub", "verksamhet": "sub",
}


@dataclass
class SetGoal:
    key: str
    text: str
    level: str
    term: str
    parent: str | None
    sdg: list[str] = field(default_factory=list)
    environmental: list[int] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)


@dataclass
class GoalSet:
    org_code: str
    org_name: str
    org_type: str
    key: str  # "1881-kumla/A_miljoprogram_2012_2016"
    label: str
    year: int | None
    vision: str | None
    goals: list[SetGoal]
    source_url: str | None = None


def _neutral(data: dict, key: str) -> GoalSet:
    organisation, version = data["organisation"], data["version"]
    vision = data.get("vision") or {}
    goals = []
    for goal in data.get("goals") or []:
        indicators = []
        for indicator in goal.get("indicators") or []:
            if indicator.get("name"):
                indicators.append({"name": indicator["name"], "unit": indicator.get("unit")})
        goals.append(SetGoal(goal["id"], goal.get("text") or "", LEVEL_WORDS.get(goal.get("level"), "overarching"),
                             (goal.get("source_term") or "").split("(")[0].strip(), goal.get("parent"),
                             [str(n) for n in goal.get("sdg") or []], [int(n) for n in goal.get("miljomal") or []],
                             indicators))
    sources = version.get("sources") or [{}]
    return GoalSet(str(organisation["code"]), organisation["name"], organisation.get("type", "kommun"), key,
                   version.get("label") or key, version.get("year"), vision.get("text"), _without_empty(goals),
                   sources[0].get("url"))


def _model(data: dict, key: str) -> GoalSet:
    organisation = (data.get("organisation") or [{}])
    organisation = organisation[0] if isinstance(organisation, list) else organisation
    goals = []
    indicators: dict[str, list[dict]] = {}
    for indicator in data.get("indicators") or []:
        for goal_id in str(indicator.get("goal") or "").split(";"):
            indicators.setdefault(goal_id.strip(), []).append({"name": indicator.get("name"),
                                                               "unit": indicator.get("unit")})
    for goal in data.get("goals") or []:
        sdg = [s.strip() for s in str(goal.get("sdg_targets") or "").split(";") if s.strip()]
        env = [int(s) for s in str(goal.get("environmental_objectives") or "").split(";") if s.strip().isdigit()]
        goals.append(SetGoal(str(goal["id"]), goal.get("text") or "", LEVEL_WORDS.get(goal.get("level"), "overarching"),
                             goal.get("source_term") or "", goal.get("parent"), sdg, env,
                             indicators.get(str(goal["id"]), [])))
    vision = next((v.get("text") for v in data.get("vision") or [] if v.get("kind") in {"vision", None}), None)
    return GoalSet(str(organisation.get("code")), organisation.get("name", ""), organisation.get("type", "kommun"),
                   key, organisation.get("version") or key, None, vision, _without_empty(goals))


def _without_empty(goals: list[SetGoal]) -> list[SetGoal]:
    parents = {g.key: g.parent for g in goals}
    empty = {g.key for g in goals if not g.text.strip()}
    kept = []
    for goal in goals:
        if goal.key in empty:
            continue
        parent = goal.parent
        while parent in empty:
            parent = parents.get(parent)
        goal.parent = parent
        kept.append(goal)
    return kept


def load(folder: Path) -> list[GoalSet]:
    sets = []
    for path in sorted(Path(folder).rglob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "goals" not in data:
            continue
        key = f"{path.parent.name}/{path.stem}"
        loaded = _neutral(data, key) if data.get("format", "").startswith("neutral-goalset") else _model(data, key)
        if loaded.goals:
            sets.append(loaded)
    return sets
