"""Finding and comparing: ``ssgraph search`` (the full-text index) and ``ssgraph cycle``
(the SS 854000 cycle status). Each parses its options, makes one call to ssgraph.services and
prints what comes back (a table, or JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded


def _state() -> CliContext:
    return click.get_current_context().find_object(CliContext)


def _console():
    from rich.console import Console

    console = Console(soft_wrap=False)
    return console if console.is_terminal else Console(soft_wrap=False, width=160)


@click.command("search")
@click.argument("query", required=False, default="")
@click.option("--org", "orgs", multiple=True, metavar="CODE", help="Only this organisation (repeatable).")
@click.option("--type", "kinds", multiple=True, metavar="TYPE",
              help="goal, indicator, organisation, document, sdg, sdg-goal, objective (repeatable).")
@click.option("--sdg", "sdgs", multiple=True, metavar="N", help="Only about SDG N (1–17, repeatable).")
@click.option("--limit", type=click.IntRange(1, 200), default=20, show_default=True)
@click.option("--all-versions", is_flag=True, help="Search archived versions too.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--rebuild", is_flag=True, help="Build the search index again from the store first.")
@guarded
def search_command(query: str, orgs: tuple[str, ...], kinds: tuple[str, ...], sdgs: tuple[str, ...], limit: int,
                   all_versions: bool, fmt: str, rebuild: bool) -> None:
    """Search goals, indicators, organisations, steering documents, SDG targets and
    environmental objectives by words in Swedish or English."""
    from rich.table import Table

    from ssgraph import services

    state = _state()
    store = state.open_store()
    t = catalogue.translator(state.lang)
    if rebuild:
        counts = services.rebuild_index(store)
        click.echo(t("find.index_rebuilt", documents=sum(counts.values())))
        if not query:
            return
    outcome = services.search(store, None, query, kinds=kinds, orgs=orgs, sdgs=sdgs, lang=state.lang,
                              limit=limit, all_versions=all_versions)
    if fmt == "json":
        click.echo(json.dumps(outcome.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table("#", t("find.type"), t("find.name"), t("report.organisation"), "SDG", "IRI",
                  title=t("find.hits_for" if outcome.total_exact else "find.more_hits_for", total=outcome.total,
                          query=query))
    for number, hit in enumerate(outcome.hits, start=1):
        org = outcome.org_names.get(hit.org, hit.org)
        table.add_row(str(number), t("find.kind." + hit.kind), hit.name, org, " ".join(hit.sdgs), hit.iri)
    _console().print(table)
    from ssgraph.rendering.find_pages import read_as_type_notes

    for note in read_as_type_notes(outcome, state.lang):
        click.echo(note)


def _print_cycle(outcome, lang: str) -> None:
    from rich.table import Table

    t = catalogue.translator(lang)
    console = _console()
    if len(outcome.organisations) == 1:
        org = outcome.organisations[0]
        click.echo(t("find.cycle_status_of", name=f"{org.organisation.label} ({org.organisation.code})"))
        click.echo(t("find.cycle_summary", shown=org.shown, elements=org.elements))
        for number, (step, statuses) in enumerate(org.steps, start=1):
            table = Table(t("find.element"), t("find.status_heading"), t("find.evidence"), t("find.recommendation"),
                          title=f"{number}. {step.label} ({t('find.pdca_phase', phase=step.pdca)})", show_lines=True, title_justify="left")
            for s in statuses:
                shown = ", ".join(e["label"] or e["iri"] for e in s.evidence[:3])
                evidence = f"{s.count}: {shown}" if s.count else t("find.missing_text", shown_by=", ".join(
                    s.element.shown_by), minimum=s.element.minimum)
                table.add_row(f"{s.element.notation} {s.element.label}", t("find.status." + s.status), evidence,
                              s.element.recommendation if s.status != "shown" else "")
            console.print(table)
        tools = ", ".join(label for _, label in org.tools) or t("find.not_in_data")
        click.echo(f"{t('find.supporting_tools')}: {tools}")
        return
    counts = outcome.element_counts()
    table = Table(t("find.step"), t("find.element"), t("find.organisations_showing"),
                  title=t("find.cycle_all_intro", count=len(outcome.organisations)), title_justify="left")
    for step in outcome.steps:
        for index, element in enumerate(step.elements):
            table.add_row(step.label if index == 0 else "", f"{element.notation} {element.label}",
                          f"{counts.get(element.iri, 0)} / {len(outcome.organisations)}")
    console.print(table)
    tools = outcome.tool_counts()
    for tool, label in outcome.tools.items():
        click.echo(f"{label}: {tools.get(tool, 0)}")


@click.command("cycle")
@click.argument("org", required=False)
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True)
@click.option("--format", "-f", "formats", type=click.Choice(("html", "csv", "json")), multiple=True)
@guarded
def cycle_command(org: str | None, output: Path, formats: tuple[str, ...]) -> None:
    """The SS 854000 cycle status of ORG (code or name; all organisations without it): for each
    process step and element, what the data show, what is missing and the standard's
    recommendation."""
    from ssgraph import services
    from ssgraph.cli import report_files
    from ssgraph.rendering import Page, find_pages

    state = _state()
    outcome = services.cycle_status(state.open_store(), org, lang=state.lang)
    _print_cycle(outcome, state.lang)
    name = f"cycle-{outcome.organisations[0].organisation.code}" if org else "cycle"
    page = Page(lang=state.lang, standalone=True)
    if "html" in formats:
        html = find_pages.cycle_page(outcome, page) if org else find_pages.cycle_all_page(outcome, page)
        click.echo(str(report_files.write_text(html, output / f"{name}.html")))
    if "csv" in formats:
        click.echo(str(report_files.write_csv(outcome.csv_rows(), output / f"{name}.csv", state.lang, True)))
    if "json" in formats:
        click.echo(str(report_files.write_json(outcome.to_dict(), output / f"{name}.json")))


COMMANDS = [search_command, cycle_command]
