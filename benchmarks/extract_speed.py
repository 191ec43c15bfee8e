"""Speed of ``ssgraph extract``: one long PDF and a folder of hundreds of documents.

    python benchmarks/extract_speed.py                 # 100-page PDF, 300-document folder
    python benchmarks/extract_speed.py --pages 300 --documents 600 --repeats 5

The long PDF is a corpus layout (labelled goals, filler prose, indicator tables, running
header and footer) repeated until it has the asked number of pages. The folder holds fresh
corpus variants (PDF, DOCX, HTML) plus the long PDF now and then, so it mixes short and long
documents. Needs the corpus extra (reportlab, python-docx). Medians of --repeats runs.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "scripts" / "extract_corpus"))

from build_extract_corpus import build  # noqa: E402
from goalsets import load  # noqa: E402
from layout_kinds import LAYOUTS  # noqa: E402
from layouts import Plan, draw_style  # noqa: E402
from render_pdf import render  # noqa: E402

from ssgraph.extracting.reading import extract  # noqa: E402
from ssgraph.extracting.run import extract_folder  # noqa: E402


def long_pdf(goal_sets: Path, pages: int, out: Path) -> int:
    sets = [g for g in load(goal_sets) if len(g.goals) >= 5]
    rng = random.Random(5)
    plan = Plan(sets[0], draw_style(rng, sets[0]), "labelled-prose", "pdf")
    LAYOUTS["goal-table"](plan, rng)
    body = [e for e in plan.elements if e["t"] in {"h", "p", "table", "items"}]
    made = 0
    while made < pages:
        plan.elements += body * max(1, (pages - made) // 4)
        made = render(plan, out)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goal-sets", type=Path, default=ROOT / "data" / "realdata")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        long = work / "long.pdf"
        pages = long_pdf(args.goal_sets, args.pages, long)
        times = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            result = extract(long)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(f"{pages}-page PDF: median {median:.2f} s ({median / pages * 1000:.1f} ms per page), "
              f"{len(result.goals)} goals, {len(result.indicators)} indicators; runs: "
              + ", ".join(f"{t:.2f}" for t in times))

        documents = work / "documents"
        seed = 100
        while len(list(documents.glob("*.*"))) < args.documents:
            build(args.goal_sets, documents / f"s{seed}", seed=seed)
            for path in (documents / f"s{seed}").glob("*.*"):
                path.rename(documents / f"{seed}-{path.name}")
            shutil.rmtree(documents / f"s{seed}")
            seed += 1
        extras = sorted(documents.glob("*.*"))[args.documents:]
        for path in extras:
            path.unlink()
        for index in range(0, args.documents, 30):  # every 30th document is a long one
            shutil.copy(long, documents / f"long-{index}.pdf")
            sorted(documents.glob("1*.*"))[0].unlink()
        count = len(list(documents.glob("*.*")))
        started = time.perf_counter()
        outcome = extract_folder(documents, "0480", work / "out")
        seconds = time.perf_counter() - started
        print(f"folder of {count} documents ({count // 30 + 1} of {pages} pages): {seconds:.1f} s "
              f"({seconds / count * 1000:.0f} ms per document); {outcome.count('ok')} with goals, "
              f"{outcome.count('empty')} without, {outcome.count('failed')} failed")


if __name__ == "__main__":
    main()
