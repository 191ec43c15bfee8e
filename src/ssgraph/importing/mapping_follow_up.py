"""Indicators, observations, assessments, action plans, activities, stakeholders and dialogues:
the part of the goal-structure mapping that follows goals up (a mixin of ``GraphBuilder``)."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS

from ssgraph.importing.cells import Wording
from ssgraph.importing.checks import CheckedRow
from ssgraph.importing.model import direction_in_words
from ssgraph.importing.rdf_terms import (
    SSG_GENDER,
    Minter,
    date_literal,
    decimal_literal,
    version_slug,
    year_literal,
)
from ssgraph.namespaces import QB, SSG, SSGID

RowProgress = Callable[[int, int], None]


class FollowUpMapping:
    """Needs the builder's ``add``, ``common``, ``mint``, ``text``, ``iri_of``, ``boolean``, ``links``."""

    def indicators(self) -> dict[str, str | None]:
        units: dict[str, str | None] = {}
        for row in self.checked.rows["indicators"]:
            ident = row.get("id")
            indicator = self.mint("indicator", ident)
            units[ident] = row.get("unit")
            self.common(indicator, row, SSG.Indicator, ident)
            self.add(indicator, RDFS.label, self.text(row.get("name")))
            for goal in row.get("goal", []):
                self.add(indicator, SSG.measures, self.mint("goal", goal))
            if row.get("unit"):
                self.add(indicator, SSG.unit, Literal(row.get("unit")))
            self.boolean(indicator, SSG.verbatim, row.get("verbatim"))
            if row.get("group"):
                self.add(indicator, SSG.indicatorGroup, Literal(row.get("group")))
            # a verbal target ("ska öka") gives the direction when the column is empty
            self.add(indicator, SSG.direction,
                     self.iri_of(row.get("direction") or direction_in_words(row.get("target_text"))))
            self.add(indicator, SSG.targetStatement, self.text(row.get("target_text")))
            self.add(indicator, SSG.baselineStatement, self.text(row.get("baseline_text")))
            if row.get("target_operator"):
                self.add(indicator, SSG.targetOperator, Literal(row.get("target_operator").slug))
            if row.get("target_unit"):
                self.add(indicator, SSG.targetUnit, Literal(row.get("target_unit")))
            if row.get("kolada_kpi"):
                self.add(indicator, SSG.koladaKPI, SSGID[f"kolada/kpi/{row.get('kolada_kpi')}"])
            for key, prop in (("baseline_year", SSG.baselineYear), ("target_year", SSG.targetYear)):
                if row.get(key) is not None:
                    self.add(indicator, prop, year_literal(row.get(key)))
            for key, prop in (("baseline_value", SSG.baselineValue), ("target_value", SSG.targetValue)):
                if row.get(key) is not None:
                    self.add(indicator, prop, decimal_literal(row.get(key)))
            self.links(indicator, row)
        return units

    def observations(self, units: dict[str, str | None], progress: RowProgress | None, done: int,
                     total: int) -> int:
        rows = self.checked.rows["observations"]
        if not rows:
            return done
        dataset = self.mint("dataset")
        self.add(dataset, RDF.type, SSG.IndicatorDataSet)
        self.add(dataset, QB.structure, SSG.indicatorStructure)
        self.add(dataset, SSG.organisation, self.org)
        undated: dict[str, int] = {}
        for row in rows:
            gender = row.get("gender")
            gender_code = gender.slug if gender is not None else "T"
            ident, period, area = row.get("indicator"), row.get("period"), row.get("area")
            if period is None:  # the document does not say which year: numbered, never guessed
                undated[ident] = undated.get(ident, 0) + 1
            parts = [ident, period if period is not None else f"undated-{undated.get(ident)}", gender_code]
            obs = self.mint("observation", *parts, *([version_slug(area)] if area else []))
            self.common(obs, row, SSG.Observation, None)
            self.add(obs, RDF.type, QB.Observation)
            self.add(obs, QB.dataSet, dataset)
            self.add(obs, SSG.indicator, self.mint("indicator", ident))
            if period is not None:
                self.add(obs, SSG.refPeriod, year_literal(period))
            self.add(obs, SSG.gender, SSG_GENDER[gender_code])
            if area:  # a comparison value for another area, named as the document names it
                self.add(obs, SSG.refAreaName, Literal(area))
            else:
                self.add(obs, SSG.refArea, self.org)
            if row.get("value") is not None:
                self.add(obs, SSG.value, decimal_literal(row.get("value")))
            self.add(obs, SSG.valueStatement, self.text(row.get("text")))
            self.boolean(obs, SSG.approximate, row.get("approximate"))
            if units.get(ident):
                self.add(obs, SSG.unit, Literal(units[ident]))
            done += 1
            if progress and done % 500 == 0:
                progress(done, total)
        return done

    def follow_up(self) -> None:
        for row in self.checked.rows["action_plans"]:
            plan = self.mint("action-plan", row.get("id"))
            self.common(plan, row, SSG.ActionPlan, row.get("id"))
            self.plan_like(plan, row)
        for row in self.checked.rows["activities"]:
            activity = self.mint("activity", row.get("id"))
            self.common(activity, row, SSG.Activity, row.get("id"))
            self.plan_like(activity, row)
            if row.get("action_plan"):
                self.add(activity, SSG.partOfActionPlan, self.mint("action-plan", row.get("action_plan")))
            if row.get("budget") is not None:
                self.add(activity, SSG.budget, decimal_literal(row.get("budget")))
        for row in self.checked.rows["stakeholders"]:
            stakeholder = self.mint("stakeholder", row.get("id"))
            self.common(stakeholder, row, SSG.Stakeholder, row.get("id"))
            self.add(stakeholder, RDFS.label, self.text(row.get("name")))
            self.add(stakeholder, FOAF.name, Literal(row.get("name")))
            self.add(stakeholder, SSG.stakeholderCategory, self.text(row.get("category")))
            if row.get("organisation_code"):
                self.add(stakeholder, RDFS.seeAlso, Minter(self.mint.base, row.get("organisation_code")).org())
            self.add(self.org, SSG.hasStakeholder, stakeholder)
        for row in self.checked.rows["dialogues"]:
            dialogue = self.mint("dialogue", row.get("id"))
            self.common(dialogue, row, SSG.Dialogue, row.get("id"))
            self.add(dialogue, DCTERMS.title, self.text(row.get("title")))
            self.add(dialogue, RDFS.label, self.text(row.get("title")))
            if row.get("date") is not None:
                self.add(dialogue, DCTERMS.date, date_literal(row.get("date")))
            for participant in row.get("participants", []):
                self.add(dialogue, SSG.participant, self.mint("stakeholder", participant))
            if row.get("planning_period"):
                self.add(dialogue, SSG.planningPeriod, Literal(row.get("planning_period")))
            self.add(dialogue, DCTERMS.description, self.text(row.get("description")))
        self.assessments()

    def assessments(self) -> None:
        for row in self.checked.rows["assessments"]:
            goal, period = row.get("goal"), row.get("period")
            assessment = self.mint("assessment", goal, period)
            self.common(assessment, row, SSG.Assessment, None)
            self.add(assessment, SSG.assessedGoal, self.mint("goal", goal))
            self.add(assessment, SSG.assessmentPeriod, year_literal(period))
            status = row.get("status")
            if isinstance(status, Wording):
                self.add(assessment, SSG.fulfilmentStatus, self.iri_of(status.choice))
                if not status.is_standard:  # the organisation's own words are kept beside the scale
                    self.add(assessment, SSG.statusWording, self.text(status.text))
            else:
                self.add(assessment, SSG.fulfilmentStatus, self.iri_of(status))
            self.add(assessment, RDFS.comment, self.text(row.get("comment")))

    def plan_like(self, subject: URIRef, row: CheckedRow) -> None:
        self.add(subject, DCTERMS.title, self.text(row.get("title")))
        self.add(subject, RDFS.label, self.text(row.get("title")))
        for goal in row.get("goal", []):
            self.add(subject, SSG.implementsGoal, self.mint("goal", goal))
        if row.get("owner"):
            self.add(subject, SSG.owner, self.mint("body", row.get("owner")))
        if row.get("start") is not None:
            self.add(subject, SSG.startDate, date_literal(row.get("start")))
        if row.get("end") is not None:
            self.add(subject, SSG.endDate, date_literal(row.get("end")))
        self.add(subject, SSG.activityStatus, self.iri_of(row.get("status")))
