"""The analyses' outcomes (ssgraph.services) as HTML pages, for the web and as files."""

from __future__ import annotations

from ssgraph.analysis import council_report as council
from ssgraph.rendering import Page, charts, inline_svg, render, timestamp


def _name(names: dict[str, str], key: str) -> str:
    """An organisation's name for ``ORG`` or ``ORG@VERSION`` (with the version)."""
    code, _, version = key.partition("@")
    return f"{names.get(code, code)} ({version})" if version else names.get(code, code)


def harmonise_page(outcome, page: Page, names: dict[str, str] | None = None) -> str:
    result = outcome.result
    names = names or {}
    return render(
        "analysis/harmonise.html", page, r=result, matches=sorted(result.matches, key=lambda c: c.a),
        others=[c for c in result.candidates if not c.assigned][:60],
        diagram=inline_svg(charts.alignment_diagram(result)), graph_iri=outcome.graph_iri,
        name_a=_name(names, result.org_a), name_b=_name(names, result.org_b),
        generated=timestamp(), illustrative=outcome.illustrative,
    )


def consolidate_page(outcome, page: Page) -> str:
    return render("analysis/consolidate.html", page, r=outcome.result, generated=timestamp(),
                  illustrative=outcome.illustrative)


def coverage_page(outcome, page: Page, organisations=(), chosen=()) -> str:
    result = outcome.result
    return render(
        "analysis/coverage.html", page, r=result,
        sdg_svg=inline_svg(charts.coverage_heatmap(result, "sdg", "svg", page.lang)),
        objective_svg=inline_svg(charts.coverage_heatmap(result, "objective", "svg", page.lang)),
        organisations=list(organisations), chosen=list(chosen),
        generated=timestamp(), illustrative=outcome.illustrative,
    )


ACTIVITY_STATUSES = ("planned", "ongoing", "completed", "cancelled")
ABBREVIATED_KINDS = ("sdg", "objective", "public-health", "green-key")


def council_report_page(outcome, page: Page) -> str:
    report = outcome.report
    chart_sets: dict[str, list[dict]] = {}
    for dim, goals in report.dimensions.items():
        chart_sets[dim] = []
        for goal in goals:
            for trend in goal.indicators:
                if trend.observations:
                    chart = charts.trend_chart(trend.label, trend.observations, trend.target,
                                               trend.target_year, trend.unit, "svg", page.lang)
                    chart_sets[dim].append({"svg": inline_svg(chart), "on_track": trend.on_track})
    used = {link["kind"] for goals in report.dimensions.values() for g in goals for link in g.links}
    return render(
        "analysis/council_report.html", page, r=report, charts=chart_sets,
        statuses=list(council.STATUS_ORDER), colours=charts.STATUS_COLOURS,
        activity_statuses=ACTIVITY_STATUSES,
        abbreviations=[kind for kind in ABBREVIATED_KINDS if kind in used],
        sdg_colours={c.key: c.colour for c in outcome.sdg_columns},
        sdg_names={c.key: c.label for c in outcome.sdg_columns},
        objective_names={c.key: c.label for c in outcome.objective_columns},
        public_health_names=outcome.public_health, generated=timestamp(), illustrative=outcome.illustrative,
    )


def suggest_page(outcome, page: Page) -> str:
    return render("analysis/suggest.html", page, org=outcome.org, suggestions=outcome.suggestions,
                  documents=outcome.documents, concept_labels=outcome.concept_labels,
                  generated=timestamp(), illustrative=outcome.illustrative)
