"""Store commands: init, load, query, graphs, export."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded
from ssgraph.errors import InputError, problem
from ssgraph.namespaces import PREFIXES
from ssgraph.owned_files import write_atomically
from ssgraph.store.base import RDF_FORMATS

PROGRESS_THRESHOLD_BYTES = 5_000_000
_PREFIX_DECLARATION = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)


def _state() -> CliContext:
    return click.get_current_context().find_object(CliContext)


def with_known_prefixes(sparql: str) -> str:
    """Prepend the project's prefixes that the query does not declare itself."""
    declared = {m.group(1) or "" for m in _PREFIX_DECLARATION.finditer(sparql)}
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return prologue + sparql


@click.command()
@click.option("--examples/--no-examples", default=False, help="Also import the illustrative example data.")
@guarded
def init(examples: bool) -> None:
    """Create the store and load the ontology and reference vocabularies."""
    from ssgraph.setup import initialise

    state = _state()
    store = state.open_store()
    report = initialise(store, with_examples=examples)
    for iri, count in report.graphs.items():
        click.echo(f"{count:>8}  {iri}")
    for name in report.examples:
        click.echo(f"          {name}")
    click.echo(catalogue.text("cli.init_done", state.lang, location=getattr(store, "directory", state.store_location)))


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--graph", "graph_iri", metavar="IRI", help="Load triples into this named graph.")
@click.option("--format", "rdf_format", type=click.Choice(RDF_FORMATS), help="Format (default: by extension).")
@guarded
def load(files: tuple[Path, ...], graph_iri: str | None, rdf_format: str | None) -> None:
    """Load RDF files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML; .gz too), all or none."""
    state = _state()
    store = state.open_store()
    total = sum(f.stat().st_size for f in files if f.is_file())
    if total < PROGRESS_THRESHOLD_BYTES or not sys.stderr.isatty():
        count = store.load(files, graph=graph_iri, format=rdf_format)
    else:
        columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("load", total=total)
            count = store.load(
                files,
                graph=graph_iri,
                format=rdf_format,
                progress=lambda done, _total: progress.update(task, completed=done),
            )
    click.echo(catalogue.text("cli.loaded", state.lang, count=count))


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for text in params:
        name, sep, value = text.partition("=")
        if not sep:
            raise InputError(problem("cli.param_syntax", text=text))
        values[name.strip()] = value
    return values


def _resolve_query(text: str | None, query_file: Path | None, params: dict[str, str]) -> str:
    if query_file is not None:
        candidate = query_file
    elif text and text.endswith(".rq") and Path(text).is_file():
        candidate = Path(text)
    else:
        candidate = None
    if candidate is not None:
        try:
            from ssgraph.queries import NamedQuery

            return NamedQuery.from_file(candidate).bind(params)
        except (ImportError, AttributeError):
            return candidate.read_text(encoding="utf-8")
    if not text:
        raise InputError(problem("cli.query_missing"))
    if re.fullmatch(r"[\w-]+", text):
        try:
            from ssgraph.queries import load_library

            library = load_library()
        except ImportError:
            library = {}
        if text in library:
            return library[text].bind(params)
    return with_known_prefixes(text)


@click.command()
@click.argument("text", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Parameter of a library query.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", *RDF_FORMATS]),
    default="table",
    show_default=True,
)
@guarded
def query(text: str | None, query_file: Path | None, params: tuple[str, ...], output_format: str) -> None:
    """Run a SPARQL query: TEXT, -f FILE.rq, or the name of a library query."""
    state = _state()
    sparql = _resolve_query(text, query_file, _parse_params(params))
    store = state.open_store()
    if output_format in ("csv", "tsv", "json", "xml"):
        raw = store.query_raw(sparql, result_format=output_format, graph_format="turtle")
    elif output_format in RDF_FORMATS:
        raw = store.query_raw(sparql, result_format="json", graph_format=output_format)
    else:
        raw = store.query_raw(sparql, result_format="json", graph_format="turtle")
        if raw.kind in ("select", "ask"):
            _print_table(json.loads(raw.body))
            return
    sys.stdout.buffer.write(raw.body)
    if not raw.body.endswith(b"\n"):
        sys.stdout.buffer.write(b"\n")


def _print_table(results: dict) -> None:
    if "boolean" in results:
        click.echo("true" if results["boolean"] else "false")
        return
    names = results["head"]["vars"]
    table = Table(*names, show_lines=False)
    for binding in results["results"]["bindings"]:
        table.add_row(*(binding.get(n, {}).get("value", "") for n in names))
    Console(soft_wrap=True).print(table)


@click.command()
@guarded
def graphs() -> None:
    """List the named graphs with their triple counts."""
    store = _state().open_store()
    total = 0
    for info in store.graphs():
        total += info.triples
        click.echo(f"{info.triples:>10}  {info.iri or '(default graph)'}")
    click.echo(f"{total:>10}  total")


@click.command()
@click.option("--graph", "graph_iri", metavar="IRI", help="Export one named graph (default: everything).")
@click.option("--format", "rdf_format", type=click.Choice(RDF_FORMATS), default="nquads", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout).")
@guarded
def export(graph_iri: str | None, rdf_format: str, output: Path | None) -> None:
    """Export a graph, or the whole dataset, in any RDF format."""
    store = _state().open_store()
    if output is None:
        store.export(sys.stdout.buffer, format=rdf_format, graph=graph_iri)
        return
    write_atomically(output, lambda out: store.export(out, format=rdf_format, graph=graph_iri))


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="ORG@VERSION|GRAPH_IRI...")
@click.option("--dry-run", is_flag=True, help="Show what would be dropped, and drop nothing.")
@click.option("--yes", "-y", "assume_yes", is_flag=True, help="Drop without asking (for scripts).")
@guarded
def drop(targets: tuple[str, ...], dry_run: bool, assume_yes: bool) -> None:
    """Remove versions of goal structures (ORG@VERSION; ORG alone is the current version) or
    named graphs (IRI), all in one transaction. A dropped version leaves the version catalogue;
    when it was current, the organisation's latest remaining version becomes current. Shows
    what would be dropped and asks first (--yes: without asking; --dry-run: only show)."""
    from ssgraph.services.dropping import drop as drop_planned
    from ssgraph.services.dropping import plan_drop

    state = _state()
    t = catalogue.translator(state.lang)
    store = state.open_store()
    plan = plan_drop(store, targets)
    _print_drop_plan(plan, t)
    if dry_run:
        click.echo(t("cli.drop_dry_run"))
        return
    if not assume_yes and not _confirmed(t):
        sys.exit(1)
    drop_planned(store, plan)
    for graph in plan.graphs:
        click.echo(t("cli.dropped", graph=graph))


def _print_drop_plan(plan, t) -> None:
    def who(code: str) -> str:
        return f"{plan.names[code]} ({code})" if plan.names.get(code) else code

    click.echo(t("cli.drop_plan", graphs=len(plan.targets), triples=plan.triples))
    for target in plan.targets:
        version = target.version
        if version is None:
            click.echo(t("cli.drop_plan_graph", graph=target.graph, triples=target.triples))
            continue
        click.echo(t("cli.drop_plan_version", who=who(version.org_code), version=version.label or version.slug,
                     triples=target.triples, graph=target.graph,
                     current=t("cli.drop_plan_current") if version.current else ""))
    for code, version in plan.afterwards.items():
        if version is None:
            click.echo(t("cli.drop_leaves_none", who=who(code)))
        else:
            click.echo(t("cli.drop_becomes_current", who=who(code), version=version.label or version.slug))


def _confirmed(t) -> bool:
    """Whether the user answers yes; without an answer (no terminal, end of input) nothing is
    dropped and the message says how to drop from a script."""
    try:
        answer = click.prompt(t("cli.drop_confirm"), default="", show_default=False, prompt_suffix=" ")
    except click.exceptions.Abort:
        click.echo("", err=True)
        click.echo(t("cli.drop_needs_yes"), err=True)
        return False
    yes = {word.strip().casefold() for word in t("cli.yes_words").split(",")}
    if answer.strip().casefold() in yes:
        return True
    click.echo(t("cli.drop_cancelled"), err=True)
    return False


COMMANDS = [init, load, query, graphs, export, drop]
