"""The SS 854000 cycle status as a service: one organisation (with the evidence for each
element) or all of them (how many show each element), with the supporting tools in use."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ssgraph.analysis import cycle
from ssgraph.services.organisations import Organisation, organisations, resolve_organisation


@dataclass
class ElementStatus:
    element: cycle.Element
    count: int
    status: str  # shown, partial, missing
    evidence: list[dict] = field(default_factory=list)  # iri, label (one organisation only)

    def to_dict(self) -> dict:
        return {"element": self.element.iri, "notation": self.element.notation, "label": self.element.label,
                "count": self.count, "minimum": self.element.minimum, "status": self.status,
                "evidence": self.evidence, "recommendation": self.element.recommendation}


@dataclass
class OrganisationCycle:
    organisation: Organisation
    steps: list[tuple[cycle.Step, list[ElementStatus]]]
    tools: list[tuple[str, str]]  # the supporting tools it uses: (IRI, label)

    @property
    def shown(self) -> int:
        return sum(1 for _, statuses in self.steps for s in statuses if s.status == "shown")

    @property
    def elements(self) -> int:
        return sum(len(statuses) for _, statuses in self.steps)

    def step_share(self, step: cycle.Step) -> float:
        statuses = next((s for st, s in self.steps if st.iri == step.iri), [])
        return sum(1 for s in statuses if s.status == "shown") / len(statuses) if statuses else 0.0

    def to_dict(self) -> dict:
        return {
            "organisation": self.organisation.code, "label": self.organisation.label,
            "shown": self.shown, "elements": self.elements,
            "steps": [{"step": step.iri, "label": step.label, "elements": [s.to_dict() for s in statuses]}
                      for step, statuses in self.steps],
            "supporting_tools": [{"tool": t, "label": label} for t, label in self.tools],
        }


@dataclass
class CycleOutcome:
    steps: list[cycle.Step]
    organisations: list[OrganisationCycle]
    tools: dict[str, str]  # every supporting tool the standard names: IRI → label

    @property
    def illustrative(self) -> bool:
        return any(o.organisation.illustrative for o in self.organisations)

    def element_counts(self) -> dict[str, int]:
        """Element IRI → how many of the organisations show it."""
        counts: Counter = Counter()
        for org in self.organisations:
            counts.update(s.element.iri for _, statuses in org.steps for s in statuses if s.status == "shown")
        return dict(counts)

    def tool_counts(self) -> dict[str, int]:
        return dict(Counter(tool for org in self.organisations for tool, _ in org.tools))

    def to_dict(self) -> dict:
        return {
            "steps": [s.to_dict() for s in self.steps],
            "organisations": [o.to_dict() for o in self.organisations],
            "element_counts": self.element_counts(),
            "supporting_tools": [{"tool": t, "label": label, "organisations": self.tool_counts().get(t, 0)}
                                 for t, label in self.tools.items()],
        }

    def csv_rows(self) -> list[dict]:
        return [{"organisation": o.organisation.code, "organisation_label": o.organisation.label,
                 "step": step.label, "element": s.element.notation, "element_label": s.element.label,
                 "evidence": s.count, "minimum": s.element.minimum, "cycle_status": s.status}
                for o in self.organisations for step, statuses in o.steps for s in statuses]


def cycle_status(store, org: str | None = None, *, lang: str = "sv", known: list[Organisation] | None = None,
                 with_evidence: bool = True) -> CycleOutcome:
    """The cycle status of one organisation (``org``: code, IRI or name; with the evidence of
    each element unless ``with_evidence`` is false) or of every organisation with a goal
    structure (``org`` None)."""
    known = known if known is not None else organisations(store)
    chosen = [resolve_organisation(store, org, known)] if org else known
    steps = cycle.model(store, lang)
    counts = cycle.evidence_counts(store, chosen[0].iri if org else None)
    names, used = cycle.supporting_tools(store, lang)
    found = []
    for organisation in chosen:
        evidence = cycle.evidence_items(store, organisation.iri, organisation.graph) if org and with_evidence else {}
        mine = counts.get(organisation.iri, {})
        statuses = [(step, [ElementStatus(e, mine.get(e.iri, 0), cycle.status(mine.get(e.iri, 0), e.minimum),
                                          evidence.get(e.iri, [])) for e in step.elements]) for step in steps]
        tools = [(t, names.get(t, t.rsplit("/", 1)[-1])) for t in used.get(organisation.iri, [])]
        found.append(OrganisationCycle(organisation, statuses, tools))
    return CycleOutcome(steps, found, names)
