"""Suggestion against ``gold/sdg-links.json`` (used by ``evaluate_realdata.py``).

As the gold's README suggests: precision and recall over the stated links, at SDG-goal
level (SDG 13 from a suggested target 13.2) and by objective number, each labelled goal
judged only in the scheme(s) it states links in; and the loose false-positive measure on
the unlabelled goals (how many SDGs are suggested per goal, and whether any suggestion
claims to be stated in the document). The suggestion threshold (lowest calibrated score)
and the calibration bands are the tuned settings: in-sample and leave-one-organisation-out.
"""

from __future__ import annotations

from realdata_gold import GoalSets

from ssgraph.analysis import suggest
from ssgraph.analysis.concept_lexicon import goal_level

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
BANDS = (0.0, 0.3, 0.5, 0.7, 0.9)


def _gold_links(entry: dict) -> set[str]:
    return {f"sdg/{n}" for n in entry.get("sdg") or []} | {f"miljomal/{n}" for n in entry.get("miljomal") or []}


def raw_predictions(goal_sets: GoalSets, gold: dict) -> list[tuple[str, str, set[str], dict[str, float]]]:
    """(file, goal id, stated links, goal-level key → raw score) for every labelled goal."""
    found = []
    for entry in gold["labelled"]:
        items = goal_sets.items(entry["file"], entry["goal_set"])
        by_id = {i.identifier: i for i in items}
        item = by_id[entry["id"]]
        children = [i for i in items if i.key in item.children]
        stated = _gold_links(entry)
        schemes = {k.split("/", 1)[0] for k in stated}
        scores: dict[str, float] = {}
        for key, evidence in suggest.item_concepts(_unlinked(item), [_unlinked(c) for c in children]).items():
            level = goal_level(key)
            if level.split("/", 1)[0] in schemes:
                scores[level] = max(scores.get(level, 0.0), evidence.score)
        found.append((entry["file"], entry["id"], stated, scores))
    return found


def _unlinked(item):
    from dataclasses import replace

    return replace(item, links=set())


def calibrate(predictions, leave_out: str | None = None) -> list[dict]:
    """Per raw-score band: the share of goal-level suggestions that were stated links."""
    bins = []
    for lower, upper in zip(BANDS, (*BANDS[1:], 1.01), strict=True):
        hits = [key in stated for file, _, stated, scores in predictions if file != leave_out
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


def score(predictions, bins, threshold: float, only: str | None = None, leave_out: str | None = None) -> dict:
    tp = predicted = actual = 0
    for file, _, stated, scores in predictions:
        if (only and file != only) or file == leave_out:
            continue
        chosen = {k for k, raw in scores.items() if _apply(bins, raw) >= threshold}
        tp += len(chosen & stated)
        predicted += len(chosen)
        actual += len(stated)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": predicted, "actual": actual}


def tune(predictions, leave_out: str | None = None) -> tuple[list[dict], float]:
    bins = calibrate(predictions, leave_out)
    best = max(THRESHOLDS, key=lambda t: (score(predictions, bins, t, leave_out=leave_out)["f1"], t))
    return bins, best


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


def evaluate_suggest(goal_sets: GoalSets, gold: dict, args) -> dict:
    predictions = raw_predictions(goal_sets, gold)
    shipped_bins = [{"from": f, "calibrated": c} for f, c in zip(*suggest.load_calibration(), strict=True)]
    shipped = score(predictions, shipped_bins, suggest.DEFAULT_MINIMUM)
    bins, threshold = tune(predictions)
    tuned = score(predictions, bins, threshold)
    files = sorted({p[0] for p in predictions})
    held = {"tp": 0, "predicted": 0, "actual": 0}
    for file in files:
        file_bins, file_threshold = tune(predictions, leave_out=file)
        figures = score(predictions, file_bins, file_threshold, only=file)
        held["tp"] += round(figures["precision"] * figures["predicted"])
        held["predicted"] += figures["predicted"]
        held["actual"] += figures["actual"]
    loo_p = held["tp"] / held["predicted"] if held["predicted"] else 0.0
    loo_r = held["tp"] / held["actual"] if held["actual"] else 0.0
    loo = {"precision": loo_p, "recall": loo_r, "f1": 2 * loo_p * loo_r / (loo_p + loo_r) if loo_p + loo_r else 0.0}
    loose = loose_false_positives(goal_sets, gold, shipped_bins, suggest.DEFAULT_MINIMUM)
    print(f"suggest (goal level; {len(predictions)} labelled goals in {', '.join(files)})")
    keys = ("precision", "recall", "f1")
    print("  shipped calibration and threshold  " + "  ".join(f"{k}={shipped[k]:.3f}" for k in keys)
          + f"  (minimum {suggest.DEFAULT_MINIMUM})")
    print("  re-tuned on all (in-sample)        " + "  ".join(f"{k}={tuned[k]:.3f}" for k in keys)
          + f"  (minimum {threshold})")
    print("  leave-one-organisation-out         " + "  ".join(f"{k}={loo[k]:.3f}" for k in keys))
    print("  target level: the gold states goal numbers only, so target-level suggestions are not scored")
    print(f"  unlabelled goals (loose): {loose['sdgs_per_goal']:.2f} SDGs suggested per goal, "
          f"{loose['goals_with_any_sdg']:.0%} with any, {loose['claimed_as_stated']} claimed as stated "
          f"({loose['goals']} goals, {loose['name_echo_left_out']} name echoes left out)")
    if getattr(args, "details", False):
        for file, goal, stated, scores in predictions:
            print(f"    {file} {goal}: stated {sorted(stated)}; raw {dict(sorted(scores.items()))}")
    if getattr(args, "write", False):
        write_calibration(bins)
    return {"shipped": shipped, "tuned": tuned, "tuned_minimum": threshold, "leave_one_out": loo,
            "loose": loose, "calibration": bins}


def write_calibration(bins: list[dict]) -> None:
    import re

    text = suggest.CALIBRATION_FILE.read_text(encoding="utf-8")
    body = "bins:\n" + "".join(f"  - {{from: {b['from']}, calibrated: {b['calibrated']}, n: {b['n']}}}\n"
                              for b in bins)
    text = re.sub(r"bins:\n(  - .*\n)+", body, text)
    suggest.CALIBRATION_FILE.write_text(text, encoding="utf-8")
