"""The real goal sets as a user has them: a fresh store loaded with the project's data
(``ssgraph init --examples``: reference vocabularies, examples and ``data/realdata``), one
goal graph per version, each version matched to the gold's goal set, and each goal to the
gold's goal id — by the id the conversion keeps (``dcterms:identifier``) or, failing it,
by its verbatim text.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from realdata_gold import GoalSets, from_json, normalised

from ssgraph.analysis import goal_graph
from ssgraph.analysis.goal_items import items_from_graph


def _fresh_store():
    """A store loaded as ``ssgraph init --examples`` loads it (the same loaders)."""
    import importlib

    from ssgraph import setup
    from ssgraph.paths import REFERENCE_DIR
    from ssgraph.store import open_store

    store = open_store(Path(tempfile.mkdtemp(prefix="ssgraph-realdata-")) / "store")
    store.load(sorted(REFERENCE_DIR.glob("*.ttl")))
    loaders = getattr(setup, "EXAMPLE_LOADERS", (("ssgraph.importing.examples", "load_examples"),))
    for module, function in loaders:
        getattr(importlib.import_module(module), function)(store)
    return store


def goal_sets_from_store(realdata: Path, store=None) -> GoalSets:
    """Goal sets read from the store, keyed like the gold (file, goal set id)."""
    reference = from_json(realdata / "goals") if (realdata / "goals").is_dir() else None
    gold_goals = _gold_goals(realdata / "gold" / "sdg-links.json", reference)
    store = store or _fresh_store()
    sets: dict[tuple[str, str], list] = {}
    organisation_of = {}
    for version in goal_graph.structure_versions(store, current_only=False):
        graph = goal_graph.build_goal_graph(store, [version.code], observations="none", graphs=[version.graph])
        items = items_from_graph(graph, version.code, source=version.graph)
        match = _best_goal_set(items, gold_goals)
        if match is None:
            continue
        file, goal_set = match
        by_text = {normalised(text): gid for (f, s, gid), text in gold_goals.items() if (f, s) == match}
        by_id = {gid for (f, s, gid) in gold_goals if (f, s) == match}
        for item in items:
            if item.identifier not in by_id:
                item.identifier = by_text.get(normalised(item.label), item.identifier)
        sets[(file, goal_set)] = items
        organisation_of[file] = version.code
    store.close()
    if not sets:
        raise SystemExit("no goal set of data/realdata in the store: load it (ssgraph init --examples) "
                         "or give --goals DIR with the realdata-goals/1 JSON files")
    return GoalSets(sets, organisation_of)


def _gold_goals(path: Path, reference: GoalSets | None) -> dict[tuple[str, str, str], str]:
    """(file, goal set, goal id) → verbatim text, from the goal files if present, else the gold."""
    if reference is not None:
        return {(f, s, i.identifier): i.label for (f, s), items in reference.sets.items() for i in items}
    found = {}
    data = json.loads(path.read_text(encoding="utf-8"))  # sdg-links lists every goal once
    for name in ("labelled", "children_of_labelled_programmes", "containers_of_labelled_goals",
                 "generic_statement_only", "unlabelled_goals"):
        for goal in data[name]:
            found[(goal["file"], goal["goal_set"], goal["id"])] = goal["text"]
    return found


def _best_goal_set(items, gold_goals) -> tuple[str, str] | None:
    """The gold goal set sharing most of its goals (id and text) with the version, relative
    to the larger of the two (a one-goal version quoting another set's goal is not that set)."""
    pairs = {(i.identifier, normalised(i.label)) for i in items}
    sizes: dict[tuple[str, str], int] = {}
    hits: dict[tuple[str, str], int] = {}
    for (file, goal_set, gid), text in gold_goals.items():
        sizes[(file, goal_set)] = sizes.get((file, goal_set), 0) + 1
        if (gid, normalised(text)) in pairs:
            hits[(file, goal_set)] = hits.get((file, goal_set), 0) + 1
    if not hits:
        return None
    best = max(hits, key=lambda k: hits[k] / max(sizes[k], len(items)))
    return best if hits[best] >= max(1, len(items) // 2) else None
