"""`ssgraph harmonise A B --decisions FILE --workbook FILE` on the Örebro merger (Örebro läns
landsting LL18 + Regionförbundet Örebro län RF18 → Region Örebro län): the decisions file
in and out (SSSOM TSV), decisions re-applied on later runs, and the merged workbook imported
as the new organisation's structure, its goals derived from the goals of both."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from review_stores import build_review_store

from ssgraph.cli import cli
from ssgraph.store import open_store

GOAL = "https://w3id.org/ssgraph/id/org/{}/goal/{}"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return build_review_store(tmp_path_factory.mktemp("review-cli") / "store")


def run(store_dir, *args, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--store", str(store_dir), "--lang", "en", *args])
    assert result.exit_code == code, result.output
    return result.output


def _rows(path) -> tuple[list[str], list[dict]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if not line.startswith("#")]
    return header, list(csv.DictReader(io.StringIO("\n".join(body)), delimiter="\t"))


def _write(path, header: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text("\n".join(header) + "\n" + out.getvalue(), encoding="utf-8")


def _matches(store_dir, tmp_path, *extra) -> dict[tuple[str, str], str]:
    import json

    run(store_dir, "harmonise", "LL18", "RF18", "-o", str(tmp_path), "-f", "json", *extra)
    data = json.loads((tmp_path / "harmonise-LL18-RF18.json").read_text(encoding="utf-8"))
    return {(m["a"].rsplit("/", 1)[-1], m["b"].rsplit("/", 1)[-1]): m["relation"] for m in data["matches"]}


@pytest.fixture(scope="module")
def reviewed(store_dir, tmp_path_factory):
    """The file the first run writes (the machine's proposals), edited: one rejected, one
    accepted with another relation, one added by hand; then run again with it."""
    folder = tmp_path_factory.mktemp("decisions")
    decisions = folder / "LL18-RF18.sssom.tsv"
    machine = _matches(store_dir, folder, "--decisions", str(decisions))
    header, rows = _rows(decisions)
    assert rows and {r["mapping_justification"] for r in rows} == {"semapv:LexicalMatching"}
    assert any(line.startswith("#curie_map:") for line in header)
    by_pair = {(r["subject_id"].rsplit("/", 1)[-1], r["object_id"].rsplit("/", 1)[-1]): r for r in rows}
    pairs = sorted(by_pair)
    rejected, changed = pairs[0], pairs[-1]  # whichever the machine proposes: the review overrides it
    by_pair[rejected].update(mapping_justification="semapv:ManualMappingCuration", predicate_modifier="Not")
    new_relation = "exactMatch" if machine[changed] != "exactMatch" else "relatedMatch"
    by_pair[changed].update(mapping_justification="semapv:ManualMappingCuration", predicate_id=f"skos:{new_relation}")
    added = next((a, b) for a in ("LL-4.2", "LL-4.1", "LL-3.3") for b in ("RF-1.3.1", "RF-3.2", "RF-2.2")
                 if (a, b) not in by_pair and not any(p[0] == a or p[1] == b for p in pairs))
    rows.append(dict(rows[0], subject_id=GOAL.format("LL18", added[0]), object_id=GOAL.format("RF18", added[1]),
                     predicate_id="skos:closeMatch", mapping_justification="semapv:ManualMappingCuration",
                     author_label="Lena Länsplanerare", confidence="", comment="kompetensförsörjning i vården"))
    _write(decisions, header, rows)
    after = _matches(store_dir, folder, "--decisions", str(decisions), "--reviewer", "Per Processledare")
    return {"machine": machine, "after": after, "file": decisions, "rejected": rejected, "changed": changed,
            "relation": new_relation, "added": added}


def test_the_decisions_file_is_applied(reviewed):
    machine, after = reviewed["machine"], reviewed["after"]
    assert reviewed["rejected"] in machine and reviewed["rejected"] not in after
    assert after[reviewed["changed"]] == reviewed["relation"] != machine[reviewed["changed"]]
    assert reviewed["added"] not in machine and after[reviewed["added"]] == "closeMatch"


def test_the_file_is_rewritten_with_who_and_the_proposals_left(reviewed):
    _, rows = _rows(reviewed["file"])
    manual = {(r["subject_id"].rsplit("/", 1)[-1], r["object_id"].rsplit("/", 1)[-1]): r for r in rows
              if r["mapping_justification"] == "semapv:ManualMappingCuration"}
    assert set(manual) == {reviewed["rejected"], reviewed["changed"], reviewed["added"]}
    assert manual[reviewed["added"]]["author_label"] == "Lena Länsplanerare"
    assert manual[reviewed["changed"]]["author_label"] == "Per Processledare"
    assert manual[reviewed["rejected"]]["predicate_modifier"] == "Not"
    machine = reviewed["machine"][reviewed["changed"]]
    assert f"machine proposed skos:{machine}" in manual[reviewed["changed"]]["comment"]
    assert all(r["mapping_date"].startswith("20") for r in manual.values())
    assert any(r["mapping_justification"] == "semapv:LexicalMatching" for r in rows)


def test_stored_decisions_are_reapplied_without_the_file(store_dir, reviewed, tmp_path):
    for mode in ("many-to-one", "one-to-one"):
        again = _matches(store_dir, tmp_path, "--mode", mode)
        assert reviewed["rejected"] not in again, mode
        assert again[reviewed["changed"]] == reviewed["relation"], mode
        assert again[reviewed["added"]] == "closeMatch", mode


def test_a_bad_decisions_file_names_file_and_line_and_stores_nothing(store_dir, reviewed, tmp_path):
    header, rows = _rows(reviewed["file"])
    rows[1] = dict(rows[1], mapping_justification="semapv:ManualMappingCuration",
                   object_id=GOAL.format("0480", "N2.1"))
    bad = tmp_path / "bad.tsv"
    _write(bad, header, rows)
    output = run(store_dir, "harmonise", "LL18", "RF18",
                 "--decisions", str(bad), "-o", str(tmp_path), code=2)
    line = len(header) + 1 + 2  # the comment lines, the column names, then the second row
    assert f"bad.tsv, line {line}: " in output and "0480/goal/N2.1" in output
    assert _matches(store_dir, tmp_path) == reviewed["after"]  # nothing changed


def test_the_merged_workbook_imports_as_the_new_organisation(store_dir, reviewed, tmp_path):
    workbook = tmp_path / "region-orebro-2015.xlsx"
    run(store_dir, "harmonise", "LL18", "RF18", "-o", str(tmp_path), "-f", "json", "--workbook", str(workbook),
        "--new-org", "0018", "--new-name", "Region Örebro län", "--new-version", "Region Örebro län 2015 (harmoniserad)")
    run(store_dir, "import", str(workbook), "--not-current")
    store = open_store(store_dir)
    try:
        rows = store.select("""
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX ssg: <https://w3id.org/ssgraph/ontology#>
SELECT ?goal ?source ?illustrative WHERE {
  GRAPH <https://w3id.org/ssgraph/graph/org/0018/region-orebro-lan-2015-harmoniserad> { ?goal prov:wasDerivedFrom ?source }
  FILTER(CONTAINS(STR(?source), "/goal/"))
  OPTIONAL { GRAPH ?catalog { ?entry ssg:graph <https://w3id.org/ssgraph/graph/org/0018/region-orebro-lan-2015-harmoniserad> ;
                                     ssg:isIllustrative ?illustrative } }
}""")
    finally:
        store.close()
    sources: dict[str, set[str]] = {}
    for row in rows:
        sources.setdefault(str(row["goal"]), set()).add(str(row["source"]).split("/org/")[1])
    both = {goal for goal, found in sources.items() if {s.split("/")[0] for s in found} == {"LL18", "RF18"}}
    assert len(both) >= 8
    (a, b) = reviewed["added"]
    assert any({f"LL18/goal/{a}", f"RF18/goal/{b}"} <= found for found in sources.values())  # added close: merged
    (a, b) = reviewed["rejected"]
    assert not any({f"LL18/goal/{a}", f"RF18/goal/{b}"} <= found for found in sources.values())
    assert {str(row["illustrative"]).lower() for row in rows} == {"true"}  # merged from examples: still illustrative
