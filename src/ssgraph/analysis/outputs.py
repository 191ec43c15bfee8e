"""Turn analysis results into files (HTML, CSV, JSON, RDF, PNG, SVG); used by the CLI and web."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from ssgraph.analysis import charts, html_report, rdf_output

ACTION_NAMES = {
    "merge": ("Slå ihop", "Merge"), "retire-document": ("Avveckla dokument", "Retire document"),
    "link-to-vision": ("Koppla till visionen", "Link to the vision"),
    "add-indicator": ("Lägg till indikator", "Add an indicator"),
    "collect-data": ("Samla in data", "Collect data"),
}
REASON_NAMES = {"expired": ("giltighetstiden har gått ut", "past its validity"),
                "superseded": ("ersatt", "superseded"), "repealed": ("upphävt", "repealed")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def write_csv(rows: list[dict], path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        if rows:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return path


def write_json(data: object, path: Path) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return path


def harmonise_html(result, lang: str = "sv") -> str:
    graph_iri = rdf_output.mapping_graph_iri(result.org_a, result.org_b)
    return html_report.render(
        "harmonise.html", lang, r=result, matches=sorted(result.matches, key=lambda c: c.a),
        others=[c for c in result.candidates if not c.assigned][:60],
        diagram=html_report.svg(charts.alignment_diagram(result)), graph_iri=graph_iri,
        generated=_stamp(),
    )


def consolidate_html(result, lang: str = "sv") -> str:
    return html_report.render(
        "consolidate.html", lang, r=result,
        actions={k: _pick(v, lang) for k, v in ACTION_NAMES.items()},
        reasons={k: _pick(v, lang) for k, v in REASON_NAMES.items()}, generated=_stamp(),
    )


def coverage_html(result, lang: str = "sv") -> str:
    return html_report.render(
        "coverage.html", lang, r=result,
        sdg_svg=html_report.svg(charts.coverage_heatmap(result, "sdg", "svg", lang)),
        objective_svg=html_report.svg(charts.coverage_heatmap(result, "objective", "svg", lang)),
        generated=_stamp(),
    )


def write_outputs(name: str, result, formats: set[str], output: Path, lang: str = "sv",
                  html: str | None = None, rdf=None) -> list[Path]:
    """Write ``name``.html/.csv/.json/.ttl into ``output`` for the requested formats."""
    output.mkdir(parents=True, exist_ok=True)
    written = []
    if "html" in formats and html is not None:
        path = output / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)
    if "csv" in formats and hasattr(result, "csv_rows"):
        written.append(write_csv(result.csv_rows(), output / f"{name}.csv"))
    if "json" in formats:
        written.append(write_json(result.to_dict(), output / f"{name}.json"))
    if "rdf" in formats and rdf is not None:
        path = output / f"{name}.ttl"
        rdf.serialize(path, format="turtle")
        written.append(path)
    return written


STATUS_NAMES = {"fulfilled": ("Uppfyllt", "Fulfilled"), "partly-fulfilled": ("Delvis uppfyllt", "Partly fulfilled"),
                "not-fulfilled": ("Ej uppfyllt", "Not fulfilled"), "not-assessed": ("Ej bedömt", "Not assessed")}
DIMENSION_NAMES = {"economic": ("Ekonomisk hållbarhet", "Economic sustainability"),
                   "social": ("Social hållbarhet", "Social sustainability"),
                   "ecological": ("Ekologisk hållbarhet", "Ecological sustainability"),
                   "other": ("Övriga mål", "Other goals")}
ACTIVITY_NAMES = {"planned": ("planerad", "planned"), "ongoing": ("pågår", "ongoing"),
                  "completed": ("genomförd", "completed"), "cancelled": ("avbruten", "cancelled")}


def council_report_html(report, sdg_columns, objective_columns, lang: str = "sv",
                        public_health: dict[str, str] | None = None) -> str:
    chart_sets = {}
    for dim, goals in report.dimensions.items():
        chart_sets[dim] = []
        for goal in goals:
            for trend in goal.indicators:
                if trend.observations:
                    chart = charts.trend_chart(trend.label, trend.observations, trend.target,
                                               trend.target_year, trend.unit, "svg", lang)
                    chart_sets[dim].append({"svg": html_report.svg(chart), "on_track": trend.on_track})
    return html_report.render(
        "council_report.html", lang, r=report, charts=chart_sets,
        statuses=list(STATUS_NAMES), colours=charts.STATUS_COLOURS,
        status_names={k: _pick(v, lang) for k, v in STATUS_NAMES.items()},
        dimension_names={k: _pick(v, lang) for k, v in DIMENSION_NAMES.items()},
        activity_names={k: _pick(v, lang) for k, v in ACTIVITY_NAMES.items()},
        sdg_colours={c.key: c.colour for c in sdg_columns}, sdg_names={c.key: c.label for c in sdg_columns},
        objective_names={c.key: c.label for c in objective_columns},
        public_health_names=public_health or {}, generated=_stamp(),
    )


def find_chromium() -> str | None:
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html_path: Path, pdf_path: Path) -> Path | None:
    """Print an HTML file to PDF with headless Chromium; None when no Chromium is installed."""
    import subprocess

    browser = find_chromium()
    if browser is None:
        return None
    subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf_path


KIND_NAMES = {"sdg": ("Agenda 2030", "SDG"), "objective": ("Miljömål", "Env. objective"),
              "public-health": ("Folkhälsa", "Public health")}
DOCUMENT_KIND_NAMES = {"organising": ("organiserande", "organising"), "normative": ("normerande", "normative"),
                       "activating": ("aktiverande", "activating"), "regulating": ("reglerande", "regulating")}


def suggest_html(org: str, suggestions, documents, lang: str = "sv") -> str:
    return html_report.render(
        "suggest.html", lang, org=org, suggestions=suggestions, documents=documents,
        kinds={k: _pick(v, lang) for k, v in KIND_NAMES.items()},
        document_kinds={k: _pick(v, lang) for k, v in DOCUMENT_KIND_NAMES.items()}, generated=_stamp(),
    )
