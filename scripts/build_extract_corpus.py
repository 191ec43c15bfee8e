"""Build the extraction corpus: steering documents (PDF, DOCX, HTML) set from real goal texts.

    python scripts/build_extract_corpus.py                       # from data/realdata into benchmarks/extract_corpus
    python scripts/build_extract_corpus.py --goal-sets DIR --out DIR --seed 7

Each document takes one real goal set (texts quoted verbatim from the organisation's public
document) and sets it in one kind of layout, with generated front matter, filler prose,
tables of contents, running headers and footers and indicator values (illustrative). Next to
each document, ``expected/<name>.yaml`` says what a reader should find. A different
``--seed`` gives fresh variants (fonts, spacing, numbering, terms, table shapes) of the same
layouts, for held-out checks. Needs the ``corpus`` extra (reportlab, python-docx).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "extract_corpus"))

from goalsets import GoalSet, load  # noqa: E402
from layout_kinds import LAYOUTS  # noqa: E402
from layouts import Plan, draw_style  # noqa: E402

ROOT = HERE.parent
DOCUMENTS = (  # (layout, format): at least one of every layout kind in every fitting format
    ("numbered-headings", "pdf"), ("numbered-headings", "docx"), ("numbered-headings", "pdf"),
    ("bullets", "docx"), ("bullets", "pdf"), ("bullets", "html"),
    ("goal-table", "pdf"), ("goal-table", "docx"), ("goal-table", "pdf"),
    ("labelled-prose", "pdf"), ("labelled-prose", "docx"),
    ("two-column", "pdf"), ("two-column", "pdf"),
    ("bare-label", "pdf"), ("bare-label", "docx"),
    ("web-page", "html"), ("web-page", "html"), ("web-page", "html"),
)


def _usable(goal_sets: list[GoalSet]) -> list[GoalSet]:
    return [g for g in goal_sets if len(g.goals) >= 3]


def _fits(layout: str, goal_set: GoalSet) -> bool:
    """Tables and goal labels need goals, not only goal areas."""
    goals = [g for g in goal_set.goals if g.level != "area"]
    return len(goals) >= 2 if layout in {"goal-table", "bare-label"} else True


def build(goal_sets_dir: Path, out: Path, seed: int = 1, documents=DOCUMENTS) -> list[Path]:
    goal_sets = _usable(load(goal_sets_dir))
    if not goal_sets:
        raise SystemExit(f"no goal sets with three or more goals under {goal_sets_dir}")
    out.mkdir(parents=True, exist_ok=True)
    (out / "expected").mkdir(exist_ok=True)
    written = []
    shuffle = random.Random(seed)
    linked = [g for g in goal_sets if any(goal.sdg or goal.environmental for goal in g.goals)]
    others = [g for g in goal_sets if g not in linked]
    # the few goal sets whose documents state links come round more often, in different layouts
    order = shuffle.sample(linked, len(linked)) + shuffle.sample(others, len(others))
    order = order[:len(linked)] + [g for pair in zip(order[len(linked):], linked * 20, strict=False) for g in pair]
    for index, (layout, fmt) in enumerate(documents):
        rng = random.Random(seed * 1000 + index)
        goal_set = next(g for g in order[index:] + order[:index] if _fits(layout, g))
        plan = Plan(goal_set, draw_style(rng, goal_set), layout, fmt)
        LAYOUTS[layout](plan, rng)
        name = f"{index + 1:02d}-{layout}-{goal_set.org_code}.{fmt}"
        path = out / name
        _render(plan, path)
        _write_expected(plan, out / "expected" / f"{Path(name).stem}.yaml", name, seed)
        written.append(path)
    return written


def build_independent(goal_sets_dir: Path, out: Path, seed: int = 1) -> list[Path]:
    """The layouts written apart from the extractor (``independent_layouts``), each on the
    real goal set its row names; ``expected/`` says which are held out from tuning."""
    import independent_layouts as independent

    goal_sets = {g.key: g for g in load(goal_sets_dir)}
    out.mkdir(parents=True, exist_ok=True)
    (out / "expected").mkdir(exist_ok=True)
    written = []
    for index, (layout, fmt, key) in enumerate(independent.DOCUMENTS):
        goal_set = goal_sets.get(key)
        if goal_set is None:
            raise SystemExit(f"goal set {key} not found under {goal_sets_dir}")
        rng = random.Random(seed * 1000 + index)
        plan = Plan(goal_set, independent.draw_style(rng, goal_set), layout, fmt)
        independent.LAYOUTS[layout](plan, rng)
        name = f"{index + 1:02d}-{layout}-{goal_set.org_code}.{fmt}"
        _render(plan, out / name)
        held_out = {"organisation": goal_set.org_code in independent.HELD_OUT_ORGANISATIONS,
                    "layout": layout in independent.HELD_OUT_LAYOUTS}
        _write_expected(plan, out / "expected" / f"{Path(name).stem}.yaml", name, seed, held_out)
        written.append(out / name)
    return written


def _render(plan: Plan, path: Path) -> None:
    if plan.fmt == "pdf":
        from render_pdf import render
    elif plan.fmt == "docx":
        from render_docx import render
    else:
        from render_html import render
    render(plan, path)


def _write_expected(plan: Plan, path: Path, name: str, seed: int, held_out: dict | None = None) -> None:
    expected = {
        "document": name, "layout": plan.layout, "format": plan.fmt, "seed": seed,
        **({"held_out": held_out} if held_out is not None else {}),
        "goal_set": plan.goal_set.key, "organisation": plan.goal_set.org_code,
        "source_url": plan.goal_set.source_url,
        "metadata": plan.metadata, "vision": plan.vision,
        "goals": plan.goals, "indicators": plan.indicators,
    }
    header = ("# Expected extraction. Goal texts are quoted from the organisation's public document "
              "(source_url);\n# layout, front matter, filler and indicator values are generated (illustrative).\n")
    path.write_text(header + yaml.safe_dump(expected, allow_unicode=True, sort_keys=False, width=110),
                    encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goal-sets", type=Path, default=ROOT / "data" / "realdata",
                        help="folder of goal sets (import-model or neutral goal-set YAML)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "extract_corpus")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--independent", type=Path, default=None,
                        help="folder for the independently written layouts (default: OUT/independent)")
    args = parser.parse_args()
    written = build(args.goal_sets, args.out, args.seed)
    written += build_independent(args.goal_sets, args.independent or args.out / "independent", args.seed)
    for path in written:
        print(path.relative_to(args.out.parent) if args.out.parent in path.parents else path)


if __name__ == "__main__":
    main()
