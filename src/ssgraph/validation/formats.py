"""Report formats: text for the terminal, JSON for machines, Turtle (the SHACL report), HTML.

Every format renders the same list of OrganisationReport objects; the text and HTML
formats are in the chosen language (sv or en).
"""

from __future__ import annotations

import html
import io
import json
from collections import Counter, defaultdict
from collections.abc import Sequence

from rdflib import Graph
from rich.console import Console
from rich.markup import escape

from ssgraph.namespaces import PREFIXES
from ssgraph.validation.findings import SEVERITIES, Finding, compact
from ssgraph.validation.run import OrganisationReport

FORMATS = ("text", "json", "turtle", "html")

WORDS = {
    "sv": {
        "title": "Valideringsrapport",
        "organisations": "organisationer", "organisation_one": "organisation",
        "violation": "överträdelse", "violations": "överträdelser",
        "warning": "varning", "warnings": "varningar",
        "info": "information", "infos": "information",
        "conforms": "Inga överträdelser.",
        "not_conforms": "Det finns överträdelser som måste rättas.",
        "fix": "Åtgärd",
        "value": "värde",
        "summary": "Sammanfattning per organisation och regel",
        "organisation": "Organisation",
        "rule": "Regel",
        "severity": "Allvarlighet",
        "count": "Antal",
        "findings": "Fynd",
        "where": "Källa",
        "sheet": "blad", "row": "rad",
        "no_findings": "Inga fynd.",
        "lang": "sv",
        "graph": "Graf",
        "illustrative": "Skapad av ssgraph validate.",
    },
    "en": {
        "title": "Validation report",
        "organisations": "organisations", "organisation_one": "organisation",
        "violation": "violation", "violations": "violations",
        "warning": "warning", "warnings": "warnings",
        "info": "info", "infos": "info",
        "conforms": "No violations.",
        "not_conforms": "There are violations that must be fixed.",
        "fix": "Fix",
        "value": "value",
        "summary": "Summary per organisation and rule",
        "organisation": "Organisation",
        "rule": "Rule",
        "severity": "Severity",
        "count": "Count",
        "findings": "Findings",
        "where": "Source",
        "sheet": "sheet", "row": "row",
        "no_findings": "No findings.",
        "lang": "en",
        "graph": "Graph",
        "illustrative": "Made by ssgraph validate.",
    },
}
SEVERITY_STYLE = {"violation": "bold red", "warning": "yellow", "info": "cyan"}


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "sv"]


def _plural(count: int, severity: str, w: dict[str, str]) -> str:
    return f"{count} {w[severity] if count == 1 else w[severity + 's']}"


def _organisations(count: int, w: dict[str, str]) -> str:
    return f"{count} {w['organisation_one'] if count == 1 else w['organisations']}"


def _totals(reports: Sequence[OrganisationReport]) -> Counter:
    tally: Counter = Counter({s: 0 for s in SEVERITIES})
    for report in reports:
        tally.update(f.severity for f in report.findings)
    return tally


def _organisation_title(report: OrganisationReport) -> str:
    parts = [p for p in (report.organisation, report.label) if p]
    return " ".join(parts) or (report.graph or "?")


def _source_text(finding: Finding, w: dict[str, str]) -> str | None:
    if finding.source is None:
        return None
    parts = [p for p in (finding.source.file,) if p]
    if finding.source.sheet:
        parts.append(f"{w['sheet']} {finding.source.sheet}")
    if finding.source.row is not None:
        parts.append(f"{w['row']} {finding.source.row}")
    return ", ".join(parts) or None


def _focus_text(finding: Finding) -> str:
    iri = compact(finding.focus) or finding.focus
    return f"\"{finding.focus_label}\" ({iri})" if finding.focus_label else iri


def _value_text(finding: Finding) -> str | None:
    if finding.value is None:
        return None
    shown = compact(finding.value) if "://" in finding.value else finding.value
    return f"{shown} \"{finding.value_label}\"" if finding.value_label else shown


def render_text(reports: Sequence[OrganisationReport], lang: str = "sv", colour: bool = False, width: int = 100) -> str:
    """Counts first, then findings grouped by organisation, severity and rule."""
    w = words(lang)
    out = io.StringIO()
    console = Console(file=out, force_terminal=colour, no_color=not colour, width=width,
                      highlight=False, soft_wrap=True, emoji=False)
    totals = _totals(reports)
    summary = ", ".join(_plural(totals[s], s, w) for s in SEVERITIES)
    console.print(f"[bold]{escape(w['title'])}[/bold]: {_organisations(len(reports), w)} — {escape(summary)}")
    for report in reports:
        counts = report.counts()
        head = ", ".join(_plural(counts[s], s, w) for s in SEVERITIES if counts[s])
        console.print()
        console.print(f"[bold]{escape(_organisation_title(report))}[/bold] — {escape(head or w['no_findings'])}")
        by_group: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for finding in report.findings:
            by_group[(finding.severity, finding.shape)].append(finding)
        for severity in SEVERITIES:
            for (sev, _shape), findings in sorted(by_group.items(), key=lambda item: item[1][0].text("shape_name", lang)):
                if sev != severity:
                    continue
                first = findings[0]
                style = SEVERITY_STYLE[severity]
                console.print(f"  [{style}]{escape(w[severity].upper())}[/{style}] "
                              f"[bold]{escape(first.text('shape_name', lang))}[/bold] ({len(findings)})")
                console.print(f"    {escape(first.text('message', lang))}")
                for finding in findings:
                    details = [_focus_text(finding)]
                    if finding.path:
                        details.append(compact(finding.path) or finding.path)
                    value = _value_text(finding)
                    if value:
                        details.append(f"{w['value']} {value}")
                    source = _source_text(finding, w)
                    line = " · ".join(details) + (f" [{source}]" if source else "")
                    console.print(f"    • {escape(line)}")
                console.print(f"    [dim]{escape(w['fix'])}: {escape(first.text('fix', lang))}[/dim]")
    console.print()
    verdict = w["conforms"] if totals["violation"] == 0 else w["not_conforms"]
    style = "green" if totals["violation"] == 0 else "bold red"
    console.print(f"[{style}]{escape(verdict)}[/{style}]")
    return out.getvalue()


def render_json(reports: Sequence[OrganisationReport], lang: str = "sv") -> str:
    totals = _totals(reports)
    document = {
        "conforms": totals["violation"] == 0,
        "counts": dict(totals),
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
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.4}
h1{font-size:1.6rem} h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:1px solid #ccc} h3{font-size:1.05rem;margin:0 0 .3rem}
table{border-collapse:collapse;margin:1rem 0} th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
th{background:#f2f2f2} td.n{text-align:right}
.sev-violation{color:#a40000;font-weight:bold} .sev-warning{color:#8a5a00;font-weight:bold} .sev-info{color:#005a8a;font-weight:bold}
.rule{margin:1rem 0 1.5rem;padding:.6rem .9rem;border-left:4px solid #ccc;background:#fafafa}
.rule.rule-violation{border-left-color:#a40000} .rule.rule-warning{border-left-color:#d49a00} .rule.rule-info{border-left-color:#2a7ab0}
.rule ul{margin:.4rem 0 0;padding-left:1.2rem} .rule li{margin:.2rem 0}
.meta{color:#555;font-size:.9rem} .fix{margin:.3rem 0}
.verdict{font-size:1.1rem}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _finding_item(finding: Finding, w: dict[str, str]) -> str:
    """One finding: its focus node by label, linked to its IRI, then id, path, value and source."""
    name = finding.focus_label or compact(finding.focus) or finding.focus
    if finding.focus.startswith(("http://", "https://")):
        focus = f'<a href="{_e(finding.focus)}">{_e(name)}</a>'
    else:
        focus = _e(name)
    meta = [compact(finding.focus) or finding.focus]
    if finding.path:
        meta.append(compact(finding.path) or finding.path)
    value = _value_text(finding)
    if value:
        meta.append(f"{w['value']}: {value}")
    source = _source_text(finding, w)
    if source:
        meta.append(f"{w['where']}: {source}")
    return f'{focus} <span class="meta">{" · ".join(_e(m) for m in meta)}</span>'


def render_html(reports: Sequence[OrganisationReport], lang: str = "sv") -> str:
    """A page for people: a summary table per organisation and rule, then every finding."""
    w = words(lang)
    totals = _totals(reports)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(w["lang"])}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(w['title'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(w['title'])}</h1>",
        f'<p class="verdict">{_e(_organisations(len(reports), w))}: '
        + ", ".join(f'<span class="sev-{s}">{_e(_plural(totals[s], s, w))}</span>' for s in SEVERITIES)
        + f". {_e(w['conforms'] if totals['violation'] == 0 else w['not_conforms'])}</p>",
        f"<h2>{_e(w['summary'])}</h2>",
        f"<table><thead><tr><th>{_e(w['organisation'])}</th><th>{_e(w['rule'])}</th>"
        f"<th>{_e(w['severity'])}</th><th>{_e(w['count'])}</th></tr></thead><tbody>",
    ]
    for report in reports:
        rules = Counter((f.severity, f.text("shape_name", lang)) for f in report.findings)
        if not rules:
            parts.append(f"<tr><td>{_e(_organisation_title(report))}</td><td colspan=\"3\">{_e(w['no_findings'])}</td></tr>")
        ordered = sorted(rules.items(), key=lambda item: (SEVERITIES.index(item[0][0]), item[0][1]))
        for (severity, rule), count in ordered:
            parts.append(
                f"<tr><td>{_e(_organisation_title(report))}</td><td>{_e(rule)}</td>"
                f'<td class="sev-{severity}">{_e(w[severity])}</td><td class="n">{count}</td></tr>'
            )
    parts.append("</tbody></table>")
    for report in reports:
        anchor = f"org-{report.organisation or 'graph'}"
        parts.append(f'<h2 id="{_e(anchor)}">{_e(_organisation_title(report))}</h2>')
        if report.graph:
            parts.append(f'<p class="meta">{_e(w["graph"])}: {_e(report.graph)}</p>')
        if not report.findings:
            parts.append(f"<p>{_e(w['no_findings'])}</p>")
        groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for finding in report.findings:
            groups[(finding.severity, finding.text("shape_name", lang))].append(finding)
        for (severity, rule), findings in sorted(groups.items(), key=lambda item: (SEVERITIES.index(item[0][0]), item[0][1])):
            first = findings[0]
            parts.append(
                f'<section class="rule rule-{severity}"><h3><span class="sev-{severity}">{_e(w[severity])}</span> · '
                f"{_e(rule)} ({len(findings)})</h3>"
                f"<div>{_e(first.text('message', lang))}</div>"
                f'<div class="fix"><strong>{_e(w["fix"])}:</strong> {_e(first.text("fix", lang))}</div><ul>'
            )
            for finding in findings:
                parts.append(f"<li>{_finding_item(finding, w)}</li>")
            parts.append("</ul></section>")
    parts.append(f'<p class="meta">{_e(w["illustrative"])}</p></body></html>')
    return "\n".join(parts) + "\n"


def render(reports: Sequence[OrganisationReport], format: str, lang: str = "sv", colour: bool = False) -> str:
    if format == "text":
        return render_text(reports, lang, colour)
    if format == "json":
        return render_json(reports, lang)
    if format == "turtle":
        return render_turtle(reports, lang)
    if format == "html":
        return render_html(reports, lang)
    raise ValueError(f"unknown format {format!r}")
