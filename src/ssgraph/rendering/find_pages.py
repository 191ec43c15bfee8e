"""The organisation page, the comparison and the SS 854000 cycle status, rendered: the same
templates for the web and for the CLI's standalone HTML files."""

from __future__ import annotations

from ssgraph import catalogue
from ssgraph.rendering import Page, render, svg_charts


def organisation_page(data, page: Page, organisations: list) -> str:
    def sparkline(indicator):
        return svg_charts.sparkline(indicator.observations, indicator.target, indicator.label)

    return render("site/organisation.html", page, data=data, organisations=organisations, sparkline=sparkline,
                  sdg_colours={c.key: c.colour for c in data.sdg_columns}, illustrative=data.illustrative)


def compare_page(comparison, page: Page, organisations: list) -> str:
    t = catalogue.translator(page.lang)
    names = [o.label for o in comparison.organisations]
    sdg_chart = svg_charts.grouped_bars(
        [(c.key, c.label) for c in comparison.sdg_columns],
        list(zip(names, [p.sdg_goals for p in comparison.profiles], strict=True)), t("find.chart_sdg_goals"))
    objective_chart = svg_charts.grouped_bars(
        [(c.key, c.label) for c in comparison.objective_columns],
        list(zip(names, [p.objective_goals for p in comparison.profiles], strict=True)), t("find.chart_objective_goals"))

    def series(indicators):
        return svg_charts.series_chart([(i.label, i.observations) for i in indicators], t("find.indicators_over_time"))

    return render("site/compare.html", page, c=comparison, organisations=organisations,
                  chosen=[o.code for o in comparison.organisations], sdg_chart=sdg_chart,
                  objective_chart=objective_chart, series=series, palette=svg_charts.PALETTE,
                  pairs=list(zip(comparison.organisations, comparison.profiles, strict=True)),
                  illustrative=comparison.illustrative)


def cycle_page(outcome, page: Page) -> str:
    return render("analysis/cycle.html", page, outcome=outcome, illustrative=outcome.illustrative)


def cycle_all_page(outcome, page: Page) -> str:
    columns = [e.notation for step in outcome.steps for e in step.elements]
    rows = [(o.organisation.label, [s.status for _, statuses in o.steps for s in statuses])
            for o in outcome.organisations]
    heatmap = svg_charts.status_heatmap(rows, columns, catalogue.text("find.heat_map", page.lang))
    return render("analysis/cycle_all.html", page, outcome=outcome, heatmap=heatmap,
                  illustrative=outcome.illustrative)


def type_label(type_key: str, lang: str) -> str:
    """A search type's name: a kind ("goal") or a kind's class ("organisation.Municipality")."""
    kind, _, class_name = type_key.partition(".")
    return catalogue.text(f"find.class.{class_name}" if class_name else f"find.kind.{kind}", lang)


def read_as_type_notes(outcome, lang: str) -> list[str]:
    """What the search says of each query word it read as a type too."""
    return [catalogue.text("find.kind_read_as_type", lang, word=word,
                           types=", ".join(type_label(key, lang) for key in types))
            for word, types in outcome.read_as_types]
