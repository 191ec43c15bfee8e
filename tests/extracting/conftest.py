"""Fixtures for the extraction tests: the committed corpus and bad documents made on the spot."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_samples import corpus_documents


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
