#!/usr/bin/env python3
"""Convert the real goal structures (neutral-goalset/1 YAML) into data/realdata/ in the import model.

Usage (from the repository root):

    python scripts/convert_realdata.py SOURCE_ORGS_DIR [--gold GOLD_DIR] [--out data/realdata]

SOURCE_ORGS_DIR is the ``orgs/`` folder of the real goal structures (one YAML file per
goal-set version plus ``index.yaml``). The conversion is faithful: every value written
comes from the source file, and a field the source leaves empty stays empty. The few
readings the conversion makes are listed in ``CONVERSION_NOTES`` (written into the
README) and nowhere else. The collection's gold standards (GOLD_DIR, by default the ``gold/``
folder next to SOURCE_ORGS_DIR) are copied unchanged into ``gold/`` for the benchmarks. The
output is deterministic; the product reads only the written files, never SOURCE_ORGS_DIR.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "data" / "realdata"
FORMAT = "neutral-goalset/1"

QUOTED_SV = "Citerat ur offentliga dokument från {org} (se bladet Källor); inga värden är påhittade."
QUOTED_EN = "Quoted from public documents of {org} (see the Sources sheet); no value is invented."

LEVELS = {"goal area": "målområde", "overarching goal": "övergripande", "committee goal": "nämnd",
          "sub-goal": "delmål"}
ORGANISATION_TYPES = {"kommun": "kommun", "region": "region"}

CONVERSION_NOTES = (
    "Regions: the source gives the 2-digit county code (18); the import model writes a region as "
    "00 + county code (0018), as Kolada and data/reference/organisations.ttl do.",
    "Levels: goal area → målområde, overarching goal → övergripande, committee goal → nämnd, "
    "sub-goal → delmål; the organisation's own word is kept in source_term.",
    "Periods: \"2020-2023\" → period_start 2020, period_end 2023; a single year \"2015\" → both 2015; "
    "\"-2020\" (until 2020) → period_end 2020 only.",
    "Indicators: one row per indicator of a goal, id <goal id>.i<n>; each entry of target[] gives "
    "target_year, target_value, target_operator, target_unit and target_text (the sources have at "
    "most one target per indicator).",
    "Observations: each entry of actual[] is an observation of the organisation (year, value, the "
    "quoted text, approx); each entry of comparison[] is an observation for the named comparison "
    "area; an actual[] entry's period (e.g. vårterminen) and change are kept in its note.",
    "Sources: every source of the version becomes a row of the Sources sheet; rows point to the "
    "source whose URL is their source_url.",
    "Notes: the collector's notes (English) are kept in the note column; a vision's assignment "
    "(how it is tied to the version) opens its note.",
)


class ConversionError(Exception):
    pass


def _period(text: object) -> tuple[int | None, int | None]:
    if text is None:
        return None, None
    match = re.fullmatch(r"\s*(\d{4})?\s*([-–])?\s*(\d{4})?\s*", str(text))
    if not match or not (match.group(1) or match.group(3)) or (match.group(1) and match.group(3) and not match.group(2)):
        raise ConversionError(f"period {text!r} is not YYYY, YYYY-YYYY, -YYYY or YYYY-")
    start = int(match.group(1)) if match.group(1) else None
    end = int(match.group(3)) if match.group(3) else None
    return (start, start) if not match.group(2) else (start, end)


def _organisation_code(organisation: dict) -> str:
    code = str(organisation["code"])
    if organisation["type"] == "region" and re.fullmatch(r"\d{2}", code):
        return "00" + code
    if not re.fullmatch(r"\d{4}", code):
        raise ConversionError(f"organisation code {code!r} is neither a municipality nor a region code")
    return code


class SourceIds:
    """URL → id of the version's sources; a URL the version does not list gets a row of its own."""

    def __init__(self, sources: list[dict]):
        self.rows: list[dict] = []
        self.by_url: dict[str, str] = {}
        for source in sources:
            row = _drop_empty({
                "id": source["source_id"], "title": source.get("title"), "publisher": source.get("publisher"),
                "url": source.get("url"), "year": source.get("year"),
                "secondary": source.get("secondary_source"),
            })
            self.rows.append(row)
            self.by_url.setdefault(source.get("url"), source["source_id"])

    def id_for(self, url: str | None) -> str | None:
        if url is None:
            return None
        if url not in self.by_url:
            ident = f"u{len(self.rows) + 1}"
            self.rows.append({"id": ident, "url": url})
            self.by_url[url] = ident
        return self.by_url[url]


def _drop_empty(row: dict) -> dict:
    return {k: v for k, v in row.items() if v is not None and v != "" and v != []}


def _join(*parts: object) -> str | None:
    kept = [str(p).strip() for p in parts if p not in (None, "")]
    return " — ".join(kept) if kept else None


def _goal_row(goal: dict, sources: SourceIds) -> dict:
    start, end = _period(goal.get("period"))
    sdg_link = goal.get("sdg_link") or {}
    objective_link = goal.get("miljomal_link") or {}
    return _drop_empty({
        "id": goal["id"],
        "parent": goal.get("parent"),
        "level": LEVELS[goal["level"]],
        "source_term": goal.get("source_term"),
        "text": goal.get("text"),
        "text_complete": goal.get("text_complete"),
        "description": goal.get("description"),
        "responsible_body": goal.get("responsible_body"),
        "period_start": start,
        "period_end": end,
        "sdg_targets": "; ".join(str(n) for n in goal.get("sdg") or []),
        "sdg_statement": sdg_link.get("statement"),
        "environmental_objectives": "; ".join(str(n) for n in goal.get("miljomal") or []),
        "environmental_objectives_statement": objective_link.get("statement"),
        "source": sources.id_for(goal.get("source_url")),
        "note": _join(goal.get("notes"), objective_link.get("statement_note")),
    })


def _indicator_rows(goal: dict, sources: SourceIds) -> tuple[list[dict], list[dict]]:
    indicators, observations = [], []
    for number, indicator in enumerate(goal.get("indicators") or [], start=1):
        ident = f"{goal['id']}.i{number}"
        targets = indicator.get("target") or []
        if len(targets) > 1:
            raise ConversionError(f"{ident}: more than one target; the import model has one per indicator")
        target = targets[0] if targets else {}
        baseline = indicator.get("baseline") or {}
        indicators.append(_drop_empty({
            "id": ident, "goal": goal["id"], "name": indicator["name"],
            "verbatim": indicator.get("name_verbatim"), "group": indicator.get("group"),
            "unit": indicator.get("unit"),
            "baseline_year": baseline.get("year"), "baseline_value": baseline.get("value"),
            "baseline_text": baseline.get("text"),
            "target_year": target.get("year"), "target_value": target.get("value"),
            "target_operator": target.get("operator"), "target_unit": target.get("unit"),
            "target_text": target.get("text"),
            "source": sources.id_for(indicator.get("source_url")), "note": indicator.get("notes"),
        }))
        for actual in indicator.get("actual") or []:
            observations.append(_drop_empty({
                "indicator": ident, "period": actual.get("year"), "value": actual.get("value"),
                "text": actual.get("text"), "approximate": actual.get("approx"),
                "source": sources.id_for(indicator.get("source_url")),
                "note": _join(actual.get("period"), actual.get("change")),
            }))
        for comparison in indicator.get("comparison") or []:
            observations.append(_drop_empty({
                "indicator": ident, "period": comparison.get("year"), "value": comparison.get("value"),
                "area": comparison.get("what"), "source": sources.id_for(indicator.get("source_url")),
            }))
    return indicators, observations


def convert_version(document: dict, source_name: str) -> dict:
    """One neutral goal-set version as the import model's YAML sheets."""
    if document.get("format") != FORMAT:
        raise ConversionError(f"{source_name}: format {document.get('format')!r}, expected {FORMAT}")
    organisation, version = document["organisation"], document["version"]
    name = organisation["name"]
    sources = SourceIds(version.get("sources") or [])
    sheets: dict[str, list[dict]] = {
        "organisation": [_drop_empty({
            "code": _organisation_code(organisation), "name": name,
            "type": ORGANISATION_TYPES[organisation["type"]], "version": version["label"],
            "year": version.get("year"), "illustrative": False,
            "note": _join(QUOTED_SV.format(org=name) + " " + QUOTED_EN.format(org=name), version.get("notes")),
        })],
    }
    vision = document.get("vision")
    if vision:
        sheets["vision"] = [_drop_empty({
            "kind": "vision", "name": vision.get("name"), "text": vision.get("text"),
            "source": sources.id_for(vision.get("source_url")),
            "note": _join(vision.get("assignment"), vision.get("notes")),
        })]
    goals, indicators, observations, assessments = [], [], [], []
    for goal in document["goals"]:
        goals.append(_goal_row(goal, sources))
        more_indicators, more_observations = _indicator_rows(goal, sources)
        indicators += more_indicators
        observations += more_observations
        for assessment in goal.get("assessments") or []:
            assessments.append(_drop_empty({
                "goal": goal["id"], "period": assessment.get("year"), "status": assessment.get("normalised"),
                "comment": assessment.get("text"), "source": sources.id_for(assessment.get("source_url")),
            }))
    sheets["sources"] = sources.rows
    sheets["goals"] = goals
    for key, rows in (("indicators", indicators), ("observations", observations), ("assessments", assessments)):
        if rows:
            sheets[key] = rows
    return sheets


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    # codes such as 0180 are quoted: some YAML readers take an unquoted 0180 for a number
    style = "|" if "\n" in value else "'" if re.fullmatch(r"0\d+", value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def render(sheets: dict, header: list[str]) -> str:
    body = yaml.dump(sheets, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    return "".join(f"# {line}\n" if line else "#\n" for line in header) + "\n" + body


def _load_order(entries: list[tuple[str, int | None, Path]]) -> list[Path]:
    """Per organisation: undated versions first (their place is unknown), then by year, so the
    latest dated version becomes the current one."""
    return [path for _, _, path in sorted(entries, key=lambda e: (e[0], e[1] is not None, e[1] or 0, e[2].name))]


def copy_gold(gold_dir: Path, out_dir: Path) -> list[Path]:
    """The gold standards as they are (they name goals by collection file stem and goal id)."""
    target = out_dir / "gold"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(gold_dir.glob("*.json")):
        (target / path.name).write_bytes(path.read_bytes())
        written.append(target / path.name)
    return written


def convert(source_dir: Path, out_dir: Path) -> list[Path]:
    index = yaml.safe_load((source_dir / "index.yaml").read_text(encoding="utf-8"))
    if index.get("format") != FORMAT:
        raise ConversionError(f"index.yaml: format {index.get('format')!r}, expected {FORMAT}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, int | None, Path]] = []
    readme_rows = []
    for organisation in index["organisations"]:
        for version in organisation["versions"]:
            source_path = source_dir / version["file"]
            document = yaml.safe_load(source_path.read_text(encoding="utf-8"))
            sheets = convert_version(document, version["file"])
            name = document["organisation"]["name"]
            header = [
                f"{name}: {document['version']['label']}",
                "",
                QUOTED_SV.format(org=name),
                QUOTED_EN.format(org=name),
                "Real data, not illustrative: the texts are quoted from the organisation's public documents",
                "(or, where a source is marked secondary, documents about it); see the sources below.",
                f"Converted by scripts/convert_realdata.py from orgs/{version['file']} ({FORMAT}).",
                "Do not edit by hand: change the converter or the source and convert again.",
            ]
            target = out_dir / version["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(sheets, header), encoding="utf-8")
            written.append((organisation["directory"], document["version"].get("year"), target))
            readme_rows.append((version["file"], name, sheets["organisation"][0]["code"],
                                document["version"]["label"], len(sheets["goals"]),
                                len(sheets.get("indicators", [])), sheets["sources"]))
    order = _load_order(written)
    (out_dir / "index.yaml").write_text(
        "# Load order of the real goal structures (ssgraph init --examples): per organisation,\n"
        "# undated versions first, then by year, so the latest dated version is current.\n"
        + yaml.dump({"files": [str(p.relative_to(out_dir)) for p in order]}, allow_unicode=True, sort_keys=False),
        encoding="utf-8")
    (out_dir / "README.md").write_text(_readme(readme_rows), encoding="utf-8")
    return order


def _readme(rows: list[tuple]) -> str:
    lines = [
        "# Real goal structures (data/realdata/)",
        "",
        "**Quoted from public documents of the organisations named in each file, not illustrative.**",
        "*Citerat ur offentliga dokument från de organisationer som varje fil namnger, inte illustrativt.*",
        "",
        "Every file is one version of one organisation's goal structure, in the import model "
        "(`ssgraph import` reads it as it is). Goal texts, descriptions, vision texts, link statements "
        "and indicator names are quoted from the organisations' public documents (web pages, web "
        "versions of reports, third-party copies of PDFs); each row points to its source in the "
        "`sources` sheet, which gives the title, publisher and URL. A source marked `secondary: true` "
        "is published by someone else (a news site, a party) about the organisation. Nothing was "
        "invented: what a document does not say is left empty, and ssgraph reports it as a "
        "data-quality finding (a warning), never as a default that looks like a fact.",
        "",
        "The sources were read as short excerpts (about the first 2,000 characters of each stored page), "
        "so lists are often incomplete and indicators thin; the `note` column says so where the "
        "collector noted it.",
        "",
        "They are loaded with the illustrative examples by `ssgraph init --examples` (and so by "
        "`ssgraph serve` on a new store), after them, in the order of `index.yaml`.",
        "",
        "Regenerate with `python scripts/convert_realdata.py PATH/TO/realdata/orgs` (the collection's "
        "`orgs/` folder, outside this repository). The test `tests/importing/test_realdata.py` imports "
        "every file and compares the imported values with the collection field by field (skipped "
        "when the collection is not next to the repository).",
        "",
        "`gold/` holds the collection's gold standards (harmonisation of versions, SDG and miljömål "
        "links, consolidation), copied unchanged, for `benchmarks/evaluate_realdata.py`. They name a "
        "goal by the collection's file (`18-region-orebro-lan.json`: the folder `18-region-orebro-lan/` "
        "here) and its goal id (the same id here). The product never reads them.",
        "",
        "Readings the conversion makes:",
        "",
        *[f"- {note}" for note in CONVERSION_NOTES],
        "",
        "| file | organisation (code) | version | goals | indicators | sources (publisher, URL) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for file, name, code, label, goals, indicators, sources in rows:
        cited = "; ".join(f"{s.get('publisher', '–')}: <{s['url']}>" for s in sources if s.get("url"))
        lines.append(f"| `{file}` | {name} (`{code}`) | {label} | {goals} | {indicators} | {cited} |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the orgs/ folder of the real goal structures")
    parser.add_argument("--gold", type=Path, help="the gold standards (default: gold/ next to SOURCE)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    gold = args.gold or args.source.parent / "gold"
    try:
        written = convert(args.source, args.out)
        if gold.is_dir():
            written += copy_gold(gold, args.out)
    except (ConversionError, KeyError, OSError, yaml.YAMLError) as error:
        print(f"convert_realdata: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(path.relative_to(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
