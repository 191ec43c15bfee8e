"""ssgraph validate on files: exit codes, severities, options."""

from __future__ import annotations

import json

from click.testing import CliRunner
from validation_helpers import (
    GOAL_WITH_SDG_18_2,
    GOAL_WITHOUT_INDICATOR,
    SSG,
    SSGSH,
    O,
    write_organisation,
)

from ssgraph.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["validate", "--reference-date", "2025-06-01", "--jobs", "1", *args])


def findings(result) -> list[dict]:
    document = json.loads(result.output)
    return [f for org in document["organisations"] for f in org["findings"]]


def test_goal_linked_to_sdg_target_18_2_is_a_violation_and_exit_code_1(tmp_path):
    path = write_organisation(tmp_path / "org.ttl", GOAL_WITH_SDG_18_2)
    result = run(str(path), "--format", "json")
    assert result.exit_code == 1, result.output
    [finding] = findings(result)
    assert (finding["focus"], finding["path"], finding["severity"], finding["shape"]) == (
        O + "goal/g9", SSG + "addressesSDG", "violation", SSGSH + "SDGLink")
    assert finding["value"] == "https://w3id.org/ssgraph/ref/sdg/18.2"
    assert finding["organisation"] == "0480"
    assert finding["source"] == {"file": "nykoping.xlsx", "sheet": "Mål", "row": 12}


def test_goal_without_indicator_is_a_warning_and_exit_code_0(tmp_path):
    path = write_organisation(tmp_path / "org.ttl", GOAL_WITHOUT_INDICATOR)
    result = run(str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    [finding] = findings(result)
    assert (finding["focus"], finding["path"], finding["severity"], finding["shape"]) == (
        O + "goal/g9", None, "warning", SSGSH + "LeafGoalHasIndicator")


def test_min_severity_hides_warnings_but_not_the_exit_code(tmp_path):
    path = write_organisation(tmp_path / "org.ttl", GOAL_WITH_SDG_18_2, GOAL_WITHOUT_INDICATOR.replace("g9", "g8"))
    everything = run(str(path), "--format", "json")
    only_violations = run(str(path), "--format", "json", "--min-severity", "violation")
    assert {f["severity"] for f in findings(everything)} == {"violation", "warning"}
    assert {f["severity"] for f in findings(only_violations)} == {"violation"}
    assert only_violations.exit_code == 1
    assert run(str(path), "--format", "json", "--min-severity", "violation").exit_code == 1


def test_text_report_in_english_and_swedish(tmp_path):
    path = write_organisation(tmp_path / "org.ttl", GOAL_WITHOUT_INDICATOR)
    swedish = run(str(path))
    english = CliRunner().invoke(cli, ["--lang", "en", "validate", "--reference-date", "2025-06-01", "--jobs", "1", str(path)])
    assert "1 varning" in swedish.output.splitlines()[0]
    assert "Målet har inga undermål och ingen indikator som mäter det." in swedish.output
    assert "1 warning" in english.output.splitlines()[0]
    assert "The goal has no sub-goals and no indicator measuring it." in english.output
    assert "nykoping.xlsx, sheet Mål, row 13" in english.output


def test_output_file(tmp_path):
    path = write_organisation(tmp_path / "org.ttl")
    target = tmp_path / "report.html"
    result = run(str(path), "--format", "html", "--output", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bad_input_exits_2(tmp_path):
    assert run(str(tmp_path / "missing.ttl")).exit_code == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    result = run(str(broken))
    assert result.exit_code == 2 and "broken.ttl" in result.output
    good = write_organisation(tmp_path / "org.ttl")
    assert run(str(good), "--reference-date", "1 juni").exit_code == 2
    assert run(str(good), "--org", "0480").exit_code == 2  # one source at a time


def test_turtle_from_the_cli_and_rdfs_inference(tmp_path):
    from rdflib import Graph

    from ssgraph.namespaces import SH

    path = write_organisation(tmp_path / "org.ttl", GOAL_WITHOUT_INDICATOR)
    result = run(str(path), "--format", "turtle", "--inference", "rdfs")
    assert result.exit_code == 0, result.output
    report = Graph().parse(data=result.output, format="turtle")
    [focus] = list(report.objects(None, SH.focusNode))
    assert str(focus) == O + "goal/g9"


def test_the_reference_vocabularies_conform_to_the_reference_shapes():
    from ssgraph.validation.shapes import reference_files

    files = [str(p) for p in reference_files()]
    result = run("--shape-set", "reference", "--format", "json", *files)
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert len(document["organisations"]) == len(files) and document["counts"]["violation"] == 0


def test_a_workbook_or_yaml_file_is_validated_without_importing(tmp_path):
    """validate reads a workbook as the importer would (without writing) and places findings
    at their sheet and row."""
    from ssgraph.paths import EXAMPLES_DIR

    for name in ("nykoping-2023.xlsx", "nykoping-2023.yaml"):
        result = CliRunner().invoke(cli, ["--store", str(tmp_path / "untouched"), "--lang", "en", "validate",
                                          str(EXAMPLES_DIR / name), "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        document = json.loads(result.output)
        [organisation] = document["organisations"]
        assert organisation["organisation"] == "0480"
        sources = [f["source"] for f in organisation["findings"] if f["source"]]
        assert sources and all(s["sheet"] or s["file"] for s in sources), name
    assert not (tmp_path / "untouched").exists()  # nothing was imported, no store was even made
    broken = tmp_path / "broken.yaml"
    broken.write_text("organisation: {code: '0480'}\ngoals: [{id: G1, parent: NOPE}]\n", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["--lang", "en", "validate", str(broken)])
    assert refused.exit_code == 2 and "broken.yaml" in refused.output
