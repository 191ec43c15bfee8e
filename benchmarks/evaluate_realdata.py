"""Harmonise, suggest and consolidate on real goal structures, scored against the gold
standards of ``data/realdata/gold`` (the scoring of its README).

For everything tuned on the data — the harmonisation thresholds and the suggestion
threshold — the figures are given twice: **in-sample** (tuned and scored on all
organisations) and **leave-one-organisation-out** (for each organisation, tuned on the
others and scored on it; the held-out results added up). A setting that only fits one
organisation shows as a gap between the two.

Usage:
    python benchmarks/evaluate_realdata.py                  # the store built from data/realdata
    python benchmarks/evaluate_realdata.py --goals DIR --gold DIR   # realdata-goals/1 JSON files
    python benchmarks/evaluate_realdata.py --tune --write   # re-choose the thresholds, write them
    python benchmarks/evaluate_realdata.py --details        # every miss and extra link
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realdata_gold import GoalSets, from_json, read_gold  # noqa: E402
from score_consolidate import evaluate_consolidation  # noqa: E402
from score_harmonise import PairCache, leave_one_out, tune  # noqa: E402
from score_suggest import evaluate_suggest  # noqa: E402

from ssgraph.analysis import alignment  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TUNED = ("exact", "close", "related", "bridge", "dominance")
DEFAULT_REALDATA = REPO / "data" / "realdata"


def load_tuning_grid() -> dict[str, list[float]]:
    import yaml

    data = yaml.safe_load(alignment.SETTINGS_FILE.read_text(encoding="utf-8"))
    return data["tuning"]["grid"]


def write_settings(settings: alignment.Settings, figures: dict) -> None:
    """Write the chosen thresholds into harmonise_settings.yaml, keeping its comments."""
    import re

    text = alignment.SETTINGS_FILE.read_text(encoding="utf-8")
    for name in TUNED:
        text = re.sub(rf"(\n  {name}: )[0-9.]+", rf"\g<1>{getattr(settings, name)}", text, count=1)
    summary = (f"development data, in-sample F1 {figures['f1']:.3f}, recall {figures['recall']:.3f}, "
               f"precision {figures['precision']:.3f}")
    text = re.sub(r"(\n  chosen_on: ).*", rf"\g<1>{json.dumps(summary, ensure_ascii=False)}", text, count=1)
    alignment.SETTINGS_FILE.write_text(text, encoding="utf-8")


def _line(name: str, figures: dict, keys: tuple[str, ...]) -> str:
    return f"  {name:<34}" + "  ".join(f"{k}={figures[k]:.3f}" for k in keys)


HARMONISE_KEYS = ("precision", "recall", "f1", "relation_agreement", "unmatched_without_link",
                  "precision_lenient")


def report_harmonise(goal_sets: GoalSets, gold: dict, args) -> dict:
    cache = PairCache(goal_sets, gold["harmonisation"])
    grid = load_tuning_grid()
    current = alignment.load_settings()
    result = {"current": cache.evaluate(current, args.mode).figures()}
    print(f"harmonise ({args.mode}; {len(cache.entries)} pairs, organisations {', '.join(cache.organisations())})")
    print(_line("shipped thresholds (in-sample)", result["current"], HARMONISE_KEYS))
    tuned, tuned_figures = tune(cache, grid, current, mode=args.mode)
    result["tuned"] = tuned_figures
    result["tuned_settings"] = {k: getattr(tuned, k) for k in TUNED}
    print(_line("re-tuned on all (in-sample)", tuned_figures, HARMONISE_KEYS))
    print(f"    chosen: {result['tuned_settings']}")
    held_out, per_org = leave_one_out(cache, grid, current, mode=args.mode)
    result["leave_one_out"] = held_out.figures()
    result["leave_one_out_settings"] = {org: {k: getattr(s, k) for k in TUNED}
                                        for org, s in per_org.items()}
    print(_line("leave-one-organisation-out", result["leave_one_out"], HARMONISE_KEYS))
    for org, s in result["leave_one_out_settings"].items():
        print(f"    tuned without {org}: {s}")
    for org in cache.organisations():
        print(_line(f"  {org} (shipped)", cache.evaluate(current, args.mode, only={org}).figures(),
                    ("precision", "recall", "f1")))
    if args.details:
        for line in cache.evaluate(current, args.mode).errors:
            print("    " + line)
    if args.write:
        write_settings(tuned, tuned_figures)
        print(f"    written to {alignment.SETTINGS_FILE.relative_to(REPO)}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--realdata", type=Path, default=DEFAULT_REALDATA,
                        help="the real-data folder (with gold/); default data/realdata")
    parser.add_argument("--goals", type=Path, help="read realdata-goals/1 JSON files from this folder instead of a store")
    parser.add_argument("--gold", type=Path, help="the gold folder (default: REALDATA/gold)")
    parser.add_argument("--mode", choices=alignment.MODES, default="many-to-one")
    parser.add_argument("--only", choices=("harmonise", "suggest", "consolidate"), action="append")
    parser.add_argument("--details", action="store_true", help="list every missed and extra link")
    parser.add_argument("--tune", action="store_true", help="(the search always runs; kept for clarity)")
    parser.add_argument("--write", action="store_true", help="write the re-tuned thresholds into the settings files")
    parser.add_argument("--json", type=Path, help="write all figures as JSON")
    args = parser.parse_args(argv)
    gold_dir = args.gold or args.realdata / "gold"
    gold = read_gold(gold_dir)
    goal_sets = from_json(args.goals) if args.goals else store_goal_sets(args.realdata)
    wanted = set(args.only or ("harmonise", "suggest", "consolidate"))
    results = {}
    if "harmonise" in wanted:
        results["harmonise"] = report_harmonise(goal_sets, gold, args)
    if "suggest" in wanted:
        results["suggest"] = evaluate_suggest(goal_sets, gold["sdg-links"], args, gold["harmonisation"])
    if "consolidate" in wanted:
        results["consolidate"] = evaluate_consolidation(goal_sets, gold["consolidation"], args)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def store_goal_sets(realdata: Path) -> GoalSets:
    from realdata_store import goal_sets_from_store

    return goal_sets_from_store(realdata)


if __name__ == "__main__":
    raise SystemExit(main())
