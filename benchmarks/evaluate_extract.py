"""How well ``ssgraph extract`` reads the extraction corpus: per document, per layout and overall.

    python benchmarks/evaluate_extract.py                            # the committed corpora
    python benchmarks/evaluate_extract.py --fresh 11 --fresh 12      # unseen variants (needs the corpus extra)

Goals are matched to the expected ones by text (similarity ≥ 0.9 after folding case,
spaces and punctuation). Reported: goal recall and precision, parent accuracy (matched
goals whose parent is the expected one, or both at the top), level agreement, indicator
recall (by name), link recall and precision (goal–SDG and goal–miljömål pairs of matched
goals), and seconds per page (PDF) or per document.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ssgraph.extracting.reading import extract  # noqa: E402
from ssgraph.extracting.writer import _goal_ids  # noqa: E402

COUNTS = ("expected_goals", "found_goals", "matched_goals", "parent_ok", "level_ok", "expected_indicators",
          "matched_indicators", "expected_links", "found_links", "matched_links")


def fold(text: str) -> str:
    return re.sub(r"[^\wåäö]+", " ", text.casefold()).strip()


def similar(a: str, b: str) -> float:
    a, b = fold(a), fold(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match(expected: list[str], found: list[str], threshold: float) -> dict[int, int]:
    """Greedy one-to-one matching by similarity: found index → expected index."""
    pairs = sorted(((similar(e, f), fi, ei) for ei, e in enumerate(expected) for fi, f in enumerate(found)),
                   reverse=True)
    taken_e, taken_f, matched = set(), set(), {}
    for score, fi, ei in pairs:
        if score < threshold:
            break
        if fi in taken_f or ei in taken_e:
            continue
        matched[fi] = ei
        taken_f.add(fi)
        taken_e.add(ei)
    return matched


def score_document(path: Path, expected: dict) -> dict:
    result = extract(path)
    goals = result.goals
    wanted = expected["goals"]
    found_to_expected = match([g["text"] for g in wanted], [g.text for g in goals], 0.9)
    key_of = {id(goals[f]): wanted[e]["key"] for f, e in found_to_expected.items()}
    counts = dict.fromkeys(COUNTS, 0)
    counts.update(expected_goals=len(wanted), found_goals=len(goals), matched_goals=len(found_to_expected))
    found_links, wanted_links = set(), set()
    for f, e in found_to_expected.items():
        goal, want = goals[f], wanted[e]
        parent_key = key_of.get(id(goal.parent)) if goal.parent is not None else None
        counts["parent_ok"] += int(parent_key == want["parent"])
        counts["level_ok"] += int(goal.level == want["level"])
        found_links |= {(want["key"], "sdg", str(c).split(".")[0]) for c in goal.links.sdg}
        found_links |= {(want["key"], "env", str(n)) for n in goal.links.environmental}
    unmatched_found = [g for i, g in enumerate(goals) if i not in found_to_expected]
    found_extra = sum(len(g.links.sdg) + len(g.links.environmental) for g in unmatched_found)
    for want in wanted:
        wanted_links |= {(want["key"], "sdg", str(c).split(".")[0]) for c in want.get("sdg") or []}
        wanted_links |= {(want["key"], "env", str(n)) for n in want.get("environmental") or []}
    counts.update(expected_links=len(wanted_links), found_links=len(found_links) + found_extra,
                  matched_links=len(found_links & wanted_links))
    indicators = expected.get("indicators") or []
    counts["expected_indicators"] = len(indicators)
    counts["matched_indicators"] = len(match([i["name"] for i in indicators], [i.name for i in result.indicators],
                                             0.85))
    counts["seconds"] = result.seconds
    counts["pages"] = result.pages or 0
    _goal_ids(goals)  # the writer's ids must exist for every goal (parents first)
    return counts


def ratios(counts: dict) -> dict[str, float | None]:
    def share(a: str, b: str) -> float | None:
        return counts[a] / counts[b] if counts[b] else None

    return {
        "goal_recall": share("matched_goals", "expected_goals"),
        "goal_precision": share("matched_goals", "found_goals"),
        "parent_accuracy": share("parent_ok", "matched_goals"),
        "level_agreement": share("level_ok", "matched_goals"),
        "indicator_recall": share("matched_indicators", "expected_indicators"),
        "link_recall": share("matched_links", "expected_links"),
        "link_precision": share("matched_links", "found_links"),
    }


def _row(name: str, counts: dict) -> str:
    values = ratios(counts)
    cells = [f"{v:5.2f}" if v is not None else "    –" for v in values.values()]
    return f"{name:<38} " + " ".join(f"{c:>7}" for c in cells) + f" {counts['matched_goals']:>3}/{counts['expected_goals']:<3}"


def _add(total: dict, counts: dict) -> None:
    for key in (*COUNTS, "seconds", "pages"):
        total[key] = total.get(key, 0) + counts.get(key, 0)


def _groups(expected: dict) -> list[str]:
    """The held-out groups a document of the independent corpus belongs to."""
    held = expected.get("held_out")
    if held is None:
        return []
    groups = []
    if held.get("organisation"):
        groups.append("held-out organisations")
    if held.get("layout"):
        groups.append("held-out layouts")
    groups.append("held out (organisation or layout)" if groups else "tuned on")
    return groups


def evaluate(corpus: Path, label: str, out=sys.stdout) -> dict:
    per_layout: dict[str, dict] = defaultdict(dict)
    per_org: dict[str, dict] = defaultdict(dict)
    per_group: dict[str, dict] = defaultdict(dict)
    overall: dict = {}
    documents = {}
    times_per_page = []
    header = f"{'document':<38} " + " ".join(f"{h:>7}" for h in ("g.rec", "g.prec", "parent", "level", "ind.rec",
                                                                 "l.rec", "l.prec")) + " goals"
    print(f"\n== {label}: {corpus}\n{header}", file=out)
    for expected_path in sorted((corpus / "expected").glob("*.yaml")):
        expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
        counts = score_document(corpus / expected["document"], expected)
        documents[expected["document"]] = {**counts, **ratios(counts)}
        _add(per_layout[expected["layout"]], counts)
        _add(per_org[str(expected["organisation"])], counts)
        for group in _groups(expected):
            _add(per_group[group], counts)
        _add(overall, counts)
        if counts["pages"]:
            times_per_page.append(counts["seconds"] / counts["pages"])
        print(_row(expected["document"], counts), file=out)
    print(f"-- per layout\n{header}", file=out)
    for layout, counts in sorted(per_layout.items()):
        print(_row(layout, counts), file=out)
    print(f"-- per organisation\n{header}", file=out)
    for org, counts in sorted(per_org.items()):
        print(_row(org, counts), file=out)
    if per_group:
        print(f"-- held out from tuning\n{header}", file=out)
        for group, counts in sorted(per_group.items()):
            print(_row(group, counts), file=out)
    print(_row("OVERALL", overall), file=out)
    if times_per_page:
        print(f"time per PDF page: median {statistics.median(times_per_page) * 1000:.1f} ms "
              f"(max {max(times_per_page) * 1000:.1f} ms)", file=out)
    return {"documents": documents, "layouts": {k: ratios(v) for k, v in per_layout.items()},
            "organisations": {k: ratios(v) for k, v in per_org.items()},
            "groups": {k: ratios(v) for k, v in per_group.items()},
            "overall": ratios(overall), "counts": overall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "extract_corpus")
    parser.add_argument("--goal-sets", type=Path, default=ROOT / "data" / "realdata",
                        help="goal sets for --fresh corpora")
    parser.add_argument("--fresh", type=int, action="append", default=[],
                        help="also build and score a fresh corpus with this seed (unseen variants)")
    parser.add_argument("--json", type=Path, help="write all figures as JSON here")
    args = parser.parse_args()
    started = time.perf_counter()
    results = {"corpus": evaluate(args.corpus, "committed corpus (written with the extractor)")}
    independent = args.corpus / "independent"
    if (independent / "expected").is_dir():
        results["independent"] = evaluate(independent, "independent layouts (written apart from the extractor)")
    for seed in args.fresh:
        sys.path.insert(0, str(ROOT / "scripts"))
        from build_extract_corpus import build, build_independent

        with tempfile.TemporaryDirectory() as folder:
            build(args.goal_sets, Path(folder), seed=seed)
            results[f"fresh-{seed}"] = evaluate(Path(folder), f"fresh variants, seed {seed}")
            build_independent(args.goal_sets, Path(folder) / "independent", seed=seed)
            results[f"fresh-independent-{seed}"] = evaluate(Path(folder) / "independent",
                                                            f"fresh variants of the independent layouts, seed {seed}")
    print(f"\n{time.perf_counter() - started:.1f} s in all")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
