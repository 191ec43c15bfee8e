"""Analysis commands: harmonise, consolidate, coverage, report, suggest, goal-graph.

Each parses its options, makes one call to ssgraph.services and writes what comes back:
the HTML report (standalone, from ssgraph.rendering), CSV in the user's language, JSON, RDF.
"""

from __future__ import annotations

from pathlib import Path

import click

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded

FORMATS = ("html", "csv", "json", "rdf")


def _state() -> CliContext:
    return click.get_current_context().find_object(CliContext)


def _output_option(command):
    return click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("."), show_default=True)(command)


def _format_option(default: tuple[str, ...], choices: tuple[str, ...] = FORMATS):
    def decorate(command):
        return click.option("--format", "-f", "formats", type=click.Choice(choices), multiple=True,
                            default=default, show_default=True)(command)
    return decorate


def _echo_written(paths: list[Path]) -> None:
    for path in paths:
        click.echo(str(path))


def _codes(text: str | None) -> list[str] | None:
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


def _write(name: str, formats: set[str], output: Path, lang: str, *, html: str | None = None,
           rows: list[dict] | None = None, data: dict | None = None, rdf=None,
           translate_headers: bool = True) -> list[Path]:
    """Write ``name``.html/.csv/.json/.ttl into ``output`` for the requested formats."""
    from ssgraph.cli import report_files

    written = []
    if "html" in formats and html is not None:
        written.append(report_files.write_text(html, output / f"{name}.html"))
    if "csv" in formats and rows is not None:
        written.append(report_files.write_csv(rows, output / f"{name}.csv", lang, translate_headers))
    if "json" in formats and data is not None:
        written.append(report_files.write_json(data, output / f"{name}.json"))
    if "rdf" in formats and rdf is not None:
        written.append(report_files.write_turtle(rdf, output / f"{name}.ttl"))
    return written


def _page(lang: str):
    from ssgraph.rendering import Page

    return Page(lang=lang, standalone=True)


@click.command("harmonise")
@click.argument("org_a")
@click.argument("org_b")
@_output_option
@_format_option(("html", "csv", "json", "rdf"))
@click.option("--mode", type=click.Choice(("many-to-one", "one-to-one", "all")), default="many-to-one",
              show_default=True)
@click.option("--no-store", is_flag=True)
@click.option("--decisions", "decisions_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--reviewer")
@click.option("--workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--new-org")
@click.option("--new-name")
@click.option("--new-type", default="region", show_default=True)
@click.option("--new-version")
@guarded
def harmonise_command(org_a: str, org_b: str, output: Path, formats: tuple[str, ...], mode: str, no_store: bool,
                      decisions_file: Path | None, reviewer: str | None, workbook: Path | None,
                      new_org: str | None, new_name: str | None, new_type: str, new_version: str | None) -> None:
    """Align the goals of ORG_A with those of ORG_B (codes, e.g. LL18 RF18; ORG@VERSION for
    another version than the current one).

    The review's decisions stored for the pair are re-applied. With --decisions FILE (SSSOM
    TSV) the file's decisions (rows justified by semapv:ManualMappingCuration; Not in
    predicate_modifier rejects) are applied and stored too, and FILE is rewritten with every
    decision and the proposals not decided yet. With --workbook FILE the reviewed merged
    structure is written as a filled import template for the organisation --new-org.
    """
    from ssgraph import services
    from ssgraph.rendering.analysis_reports import harmonise_page
    from ssgraph.services import harmonisation_review as review_service

    state = _state()
    store = state.open_store()
    decisions = []
    if decisions_file is not None and decisions_file.exists():
        decisions = review_service.read_decisions(store, org_a, org_b, decisions_file, reviewer or _user(), mode=mode)
    outcome = services.harmonise(store, org_a, org_b, mode=mode, save=not no_store, decisions=decisions)
    result = outcome.result
    names = {o.code: o.label for o in services.organisations(store)}
    written = _write(f"harmonise-{_file_part(result.org_a)}-{_file_part(result.org_b)}", set(formats), output,
                     state.lang, html=harmonise_page(outcome, _page(state.lang), names), rows=result.csv_rows(),
                     data=result.to_dict(), rdf=outcome.mapping, translate_headers=False)
    if decisions_file is not None:
        written.append(review_service.write_decisions(decisions_file, outcome))
    if workbook is not None:
        from ssgraph.analysis.merged_workbook import NewOrganisation

        if not new_org or not new_name:
            raise click.UsageError(catalogue.text("review.workbook_needs_org", state.lang))
        organisation = NewOrganisation(new_org, new_name, new_type,
                                       new_version or catalogue.text("review.merged_version", state.lang))
        written.append(review_service.write_merged_workbook(outcome, workbook, organisation, state.lang, names))
    _echo_written(written)
    click.echo(catalogue.text("cli.harmonised", state.lang, matches=len(result.matches),
                              a=len(result.unmatched_a), b=len(result.unmatched_b), graph=outcome.graph_iri)
               + ("" if outcome.saved else " " + catalogue.text("cli.not_stored", state.lang)))
    if outcome.decisions:
        click.echo(catalogue.text("review.decisions_applied", state.lang, count=len(outcome.decisions)))


def _file_part(key: str) -> str:
    """``0018@rus-2022`` → ``0018_rus-2022`` (a key as part of a file name)."""
    return key.replace("@", "_").replace("/", "-")


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ssgraph"


@click.command("consolidate")
@click.argument("org")
@_output_option
@_format_option(("html", "csv", "json", "rdf"))
@click.option("--no-store", is_flag=True)
@guarded
def consolidate_command(org: str, output: Path, formats: tuple[str, ...], no_store: bool) -> None:
    """Find duplicated goals, orphans, unmeasured goals and expired documents of ORG."""
    from ssgraph import services
    from ssgraph.rendering.analysis_reports import consolidate_page

    state = _state()
    outcome = services.consolidate(state.open_store(), org, save=not no_store)
    result = outcome.result
    written = _write(f"consolidate-{result.org}", set(formats), output, state.lang,
                     html=consolidate_page(outcome, _page(state.lang)), rows=result.csv_rows(),
                     data=result.to_dict(), rdf=outcome.findings)
    _echo_written(written)
    click.echo(catalogue.text("cli.consolidated", state.lang, goals=result.goals, documents=result.documents,
                              goals_after=result.goals_after, documents_after=result.documents_after))


@click.command("coverage")
@click.option("--org", "orgs")
@click.option("--region")
@_output_option
@_format_option(("html", "csv", "json"), ("html", "csv", "json"))
@guarded
def coverage_command(orgs: str | None, region: str | None, output: Path, formats: tuple[str, ...]) -> None:
    """Organisation × SDG and × environmental objective matrices, with heat maps (PNG, SVG)."""
    from ssgraph import services
    from ssgraph.rendering import charts
    from ssgraph.rendering.analysis_reports import coverage_page

    state = _state()
    outcome = services.coverage(state.open_store(), _codes(orgs), region, state.lang)
    result = outcome.result
    name = f"coverage-{region}" if region else "coverage"
    written = _write(name, set(formats), output, state.lang, html=coverage_page(outcome, _page(state.lang)),
                     rows=result.csv_rows(), data=result.to_dict())
    for scheme in ("sdg", "objective"):
        for fmt in ("png", "svg"):
            path = output / f"{name}-{scheme}.{fmt}"
            output.mkdir(parents=True, exist_ok=True)
            path.write_bytes(charts.coverage_heatmap(result, scheme, fmt, state.lang))
            written.append(path)
    _echo_written(written)


@click.command("goal-graph")
@click.option("--org", "orgs")
@click.option("--all-versions", is_flag=True)
@_output_option
@click.option("--format", "-f", "formats", type=click.Choice(("graphml", "json")), multiple=True,
              default=("graphml", "json"), show_default=True)
@guarded
def goal_graph_command(orgs: str | None, all_versions: bool, output: Path, formats: tuple[str, ...]) -> None:
    """Export the goal graph (organisation → vision → goals → indicators…) as GraphML and JSON."""
    from ssgraph import services
    from ssgraph.analysis import goal_graph
    from ssgraph.cli import report_files

    state = _state()
    graph = services.goal_graph(state.open_store(), _codes(orgs), all_versions=all_versions)
    output.mkdir(parents=True, exist_ok=True)
    written = []
    if "graphml" in formats:
        written.append(goal_graph.to_graphml(graph, output / "goal-graph.graphml"))
    if "json" in formats:
        written.append(report_files.write_json(goal_graph.to_node_link(graph), output / "goal-graph.json"))
    _echo_written(written)
    click.echo(catalogue.text("cli.goal_graph", state.lang, nodes=graph.number_of_nodes(),
                              edges=graph.number_of_edges()))


@click.command("report")
@click.argument("org")
@click.option("--period")
@_output_option
@_format_option(("html", "csv", "json"), ("html", "csv", "json"))
@click.option("--pdf/--no-pdf", default=True, show_default=True)
@guarded
def report_command(org: str, period: str, output: Path, formats: tuple[str, ...], pdf: bool) -> None:
    """The council's follow-up report for ORG and a period: goals, trends, activities, SDGs."""
    from ssgraph import services
    from ssgraph.cli import report_files
    from ssgraph.rendering.analysis_reports import council_report_page

    state = _state()
    outcome = services.council_report(state.open_store(), org, period, state.lang)
    report = outcome.report
    name = f"report-{report.org}-{report.period}"
    wanted = set(formats) | ({"html"} if pdf else set())
    written = _write(name, wanted, output, state.lang, html=council_report_page(outcome, _page(state.lang)),
                     rows=report.csv_rows(), data=report.to_dict())
    _echo_written(written)
    if pdf:
        made = report_files.html_to_pdf(output / f"{name}.html", output / f"{name}.pdf")
        click.echo(str(made) if made else catalogue.text("cli.no_pdf", state.lang))


def _accepted_ids(wanted: tuple[str, ...], suggestions) -> list[str]:
    """Suggestion ids from what the user typed: a number of the printed list (#) or an id."""
    ids = []
    for text in wanted:
        if text.isdigit() and 1 <= int(text) <= len(suggestions):
            ids.append(suggestions[int(text) - 1].id)
        else:
            ids.append(text)
    return ids


def _print_suggestions(outcome, lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    t = catalogue.translator(lang)
    table = Table("#", t("csv.subject_label"), t("csv.concept_kind"), t("csv.score"), t("csv.triggers"),
                  show_lines=False, title=t("cli.suggestions_for", org=outcome.org.label))
    for number, s in enumerate(outcome.suggestions, start=1):
        concept = f"{t('report.kind.' + s.concept_kind)} {s.notation}"
        label = outcome.concept_labels.get(s.concept)
        table.add_row(str(number), s.subject_label, f"{concept}: {label}" if label else concept,
                      f"{s.score:.2f}", ", ".join(s.triggers))
    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=160)  # piped: room for whole labels
    console.print(table)
    for d in outcome.documents:
        kind = t("report.document_kind." + (d["kind"] or "none"))
        click.echo(t("cli.document_kind", title=d["title"], kind=kind, reason=d["reason"]))
    if outcome.suggestions:
        click.echo(t("cli.accept_hint", org=outcome.org.code))


@click.command("suggest")
@click.argument("org")
@click.option("--accept", "accept_ids", multiple=True, metavar="#|ID")
@click.option("--method", type=click.Choice(("manual", "lexical", "model")), default="lexical", show_default=True)
@click.option("--minimum", type=click.FloatRange(0.0, 1.0), default=0.3, show_default=True)
@click.option("--all", "include_linked", is_flag=True)
@_output_option
@_format_option((), ("csv", "json"))
@guarded
def suggest_command(org: str, accept_ids: tuple[str, ...], method: str, minimum: float,
                    include_linked: bool, output: Path, formats: tuple[str, ...]) -> None:
    """Suggest SDG-target, environmental-objective and public-health links for ORG's goals and
    indicators from their Swedish text; classify steering documents by kind."""
    from ssgraph import services
    from ssgraph.analysis import suggest

    state = _state()
    store = state.open_store()
    outcome = services.suggest(store, org, minimum=minimum, include_linked=include_linked, lang=state.lang)
    if accept_ids:
        count = services.accept_suggestions(store, org, _accepted_ids(accept_ids, outcome.suggestions), method,
                                            minimum=minimum, include_linked=include_linked)
        click.echo(catalogue.text("cli.links_written", state.lang, count=count))
        return
    _print_suggestions(outcome, state.lang)
    rows = suggest.as_dicts(outcome.suggestions)
    for row in rows:
        row["triggers"] = " ".join(row["triggers"])
        row["concept_label"] = outcome.concept_labels.get(row["concept"], "")
    code = outcome.org.code
    _echo_written(_write(f"suggest-{code}", set(formats), output, state.lang, rows=rows,
                         data={"suggestions": suggest.as_dicts(outcome.suggestions), "documents": outcome.documents}))


COMMANDS = [suggest_command, report_command, harmonise_command, consolidate_command, coverage_command, goal_graph_command]
