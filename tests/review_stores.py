"""The store the harmonisation-review tests share: the reference vocabularies, Region Örebro
län's two real regional development strategies (RUS 2018–2030 and its 2022 update, quoted
from its public documents; data/realdata) and the illustrative merger pair LL18 + RF18."""

from __future__ import annotations

from pathlib import Path

from ssgraph.services import import_files
from ssgraph.setup import load_reference
from ssgraph.store import open_store

REPOSITORY = Path(__file__).resolve().parents[1]
REAL_RUS = [REPOSITORY / "data" / "realdata" / "18-region-orebro-lan" / name
            for name in ("A_RUS_2018_2030.yaml", "B_RUS_2022_2030.yaml")]
MERGER = [REPOSITORY / "data" / "examples" / name
          for name in ("orebro-landsting-2014.yaml", "orebro-regionforbundet-2014.yaml")]
# the two real goal sets as commands name them
RUS_2018 = "0018@2018–2030 (RUS)"
RUS_2022 = "0018@RUS 2022"


def build_review_store(directory: Path) -> Path:
    store = open_store(directory)
    try:
        load_reference(store)
        import_files(store, REAL_RUS + MERGER)
    finally:
        store.close()
    return directory
