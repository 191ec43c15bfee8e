"""Finding and comparing: ``ssgraph search`` (the full-text index) and ``ssgraph cycle``
(the SS 854000 cycle status). Each parses its options, makes one call to ssgraph.services and
prints what comes back (a table, or JSON)."""

from __future__ import annotations

import json

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
                  title=t("find.hits_for", total=outcome.total, query=query))
    for number, hit in enumerate(outcome.hits, start=1):
        org = outcome.org_names.get(hit.org, hit.org)
        table.add_row(str(number), t("find.kind." + hit.kind), hit.name, org, " ".join(hit.sdgs), hit.iri)
    _console().print(table)


COMMANDS = [search_command]
