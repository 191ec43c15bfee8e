"""ssgraph validate: SHACL validation of organisations' goal structures.

Exit codes: 0 no violation (warnings and information allowed), 1 at least one
violation, 2 bad input (unknown organisation or graph, unreadable file, bad option).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded
from ssgraph.errors import InputError, problem


def _reference_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(problem("validation.cli_bad_date", text=text)) from None


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--org", "organisation", metavar="ORG[@VERSION]")
@click.option("--graph", "graph_iri", metavar="IRI")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "turtle", "html"]), default="text",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--min-severity", type=click.Choice(["info", "warning", "violation"]), default="info", show_default=True)
@click.option("--lang", type=click.Choice(["sv", "en"]), default=None)
@click.option("--store-results", is_flag=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None)
@click.option("--reference-date", metavar="YYYY-MM-DD")
@click.option("--shape-set", type=click.Choice(["auto", "organisation", "catalog", "reference"]), default="auto",
              show_default=True)
@click.option("--inference", type=click.Choice(["none", "rdfs", "owlrl"]), default="none", show_default=True)
@guarded
def validate(files, organisation, graph_iri, output_format, output, min_severity, lang, store_results,
             jobs, reference_date, shape_set, inference) -> None:
    """Check goal structures against the SS 854000 shapes (shapes/*.ttl)."""
    from ssgraph import services
    from ssgraph.rendering.validation_report import render_report

    state: CliContext = click.get_current_context().find_object(CliContext)
    lang = lang or state.lang
    if sum(bool(x) for x in (files, organisation, graph_iri)) > 1:
        raise InputError(problem("validation.cli_one_source"))
    outcome = services.validate(
        None if files and not store_results else state.open_store(),
        files=files, organisation=organisation, graph_iri=graph_iri, shape_set=shape_set,
        reference_date=_reference_date(reference_date), inference=inference, processes=jobs,
        min_severity=min_severity, keep_report=output_format == "turtle", store_results=store_results)
    if store_results:
        click.echo(catalogue.text("validation.cli_stored", lang, count=len(outcome.stored_graphs)), err=True)
    colour = output is None and output_format == "text" and sys.stdout.isatty()
    text = render_report(outcome, output_format, lang, colour=colour)
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    if outcome.has_violation:
        sys.exit(1)


COMMANDS = [validate]
