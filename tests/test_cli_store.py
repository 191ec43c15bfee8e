"""The store commands as a user runs them: init, load, query, graphs, export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from ssgraph.cli import cli


@pytest.fixture(scope="module")
def initialised(tmp_path_factory):
    location = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(cli, ["--store", str(location), "init"])
    assert result.exit_code == 0, result.output
    return location


def run(location, *args):
    result = CliRunner().invoke(cli, ["--store", str(location), *args])
    return result


def test_init_reports_the_reference_graphs(initialised):
    listing = run(initialised, "graphs").output
    for name in ("ontology", "reference/sdg", "reference/miljomal", "reference/organisations"):
        assert f"https://w3id.org/ssgraph/graph/{name}\n" in listing


def test_init_twice_gives_the_same_counts(initialised):
    before = run(initialised, "graphs").output
    assert run(initialised, "init").exit_code == 0
    assert run(initialised, "graphs").output == before


def test_query_counts_sdg_targets_with_known_prefixes(initialised):
    result = run(initialised, "query", "SELECT (COUNT(?t) AS ?n) WHERE { ?t a ssg:SDGTarget }", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"]["bindings"][0]["n"]["value"] == "169"


def test_query_from_file_as_csv(initialised, tmp_path):
    query_file = tmp_path / "municipalities.rq"
    query_file.write_text(
        "PREFIX ssg: <https://w3id.org/ssgraph/ontology#>\n"
        "SELECT (COUNT(?m) AS ?n) WHERE { ?m a ssg:Municipality }\n",
        encoding="utf-8",
    )
    result = run(initialised, "query", "-f", str(query_file), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.output))) == [["n"], ["290"]]


def test_query_table_output(initialised):
    result = run(initialised, "query", 'SELECT ?name WHERE { ssgid:org\\/0480 skos:prefLabel ?name FILTER(lang(?name) = "sv") }')
    assert result.exit_code == 0, result.output
    assert "Nyköping" in result.output


def test_query_construct_as_turtle(initialised):
    result = run(initialised, "query", "CONSTRUCT { ?g ?p ?o } WHERE { ?g skos:notation \"13\" ; ?p ?o }", "--format", "turtle")
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(data=result.output, format="turtle")) > 3


def test_query_syntax_error_exits_2_with_message(initialised):
    result = run(initialised, "--lang", "en", "query", "SELECT ?x WHERE {")
    assert result.exit_code == 2
    assert "SPARQL syntax error" in result.output


def test_export_a_graph_to_a_file(initialised, tmp_path):
    out = tmp_path / "sdg.ttl"
    result = run(initialised, "export", "--graph", "https://w3id.org/ssgraph/graph/reference/sdg", "--format", "turtle", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(out, format="turtle")) > 4000


def test_export_everything_as_nquads(initialised, tmp_path):
    out = tmp_path / "all.nq"
    assert run(initialised, "export", "-o", str(out)).exit_code == 0
    dataset = Dataset()
    dataset.parse(out, format="nquads")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://w3id.org/ssgraph/graph/ontology" in graphs


def test_every_command_has_help_in_both_languages():
    runner = CliRunner()
    for name in cli.commands:
        english = runner.invoke(cli, ["--lang", "en", name, "--help"])
        assert english.exit_code == 0, name
        assert "Usage:" in english.output and "Show this message and exit." in english.output
        swedish = runner.invoke(cli, ["--lang", "sv", name, "--help"])
        assert "Användning:" in swedish.output and "Visa den här hjälpen och avsluta." in swedish.output
