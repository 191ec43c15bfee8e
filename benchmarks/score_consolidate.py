"""Consolidation against ``gold/consolidation.json`` (used by ``evaluate_realdata.py``).

Each organisation's goals — all its goal sets together, as the gold judges goals of
documents in force at the same time — go through ``overlaps.find_overlaps`` and
``overlaps.groups``; the groups are the merge recommendations. A goal repeated in the
same words in another goal set (version) is a *repeat* — the same goal kept from one
version to the next, a harmonisation case the gold leaves out — counted on its own line,
not as a merge. Reported, as the gold's
README suggests: the required (high) items found with all members in one group, the
medium items found (in a group or as a reported overlap), the near-misses merged (both
members in one group: a false merge), and groups or overlaps in no gold list. Nothing is
tuned here: consolidation uses the harmonisation thresholds.
"""

from __future__ import annotations

from realdata_gold import GoalSets

from ssgraph.analysis import overlaps


def evaluate_consolidation(goal_sets: GoalSets, gold: dict, args) -> dict:
    files = sorted({item["file"] for item in gold["duplicates_and_overlaps"] + gold["near_misses_not_duplicates"]}
                   | set(goal_sets.organisation_of))
    groups_by_file, pairs_by_file, repeats_by_file = {}, {}, {}
    for file in files:
        items = goal_sets.organisation_items(file)
        if not items:
            continue
        found = overlaps.find_overlaps(items)
        groups_by_file[file] = [(kind, {_id(items, m) for m in members}) for kind, members, _ in overlaps.groups(found)]
        pairs_by_file[file] = {frozenset((_id(items, o.a), _id(items, o.b))): o.kind for o in found}
        repeats_by_file[file] = [(_id(items, o.a), _id(items, o.b)) for o in found if o.kind == "repeat"]
    high = [x for x in gold["duplicates_and_overlaps"] if x["confidence"] == "high"]
    medium = [x for x in gold["duplicates_and_overlaps"] if x["confidence"] != "high"]
    high_found = [x["id"] for x in high if _in_one_group(groups_by_file.get(x["file"], []), x)]
    medium_found = [x["id"] for x in medium if _in_one_group(groups_by_file.get(x["file"], []), x)
                    or _reported(pairs_by_file.get(x["file"], {}), x)]
    merged_near_misses = [x["id"] for x in gold["near_misses_not_duplicates"]
                          if _in_one_group(groups_by_file.get(x["file"], []), x)]
    near_miss_overlaps = [x["id"] for x in gold["near_misses_not_duplicates"]
                          if _reported(pairs_by_file.get(x["file"], {}), x) and x["id"] not in merged_near_misses]
    known = {frozenset(m["id"] for m in x["members"]) for x in gold["duplicates_and_overlaps"]
             + gold["near_misses_not_duplicates"]}
    known |= {frozenset(x["members"]) for x in gold["considered_not_included"]}
    extra_groups = sum(1 for groups in groups_by_file.values() for _, members in groups
                       if not any(k <= members for k in known))
    result = {"high": len(high), "high_found": high_found, "medium": len(medium), "medium_found": medium_found,
              "near_misses": len(gold["near_misses_not_duplicates"]), "near_misses_merged": merged_near_misses,
              "near_misses_reported_as_overlap": near_miss_overlaps, "groups_in_no_gold_list": extra_groups,
              "groups": sum(len(g) for g in groups_by_file.values()),
              "repeats_across_versions": sum(len(r) for r in repeats_by_file.values())}
    print("consolidate (all goal sets of each organisation; thresholds of harmonise, nothing tuned)")
    print(f"  required (high) items found in one group: {len(high_found)} of {len(high)} {high_found}")
    print(f"  medium items found: {len(medium_found)} of {len(medium)} {medium_found}")
    print(f"  near-misses merged: {len(merged_near_misses)} of {result['near_misses']} {merged_near_misses}"
          f"; reported as overlap only: {near_miss_overlaps}")
    print(f"  merge groups: {result['groups']}, of which in no gold list: {extra_groups}")
    print(f"  repeats across versions (the same goal in two goal sets; not merges): "
          f"{result['repeats_across_versions']} pairs")
    if getattr(args, "details", False):
        for file, groups in groups_by_file.items():
            for kind, members in groups:
                print(f"    {file}: {kind} {sorted(members)}")
        for file, repeats in repeats_by_file.items():
            for a, b in repeats:
                print(f"    {file}: repeat {a} = {b}")
    return result


def _id(items, key: str) -> str:
    return next(i.identifier for i in items if i.key == key)


def _in_one_group(groups, item) -> bool:
    members = {m["id"] for m in item["members"]}
    return any(members <= group for _, group in groups)


def _reported(pairs, item) -> bool:
    members = [m["id"] for m in item["members"]]
    return any(frozenset((members[0], other)) in pairs for other in members[1:])
