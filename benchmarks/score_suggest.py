"""Suggestion against ``gold/sdg-links.json`` (filled in below)."""


def evaluate_suggest(goal_sets, gold, args):
    return {}
