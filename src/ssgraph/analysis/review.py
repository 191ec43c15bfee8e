"""A person's review of a harmonisation: decisions on the proposed links, kept as data.

A decision accepts a link the machine proposed, rejects it, changes its relation, or adds
a link by hand. Each names who made it and when, and keeps the machine's original proposal
(relation, confidence, evidence), so re-running the harmonisation — with new scoring, or
after a version was re-imported — re-applies it: a rejected link stays rejected, an
accepted, changed or hand-added link stays.

In RDF a decision is an ``ssg:LinkJustification`` (as the machine's links are) with
``sssom:mapping_justification semapv:ManualMappingCuration``, ``prov:wasAttributedTo`` the
reviewer, ``prov:generatedAtTime``, ``sssom:predicate_modifier "Not"`` for a rejection and
``prov:wasRevisionOf`` the machine's proposal (``semapv:LexicalMatching``, with its
confidence). As a file it is an SSSOM mapping set (TSV with a YAML header).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass, replace
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from ssgraph.analysis.goal_items import GoalItem
from ssgraph.analysis.harmonise import RELATIONS, Candidate, HarmonisationResult, merged_structure
from ssgraph.analysis.rdf_output import SEMAPV, SSSOM, TOOL
from ssgraph.errors import InputError, Location, problem
from ssgraph.namespaces import PREFIXES, SSG, SSGGRAPH, SSGID

ACCEPT, REJECT, ADD = "accept", "reject", "add"
VERDICTS = (ACCEPT, REJECT, ADD)
NOT = "Not"  # sssom:predicate_modifier of a negated (rejected) mapping

BAD_DECISION = "review.bad_decision"
UNKNOWN_GOAL = "review.unknown_goal"
BAD_FILE = "review.bad_file"


@dataclass(frozen=True)
class Proposal:
    """What the machine proposed for a pair of goals, when the decision was made."""

    relation: str
    confidence: float
    chosen: bool  # in the proposed alignment (not only a candidate)
    evidence: str = ""


@dataclass(frozen=True)
class Decision:
    subject: str  # goal IRI of the first structure (A)
    object: str  # goal IRI of the second structure (B)
    verdict: str  # accept (also a changed relation), reject, add
    relation: str  # exactMatch, closeMatch, relatedMatch: kept, or rejected
    reviewer: str
    time: str  # ISO 8601, UTC
    subject_label: str = ""
    object_label: str = ""
    comment: str = ""
    proposal: Proposal | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return self.subject, self.object

    @property
    def kind(self) -> str:
        """accepted, changed, rejected or added (what the page shows)."""
        if self.verdict == REJECT:
            return "rejected"
        if self.proposal is None or not self.proposal.chosen:
            return "added"
        return "accepted" if self.proposal.relation == self.relation else "changed"

    @property
    def links(self) -> bool:
        return self.verdict != REJECT


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def decision(subject: str, object_: str, verdict: str, relation: str | None, reviewer: str,
             candidates: list[Candidate], keys_a: dict[str, str], keys_b: dict[str, str],
             comment: str = "", time: str | None = None) -> Decision:
    """A checked decision on the pair (subject, object): both goals must belong to the two
    structures (``keys_*``: goal IRI → label); ``relation`` defaults to the machine's."""
    if verdict not in VERDICTS:
        raise InputError(problem(BAD_DECISION, value=str(verdict)[:40], allowed=", ".join(VERDICTS)))
    for goal, known in ((subject, keys_a), (object_, keys_b)):
        if goal not in known:
            raise InputError(problem(UNKNOWN_GOAL, goal=str(goal)[:200]))
    found = next((c for c in candidates if c.a == subject and c.b == object_), None)
    proposal = Proposal(found.relation, float(found.score), found.assigned, found.explanation()) if found else None
    relation = relation or (found.relation if found else "")
    if relation not in RELATIONS:
        raise InputError(problem(BAD_DECISION, value=str(relation)[:40], allowed=", ".join(RELATIONS)))
    return Decision(subject, object_, verdict, relation, reviewer.strip(), time or now(), keys_a[subject],
                    keys_b[object_], comment.strip(), proposal)


# -- applying ---------------------------------------------------------------------------------


def apply(candidates: list[Candidate], decisions: list[Decision], labels_a: dict[str, str],
          labels_b: dict[str, str]) -> list[Candidate]:
    """The candidates as the review leaves them: rejected links unchosen, accepted and changed
    ones chosen with the reviewer's relation, links added by hand appended. Decisions on
    goals that are not in the two structures (any more) are left aside."""
    by_pair = {d.pair: d for d in decisions if d.subject in labels_a and d.object in labels_b}
    result = []
    for candidate in candidates:
        made = by_pair.pop((candidate.a, candidate.b), None)
        if made is None:
            result.append(candidate)
        elif made.verdict == REJECT:
            result.append(replace(candidate, assigned=False))
        else:
            result.append(replace(candidate, assigned=True, relation=made.relation))
    for made in by_pair.values():
        if made.links:
            result.append(Candidate(made.subject, made.object, labels_a[made.subject], labels_b[made.object],
                                    1.0, made.relation, {"text": 0.0, "manual": True}, assigned=True))
    _mark_cardinality(result)
    return result


def _mark_cardinality(candidates: list[Candidate]) -> None:
    chosen = [c for c in candidates if c.assigned]
    per_a = {c.a: sum(1 for d in chosen if d.a == c.a) for c in chosen}
    per_b = {c.b: sum(1 for d in chosen if d.b == c.b) for c in chosen}
    for c in chosen:
        c.cardinality = f"{'n' if per_b[c.b] > 1 else '1'}:{'n' if per_a[c.a] > 1 else '1'}"


# -- RDF --------------------------------------------------------------------------------------


def decisions_graph_iri(key_a: str, key_b: str) -> URIRef:
    return SSGGRAPH[f"mapping/{quote(key_a, safe='@')}-{quote(key_b, safe='@')}/decisions"]


def _node(base: str, kind: str, d: Decision) -> URIRef:
    digest = hashlib.sha1(f"{d.subject}\n{d.object}".encode()).hexdigest()[:12]
    return URIRef(f"{base}/{kind}/{digest}")


def reviewer_iri(name: str) -> URIRef:
    return SSGID[f"agent/{quote(name.strip() or 'anonymous', safe='')}"]


def to_graph(decisions: list[Decision], key_a: str, key_b: str) -> Graph:
    """The review of the harmonisation of ``key_a`` and ``key_b``, one decision per goal pair."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    graph.bind("sssom", SSSOM)
    graph.bind("semapv", SEMAPV)
    base = str(SSGID[f"mapping/{quote(key_a, safe='@')}-{quote(key_b, safe='@')}/review"])
    review = URIRef(base)
    graph.add((review, RDF.type, SSSOM.MappingSet))
    graph.add((review, RDF.type, PROV.Entity))
    graph.add((review, DCTERMS.title, Literal(f"Granskning av harmoniseringen {key_a} – {key_b}", lang="sv")))
    graph.add((review, DCTERMS.title, Literal(f"Review of the harmonisation {key_a} – {key_b}", lang="en")))
    for d in decisions:
        node = _node(base, "decision", d)
        graph.add((review, SSSOM.mappings, node))
        graph.add((node, RDF.type, SSG.LinkJustification))
        graph.add((node, RDF.type, PROV.Entity))
        graph.add((node, SSG.linkSource, URIRef(d.subject)))
        graph.add((node, SSG.linkProperty, SKOS[d.relation]))
        graph.add((node, SSG.linkTarget, URIRef(d.object)))
        graph.add((node, SSG.method, Literal("manual")))
        graph.add((node, SSSOM.mapping_justification, SEMAPV.ManualMappingCuration))
        if d.verdict == REJECT:
            graph.add((node, SSSOM.predicate_modifier, Literal(NOT)))
        graph.add((node, SSSOM.subject_label, Literal(d.subject_label, lang="sv")))
        graph.add((node, SSSOM.object_label, Literal(d.object_label, lang="sv")))
        agent = reviewer_iri(d.reviewer)
        graph.add((node, PROV.wasAttributedTo, agent))
        graph.add((agent, RDF.type, PROV.Agent))
        graph.add((agent, RDFS.label, Literal(d.reviewer)))
        graph.add((node, SSSOM.author_label, Literal(d.reviewer)))
        graph.add((node, PROV.generatedAtTime, Literal(d.time, datatype=XSD.dateTime)))
        if d.comment:
            graph.add((node, SSSOM.comment, Literal(d.comment)))
        if d.proposal is not None:
            proposed = _node(base, "proposal", d)
            graph.add((node, PROV.wasRevisionOf, proposed))
            graph.add((proposed, RDF.type, SSG.LinkJustification))
            graph.add((proposed, RDF.type, PROV.Entity))
            graph.add((proposed, SSG.linkSource, URIRef(d.subject)))
            graph.add((proposed, SSG.linkProperty, SKOS[d.proposal.relation]))
            graph.add((proposed, SSG.linkTarget, URIRef(d.object)))
            graph.add((proposed, SSG.method, Literal("lexical")))
            graph.add((proposed, SSSOM.mapping_justification, SEMAPV.LexicalMatching))
            graph.add((proposed, SSG.confidence, Literal(round(d.proposal.confidence, 4), datatype=XSD.decimal)))
            graph.add((proposed, PROV.wasAttributedTo, TOOL))
            if d.proposal.chosen:
                graph.add((proposed, SSSOM.mapping_cardinality, Literal("chosen")))
            if d.proposal.evidence:
                graph.add((proposed, DCTERMS.description, Literal(d.proposal.evidence, lang="en")))
    return graph


def from_graph(graph: Graph) -> list[Decision]:
    """The decisions of a review graph (as :func:`to_graph` writes it)."""
    found = []
    for node in graph.subjects(SSSOM.mapping_justification, SEMAPV.ManualMappingCuration):
        relation = str(graph.value(node, SSG.linkProperty)).rsplit("#", 1)[-1]
        proposal = None
        proposed = graph.value(node, PROV.wasRevisionOf)
        if proposed is not None:
            proposal = Proposal(
                str(graph.value(proposed, SSG.linkProperty)).rsplit("#", 1)[-1],
                float(graph.value(proposed, SSG.confidence) or 0),
                graph.value(proposed, SSSOM.mapping_cardinality) is not None,
                str(graph.value(proposed, DCTERMS.description) or ""),
            )
        modifier = graph.value(node, SSSOM.predicate_modifier)
        found.append(Decision(
            str(graph.value(node, SSG.linkSource)), str(graph.value(node, SSG.linkTarget)),
            REJECT if modifier is not None and str(modifier) == NOT else (ACCEPT if proposal else ADD),
            relation, str(graph.value(node, SSSOM.author_label) or ""),
            str(graph.value(node, PROV.generatedAtTime) or ""),
            str(graph.value(node, SSSOM.subject_label) or ""), str(graph.value(node, SSSOM.object_label) or ""),
            str(graph.value(node, SSSOM.comment) or ""), proposal,
        ))
    return sorted(found, key=lambda d: (d.time, d.subject, d.object))


def merge(older: list[Decision], newer: list[Decision]) -> list[Decision]:
    """One decision per goal pair: the newer one wins."""
    by_pair = {d.pair: d for d in older}
    by_pair.update({d.pair: d for d in newer})
    return sorted(by_pair.values(), key=lambda d: (d.time, d.subject, d.object))


# -- SSSOM TSV --------------------------------------------------------------------------------

COLUMNS = ("subject_id", "subject_label", "predicate_id", "predicate_modifier", "object_id", "object_label",
           "mapping_justification", "author_label", "mapping_date", "confidence", "comment")
_PREFIX_MAP = {"skos": str(SKOS), "semapv": str(SEMAPV), "sssom": str(SSSOM)}


def to_sssom_tsv(decisions: list[Decision], key_a: str, key_b: str, proposals: list[Candidate] = ()) -> str:
    """The decisions as an SSSOM mapping set: a commented YAML header, then one row each
    (``semapv:ManualMappingCuration``; ``confidence`` and ``comment`` keep the machine's
    original proposal when there was one). Then the machine's ``proposals`` not decided yet
    (``semapv:LexicalMatching``): they are not decisions; a row becomes one when its
    justification is changed to ``semapv:ManualMappingCuration`` (with ``Not`` in
    ``predicate_modifier`` to reject it)."""
    out = io.StringIO()
    out.write(f"#mapping_set_id: {decisions_graph_iri(key_a, key_b)}\n")
    out.write(f"#mapping_set_description: harmonisation review {key_a} - {key_b} (ssgraph)\n")
    out.write("#license: https://creativecommons.org/publicdomain/zero/1.0/\n#curie_map:\n")
    for prefix, iri in _PREFIX_MAP.items():
        out.write(f"#  {prefix}: {iri}\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for d in decisions:
        proposed = ""
        if d.proposal is not None:
            proposed = (f"machine proposed skos:{d.proposal.relation}"
                        f"{'' if d.proposal.chosen else ' (candidate, not chosen)'}: {d.proposal.evidence}")
        writer.writerow([d.subject, d.subject_label, f"skos:{d.relation}", NOT if d.verdict == REJECT else "",
                         d.object, d.object_label, "semapv:ManualMappingCuration", d.reviewer, d.time,
                         f"{d.proposal.confidence:.3f}" if d.proposal else "",
                         " | ".join(part for part in (d.comment, proposed) if part)])
    decided = {d.pair for d in decisions}
    for c in proposals:
        if c.assigned and (c.a, c.b) not in decided:
            writer.writerow([c.a, c.a_label, f"skos:{c.relation}", "", c.b, c.b_label, "semapv:LexicalMatching",
                             "", "", f"{c.score:.3f}", f"machine proposed: {c.explanation()}"])
    return out.getvalue()


def from_sssom_tsv(text: str, source: str) -> list[dict[str, str]]:
    """The rows of an SSSOM TSV file (header lines starting with # are skipped), checked for
    the columns a decision needs; every problem names the file and line."""
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip() and not line.startswith("#")), None)
    if first is None:
        return []
    reader = csv.DictReader(lines[first:], delimiter="\t")
    missing = [c for c in ("subject_id", "predicate_id", "object_id") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(problem(BAD_FILE, Location(file=source, line=first + 1), detail="missing columns: " + ", ".join(missing)))
    rows = []
    problems = []
    for number, row in enumerate(reader, start=first + 2):
        predicate = (row.get("predicate_id") or "").strip()
        relation = predicate.split(":", 1)[-1].rsplit("#", 1)[-1]
        if relation not in RELATIONS:
            problems.append(problem(BAD_FILE, Location(file=source, line=number), detail=f"predicate_id {predicate!r}"))
            continue
        justification = (row.get("mapping_justification") or "").strip()
        rows.append({
            "subject": (row.get("subject_id") or "").strip(), "object": (row.get("object_id") or "").strip(),
            "relation": relation,
            "verdict": REJECT if (row.get("predicate_modifier") or "").strip() == NOT else "",
            "reviewer": (row.get("author_label") or "").strip(), "time": (row.get("mapping_date") or "").strip(),
            "comment": (row.get("comment") or "").split(" | machine proposed")[0].strip()
            if not (row.get("comment") or "").startswith("machine proposed") else "",
            "manual": justification in ("", "semapv:ManualMappingCuration"), "line": number,
        })
    if problems:
        raise InputError(problems)
    return rows


# -- the reviewed result ----------------------------------------------------------------------


def _summary(item: GoalItem) -> dict:
    return {"iri": item.key, "label": item.label, "identifier": item.identifier, "depth": item.depth,
            "links": sorted(link.split("/", 1)[-1] for link in item.links)}


def reviewed(result: HarmonisationResult, decisions: list[Decision], items_a: list[GoalItem],
             items_b: list[GoalItem]) -> HarmonisationResult:
    """The harmonisation as the review leaves it: links, goals without counterpart and the
    merged structure follow the decisions."""
    labels_a = {i.key: i.label for i in items_a}
    labels_b = {i.key: i.label for i in items_b}
    candidates = apply(result.candidates, decisions, labels_a, labels_b)
    matched_a = {c.a for c in candidates if c.assigned}
    matched_b = {c.b for c in candidates if c.assigned}
    return replace(
        result, candidates=candidates,
        unmatched_a=[_summary(i) for i in items_a if i.key not in matched_a],
        unmatched_b=[_summary(i) for i in items_b if i.key not in matched_b],
        merged=merged_structure(items_a, items_b, candidates),
    )


def decision_iri(d: Decision, key_a: str, key_b: str) -> URIRef:
    return _node(str(SSGID[f"mapping/{quote(key_a, safe='@')}-{quote(key_b, safe='@')}/review"]), "decision", d)


def mark_in_mapping(mapping: Graph, decisions: list[Decision], key_a: str, key_b: str) -> None:
    """In the mapping graph, the links a person decided are justified by manual curation
    (``prov:wasDerivedFrom`` the decision) rather than by lexical matching."""
    by_pair = {d.pair: d for d in decisions}
    for node in list(mapping.subjects(RDF.type, SSG.LinkJustification)):
        pair = (str(mapping.value(node, SSG.linkSource)), str(mapping.value(node, SSG.linkTarget)))
        made = by_pair.get(pair)
        if made is None:
            continue
        mapping.set((node, SSSOM.mapping_justification, SEMAPV.ManualMappingCuration))
        mapping.set((node, SSG.method, Literal("manual")))
        mapping.add((node, PROV.wasDerivedFrom, decision_iri(made, key_a, key_b)))
        mapping.add((node, PROV.wasAttributedTo, reviewer_iri(made.reviewer)))
        if made.verdict == REJECT:
            mapping.add((node, SSSOM.predicate_modifier, Literal(NOT)))
