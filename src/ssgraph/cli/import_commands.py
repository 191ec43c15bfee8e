"""Import commands: template, import, versions, diff."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded
from ssgraph.errors import InputError
from ssgraph.importing.rdf_terms import DEFAULT_BASE


def _state() -> CliContext:
    return click.get_current_context().find_object(CliContext)


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default=None,
              help="xlsx (default for OUT.xlsx) or csv (a folder of CSV files).")
@guarded
def template(out: Path, fmt: str | None) -> None:
    """Write the interchange template: OUT.xlsx, or a folder of CSV files."""
    from ssgraph.importing.template import write_template

    state = _state()
    path = write_template(out, fmt, state.lang)
    click.echo(catalogue.text("cli.template_written", state.lang, path=path))


def _progress_reporter(console: Console):
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        console=console, transient=True, disable=not console.is_terminal)
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    return progress, report


def _print_problems(problems, kind: str, lang: str) -> None:
    word = catalogue.text(f"errors.{'prefix' if kind == 'error' else 'warning_prefix'}", lang)
    for p in problems:
        click.echo(f"{word}: {p.render(lang)}", err=True)


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--org", metavar="CODE", help="Organisation code (default: from the sheet Organisation).")
@click.option("--version", "version_label", metavar="LABEL",
              help='Version of the goal structure, e.g. "Mål och budget 2024" (default: from the sheet Organisation).')
@click.option("--base", default=DEFAULT_BASE, show_default=True, metavar="IRI", help="Base of the instance IRIs.")
@click.option("--lang", type=click.Choice(["sv", "en"]), default=None, help="Language of the messages.")
@click.option("--dry-run", is_flag=True, help="Check and map, but write nothing.")
@click.option("--current/--not-current", default=True, show_default=True,
              help="Make this version the organisation's current one.")
@click.option("--illustrative", is_flag=True, help="Mark the data as illustrative example data.")
@guarded
def import_(paths: tuple[Path, ...], org: str | None, version_label: str | None, base: str, lang: str | None,
            dry_run: bool, current: bool, illustrative: bool) -> None:
    """Import workbooks (.xlsx), CSV folders, YAML files or RDF into the store.

    Every problem of every file is reported at once with its position; when there is any
    error, nothing is written. Each file is one version of one organisation's goal structure.
    """
    from ssgraph import services
    from ssgraph.importing.importer import ImportRejected

    state = _state()
    if lang:
        state.lang = lang
    lang = state.lang
    console = Console(stderr=True)
    progress, report = _progress_reporter(console)

    def labelled(stage: str, done: int, total: int) -> None:
        report(catalogue.text(f"cli.progress.{stage}", lang) if catalogue.has(f"cli.progress.{stage}") else stage,
               done, total)

    store = None if dry_run else state.open_store()
    try:
        with progress:
            results = services.import_files(store, paths, org=org, version=version_label, base=base, lang=lang,
                                            make_current=current, dry_run=dry_run, progress=labelled,
                                            illustrative=illustrative)
    except ImportRejected as rejected:
        _print_problems(rejected.problems, "error", lang)
        _print_problems(rejected.warnings, "warning", lang)
        click.echo(catalogue.text("cli.import_rejected", lang, errors=len(rejected.problems),
                                   warnings=len(rejected.warnings)), err=True)
        sys.exit(rejected.exit_code)
    for result in results:
        prepared = result.prepared
        _print_problems(prepared.warnings, "warning", lang)
        click.echo(catalogue.text(
            "cli.imported", lang, file=prepared.path.name, org=prepared.org_code, version=prepared.version_label,
            graph=prepared.graph_iri, goals=prepared.counts.get("goals", 0),
            indicators=prepared.counts.get("indicators", 0), observations=prepared.counts.get("observations", 0),
            triples=result.triples,
            current=catalogue.text("cli.current_marker", lang) if result.current else ""))
    if dry_run:
        click.echo(catalogue.text("cli.dry_run", lang))


@click.command()
@click.argument("org")
@click.option("--set-current", metavar="LABEL", help="Make this version the current one.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@guarded
def versions(org: str, set_current: str | None, as_json: bool) -> None:
    """List the loaded versions of an organisation's goal structure (ORG by code or name)."""
    from ssgraph import services
    from ssgraph.importing.versions import list_versions, set_current_version

    state = _state()
    store = state.open_store()
    try:
        org = services.resolve_organisation(store, org).code
    except InputError:  # no structure loaded: the list below says so
        org = org.strip()
    if set_current:
        set_current_version(store, org, set_current)
    found = list_versions(store, org)
    if as_json:
        click.echo(json.dumps([v.__dict__ for v in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(catalogue.text("cli.no_versions", state.lang, org=org))
        return
    marker = catalogue.text("cli.current", state.lang)
    for v in found:
        flag = f"  [{marker}]" if v.current else ""
        click.echo(f"{v.name}\t{v.key}\t{v.graph}\t{v.generated or ''}{flag}")


@click.command()
@click.argument("structures", nargs=-1, required=True, metavar="ORG[@VERSION] [ORG[@VERSION]] | ORG VERSION_A VERSION_B")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@guarded
def diff(structures: tuple[str, ...], as_json: bool) -> None:
    """Goals added, removed and reworded between two versions. Name them ORG@VERSION (label,
    slug, year or a unique part of the label; ORG alone is the current version), or ORG
    VERSION_A VERSION_B. A goal reworded under a new id is matched by its text."""
    from ssgraph import services

    if len(structures) == 3:
        org, version_a, version_b = structures
        structures = (f"{org}@{version_a}", f"{org}@{version_b}")
    if len(structures) > 2:
        raise click.UsageError("give ORG@VERSION_A [ORG@VERSION_B] or ORG VERSION_A VERSION_B")
    state = _state()
    result = services.diff(state.open_store(), *structures)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    t = catalogue.translator(state.lang)
    click.echo(catalogue.text("cli.diff_summary", state.lang, org=result.version_a.org_code,
                               a=result.version_a.name, b=result.version_b.name, added=len(result.added),
                               removed=len(result.removed), reworded=len(result.reworded),
                               renumbered=len(result.renumbered)))
    for title, changes in ((t("cli.diff_added"), result.added), (t("cli.diff_removed"), result.removed)):
        if changes:
            click.echo(f"\n{title}:")
            for c in changes:
                click.echo(f"  {c.identifier}: {c.text_b if c.text_b is not None else c.text_a}")
    if result.reworded:
        click.echo(f"\n{t('cli.diff_reworded')}:")
        for c in result.reworded:
            ident = f"{c.identifier} → {c.identifier_b} ({c.relation})" if c.renumbered else c.identifier
            click.echo(f"  {ident}:\n    - {c.text_a}\n    + {c.text_b}")
    if result.renumbered:
        click.echo(f"\n{t('cli.diff_renumbered')}:")
        for c in result.renumbered:
            click.echo(f"  {c.identifier} → {c.identifier_b}: {c.text_b}")


COMMANDS = [template, import_, versions, diff]
