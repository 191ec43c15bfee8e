"""The organisation page and the comparison of organisations, as services: what each shows,
gathered from the goal graph, the version catalogue, stored validation results and the
SS 854000 cycle status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ssgraph.analysis import coverage as coverage_analysis
from ssgraph.analysis import goal_graph as gg
from ssgraph.analysis import organisation_profile as profiles
from ssgraph.analysis import version_diff
from ssgraph.analysis.versions import as_structures
from ssgraph.errors import InputError, problem
from ssgraph.services.organisations import Organisation, organisations, resolve_organisation
from ssgraph.versions import Version, all_versions, imported_at, versions_of

MAX_COMPARED = 12


@dataclass
class OrganisationPage:
    organisation: Organisation
    profile: profiles.Profile
    versions: list[Version]  # oldest first
    diff: version_diff.GoalDiff | None  # the chosen version against the one before it
    validation: object | None  # the stored validation results of the current version
    cycle: object | None  # the SS 854000 cycle status
    sdg_columns: list[coverage_analysis.Column]
    objective_columns: list[coverage_analysis.Column]
    shown: Version | None = None  # the version whose goal structure is shown
    organisations: list[Organisation] = field(default_factory=list)  # every one (to compare with)

    @property
    def illustrative(self) -> bool:
        return self.organisation.illustrative

    def to_dict(self) -> dict:
        return {
            "organisation": self.organisation.to_dict(), **self.profile.to_dict(),
            "versions": [{"label": v.name, "slug": v.slug, "year": v.year, "current": v.current, "key": v.key}
                         for v in self.versions],
            "version": self.shown.name if self.shown else None,
            "diff": self.diff.to_dict() if self.diff else None,
            "cycle": self.cycle.to_dict() if self.cycle is not None else None,
        }


def _ordered(versions: list[Version]) -> list[Version]:
    """Oldest first: by year where the file said, the current version last."""
    return sorted(versions, key=lambda v: (v.current, v.year or 0, imported_at(v), v.label))


def _profile_graph(store, organisation: Organisation, version: Version | None = None):
    if version is None or version.current:
        return gg.build_goal_graph(store, [organisation.code], observations="values", reading=profiles.READING)
    return gg.build_goal_graph(store, observations="values", versions=as_structures(store, [version]),
                               reading=profiles.READING)


def organisation_page(store, org: str, *, lang: str = "sv", diff_of: str | None = None, version: str | None = None,
                      with_cycle: bool = True, known: list[Organisation] | None = None) -> OrganisationPage:
    """Everything the page of one organisation shows: its current version, or ``version`` (a
    slug) for the goal structure, indicators and coverage; ``diff_of`` names the version whose
    changes against the version before it are shown (default: the one shown)."""
    from ssgraph.services.cycle import cycle_status
    from ssgraph.services.validating import stored_validation

    known = known if known is not None else organisations(store)
    organisation = resolve_organisation(store, org, known)
    listed = all_versions(store)
    versions = _ordered(versions_of(store, organisation.code, listed))
    shown = _version(versions, version) if version else None
    chosen = _version(versions, diff_of) if diff_of else shown or (versions[-1] if versions else None)
    graph = _profile_graph(store, organisation, shown)
    diff = None
    if chosen is not None and versions.index(chosen) > 0:
        profiled = chosen is shown or (shown is None and chosen.current)  # the profile's graph is the chosen version's
        diff = version_diff.diff_versions(store, versions[versions.index(chosen) - 1], chosen,
                                          graph_b=graph if profiled else None)
    sdg_columns, objective_columns = coverage_analysis.reference_columns(store, lang)
    cycle = (cycle_status(store, organisation.code, lang=lang, known=known, with_evidence=False).organisations[0]
             if with_cycle else None)
    validation = stored_validation(store, organisation.code) if _has_stored_validation(store, organisation) else None
    profile = profiles.profile(graph, organisation.code, organisation.label, organisation.iri)
    return OrganisationPage(organisation, profile, versions, diff, validation, cycle, sdg_columns, objective_columns,
                            shown or next((v for v in versions if v.current), None), known)


def _has_stored_validation(store, organisation: Organisation) -> bool:
    """Whether validation results are stored for the organisation (reading them costs more)."""
    from ssgraph.store.binding import bind, iri
    from ssgraph.validation.stored_results import validation_graph_iri

    return bool(store.select(bind("SELECT ?s WHERE { GRAPH $g { ?s ?p ?o } } LIMIT 1",
                                  g=iri(validation_graph_iri(organisation.code)))))


def _version(versions: list[Version], slug: str) -> Version:
    found = next((v for v in versions if v.slug == slug), None)
    if found is None:
        raise InputError(problem("find.unknown_version", version=slug, known=", ".join(v.slug for v in versions)))
    return found


@dataclass
class Comparison:
    organisations: list[Organisation]
    profiles: list[profiles.Profile]
    sdg_columns: list[coverage_analysis.Column]
    objective_columns: list[coverage_analysis.Column]
    shared_targets: list[dict] = field(default_factory=list)  # concept, label, organisations
    years: list[str] = field(default_factory=list)

    @property
    def illustrative(self) -> bool:
        return any(o.illustrative for o in self.organisations)

    def summary_rows(self) -> list[dict]:
        rows = []
        for organisation, profile in zip(self.organisations, self.profiles, strict=True):
            with_data = [i for i in profile.indicators if i.observations]
            rows.append({
                "organisation": organisation.code, "organisation_label": organisation.label,
                "version": organisation.version, "goals": profile.goals, "measured_goals": profile.measured_goals,
                "indicators": len(profile.indicators), "indicators_with_data": len(with_data),
                "documents": len(profile.documents), "sdgs": len(profile.sdg_goals),
                "sdg_targets": len(profile.sdg_targets), "objectives": len(profile.objective_goals),
                "towards_target": sum(1 for i in with_data if i.trend in ("towards", "reached")),
                "away_from_target": sum(1 for i in with_data if i.trend == "away"),
            })
        return rows

    def csv_rows(self) -> list[dict]:
        """One row per organisation and measure: the summary, the coverage of each SDG and
        environmental objective, and each indicator value per year."""
        rows = []
        for row in self.summary_rows():
            for measure, value in row.items():
                if measure not in ("organisation", "organisation_label", "version"):
                    rows.append({"organisation": row["organisation"], "organisation_label": row["organisation_label"],
                                 "measure": measure, "item": "", "year": "", "value": value})
        for organisation, profile in zip(self.organisations, self.profiles, strict=True):
            base = {"organisation": organisation.code, "organisation_label": organisation.label}
            for scheme, counts, columns in (("sdg_goals", profile.sdg_goals, self.sdg_columns),
                                            ("objective_goals", profile.objective_goals, self.objective_columns)):
                for column in columns:
                    rows.append({**base, "measure": scheme, "item": f"{column.key} {column.label}", "year": "",
                                 "value": counts.get(column.key, 0)})
            for indicator in profile.indicators:
                for year, value in indicator.observations:
                    rows.append({**base, "measure": "indicator_value", "item": indicator.label, "year": year,
                                 "value": value})
        return rows

    def to_dict(self) -> dict:
        return {
            "organisations": [o.to_dict() for o in self.organisations],
            "summary": self.summary_rows(),
            "coverage": {p.code: {"sdg_goals": p.sdg_goals, "objective_goals": p.objective_goals}
                         for p in self.profiles},
            "shared_targets": self.shared_targets,
            "indicators": {p.code: [i.to_dict() for i in p.indicators if i.observations] for p in self.profiles},
        }


def _shared_targets(store, chosen: list[profiles.Profile], lang: str) -> list[dict]:
    """SDG targets and environmental objectives that two or more of the organisations address."""
    users: dict[tuple[str, str], list[str]] = {}
    for profile in chosen:
        for notation in profile.sdg_targets:
            users.setdefault(("sdg", notation), []).append(profile.code)
        for notation in profile.objectives:
            users.setdefault(("objective", notation), []).append(profile.code)
    shared = [{"scheme": scheme, "notation": notation, "organisations": codes}
              for (scheme, notation), codes in users.items() if len(codes) > 1]
    return sorted(shared, key=lambda s: (-len(s["organisations"]), s["scheme"], profiles._natural(s["notation"])))


def compare(store, orgs: Sequence[str], *, lang: str = "sv") -> Comparison:
    """Two or more organisations side by side (current versions)."""
    known = organisations(store)
    chosen: list[Organisation] = []
    for text in orgs:
        organisation = resolve_organisation(store, text, known)
        if organisation not in chosen:
            chosen.append(organisation)
    if len(chosen) < 2 or len(chosen) > MAX_COMPARED:
        raise InputError(problem("find.compare_how_many", count=len(chosen), most=MAX_COMPARED))
    graph = gg.build_goal_graph(store, [o.code for o in chosen], observations="values",
                                reading=profiles.COMPARISON_READING)
    found = [profiles.profile(graph, o.code, o.label, o.iri) for o in chosen]
    sdg_columns, objective_columns = coverage_analysis.reference_columns(store, lang)
    years = sorted({y for p in found for i in p.indicators for y, _ in i.observations})
    return Comparison(chosen, found, sdg_columns, objective_columns, _shared_targets(store, found, lang), years)
