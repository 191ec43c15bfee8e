"""Fixtures for the extraction tests: the committed corpus and bad documents made on the spot."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "extract_corpus"


def expected_of(document: Path) -> dict:
    return yaml.safe_load((CORPUS / "expected" / f"{document.stem}.yaml").read_text(encoding="utf-8"))


def corpus_documents(layout: str | None = None, fmt: str | None = None) -> list[Path]:
    found = []
    for path in sorted(CORPUS.iterdir()):
        if path.is_dir() or path.suffix not in {".pdf", ".docx", ".html"}:
            continue
        expected = expected_of(path)
        if (layout is None or expected["layout"] == layout) and (fmt is None or expected["format"] == fmt):
            found.append(path)
    return found


@pytest.fixture
def scanned_pdf(tmp_path) -> Path:
    """A page that is only a picture, as a scanner makes it: no text layer."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (400, 560), 255)
    for x in range(40, 360):
        for y in (60, 61, 100, 101, 140, 141):
            image.putpixel((x, y), 0)
    path = tmp_path / "inskannad.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawImage(ImageReader(image), 40, 100, width=500, height=700)
    pdf.save()
    return path


@pytest.fixture
def encrypted_pdf(tmp_path) -> Path:
    from reportlab.pdfgen import canvas

    path = tmp_path / "krypterad.pdf"
    pdf = canvas.Canvas(str(path), encrypt="hemligt")
    pdf.drawString(72, 720, "Inriktningsmål 1: Kommunen ska vara en attraktiv arbetsgivare.")
    pdf.save()
    return path


@pytest.fixture
def truncated_pdf(tmp_path) -> Path:
    source = corpus_documents(fmt="pdf")[0].read_bytes()
    path = tmp_path / "avkortad.pdf"
    path.write_bytes(source[: len(source) // 2])
    return path
