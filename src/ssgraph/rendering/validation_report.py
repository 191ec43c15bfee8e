"""Validation reports: text for the terminal, JSON for machines, Turtle (the SHACL report) and
HTML (the same page on the web and as ``ssgraph validate --format html``).

Every format renders the same OrganisationReport objects; words come from the catalogue
(``validation_report.*``) in the chosen language.
"""

from __future__ import annotations

import io
import json
from collections import Counter, defaultdict
from collections.abc import Sequence

from rdflib import Graph
from rich.console import Console
from rich.markup import escape

from ssgraph import catalogue
from ssgraph.namespaces import PREFIXES
from ssgraph.rendering import Page, render, timestamp
from ssgraph.validation.findings import SEVERITIES, Finding, compact
from ssgraph.validation.run import OrganisationReport

FORMATS = ("text", "json", "turtle", "html")
SEVERITY_STYLE = {"violation": "bold red", "warning": "yellow", "info": "cyan"}
W = "validation_report."


def _count(count: int, severity: str, lang: str) -> str:
    return catalogue.text(f"{W}{severity}_{'one' if count == 1 else 'many'}", lang, n=count)


def _organisations(count: int, lang: str) -> str:
    return catalogue.text(f"{W}organisations_{'one' if count == 1 else 'many'}", lang, n=count)


def totals(reports: Sequence[OrganisationReport]) -> Counter:
    tally: Counter = Counter({s: 0 for s in SEVERITIES})
    for report in reports:
        tally.update(f.severity for f in report.findings)
    return tally


def organisation_title(report: OrganisationReport) -> str:
    parts = [p for p in (report.organisation, report.label) if p]
    return " ".join(parts) or (report.graph or "?")


def source_text(finding: Finding, lang: str) -> str | None:
    if finding.source is None:
        return None
    parts = [p for p in (finding.source.file,) if p]
    if finding.source.sheet:
        parts.append(catalogue.text("errors.location.sheet", lang, name=finding.source.sheet))
    if finding.source.row is not None:
        parts.append(catalogue.text("errors.location.row", lang, n=finding.source.row))
    return ", ".join(parts) or None


def focus_text(finding: Finding) -> str:
    iri = compact(finding.focus) or finding.focus
    return f"\"{finding.focus_label}\" ({iri})" if finding.focus_label else iri


def value_text(finding: Finding) -> str | None:
    if finding.value is None:
        return None
    shown = compact(finding.value) if "://" in finding.value else finding.value
    return f"{shown} \"{finding.value_label}\"" if finding.value_label else shown


def rule_groups(report: OrganisationReport, lang: str) -> list[dict]:
    """The report's findings grouped by severity and rule, most severe first."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        groups[(finding.severity, finding.text("shape_name", lang))].append(finding)
    ordered = sorted(groups.items(), key=lambda item: (SEVERITIES.index(item[0][0]), item[0][1]))
    return [{"severity": severity, "rule": rule, "message": found[0].text("message", lang),
             "fix": found[0].text("fix", lang), "findings": found} for (severity, rule), found in ordered]


def render_text(reports: Sequence[OrganisationReport], lang: str = "sv", colour: bool = False, width: int = 100) -> str:
    """Counts first, then findings grouped by organisation, severity and rule."""
    t = catalogue.translator(lang)
    out = io.StringIO()
    console = Console(file=out, force_terminal=colour, no_color=not colour, width=width,
                      highlight=False, soft_wrap=True, emoji=False)
    tally = totals(reports)
    summary = ", ".join(_count(tally[s], s, lang) for s in SEVERITIES)
    console.print(f"[bold]{escape(t(W + 'title'))}[/bold]: {_organisations(len(reports), lang)} — {escape(summary)}")
    for report in reports:
        counts = report.counts()
        head = ", ".join(_count(counts[s], s, lang) for s in SEVERITIES if counts[s])
        console.print()
        console.print(f"[bold]{escape(organisation_title(report))}[/bold] — {escape(head or t(W + 'no_findings'))}")
        for group in rule_groups(report, lang):
            style = SEVERITY_STYLE[group["severity"]]
            console.print(f"  [{style}]{escape(t(W + group['severity']).upper())}[/{style}] "
                          f"[bold]{escape(group['rule'])}[/bold] ({len(group['findings'])})")
            console.print(f"    {escape(group['message'])}")
            for finding in group["findings"]:
                details = [focus_text(finding)]
                if finding.path:
                    details.append(compact(finding.path) or finding.path)
                value = value_text(finding)
                if value:
                    details.append(f"{t(W + 'value')} {value}")
                source = source_text(finding, lang)
                console.print(f"    • {escape(' · '.join(details) + (f' [{source}]' if source else ''))}")
            console.print(f"    [dim]{escape(t(W + 'fix'))}: {escape(group['fix'])}[/dim]")
    console.print()
    verdict = t(W + ("conforms" if tally["violation"] == 0 else "not_conforms"))
    style = "green" if tally["violation"] == 0 else "bold red"
    console.print(f"[{style}]{escape(verdict)}[/{style}]")
    return out.getvalue()


def report_data(reports: Sequence[OrganisationReport]) -> dict:
    tally = totals(reports)
    return {
        "conforms": tally["violation"] == 0,
        "counts": dict(tally),
        "organisations": [
            {
                "organisation": report.organisation,
                "label": report.label,
                "graph": report.graph,
                "conforms": report.conforms,
                "counts": report.counts(),
                "triples": report.triples,
                "seconds": round(report.seconds, 3),
                "findings": [finding.to_dict() for finding in report.findings],
            }
            for report in reports
        ],
    }


def render_json(reports: Sequence[OrganisationReport], lang: str = "sv") -> str:
    return json.dumps(report_data(reports), ensure_ascii=False, indent=2) + "\n"


def report_graph(reports: Sequence[OrganisationReport]) -> Graph:
    """All SHACL validation reports in one graph (one sh:ValidationReport per organisation)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("ssgsh", "https://w3id.org/ssgraph/shapes#")
    for report in reports:
        graph += report.report_graph()
    return graph


def render_turtle(reports: Sequence[OrganisationReport], lang: str = "sv") -> str:
    return report_graph(reports).serialize(format="turtle")


def html(outcome, page: Page) -> str:
    """The report page (web) or file (``--format html``): a summary per organisation and rule,
    then every finding with its focus, value, source position and fix."""
    reports = outcome.reports
    lang = catalogue.language(page.lang)
    summary_rows = []
    for report in reports:
        rules = Counter((f.severity, f.text("shape_name", lang)) for f in report.findings)
        ordered = sorted(rules.items(), key=lambda item: (SEVERITIES.index(item[0][0]), item[0][1]))
        summary_rows.append((report, [(severity, rule, count) for (severity, rule), count in ordered]))
    tally = totals(reports)
    return render(
        "validation/report.html", page, outcome=outcome, reports=reports, summary_rows=summary_rows,
        totals=tally, severities=SEVERITIES, organisations_text=_organisations(len(reports), lang),
        counts_text={s: _count(tally[s], s, lang) for s in SEVERITIES},
        groups=[rule_groups(r, lang) for r in reports],
        title=organisation_title, focus_iri=lambda f: compact(f.focus) or f.focus,
        path_text=lambda f: compact(f.path) or f.path if f.path else None,
        value_text=value_text, source_text=lambda f: source_text(f, lang),
        generated=outcome.generated or timestamp(), illustrative=outcome.illustrative,
    )


def render_report(outcome, format: str, lang: str = "sv", colour: bool = False) -> str:
    if format == "text":
        return render_text(outcome.reports, lang, colour)
    if format == "json":
        return render_json(outcome.reports, lang)
    if format == "turtle":
        return render_turtle(outcome.reports, lang)
    if format == "html":
        return html(outcome, Page(lang=lang, standalone=True))
    raise ValueError(f"unknown format {format!r}")
