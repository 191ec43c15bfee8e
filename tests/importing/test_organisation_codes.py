"""Organisation codes are never padded into another organisation's code, and an unquoted
YAML 0127 (octal in YAML 1.1) is kept as written, with a message saying what was written."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from ssgraph.importing.importer import ImportRejected, prepare_import

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
GOALS = "goals:\n  - {id: G1, level: övergripande, text: Ett mål}\n"


def _yaml(tmp_path, code_line: str, name="Botkyrka kommun", kind="kommun", extra=""):
    path = tmp_path / "org.yaml"
    path.write_text(f"organisation:\n  {code_line}\n  name: {name}\n  type: {kind}\n  version: V1\n{extra}{GOALS}",
                    encoding="utf-8")
    return path


def test_unquoted_yaml_code_with_a_leading_zero_is_kept_as_written(tmp_path):
    prepared = prepare_import(_yaml(tmp_path, "code: 0127"), now=NOW, lang="en")
    assert prepared.org_code == "0127" and prepared.graph_iri.endswith("/org/0127/v1")
    warning = next(w for w in prepared.warnings if w.message_id == "import.yaml_octal_number")
    assert warning.params == {"value": "0127", "octal": 87}
    assert warning.location.line == 2 and "0127" in warning.render("en") and "87" in warning.render("en")


@pytest.mark.parametrize("code_line", ["code: '18'", "code: 18"])
def test_a_two_digit_code_is_refused_not_padded_into_region_orebro(tmp_path, code_line):
    path = _yaml(tmp_path, code_line, "Örebro läns landsting", "landsting")
    with pytest.raises(ImportRejected) as rejected:
        prepare_import(path, now=NOW)
    assert [p.message_id for p in rejected.value.problems] == ["import.short_organisation_code"]
    assert "LL18" in rejected.value.problems[0].render("en")
    assert "0018" in rejected.value.problems[0].render("en")


def test_the_org_option_is_not_padded_either(tmp_path):
    path = tmp_path / "goals.yaml"
    path.write_text(GOALS, encoding="utf-8")
    with pytest.raises(ImportRejected) as rejected:
        prepare_import(path, org="18", version="V1", now=NOW)
    assert [p.message_id for p in rejected.value.problems] == ["import.short_organisation_code"]


def test_a_municipality_code_that_lost_its_zero_is_read_with_a_warning(tmp_path):
    from ssgraph.importing.template import write_workbook

    rows = {"organisation": [{"code": 480, "name": "Nyköpings kommun", "type": "kommun", "version": "V1"}],
            "goals": [{"id": "G1", "level": "övergripande", "text": "Ett mål"}]}
    prepared = prepare_import(write_workbook(tmp_path / "n.xlsx", "sv", rows), now=NOW)
    assert prepared.org_code == "0480"
    padded = [w for w in prepared.warnings if w.message_id == "import.padded_organisation_code"]
    assert [w.params for w in padded] == [{"written": "480", "code": "0480"}]


def test_the_dissolved_organisations_have_codes_of_their_own(tmp_path):
    path = _yaml(tmp_path, "code: LL18", "Örebro läns landsting", "landsting")
    prepared = prepare_import(path, now=NOW)
    assert prepared.org_code == "LL18" and "/org/LL18/" in prepared.graph_iri
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["organisation"]["code"] == "LL18"
