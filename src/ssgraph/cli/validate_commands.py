"""ssgraph validate: SHACL validation of organisations' goal structures.

Exit codes: 0 no violation (warnings and information allowed), 1 at least one
violation, 2 bad input (unknown organisation or graph, unreadable file, bad option).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ssgraph import messages
from ssgraph.cli.context import CliContext, guarded
from ssgraph.errors import InputError, problem
from ssgraph.namespaces import CATALOG_GRAPH, SSGGRAPH

messages.define("validation.cli_one_source", sv="Ange högst en av --org, --graph och filer.",
                en="Give at most one of --org, --graph and files.")
messages.define("validation.cli_bad_date", sv="Referensdatumet ska skrivas ÅÅÅÅ-MM-DD: {text}",
                en="Write the reference date as YYYY-MM-DD: {text}")
messages.define("validation.cli_stored", sv="Valideringsresultat sparade i {count} grafer.",
                en="Validation results stored in {count} graphs.")


def _shape_set_for(graph_iri: str | None, requested: str) -> str:
    if requested != "auto":
        return requested
    if graph_iri == str(CATALOG_GRAPH):
        return "catalog"
    if graph_iri and graph_iri.startswith(str(SSGGRAPH["reference/"])):
        return "reference"
    return "organisation"


def _reference_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(problem("validation.cli_bad_date", text=text)) from None


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--org", "organisation", metavar="CODE", help="Validate this organisation's current goal structure in the store.")
@click.option("--graph", "graph_iri", metavar="IRI", help="Validate one named graph in the store.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "turtle", "html"]), default="text",
              show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE.")
@click.option("--min-severity", type=click.Choice(["info", "warning", "violation"]), default="info", show_default=True,
              help="Leave out findings below this severity.")
@click.option("--lang", type=click.Choice(["sv", "en"]), default=None, help="Report language (default: the global --lang).")
@click.option("--store-results", is_flag=True, help="Write the reports into ssggraph:validation/{code} in the store.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPU count).")
@click.option("--reference-date", metavar="YYYY-MM-DD",
              help="Date that counts as today for 'past its validity' (default: today).")
@click.option("--shape-set", type=click.Choice(["auto", "organisation", "catalog", "reference"]), default="auto",
              show_default=True, help="Which shapes to run (auto: by graph; files: organisation).")
@click.option("--inference", type=click.Choice(["none", "rdfs", "owlrl"]), default="none", show_default=True,
              help="Inference before validation (slow on large graphs; not needed by the shipped shapes).")
@guarded
def validate(files, organisation, graph_iri, output_format, output, min_severity, lang, store_results,
             jobs, reference_date, shape_set, inference) -> None:
    """Check goal structures against the SS 854000 shapes (shapes/*.ttl).

    Without FILE, --org or --graph, every organisation's current goal structure in the
    store is validated. Exit code 0: no violations; 1: violations; 2: bad input.
    """
    from ssgraph.validation import formats
    from ssgraph.validation.findings import SEVERITY_RANK
    from ssgraph.validation.run import ValidationOptions, validate_jobs
    from ssgraph.validation.sources import jobs_from_file, jobs_from_store

    state: CliContext = click.get_current_context().find_object(CliContext)
    lang = lang or state.lang
    if sum(bool(x) for x in (files, organisation, graph_iri)) > 1:
        raise InputError(problem("validation.cli_one_source"))
    chosen_set = _shape_set_for(graph_iri, shape_set)
    options = ValidationOptions(
        shape_set=chosen_set,
        reference_date=_reference_date(reference_date),
        inference=inference,
        keep_report=store_results or output_format == "turtle",
    )
    if files:
        work = [job for path in files for job in jobs_from_file(path, chosen_set)]
    else:
        work = jobs_from_store(state.open_store(), organisation, graph_iri)
    reports = sorted(validate_jobs(work, options, processes=jobs), key=lambda r: (r.organisation or "", r.graph or ""))
    if store_results:
        from ssgraph.validation.stored_results import store_results as write_results

        stored = write_results(state.open_store(), reports)
        click.echo(messages.render("validation.cli_stored", lang, count=len(stored)), err=True)
    has_violation = any(not report.conforms for report in reports)
    for report in reports:
        report.findings = [f for f in report.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]]
    colour = output is None and output_format == "text" and sys.stdout.isatty()
    text = formats.render(reports, output_format, lang, colour=colour)
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    if has_violation:
        sys.exit(1)


COMMANDS = [validate]
