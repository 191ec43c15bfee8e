"""Documents that cannot be read: one clear message each, exit 2, no traceback, nothing written."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from extract_samples import corpus_documents

from ssgraph.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["--lang", "en", *[str(a) for a in args]])


def assert_refused(result, words: str, output):
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert words in result.output
    assert not output.exists()


def test_scanned_pdf_has_no_text_layer(scanned_pdf, tmp_path):
    output = tmp_path / "mall.xlsx"
    result = run("extract", scanned_pdf, "--org", "1881", "--output", output)
    assert_refused(result, "no text layer; scanned documents need OCR, which ssgraph does not do", output)
    assert "inskannad.pdf" in result.output


def test_encrypted_pdf(encrypted_pdf, tmp_path):
    output = tmp_path / "mall.xlsx"
    assert_refused(run("extract", encrypted_pdf, "--org", "1881", "--output", output), "encrypted", output)


def test_truncated_pdf(truncated_pdf, tmp_path):
    output = tmp_path / "mall.xlsx"
    assert_refused(run("extract", truncated_pdf, "--org", "1881", "--output", output), "truncated", output)


def test_truncated_docx(tmp_path):
    source = corpus_documents(fmt="docx")[0].read_bytes()
    broken = tmp_path / "avkortad.docx"
    broken.write_bytes(source[: len(source) // 3])
    output = tmp_path / "mall.xlsx"
    assert_refused(run("extract", broken, "--org", "1881", "--output", output), "truncated", output)


def test_a_pdf_that_is_not_one(tmp_path):
    fake = tmp_path / "budget.pdf"
    fake.write_text("<html><body>Inte en PDF</body></html>", encoding="utf-8")
    output = tmp_path / "mall.xlsx"
    assert_refused(run("extract", fake, "--org", "1881", "--output", output), "not a PDF file", output)


def test_unsupported_format(tmp_path):
    odt = tmp_path / "plan.odt"
    odt.write_bytes(b"PK\x03\x04 not really")
    output = tmp_path / "mall.xlsx"
    assert_refused(run("extract", odt, "--org", "1881", "--output", output), "“.odt” cannot be read", output)


def test_messages_in_swedish(scanned_pdf, tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(scanned_pdf), "--org", "1881", "--output",
                                      str(tmp_path / "mall.xlsx")])
    assert result.exit_code == 2
    assert "inget textlager" in result.output and "OCR" in result.output


def test_bad_output_name(tmp_path):
    document = corpus_documents(fmt="html")[0]
    output = tmp_path / "mall.txt"
    assert_refused(run("extract", document, "--org", "1881", "--output", output), ".xlsx or .yaml", output)


@pytest.mark.parametrize("code", ["18", "1", "01"])
def test_a_county_code_is_no_organisation_code(code, tmp_path):
    """1–2 digits are a county, not a municipality (4 digits) or a region (00 + county)."""
    document = corpus_documents(fmt="pdf")[0]
    output = tmp_path / "mall.xlsx"
    result = run("extract", document, "--org", code, "--output", output)
    assert_refused(result, f"“{code}” is not an organisation code", output)
    assert "--org" in result.output


def test_an_unknown_code_is_refused_before_a_folder_is_written(tmp_path):
    folder = tmp_path / "dokument"
    folder.mkdir()
    (folder / "plan.html").write_text("<html><body><h1>Mål</h1><ul><li>Ett mål</li></ul></body></html>",
                                      encoding="utf-8")
    out = tmp_path / "ut"
    assert_refused(run("extract", folder, "--org", "9999", "--output", out),
                   "“9999” is not a known municipality or region code", out)


def test_a_dissolved_organisation_keeps_its_own_code(tmp_path):
    """LL18 (Örebro läns landsting, dissolved 2014): the importer's former codes are accepted."""
    import yaml

    output = tmp_path / "mall.yaml"
    result = run("extract", corpus_documents(fmt="pdf")[0], "--org", "LL18", "--output", output)
    assert result.exit_code == 0, result.output
    organisation = yaml.safe_load(output.read_text(encoding="utf-8"))["organisation"][0]
    assert (organisation["code"], organisation["name"], organisation["type"]) == (
        "LL18", "Örebro läns landsting", "county-council")
