"""Build the example workbooks (data/examples/*.xlsx) from their YAML sources.

The YAML files are the source of truth; each workbook is the same data written through
the project's own template writer, so an officer can open a filled example in a
spreadsheet program. Run from the repository root:

    python scripts/build_examples.py [--check]

``--check`` rebuilds into a temporary folder and fails when a committed workbook would
import differently from its YAML source.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ssgraph.importing.examples import EXAMPLE_FILES  # noqa: E402
from ssgraph.importing.readers import read_yaml  # noqa: E402
from ssgraph.importing.template import write_workbook  # noqa: E402

EXAMPLES = ROOT / "data" / "examples"


def rows_of(yaml_path: Path) -> dict[str, list[dict[str, object]]]:
    workbook = read_yaml(yaml_path)
    return {key: [dict(row.values) for row in table.rows] for key, table in workbook.tables.items()}


def build(out_dir: Path) -> list[Path]:
    written = []
    for name in EXAMPLE_FILES:
        source = EXAMPLES / name
        target = out_dir / (Path(name).stem + ".xlsx")
        written.append(write_workbook(target, "sv", rows_of(source)))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args()
    if not args.check:
        for path in build(EXAMPLES):
            print(path.relative_to(ROOT))
        return 0
    import datetime as dt

    from rdflib.compare import isomorphic

    from ssgraph.importing.importer import prepare_import

    now = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for fresh in build(Path(tmp)):
            committed = EXAMPLES / fresh.name
            a = prepare_import(committed, now=now, validate=False).graph
            b = prepare_import(fresh, now=now, validate=False).graph
            if not isomorphic(a, b):
                print(f"out of date: {committed.relative_to(ROOT)}")
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
