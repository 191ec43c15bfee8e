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
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


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
