"""Read one steering document (PDF, DOCX or HTML) and find what it says: the one entry point."""

from __future__ import annotations

import time
from pathlib import Path

from ssgraph.extracting import errors
from ssgraph.extracting.blocks import DocumentText
from ssgraph.extracting.metadata import read_metadata
from ssgraph.extracting.result import Extraction
from ssgraph.extracting.structure import analyse

SUFFIX_TO_FORMAT = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".html": "html", ".htm": "html",
                    ".xhtml": "html"}


def format_of(path: Path) -> str:
    fmt = SUFFIX_TO_FORMAT.get(path.suffix.lower())
    if fmt is None:
        raise errors.unsupported(path)
    return fmt


def read_document(path: Path) -> DocumentText:
    path = Path(path)
    if not path.is_file():
        raise errors.missing(path)
    fmt = format_of(path)
    _check_signature(path, fmt)
    if fmt == "pdf":
        from ssgraph.extracting.pdf_reader import read_pdf

        return read_pdf(path)
    if fmt == "docx":
        from ssgraph.extracting.docx_reader import read_docx

        return read_docx(path)
    from ssgraph.extracting.html_reader import read_html

    return read_html(path)


def _check_signature(path: Path, fmt: str) -> None:
    """A file that is not what its name says (or is cut off before its first bytes)."""
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not head:
        raise errors.corrupt(path, "empty file")
    if fmt == "pdf" and b"%PDF-" not in head:
        raise errors.corrupt(path, "not a PDF file")
    if fmt == "pdf":
        with open(path, "rb") as handle:
            handle.seek(max(0, path.stat().st_size - 2048))
            if b"%%EOF" not in handle.read():
                raise errors.corrupt(path, "the end of the file is missing")
    if fmt == "docx" and not head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise errors.corrupt(path, "not a Word (.docx) file")


def extract(path: Path) -> Extraction:
    """Everything extraction finds in one document, each item located and with a confidence."""
    started = time.perf_counter()
    document = read_document(Path(path))
    analysis = analyse(document.blocks)
    metadata = read_metadata(document)
    result = Extraction(document.file, document.format, document.pages, metadata, analysis.statements,
                        analysis.goals, analysis.tables.indicators)
    result.seconds = time.perf_counter() - started
    return result
