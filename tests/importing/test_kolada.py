"""Kolada client and mapping, against a real HTTP server on 127.0.0.1 serving the
constructed responses in tests/data/kolada (see its README)."""

from __future__ import annotations

import json
import socket
import threading
import time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as rdfns

from ssgraph.errors import InputError
from ssgraph.importing.kolada import (
    KoladaClient,
    KoladaResponseError,
    KoladaUnavailableError,
    parse_kpi_ids,
    parse_org_codes,
    parse_years,
    retry_after_seconds,
)
from ssgraph.importing.kolada_rdf import (
    DATASET,
    build_graph,
    gender_concept,
    kpi_iri,
    merge,
    org_iri,
)
from ssgraph.namespaces import QB, SSG, SSGID

DATA = Path(__file__).resolve().parents[1] / "data" / "kolada"
ROUTES = json.loads((DATA / "routes.json").read_text(encoding="utf-8"))


class KoladaServer:
    """Serves the recorded pages under /v3 and /v2; records every request's path and query."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.failures: dict[str, list[tuple[int, dict[str, str]]]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                status, headers, body = server.answer(self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.root = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def base(self, version: str = "v3") -> str:
        return f"{self.root}/{version}"

    def fail_next(self, path: str, status: int = 503, retry_after: str | None = None) -> None:
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        self.failures.setdefault(path, []).append((status, headers))

    def answer(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(raw_path)
        version, _, path = parts.path.lstrip("/").partition("/")
        path = "/" + path
        if self.failures.get(path):
            status, headers = self.failures[path].pop(0)
            return status, {"Content-Type": "text/plain", **headers}, b"Service Unavailable"
        pages = ROUTES.get(path)
        page = int(parse_qs(parts.query).get("page", ["1"])[0])
        if version not in ("v2", "v3") or pages is None or not 1 <= page <= len(pages):
            return 404, {"Content-Type": "application/json"}, b'{"error": "not found"}'
        text = (DATA / pages[page - 1]).read_text(encoding="utf-8")
        body = text.replace("{base}", self.base(version)).encode("utf-8")
        return 200, {"Content-Type": "application/json; charset=utf-8"}, body


@pytest.fixture
def kolada_http():
    server = KoladaServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def client(kolada_http, tmp_path):
    return KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path / "cache", backoff=0.01)


KPIS = ["N00401", "N01951"]
ORGS = ["0480", "1440"]
YEARS = [2021, 2022]
DATA_PATH = "/data/kpi/N00401,N01951/municipality/0480,1440/year/2021,2022"


# -- client --------------------------------------------------------------------------


def test_metadata_is_read_and_unknown_fields_are_ignored(client):
    kpis = {k.id: k for k in client.kpis(KPIS)}
    assert set(kpis) == set(KPIS)
    emissions = kpis["N00401"]
    assert emissions.title == "Utsläpp till luft av växthusgaser totalt, ton CO2-ekv/inv"
    assert emissions.unit == "ton CO2-ekv/inv"
    assert emissions.operating_area == "Miljö och klimat"
    assert emissions.is_divided_by_gender is False
    assert kpis["N01951"].is_divided_by_gender is True


def test_pagination_follows_next_page_with_full_pages(client, kolada_http):
    values = client.data(KPIS, ORGS, YEARS)
    data_requests = [r for r in kolada_http.requests if r.startswith("/v3/data/")]
    assert len(data_requests) == 2
    first, second = (parse_qs(urlsplit(r).query) for r in data_requests)
    assert first["per_page"] == ["5000"]
    assert second["page"] == ["2"]
    # 4 items of N00401 with one value each, 4 items of N01951 with T, K and M
    assert len(values) == 4 + 4 * 3
    assert {(v.kpi, v.municipality, v.period) for v in values} == {
        (k, m, y) for k in KPIS for m in ORGS for y in YEARS
    }
    nulls = [v for v in values if v.value is None]
    assert {(v.kpi, v.municipality, v.period, v.gender, v.status) for v in nulls} == {
        ("N00401", "1440", 2022, "T", "Missing"),
        ("N01951", "1440", 2022, "M", "Missing"),
    }


def test_a_v2_base_url_works_too(kolada_http, tmp_path):
    client = KoladaClient(base_url=kolada_http.base("v2") + "/", cache_dir=tmp_path)
    assert len(client.data(KPIS, ORGS, YEARS)) == 16
    assert all(r.startswith("/v2/") for r in kolada_http.requests)


def test_second_run_is_served_from_the_cache(kolada_http, tmp_path):
    first = KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path)
    expected = first.data(KPIS, ORGS, YEARS)
    sent = len(kolada_http.requests)
    assert sent == 2

    second = KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path)
    assert second.data(KPIS, ORGS, YEARS) == expected
    assert len(kolada_http.requests) == sent
    assert (second.requests_sent, second.cache_hits) == (0, 2)

    refreshing = KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path, refresh=True)
    assert refreshing.data(KPIS, ORGS, YEARS) == expected
    assert len(kolada_http.requests) == sent + 2


def test_503_is_retried_after_the_time_retry_after_asks(kolada_http, tmp_path):
    kolada_http.fail_next(DATA_PATH, 503, retry_after="1")
    client = KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path, backoff=0.01)
    started = time.monotonic()
    values = client.data(KPIS, ORGS, YEARS)
    assert time.monotonic() - started >= 1.0
    assert len(values) == 16
    first_page = [r for r in kolada_http.requests if "page=2" not in r]
    assert len(first_page) == 2  # the 503 and the retry
    assert client.requests_sent == 3


def test_retry_after_is_bounded_and_persistent_failure_gives_up(kolada_http, tmp_path):
    for _ in range(3):
        kolada_http.fail_next(DATA_PATH, 429, retry_after="3600")
    client = KoladaClient(
        base_url=kolada_http.base(), cache_dir=tmp_path, max_attempts=3, max_wait=0.05
    )
    started = time.monotonic()
    with pytest.raises(KoladaUnavailableError) as caught:
        client.data(KPIS, ORGS, YEARS)
    assert time.monotonic() - started < 5
    assert "429" in caught.value.render("en") and "3 attempts" in caught.value.render("en")
    assert len(kolada_http.requests) == 3
    assert not list(tmp_path.glob("*.json"))  # failures are not cached


def test_retry_after_accepts_seconds_and_http_dates():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_offline_gives_a_clear_error_naming_the_url(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/v3"
    client = KoladaClient(base_url=base, cache_dir=tmp_path, max_attempts=2, backoff=0.01)
    with pytest.raises(KoladaUnavailableError) as caught:
        client.kpis(["N00401"])
    english = caught.value.render("en")
    assert english.startswith(f"cannot reach Kolada at {base}/kpi/N00401?per_page=5000")
    assert english.endswith("use the cache or try later")
    assert caught.value.render("sv").startswith(f"kan inte nå Kolada på {base}/kpi/N00401")
    assert client.requests_sent == 2


def test_http_404_is_an_error_not_retried(client, kolada_http):
    with pytest.raises(KoladaResponseError) as caught:
        client.kpis(["N12345"])
    assert "HTTP 404" in caught.value.render("en")
    assert len(kolada_http.requests) == 1


def test_an_answer_of_the_wrong_shape_names_the_url_and_the_item(client, kolada_http):
    with pytest.raises(KoladaResponseError) as caught:
        client.data(["N00401"], ["1440"], [2021])
    english = caught.value.render("en")
    assert f"{kolada_http.base()}/data/kpi/N00401/municipality/1440/year/2021" in english
    assert "gender 'X' of N00401/1440/2021 is not T, K or M" in english
    assert not list(client.cache.directory.glob("*.json"))  # a bad answer is not kept
    with pytest.raises(KoladaResponseError):
        client.data(["N00401"], ["1440"], [2021])
    assert len(kolada_http.requests) == 2  # asked again


def test_base_url_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SSGRAPH_KOLADA_URL", "http://127.0.0.1:9/v2/")
    assert KoladaClient(cache_dir=tmp_path).base_url == "http://127.0.0.1:9/v2"
    monkeypatch.delenv("SSGRAPH_KOLADA_URL")
    assert KoladaClient(cache_dir=tmp_path).base_url == "https://api.kolada.se/v3"


def test_option_lists_are_parsed_and_bad_ones_named():
    assert parse_kpi_ids("N00401, N01951,N00401") == ["N00401", "N01951"]
    assert parse_org_codes("1440,0018") == ["1440", "0018"]
    assert parse_years("2015-2017,2020") == [2015, 2016, 2017, 2020]
    with pytest.raises(InputError) as caught:
        parse_kpi_ids("N00401,n401,X")
    assert len(caught.value.problems) == 2
    assert "'n401'" in caught.value.render("en")
    with pytest.raises(InputError):
        parse_org_codes("144")
    with pytest.raises(InputError):
        parse_years("2024-2015")


def test_long_year_ranges_are_split_into_requests_of_at_most_25_years(kolada_http, tmp_path):
    client = KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path, max_attempts=1)
    with pytest.raises(KoladaResponseError):  # no recording for these paths: 404
        client.data(["N00401"], ["1440"], list(range(1990, 2030)))
    years = kolada_http.requests[0].split("/year/")[1].split("?")[0].split(",")
    assert years == [str(y) for y in range(1990, 2015)]


# -- mapping -------------------------------------------------------------------------


@pytest.fixture
def mapped(client):
    kpis = client.kpis(KPIS)
    values = client.data(KPIS, ORGS, YEARS)
    return build_graph(kpis, values)


def test_mapping_counts_and_null_handling(mapped):
    graph, summary = mapped
    assert (summary.kpis, summary.observations, summary.nulls_skipped) == (2, 14, 2)
    observations = set(graph.subjects(rdfns.RDF.type, SSG.Observation))
    assert len(observations) == 14
    assert all((o, QB.dataSet, DATASET) in graph for o in observations)
    assert all(graph.value(o, SSG.value) is not None for o in observations)
    missing = SSGID["kolada/observation/N00401/1440/2022/T"]
    assert (missing, None, None) not in graph


def test_one_observation_carries_all_its_dimensions(mapped):
    graph, _ = mapped
    obs = SSGID["kolada/observation/N00401/0480/2021/T"]
    assert graph.value(obs, SSG.indicator) == kpi_iri("N00401")
    assert graph.value(obs, SSG.refArea) == URIRef("https://w3id.org/ssgraph/id/org/0480")
    assert graph.value(obs, SSG.refPeriod) == Literal("2021", datatype=rdfns.XSD.gYear)
    assert graph.value(obs, SSG.gender) == URIRef("https://w3id.org/ssgraph/ref/ss854000/gender-T")
    value = graph.value(obs, SSG.value)
    assert value.datatype == rdfns.XSD.decimal and value.toPython() == Decimal("4.71")


def test_gender_breakdown(mapped):
    graph, _ = mapped
    by_gender = {
        str(graph.value(o, SSG.gender)).rsplit("-", 1)[1]: graph.value(o, SSG.value).toPython()
        for o in graph.subjects(SSG.indicator, kpi_iri("N01951"))
        if graph.value(o, SSG.refArea) == org_iri("0480")
        and str(graph.value(o, SSG.refPeriod)) == "2021"
    }
    assert by_gender == {"T": Decimal("56250.0"), "K": Decimal("28010.0"), "M": Decimal("28240.0")}
    # the region's 2022 male value was null: T and K only
    genders_1440 = {
        graph.value(o, SSG.gender)
        for o in graph.subjects(SSG.indicator, kpi_iri("N01951"))
        if graph.value(o, SSG.refArea) == org_iri("1440")
        and str(graph.value(o, SSG.refPeriod)) == "2022"
    }
    assert genders_1440 == {gender_concept("T"), gender_concept("K")}


def test_kpi_metadata_and_attribution(mapped):
    graph, _ = mapped
    kpi = kpi_iri("N00401")
    assert (kpi, rdfns.RDF.type, SSG.KoladaKPI) in graph
    assert graph.value(kpi, rdfns.SKOS.notation) == Literal("N00401")
    assert str(graph.value(kpi, rdfns.DCTERMS.title)).startswith("Utsläpp till luft")
    assert graph.value(kpi, rdfns.DCTERMS.description) is not None
    assert graph.value(kpi, SSG.unit) == Literal("ton CO2-ekv/inv")
    assert graph.value(kpi, SSG.operatingArea) == Literal("Miljö och klimat")
    for subject in (kpi, DATASET):
        assert graph.value(subject, rdfns.DCTERMS.source) == URIRef("https://www.kolada.se/")
        assert graph.value(subject, rdfns.DCTERMS.bibliographicCitation) == Literal(
            "Källa: Kolada", lang="sv"
        )
    assert (DATASET, QB.structure, SSG.indicatorStructure) in graph


def test_merge_replaces_only_the_fetched_slice(client, mapped):
    everything, _ = mapped
    later_values = client.data(KPIS, ["1440"], YEARS)
    later, summary = build_graph(client.kpis(KPIS), later_values)
    assert summary.nulls_skipped == 0
    merged = merge(everything, later, KPIS, ["1440"], YEARS)
    observations = set(merged.subjects(rdfns.RDF.type, SSG.Observation))
    # 0480: 2 + 6 kept; 1440: 2 + 6 fresh (the revised and completed values)
    assert len(observations) == 16
    revised = SSGID["kolada/observation/N01951/1440/2022/T"]
    assert list(merged.objects(revised, SSG.value)) == [Literal(Decimal("32613.0"))]
    kept = SSGID["kolada/observation/N01951/0480/2022/T"]
    assert merged.value(kept, SSG.value).toPython() == Decimal("56482.0")
    assert len(list(merged.objects(DATASET, rdfns.DCTERMS.modified))) == 1


# -- into the store, and linked to goals ---------------------------------------------

GOALS_1440 = """
@prefix ssg: <https://w3id.org/ssgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <https://w3id.org/ssgraph/id/org/> .
@prefix goal: <https://w3id.org/ssgraph/id/org/1440/goal/> .
@prefix indicator: <https://w3id.org/ssgraph/id/org/1440/indicator/> .
@prefix kpi: <https://w3id.org/ssgraph/id/kolada/kpi/> .
org:1440 a ssg:Municipality ; ssg:organisationCode "1440" .
goal:G1 a ssg:OverarchingGoal ; ssg:organisation org:1440 ;
    rdfs:label "Ale minskar sina klimatutsläpp"@sv .
indicator:I1 a ssg:Indicator ; ssg:organisation org:1440 ;
    ssg:measures goal:G1 ;
    ssg:koladaKPI kpi:N00401 .
"""
CURRENT = "https://w3id.org/ssgraph/graph/org/1440/mal-och-budget-2024"
EARLIER = "https://w3id.org/ssgraph/graph/org/1440/mal-och-budget-2023"
CATALOG = f"""
@prefix ssg: <https://w3id.org/ssgraph/ontology#> .
<https://w3id.org/ssgraph/id/org/1440/version/mal-och-budget-2024> a ssg:GoalStructureVersion ;
    ssg:versionOf <https://w3id.org/ssgraph/id/org/1440> ;
    ssg:graph <{CURRENT}> ; ssg:isCurrentVersion true .
<https://w3id.org/ssgraph/id/org/1440/version/mal-och-budget-2023> a ssg:GoalStructureVersion ;
    ssg:versionOf <https://w3id.org/ssgraph/id/org/1440> ;
    ssg:graph <{EARLIER}> ; ssg:isCurrentVersion false .
"""


def load_goals(store) -> None:
    from rdflib import Graph

    goals = Graph().parse(data=GOALS_1440, format="turtle")
    catalog = Graph().parse(data=CATALOG, format="turtle")
    # the same goal in two versions of the structure: it must be counted once
    store.replace_graphs(
        {CURRENT: goals, EARLIER: goals, "https://w3id.org/ssgraph/graph/catalog": catalog}
    )


def kolada_observations(store) -> int:
    rows = store.select(
        "SELECT (COUNT(?o) AS ?n) WHERE { GRAPH <https://w3id.org/ssgraph/graph/kolada> "
        "{ ?o a <https://w3id.org/ssgraph/ontology#Observation> } }"
    )
    return int(rows[0]["n"])


def test_import_merges_into_the_kolada_graph_on_both_backends(any_store, kolada_http, tmp_path):
    from ssgraph.importing.kolada_rdf import import_kolada

    client = KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path / "cache")
    first = import_kolada(any_store, client, KPIS, ORGS, YEARS)
    assert (first.observations, first.nulls_skipped) == (14, 2)
    assert kolada_observations(any_store) == 14
    second = import_kolada(any_store, client, KPIS, ["1440"], YEARS)
    assert second.observations == 8
    assert kolada_observations(any_store) == 16
    value = any_store.select(
        "SELECT ?v WHERE { <https://w3id.org/ssgraph/id/kolada/observation/N00401/1440/2022/T> "
        "<https://w3id.org/ssgraph/ontology#value> ?v }"
    )
    assert [row["v"].toPython() for row in value] == [Decimal("2.95")]


def test_goal_reaches_the_kolada_values_of_its_organisation(kolada_http, tmp_path):
    from ssgraph.importing.kolada_rdf import goal_kolada_values, import_kolada, linked_organisations
    from ssgraph.store import open_store

    with open_store(tmp_path / "store") as store:
        load_goals(store)
        assert linked_organisations(store) == ["1440"]
        client = KoladaClient(base_url=kolada_http.base(), cache_dir=tmp_path / "cache")
        import_kolada(store, client, KPIS, ORGS, YEARS)
        rows = goal_kolada_values(store, "https://w3id.org/ssgraph/id/org/1440/goal/G1")
    # N00401 for Ale: 2021 has a value, 2022 was null in this fetch
    assert [(str(r["period"]), r["value"].toPython()) for r in rows] == [("2021", Decimal("3.02"))]
    assert str(rows[0]["org"]) == "https://w3id.org/ssgraph/id/org/1440"
    assert str(rows[0]["indicator"]) == "https://w3id.org/ssgraph/id/org/1440/indicator/I1"


def test_goal_iri_is_checked_before_it_reaches_the_query(tmp_path):
    from ssgraph.importing.kolada_rdf import goal_kolada_values
    from ssgraph.store import open_store

    with open_store(tmp_path / "store") as store, pytest.raises(InputError):
        goal_kolada_values(store, "http://example.org/g> } DROP ALL #")


def run_cli(kolada_http, tmp_path: Path, kpi: str, org: str, years: str):
    from click.testing import CliRunner

    from ssgraph.cli import cli

    store, cache = str(tmp_path / "store"), str(tmp_path / "cache")
    options = ["--kpi", kpi, "--org", org, "--years", years, "--cache-dir", cache]
    options += ["--base-url", kolada_http.base()]
    return CliRunner().invoke(cli, ["--store", store, "--lang", "en", "kolada", *options])


def test_cli_stores_the_observations(kolada_http, tmp_path):
    from ssgraph.store import open_store

    result = run_cli(kolada_http, tmp_path, "N00401,N01951", "0480,1440", "2021-2022")
    assert result.exit_code == 0, result.output
    assert "14 observations (2 null values left out)" in result.output
    assert "Källa: Kolada" in result.output
    with open_store(tmp_path / "store") as store:
        assert kolada_observations(store) == 14
        assert store.ask(
            "ASK { <https://w3id.org/ssgraph/id/kolada/kpi/N01951> a "
            "<https://w3id.org/ssgraph/ontology#KoladaKPI> }"
        )


def test_cli_all_linked_fetches_the_organisations_of_imported_goals(kolada_http, tmp_path):
    from ssgraph.importing.kolada_rdf import goal_kolada_values
    from ssgraph.store import open_store

    with open_store(tmp_path / "store") as store:
        load_goals(store)
    result = run_cli(kolada_http, tmp_path, "N00401,N01951", "all-linked", "2021,2022")
    assert result.exit_code == 0, result.output
    assert [r for r in kolada_http.requests if "/data/" in r] == [
        "/v3/data/kpi/N00401,N01951/municipality/1440/year/2021,2022?per_page=5000"
    ]
    with open_store(tmp_path / "store") as store:
        rows = goal_kolada_values(store)
    assert [(str(r["period"]), r["value"].toPython()) for r in rows] == [
        ("2021", Decimal("3.02")),
        ("2022", Decimal("2.95")),
    ]


def test_cli_unknown_kpi_writes_nothing(kolada_http, tmp_path):
    from ssgraph.store import open_store

    result = run_cli(kolada_http, tmp_path, "N99999", "1440", "2021")
    assert result.exit_code == 2
    assert "Kolada does not know the KPIs N99999" in result.output
    with open_store(tmp_path / "store") as store:
        assert kolada_observations(store) == 0
    bad = run_cli(kolada_http, tmp_path, "N401", "1440", "2021")
    assert bad.exit_code == 2 and "'N401' is not a Kolada KPI id" in bad.output


def test_example_goals_reach_their_kolada_values_end_to_end(kolada_http, tmp_path):
    """Import the Nyköping example (two versions) with `ssgraph import`, then
    `ssgraph kolada --kpi all-linked --org all-linked`, then follow goal → values."""
    from click.testing import CliRunner

    from ssgraph.cli import cli
    from ssgraph.importing.kolada_rdf import goal_kolada_values
    from ssgraph.paths import EXAMPLES_DIR
    from ssgraph.store import open_store

    examples = [EXAMPLES_DIR / "nykoping-2023.yaml", EXAMPLES_DIR / "nykoping-2024.yaml"]
    store = str(tmp_path / "store")
    imported = CliRunner().invoke(cli, ["--store", store, "import", *map(str, examples)])
    assert imported.exit_code == 0, imported.output
    result = run_cli(kolada_http, tmp_path, "all-linked", "all-linked", "2021-2022")
    assert result.exit_code == 0, result.output
    assert "/v3/data/kpi/N00401/municipality/0480/year/2021,2022?per_page=5000" in (
        kolada_http.requests
    )
    with open_store(store) as opened:
        rows = goal_kolada_values(opened)
    assert rows, "no goal reached a Kolada value"
    keys = [(str(r["goal"]), str(r["period"]), str(r["gender"])) for r in rows]
    assert len(keys) == len(set(keys))  # the earlier version's copy of a goal is not counted
    assert {str(r["org"]) for r in rows} == {"https://w3id.org/ssgraph/id/org/0480"}
    assert {str(r["kpi"]) for r in rows} == {"https://w3id.org/ssgraph/id/kolada/kpi/N00401"}
    per_goal = {}
    for row in rows:
        per_goal.setdefault(str(row["goal"]), {})[str(row["period"])] = row["value"].toPython()
    assert all(v == {"2021": Decimal("4.71"), "2022": Decimal("4.38")} for v in per_goal.values())
