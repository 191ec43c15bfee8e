"""The review of a harmonisation as a service: what the review page shows, recording a
person's decisions, decisions files (SSSOM TSV) and the merged structure as a workbook.

The CLI (``ssgraph harmonise A B --decisions FILE --workbook FILE``) and the web review
page (``/analysis/harmonise/review``) call these functions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ssgraph.analysis import merged_workbook, review
from ssgraph.analysis.harmonise import Candidate
from ssgraph.errors import InputError, Location, problem
from ssgraph.services.analyses import HarmonisationOutcome, harmonise

CLEAR = "clear"  # withdraw the decision on a pair
MISSING_REVIEWER = "review.missing_reviewer"


@dataclass
class ReviewRow:
    """One pair of goals on the review page: the machine's proposal and the decision on it."""

    a: str
    b: str
    a_label: str
    b_label: str
    proposal: Candidate | None  # the machine's (None: added by hand)
    decision: review.Decision | None
    relation: str | None  # the relation now in force (None: not linked)

    @property
    def state(self) -> str:
        """proposed (no decision yet), accepted, changed, rejected or added."""
        return self.decision.kind if self.decision else "proposed"


@dataclass
class ReviewOutcome:
    outcome: HarmonisationOutcome
    rows: list[ReviewRow]

    @property
    def key_a(self) -> str:
        return self.outcome.structures[0].key

    @property
    def key_b(self) -> str:
        return self.outcome.structures[1].key

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.rows:
            found[row.state] = found.get(row.state, 0) + 1
        return found


def review_rows(outcome: HarmonisationOutcome) -> list[ReviewRow]:
    """The machine's chosen links, every pair a person decided on, and the hand-added links,
    in the order of the first structure's goals."""
    decided = {d.pair: d for d in outcome.decisions}
    in_force = {(c.a, c.b): c.relation for c in outcome.result.candidates if c.assigned}
    labels_a = {i.key: i.label for i in outcome.items_a}
    labels_b = {i.key: i.label for i in outcome.items_b}
    rows = []
    shown = set()
    for candidate in outcome.machine:
        pair = (candidate.a, candidate.b)
        if candidate.assigned or pair in decided:
            rows.append(ReviewRow(candidate.a, candidate.b, candidate.a_label, candidate.b_label, candidate,
                                  decided.get(pair), in_force.get(pair)))
            shown.add(pair)
    for pair, made in decided.items():
        if pair not in shown and pair[0] in labels_a and pair[1] in labels_b:
            rows.append(ReviewRow(pair[0], pair[1], labels_a[pair[0]], labels_b[pair[1]], None, made,
                                  in_force.get(pair)))
    order = {i.key: n for n, i in enumerate(outcome.items_a)}
    order_b = {i.key: n for n, i in enumerate(outcome.items_b)}
    return sorted(rows, key=lambda r: (order.get(r.a, 0), order_b.get(r.b, 0)))


def review_of(store, org_a: str, org_b: str, *, mode: str = "many-to-one") -> ReviewOutcome:
    outcome = harmonise(store, org_a, org_b, mode=mode)
    return ReviewOutcome(outcome, review_rows(outcome))


def record(store, org_a: str, org_b: str, entries: Sequence[Mapping[str, object]], reviewer: str, *,
           mode: str = "many-to-one") -> ReviewOutcome:
    """Record decisions (each ``{"subject", "object", "verdict", "relation"?, "comment"?}``;
    verdict accept, reject, add or clear) by ``reviewer``; store them with the reviewed
    mapping. All or nothing: one bad entry and nothing is written."""
    if not reviewer.strip():
        raise InputError(problem(MISSING_REVIEWER))
    before = harmonise(store, org_a, org_b, mode=mode)
    labels_a = {i.key: i.label for i in before.items_a}
    labels_b = {i.key: i.label for i in before.items_b}
    made, cleared = [], set()
    for entry in entries:
        subject, object_ = str(entry.get("subject") or ""), str(entry.get("object") or "")
        verdict = str(entry.get("verdict") or "")
        if verdict == CLEAR:
            cleared.add((subject, object_))
            continue
        made.append(review.decision(subject, object_, verdict, str(entry.get("relation") or "") or None, reviewer,
                                    before.machine, labels_a, labels_b, str(entry.get("comment") or "")))
    kept = [d for d in before.decisions if d.pair not in cleared]
    return _store(store, org_a, org_b, review.merge(kept, made), mode)


def _store(store, org_a: str, org_b: str, decisions: list[review.Decision], mode: str) -> ReviewOutcome:
    """The review replaced by ``decisions``, written with the mapping it gives in one go."""
    outcome = harmonise(store, org_a, org_b, mode=mode, save=True, decisions=decisions, stored_decisions=False)
    return ReviewOutcome(outcome, review_rows(outcome))


# -- decisions files --------------------------------------------------------------------------


def read_decisions(store, org_a: str, org_b: str, path: Path, reviewer: str, *,
                   mode: str = "many-to-one") -> list[review.Decision]:
    """The decisions of an SSSOM TSV file, checked against the two structures (every goal
    must be one of theirs). A row without ``author_label`` is the ``reviewer``'s."""
    rows = review.from_sssom_tsv(Path(path).read_text(encoding="utf-8-sig"), str(path))
    before = harmonise(store, org_a, org_b, mode=mode)
    labels_a = {i.key: i.label for i in before.items_a}
    labels_b = {i.key: i.label for i in before.items_b}
    problems, decisions = [], []
    for row in (r for r in rows if r["manual"]):
        verdict = row["verdict"] or (review.ACCEPT if any(
            c.a == row["subject"] and c.b == row["object"] and c.assigned for c in before.machine) else review.ADD)
        try:
            decisions.append(review.decision(row["subject"], row["object"], verdict, row["relation"],
                                             row["reviewer"] or reviewer, before.machine, labels_a, labels_b,
                                             row["comment"], row["time"] or None))
        except InputError as error:
            problems += [replace(p, location=Location(file=str(path), line=row["line"])) for p in error.problems]
    if problems:
        raise InputError(problems)
    return decisions


def write_decisions(path: Path, outcome: HarmonisationOutcome) -> Path:
    key_a, key_b = (s.key for s in outcome.structures)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(review.to_sssom_tsv(outcome.decisions, key_a, key_b, outcome.result.candidates),
                    encoding="utf-8")
    return path


# -- the merged structure ---------------------------------------------------------------------


def write_merged_workbook(outcome: HarmonisationOutcome, path: Path, organisation: merged_workbook.NewOrganisation,
                          lang: str = "sv", names: dict[str, str] | None = None) -> Path:
    """The reviewed merged structure as a filled import workbook for the new organisation."""
    from ssgraph.importing.cells import parse_organisation_code

    code = parse_organisation_code(organisation.code.strip())
    if not isinstance(code, str):
        raise InputError(problem(code.message_id, **code.params))
    return merged_workbook.write(Path(path), outcome.result, outcome.items_a, outcome.items_b, organisation,
                                 outcome.illustrative, lang, names)
