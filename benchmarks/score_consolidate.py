"""Consolidation against ``gold/consolidation.json`` (filled in below)."""


def evaluate_consolidation(goal_sets, gold, args):
    return {}
