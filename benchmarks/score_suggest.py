"""Suggestion against ``gold/sdg-links.json`` (used by ``evaluate_realdata.py``).

As the gold's README suggests: precision and recall over the stated links, at SDG-goal
level (SDG 13 from a suggested target 13.2) and by objective number, each goal judged only
in the scheme(s) it has links in; and the loose false-positive measure on the unlabelled
goals (how many SDGs are suggested per goal, and whether any suggestion claims to be
stated in the document). The suggester never sees a stated link: every goal's links are
hidden. Three sets of judged goals, scored apart and together:

- **stated**: the goals whose own document states the links (``labelled``) — these test
  the official names, stated numbers and compound splitting;
- **programme**: the goals whose sub-goals are labelled (``containers_of_labelled_goals``):
  the programme addresses what its goals address (the union of their stated links) —
  programme-level inference;
- **carried**: goals the harmonisation gold links as the same goal or the same intent
  (``exact`` / ``close``, high confidence; followed transitively) to a goal with stated
  links carry those links — the earlier wording of a goal later renamed after an SDG
  ("… minska sin påverkan på miljön och klimatet" → SDG 13): inference from topic words.

The calibration bands (raw evidence strength → share right) are learned from the judged
goals: in-sample and leave-one-organisation-out. The threshold is the decision rule
"calibrated score ≥ 0.5", not tuned.
"""

from __future__ import annotations

from realdata_gold import GoalSets

from ssgraph.analysis import suggest
from ssgraph.analysis.concept_lexicon import goal_level

BANDS = (0.0, 0.3, 0.5, 0.7, 0.9)
CARRYING = ("exact", "close")


def _gold_links(entry: dict) -> set[str]:
    return {f"sdg/{n}" for n in entry.get("sdg") or []} | {f"miljomal/{n}" for n in entry.get("miljomal") or []}


def judged_goals(gold: dict, harmonisation: dict | None = None) -> list[tuple[str, str, str, str, set[str]]]:
    """(set name, file, goal set, goal id, links) of every judged goal (see the module docstring)."""
    found = [("stated", e["file"], e["goal_set"], e["id"], _gold_links(e)) for e in gold["labelled"]]
    by_goal = {(e["file"], e["id"]): _gold_links(e) for e in gold["labelled"]}
    for entry in gold["containers_of_labelled_goals"]:
        links = set().union(*(v for (f, _), v in by_goal.items() if f == entry["file"]
                              and _child_of(gold, f, _, entry["id"])))
        if links:
            found.append(("programme", entry["file"], entry["goal_set"], entry["id"], links))
    if harmonisation is not None:
        found += _carried(harmonisation, by_goal)
    return found


def _child_of(gold: dict, file: str, goal: str, parent: str) -> bool:
    return any(e["file"] == file and e["id"] == goal and e.get("parent") == parent for e in gold["labelled"])


def _carried(harmonisation: dict, stated: dict[tuple[str, str], set[str]]) -> list:
    """Goals joined to a goal with stated links by exact/close high links of the
    harmonisation gold (transitively), with those links."""
    edges: dict[tuple[str, str], set[tuple[str, str]]] = {}
    goal_set: dict[tuple[str, str], str] = {}
    for pair in harmonisation["pairs"]:
        file_a, file_b = pair["source"]["file"], pair["target"]["file"]
        for goal in pair["source"]["goals"]:
            goal_set[(file_a, goal["id"])] = pair["source"]["goal_set"]
        for goal in pair["target"]["goals"]:
            goal_set[(file_b, goal["id"])] = pair["target"]["goal_set"]
        for link in pair["links"]:
            if link["confidence"] == "high" and link["relation"] in CARRYING:
                a, b = (file_a, link["source_id"]), (file_b, link["target_id"])
                edges.setdefault(a, set()).add(b)
                edges.setdefault(b, set()).add(a)
    carried: dict[tuple[str, str], set[str]] = {}
    for start, links in stated.items():
        seen, stack = {start}, [start]
        while stack:
            for other in edges.get(stack.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
                    if other not in stated:
                        carried.setdefault(other, set()).update(links)
    return [("carried", f, goal_set[(f, g)], g, links) for (f, g), links in sorted(carried.items())]


def raw_predictions(goal_sets: GoalSets, gold: dict, harmonisation: dict | None = None
                    ) -> list[tuple[str, str, set[str], dict[str, float], str]]:
    """(file, goal id, judged links, goal-level key → raw score, set name) for every judged goal."""
    found = []
    for name, file, goal_set, goal, stated in judged_goals(gold, harmonisation):
        if (file, goal_set) not in goal_sets.sets:
            continue
        items = goal_sets.items(file, goal_set)
        by_id = {i.identifier: i for i in items}
        if goal not in by_id:
            continue
        item = by_id[goal]
        children = [i for i in items if i.key in item.children]
        schemes = {k.split("/", 1)[0] for k in stated}
        scores: dict[str, float] = {}
        for key, evidence in suggest.item_concepts(_unlinked(item), [_unlinked(c) for c in children]).items():
            level = goal_level(key)
            if level.split("/", 1)[0] in schemes:
                scores[level] = max(scores.get(level, 0.0), evidence.score)
        found.append((file, goal, stated, scores, name))
    return found


def _unlinked(item):
    from dataclasses import replace

    return replace(item, links=set())


def calibrate(predictions, leave_out: str | None = None) -> list[dict]:
    """Per raw-score band: the share of goal-level suggestions that were stated links."""
    bins = []
    for lower, upper in zip(BANDS, (*BANDS[1:], 1.01), strict=True):
        hits = [key in stated for file, _, stated, scores, _ in predictions if file != leave_out
                for key, raw in scores.items() if lower <= raw < upper]
        calibrated = (sum(hits) + 1) / (len(hits) + 2) if len(hits) >= 3 else lower
        bins.append({"from": lower, "calibrated": round(calibrated, 3), "n": len(hits)})
    return bins


def _apply(bins: list[dict], raw: float) -> float:
    value = 0.0
    for b in bins:
        if raw >= b["from"]:
            value = b["calibrated"]
    return value


def score(predictions, bins, threshold: float, only: str | None = None, leave_out: str | None = None,
          subset: str | None = None) -> dict:
    tp = predicted = actual = 0
    for file, _, stated, scores, name in predictions:
        if (only and file != only) or file == leave_out or (subset and name != subset):
            continue
        chosen = {k for k, raw in scores.items() if _apply(bins, raw) >= threshold}
        tp += len(chosen & stated)
        predicted += len(chosen)
        actual += len(stated)
    return _figures(tp, predicted, actual)


def tune(predictions, leave_out: str | None = None) -> tuple[list[dict], float]:
    """The calibration learned from the judged goals (without ``leave_out``). The decision
    threshold is not tuned: a suggestion is shown when its calibrated score — the share of
    such suggestions that were right — is at least ``suggest.DEFAULT_MINIMUM`` (0.5: more
    likely right than wrong)."""
    return calibrate(predictions, leave_out), suggest.DEFAULT_MINIMUM


def loose_false_positives(goal_sets: GoalSets, gold: dict, bins, threshold: float) -> dict:
    per_goal, claimed_stated, echo_left_out = [], 0, 0
    for entry in gold["unlabelled_goals"]:
        if entry.get("name_echo"):
            echo_left_out += 1
            continue
        if (entry["file"], entry["goal_set"]) not in goal_sets.sets:
            continue
        items = goal_sets.items(entry["file"], entry["goal_set"])
        item = next((i for i in items if i.identifier == entry["id"]), None)
        if item is None:
            continue
        children = [i for i in items if i.key in item.children]
        sdgs = set()
        for key, evidence in suggest.item_concepts(item, children).items():
            if key.startswith("sdg/") and _apply(bins, evidence.score) >= threshold:
                sdgs.add(goal_level(key))
                claimed_stated += "stated" in evidence.kinds
        per_goal.append(len(sdgs))
    return {"goals": len(per_goal), "sdgs_per_goal": sum(per_goal) / len(per_goal) if per_goal else 0.0,
            "goals_with_any_sdg": sum(1 for n in per_goal if n) / len(per_goal) if per_goal else 0.0,
            "claimed_as_stated": claimed_stated, "name_echo_left_out": echo_left_out}


SUBSETS = ("stated", "programme", "carried")


def _held_out(predictions) -> dict:
    """Leave-one-organisation-out: calibration and threshold tuned without each file,
    scored on it; counts added up (all judged goals, and per set)."""
    counts = {name: [0, 0, 0] for name in (None, *SUBSETS)}  # true positives, predicted, actual
    for file in sorted({p[0] for p in predictions}):
        bins, threshold = tune(predictions, leave_out=file)
        for name in counts:
            f = score(predictions, bins, threshold, only=file, subset=name)
            counts[name][0] += f["tp"]
            counts[name][1] += f["predicted"]
            counts[name][2] += f["actual"]
    return {name: _figures(*c) for name, c in counts.items()}


def _figures(tp: int, predicted: int, actual: int) -> dict:
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "predicted": predicted, "actual": actual}


def evaluate_suggest(goal_sets: GoalSets, gold: dict, args, harmonisation: dict | None = None) -> dict:
    predictions = raw_predictions(goal_sets, gold, harmonisation)
    shipped_bins = [{"from": f, "calibrated": c} for f, c in zip(*suggest.load_calibration(), strict=True)]
    bins, threshold = tune(predictions)
    files = sorted({p[0] for p in predictions})
    held = _held_out(predictions)
    result = {"tuned_minimum": threshold, "calibration": bins, "sets": {}}
    keys = ("precision", "recall", "f1")
    sizes = {name: sum(1 for p in predictions if p[4] == name) for name in SUBSETS}
    print(f"suggest (SDG-goal / objective level; {len(predictions)} judged goals in {', '.join(files)}: "
          + ", ".join(f"{n} {name}" for name, n in sizes.items()) + ")")
    for name in (None, *SUBSETS):
        shipped = score(predictions, shipped_bins, suggest.DEFAULT_MINIMUM, subset=name)
        tuned = score(predictions, bins, threshold, subset=name)
        result["sets"][name or "all"] = {"shipped": shipped, "tuned": tuned, "leave_one_out": held[name]}
        print(f"  {name or 'all judged goals'} ({shipped['actual']} links)")
        print("    shipped calibration and threshold  " + "  ".join(f"{k}={shipped[k]:.3f}" for k in keys)
              + f"  (minimum {suggest.DEFAULT_MINIMUM})")
        print("    re-tuned on all (in-sample)        " + "  ".join(f"{k}={tuned[k]:.3f}" for k in keys)
              + f"  (minimum {threshold})")
        print("    leave-one-organisation-out         " + "  ".join(f"{k}={held[name][k]:.3f}" for k in keys))
    result.update(result["sets"]["all"])
    loose = loose_false_positives(goal_sets, gold, shipped_bins, suggest.DEFAULT_MINIMUM)
    result["loose"] = loose
    print("  target level: the gold states goal numbers only, so target-level suggestions are not scored")
    print(f"  unlabelled goals (loose): {loose['sdgs_per_goal']:.2f} SDGs suggested per goal, "
          f"{loose['goals_with_any_sdg']:.0%} with any, {loose['claimed_as_stated']} claimed as stated "
          f"({loose['goals']} goals, {loose['name_echo_left_out']} name echoes left out)")
    if getattr(args, "details", False):
        for file, goal, stated, scores, name in predictions:
            print(f"    {name} {file} {goal}: judged {sorted(stated)}; raw {dict(sorted(scores.items()))}")
    if getattr(args, "write", False):
        write_calibration(bins)
    return result


def write_calibration(bins: list[dict]) -> None:
    import re

    text = suggest.CALIBRATION_FILE.read_text(encoding="utf-8")
    body = "bins:\n" + "".join(f"  - {{from: {b['from']}, calibrated: {b['calibrated']}, n: {b['n']}}}\n"
                              for b in bins)
    text = re.sub(r"bins:\n(  - .*\n)+", body, text)
    suggest.CALIBRATION_FILE.write_text(text, encoding="utf-8")
