"""Analysis commands: harmonise, consolidate, coverage, report, suggest, goal-graph."""

from __future__ import annotations

from pathlib import Path

import click

from ssgraph.cli.context import CliContext, guarded

FORMATS = ("html", "csv", "json", "rdf")


def _state() -> CliContext:
    return click.get_current_context().find_object(CliContext)


def _output_option(command):
    return click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path),
                        default=Path("."), show_default=True,
                        help="Folder for the files written.")(command)


def _format_option(default: tuple[str, ...]):
    def decorate(command):
        return click.option("--format", "-f", "formats", type=click.Choice(FORMATS), multiple=True,
                            default=default, show_default=True,
                            help="Output formats (repeat the option for several).")(command)
    return decorate


def _echo_written(paths: list[Path]) -> None:
    for path in paths:
        click.echo(str(path))


@click.command("harmonise")
@click.argument("org_a")
@click.argument("org_b")
@_output_option
@_format_option(("html", "csv", "json", "rdf"))
@click.option("--mode", type=click.Choice(("many-to-one", "one-to-one", "all")), default="many-to-one",
              show_default=True,
              help="many-to-one: each goal's best counterpart plus merges and splits; one-to-one: "
                   "a strict assignment; all: every candidate.")
@click.option("--no-store", is_flag=True, help="Do not write the mapping graph into the store.")
@guarded
def harmonise_command(org_a: str, org_b: str, output: Path, formats: tuple[str, ...],
                      mode: str, no_store: bool) -> None:
    """Align the goals of ORG_A with those of ORG_B (codes, e.g. LL18 RF18)."""
    from ssgraph.analysis import goal_graph, harmonise, outputs, rdf_output

    state = _state()
    store = state.open_store()
    graph = goal_graph.build_goal_graph(store, [org_a, org_b], observations="none")
    result = harmonise.harmonise(graph, org_a, org_b, mode=mode)
    graph_iri, mapping = rdf_output.harmonisation_graph(result)
    if not no_store:
        store.replace_graphs({str(graph_iri): mapping})
    written = outputs.write_outputs(
        f"harmonise-{org_a}-{org_b}", result, set(formats), output, state.lang,
        html=outputs.harmonise_html(result, state.lang), rdf=mapping)
    _echo_written(written)
    click.echo(f"{len(result.matches)} matches, {len(result.unmatched_a)} + {len(result.unmatched_b)} "
               f"unmatched; mapping graph {graph_iri}" + (" (not stored)" if no_store else ""))


@click.command("consolidate")
@click.argument("org")
@_output_option
@_format_option(("html", "csv", "json", "rdf"))
@click.option("--no-store", is_flag=True, help="Do not write the findings into the store.")
@guarded
def consolidate_command(org: str, output: Path, formats: tuple[str, ...], no_store: bool) -> None:
    """Find duplicated goals, orphans, unmeasured goals and expired documents of ORG."""
    from ssgraph.analysis import consolidate, goal_graph, outputs, rdf_output

    state = _state()
    store = state.open_store()
    result = consolidate.consolidate(
        goal_graph.build_goal_graph(store, [org], observations="presence"), org)
    graph_iri, findings = rdf_output.consolidation_graph(result)
    if not no_store:
        store.replace_graphs({str(graph_iri): findings})
    written = outputs.write_outputs(f"consolidate-{org}", result, set(formats), output, state.lang,
                                    html=outputs.consolidate_html(result, state.lang), rdf=findings)
    _echo_written(written)
    click.echo(f"{result.goals} goals in {result.documents} documents -> "
               f"{result.goals_after} goals in {result.documents_after} documents")


@click.command("coverage")
@click.option("--org", "orgs", help="Comma-separated organisation codes (default: all).")
@click.option("--region", help="A region code (e.g. 0018): the region and its municipalities.")
@_output_option
@_format_option(("html", "csv", "json"))
@guarded
def coverage_command(orgs: str | None, region: str | None, output: Path, formats: tuple[str, ...]) -> None:
    """Organisation × SDG and × environmental objective matrices, with heat maps (PNG, SVG)."""
    from ssgraph.analysis import charts, coverage, goal_graph, outputs

    state = _state()
    store = state.open_store()
    codes = [c.strip() for c in orgs.split(",") if c.strip()] if orgs else None
    if region:
        codes = coverage.codes_in_region(store, region)
    graph = goal_graph.build_goal_graph(store, codes, observations="none")
    sdg_columns, objective_columns = coverage.reference_columns(store)
    result = coverage.coverage(graph, sdg_columns, objective_columns, codes)
    name = f"coverage-{region}" if region else "coverage"
    written = outputs.write_outputs(name, result, set(formats), output, state.lang,
                                    html=outputs.coverage_html(result, state.lang))
    for scheme in ("sdg", "objective"):
        for fmt in ("png", "svg"):
            path = output / f"{name}-{scheme}.{fmt}"
            path.write_bytes(charts.coverage_heatmap(result, scheme, fmt, state.lang))
            written.append(path)
    _echo_written(written)


@click.command("goal-graph")
@click.option("--org", "orgs", help="Comma-separated organisation codes (default: all).")
@click.option("--all-versions", is_flag=True, help="Include non-current versions.")
@_output_option
@click.option("--format", "-f", "formats", type=click.Choice(("graphml", "json")), multiple=True,
              default=("graphml", "json"), show_default=True)
@guarded
def goal_graph_command(orgs: str | None, all_versions: bool, output: Path, formats: tuple[str, ...]) -> None:
    """Export the goal graph (organisation → vision → goals → indicators…) as GraphML and JSON."""
    from ssgraph.analysis import goal_graph, outputs

    codes = [c.strip() for c in orgs.split(",") if c.strip()] if orgs else None
    graph = goal_graph.build_goal_graph(_state().open_store(), codes, current_only=not all_versions)
    output.mkdir(parents=True, exist_ok=True)
    written = []
    if "graphml" in formats:
        written.append(goal_graph.to_graphml(graph, output / "goal-graph.graphml"))
    if "json" in formats:
        written.append(outputs.write_json(goal_graph.to_node_link(graph), output / "goal-graph.json"))
    _echo_written(written)
    click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")


@click.command("report")
@click.argument("org")
@click.option("--period", required=True, help="The follow-up year, e.g. 2024.")
@_output_option
@_format_option(("html", "csv", "json"))
@click.option("--pdf/--no-pdf", default=True, show_default=True,
              help="Also print a PDF (needs Chromium).")
@guarded
def report_command(org: str, period: str, output: Path, formats: tuple[str, ...], pdf: bool) -> None:
    """The council's follow-up report for ORG and a period: goals, trends, activities, SDGs."""
    from ssgraph.analysis import council_report, coverage, goal_graph, outputs

    state = _state()
    store = state.open_store()
    report = council_report.council_report(goal_graph.build_goal_graph(store, [org]), org, period)
    sdg_columns, objective_columns = coverage.reference_columns(store)
    html = outputs.council_report_html(report, sdg_columns, objective_columns, state.lang,
                                       coverage.public_health_names(store))
    name = f"report-{org}-{period}"
    written = outputs.write_outputs(name, report, set(formats) | {"html"} if pdf else set(formats),
                                    output, state.lang, html=html)
    _echo_written(written)
    if pdf:
        made = outputs.html_to_pdf(output / f"{name}.html", output / f"{name}.pdf")
        click.echo(str(made) if made else (
            "ingen PDF: Chromium saknas" if state.lang == "sv" else "no PDF: Chromium is not installed"))


@click.command("suggest")
@click.argument("org")
@click.option("--accept", "accept_ids", multiple=True, metavar="ID",
              help="Write the suggestion with this id into the store (repeatable).")
@click.option("--method", type=click.Choice(("manual", "lexical", "model")), default="lexical",
              show_default=True, help="How the accepted links were made (recorded as provenance).")
@click.option("--minimum", type=click.FloatRange(0.0, 1.0), default=0.3, show_default=True, help="Lowest score shown.")
@click.option("--all", "include_linked", is_flag=True,
              help="Also suggest for resources that already have links of that kind.")
@_output_option
@_format_option(("csv", "json"))
@guarded
def suggest_command(org: str, accept_ids: tuple[str, ...], method: str, minimum: float,
                    include_linked: bool, output: Path, formats: tuple[str, ...]) -> None:
    """Suggest SDG-target, environmental-objective and public-health links for ORG's goals and
    indicators from their Swedish text; classify steering documents by kind."""
    from ssgraph.analysis import goal_graph, outputs, suggest

    state = _state()
    store = state.open_store()
    graph = goal_graph.build_goal_graph(store, [org], observations="none")
    found = suggest.suggest(graph, org, suggest.un_iris(store), minimum, not include_linked)
    if accept_ids:
        count = suggest.accept(store, org, found, list(accept_ids), method)
        click.echo(f"{count} links written" if state.lang == "en" else f"{count} kopplingar sparade")
        return
    documents = suggest.classify_documents(graph, org)
    for s in found:
        click.echo(f"{s.id}  {s.score:.2f}  {s.subject_label[:60]:60}  -> {s.concept_kind} {s.notation}"
                   f"  [{', '.join(s.triggers)}]")
    for d in documents:
        click.echo(f"doc  {d['title']}: {d['kind'] or '?'} ({d['reason']})")
    written = []
    output.mkdir(parents=True, exist_ok=True)
    rows = suggest.as_dicts(found)
    for row in rows:
        row["triggers"] = " ".join(row["triggers"])
    if "csv" in formats:
        written.append(outputs.write_csv(rows, output / f"suggest-{org}.csv"))
    if "json" in formats:
        written.append(outputs.write_json({"suggestions": suggest.as_dicts(found), "documents": documents},
                                          output / f"suggest-{org}.json"))
    _echo_written(written)


COMMANDS = [suggest_command, report_command, harmonise_command, consolidate_command, coverage_command, goal_graph_command]
