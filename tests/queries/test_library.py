"""Every library query: a valid header, and its answer on the fixture data (expected/<name>.csv)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ssgraph import paths
from ssgraph.errors import InputError
from ssgraph.queries import NamedQuery, load_library, parse_query_file

EXPECTED = Path(__file__).parent / "expected"  # answers on the example data (data/examples)
FIXTURE_EXPECTED = Path(__file__).parent / "fixture_expected"  # answers on fixture.trig
LIBRARY = load_library()


def _rows(text: str) -> list[list[str]]:
    return [row for row in csv.reader(io.StringIO(text))]


def test_library_has_at_least_twenty_queries():
    assert len(LIBRARY) >= 20


def _answer(store, name: str, folder: Path) -> tuple[list[list[str]], list[list[str]]]:
    expected_file = folder / f"{name}.csv"
    assert expected_file.exists(), (
        f"no expected answer {folder.name}/{expected_file.name}; run tests/queries/regenerate_expected.py")
    result = store.query_raw(LIBRARY.get(name).bind(), result_format="csv")
    return _rows(result.body.decode("utf-8")), _rows(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", LIBRARY.names())
def test_query_answer_on_the_example_data(name, example_store):
    actual, expected = _answer(example_store, name, EXPECTED)
    assert actual[0] == expected[0]
    assert sorted(actual[1:]) == sorted(expected[1:])


@pytest.mark.parametrize("name", LIBRARY.names())
def test_query_answer_on_the_fixture(name, fixture_store):
    actual, expected = _answer(fixture_store, name, FIXTURE_EXPECTED)
    assert actual == expected
    assert len(actual) > 1, "every library query answers something on the fixture (the browser test runs them)"


@pytest.mark.parametrize("name", LIBRARY.names())
def test_cross_cutting_queries_only_see_current_versions(name):
    text = LIBRARY.get(name).text
    if "GRAPH ?g" in text and name != "goal_structure_versions":
        assert "ssg:isCurrentVersion true" in text


def test_old_version_goal_is_not_counted(fixture_store):
    rows = fixture_store.select(LIBRARY.get("goals_per_sdg_per_organisation").bind())
    assert not [r for r in rows if str(r["sdgNumber"]) == "1"]


def test_bind_replaces_values_block(fixture_store):
    query = LIBRARY.get("sdg_goals_without_indicator")
    rows = fixture_store.select(query.bind({"sdg": "https://w3id.org/ssgraph/ref/sdg/13"}))
    assert rows == []  # goal G2 on SDG 13 is measured by indicator I1
    assert "<https://w3id.org/ssgraph/ref/sdg/13>" in query.bind({"sdg": "https://w3id.org/ssgraph/ref/sdg/13"})


@pytest.mark.parametrize(
    "param, value",
    [
        ("sdg", "http://x/> } } ; DROP ALL ; #"),
        ("sdg", "not an iri"),
        ("sdg", "http://x/a b"),
    ],
)
def test_bind_refuses_values_that_are_not_of_the_type(param, value):
    with pytest.raises(InputError):
        LIBRARY.get("sdg_goals_without_indicator").bind({param: value})


def test_bind_escapes_string_literals():
    query = LIBRARY.get("documents_past_validity")
    with pytest.raises(InputError):
        query.bind({"day": '2020-01-01"^^xsd:date } DELETE WHERE { ?s ?p ?o } #'})
    assert '"2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date>' in query.bind({"day": "2020-01-01"})


def test_integer_parameter(fixture_store):
    query = LIBRARY.get("kolada_kpis_used_by_several")
    assert len(fixture_store.select(query.bind({"minimum": "3"}))) == 0
    assert len(fixture_store.select(query.bind({"minimum": "1"}))) == 1


def test_unknown_parameter_is_named():
    with pytest.raises(InputError) as raised:
        LIBRARY.get("goals_per_level").bind({"nope": "1"})
    assert "nope" in raised.value.render("en")


def test_header_problems_are_located(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title-sv: x\n# param: a iri\nSELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        parse_query_file(bad)
    assert "bad.rq" in raised.value.render("en") and "line 2" in raised.value.render("en")


def test_every_query_file_is_in_the_library():
    assert sorted(p.stem for p in paths.QUERIES_DIR.glob("*.rq")) == LIBRARY.names()


def test_library_lookup_by_name_and_from_file():
    assert "goals_per_level" in LIBRARY and "nope" not in LIBRARY
    assert LIBRARY["goals_per_level"].name == "goals_per_level"
    path = paths.QUERIES_DIR / "goals_per_level.rq"
    assert NamedQuery.from_file(path) == LIBRARY.get("goals_per_level")


def test_a_plain_query_file_without_header_is_still_a_query(tmp_path):
    plain = tmp_path / "plain.rq"
    plain.write_text("SELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    query = NamedQuery.from_file(plain)
    assert query.bind() == plain.read_text(encoding="utf-8") and query.title["en"] == "plain"
    with pytest.raises(InputError):
        parse_query_file(plain)  # the library itself requires the header


PER_ORGANISATION = [q.name for q in LIBRARY if "organisation" in [p.name for p in q.params]]


@pytest.mark.parametrize("name", PER_ORGANISATION)
def test_organisation_all_answers_for_every_organisation(name, example_store):
    """A list query asks about one organisation by default (Nyköping); ``all`` asks about
    every one, and its rows for the default organisation are the default answer."""
    query = LIBRARY.get(name)
    default = query.param("organisation").default
    every = _rows(example_store.query_raw(query.bind({"organisation": "all"}), result_format="csv").body.decode())
    one = _rows(example_store.query_raw(query.bind(), result_format="csv").body.decode())
    column = every[0].index("organisation")
    assert sorted(r for r in every[1:] if r[column] == default) == sorted(one[1:])
    assert every[0] == one[0]


def test_organisation_all_reaches_several_organisations(example_store):
    rows = example_store.select(LIBRARY.get("goals_without_action").bind({"organisation": "all"}))
    assert len({str(r["organisation"]) for r in rows}) > 1
