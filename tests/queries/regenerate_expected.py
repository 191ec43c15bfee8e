"""Rewrite the expected answers of every library query after a deliberate change.

    python tests/queries/regenerate_expected.py

expected/<name>.csv is the answer on the example data (data/examples, loaded as
`ssgraph serve` does); fixture_expected/<name>.csv the answer on fixture.trig. Review the
diff before committing: it is the test's assertion.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from stores import build_example_store, build_fixture_store  # noqa: E402

from ssgraph.queries import load_library  # noqa: E402
from ssgraph.store import open_store  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        for builder, folder in ((build_example_store, "expected"), (build_fixture_store, "fixture_expected")):
            directory = builder(Path(work) / folder)
            store = open_store(directory, read_only=True)
            try:
                for query in load_library():
                    body = store.query_raw(query.bind(), result_format="csv").body
                    (HERE / folder / f"{query.name}.csv").write_bytes(body)
            finally:
                store.close()


if __name__ == "__main__":
    main()
