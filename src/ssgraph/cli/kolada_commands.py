"""The ``kolada`` command: fetch Kolada KPIs and values into the Kolada graph."""

from __future__ import annotations

from pathlib import Path

import click

from ssgraph import catalogue
from ssgraph.cli.context import CliContext, guarded
from ssgraph.importing.kolada import (
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    KoladaClient,
    parse_kpi_ids,
    parse_org_codes,
    parse_years,
)
from ssgraph.importing.kolada_rdf import import_kolada

ALL_LINKED = "all-linked"

DONE = "cli.kolada_done"


@click.command()
@click.option(
    "--kpi",
    "kpi_text",
    required=True,
    metavar="ID[,ID…]|all-linked",
    help="Kolada KPI ids, e.g. N00401,N01951; 'all-linked': the KPIs named by imported indicators.",
)
@click.option(
    "--org",
    "org_text",
    required=True,
    metavar="CODE[,CODE…]|all-linked",
    help="Municipality codes (1440) or region codes (0018 = 00 + county); "
    "'all-linked': the organisations of imported goals.",
)
@click.option(
    "--years",
    "years_text",
    required=True,
    metavar="YYYY-YYYY[,YYYY…]",
    help="Years, e.g. 2015-2024 or 2018,2020.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where answers are cached (default: the user's cache directory).",
)
@click.option("--refresh", is_flag=True, help="Ask Kolada again even for cached answers.")
@click.option(
    "--base-url",
    envvar=BASE_URL_ENV,
    metavar="URL",
    help=f"Kolada API base (v3 or v2). Default {DEFAULT_BASE_URL}; env {BASE_URL_ENV}.",
)
@guarded
def kolada(
    kpi_text: str,
    org_text: str,
    years_text: str,
    cache_dir: Path | None,
    refresh: bool,
    base_url: str | None,
) -> None:
    """Fetch Kolada KPIs and values into the Kolada graph, linked to goals naming the KPIs."""
    state = click.get_current_context().find_object(CliContext)
    kpis = None if kpi_text.strip() == ALL_LINKED else parse_kpi_ids(kpi_text)
    orgs = None if org_text.strip() == ALL_LINKED else parse_org_codes(org_text)
    years = parse_years(years_text)
    client = KoladaClient(base_url=base_url, cache_dir=cache_dir, refresh=refresh)
    result = import_kolada(state.open_store(), client, kpis, orgs, years)
    click.echo(
        catalogue.text(
            DONE,
            state.lang,
            kpis=len(result.kpis),
            orgs=len(result.organisations),
            years=len(result.years),
            observations=result.observations,
            nulls=result.nulls_skipped,
            triples=result.graph_triples,
            sent=result.requests_sent,
            cached=result.cache_hits,
        )
    )


COMMANDS = [kolada]
