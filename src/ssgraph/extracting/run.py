"""Extract one document into a workbook (or YAML), or a whole folder of documents at once.

A folder run goes on past documents that fail, and writes a summary next to the
workbooks: per document its format, pages, kind, title, goals and indicators found, and
what went wrong, so a document jungle can be sorted in one pass.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ssgraph import catalogue
from ssgraph.errors import InputError
from ssgraph.extracting import errors
from ssgraph.extracting.organisation import checked_code
from ssgraph.extracting.reading import SUFFIX_TO_FORMAT, extract
from ssgraph.extracting.result import Extraction
from ssgraph.extracting.writer import model_rows, write_rows

OUTPUT_SUFFIXES = {".xlsx", ".yaml", ".yml"}
SUMMARY_COLUMNS = ("file", "format", "pages", "kind", "title", "goals", "indicators", "seconds", "status", "output")


@dataclass
class DocumentOutcome:
    file: str
    extraction: Extraction | None = None
    output: Path | None = None
    error: str | None = None

    @property
    def status(self) -> str:
        if self.error is not None:
            return "failed"
        return "ok" if self.extraction and self.extraction.goals else "empty"


@dataclass
class FolderOutcome:
    documents: list[DocumentOutcome] = field(default_factory=list)
    summary: Path | None = None

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)


def extract_file(path: Path, org: str, output: Path, lang: str = "sv") -> DocumentOutcome:
    """Read one document and write what it says as the import model (raises InputError)."""
    path, output = Path(path), Path(output)
    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise errors.bad_output(output)
    checked_code(org)
    extraction = extract(path)
    rows = model_rows(extraction, org, lang)
    written = write_rows(rows, output, lang, catalogue.text("extract.note", lang, file=path.name))
    return DocumentOutcome(path.name, extraction, written)


def documents_in(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIX_TO_FORMAT
                  and not p.name.startswith(("~$", ".")))


def extract_folder(folder: Path, org: str, out: Path, lang: str = "sv", fmt: str = "xlsx",
                   progress: Callable[[int, int, str], None] | None = None) -> FolderOutcome:
    folder, out = Path(folder), Path(out)
    if not folder.is_dir():
        raise errors.missing(folder)
    paths = documents_in(folder)
    if not paths:
        raise errors.empty_folder(folder)
    if out.suffix.lower() in OUTPUT_SUFFIXES:
        raise errors.bad_output(out)
    checked_code(org)  # before anything is written, not once per document
    out.mkdir(parents=True, exist_ok=True)
    outcome = FolderOutcome()
    for index, path in enumerate(paths):
        relative = path.relative_to(folder)
        target = out / relative.with_suffix(f"{relative.suffix}.{fmt}")
        try:
            document = extract_file(path, org, target, lang)
        except InputError as error:
            document = DocumentOutcome(str(relative), error=error.render(lang))
        except Exception as error:  # a document no reader copes with must not stop the other 299
            document = DocumentOutcome(str(relative), error=f"{type(error).__name__}: {error}")
        document.file = str(relative)
        outcome.documents.append(document)
        if progress:
            progress(index + 1, len(paths), str(relative))
    outcome.summary = write_summary(outcome, out, lang)
    return outcome


def write_summary(outcome: FolderOutcome, out: Path, lang: str) -> Path:
    lang = "en" if lang == "en" else "sv"
    path = out / catalogue.text("extract.summary_file", lang)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([catalogue.text(f"extract.summary.{column}", lang) for column in SUMMARY_COLUMNS])
        for document in outcome.documents:
            found = document.extraction
            status = catalogue.text(f"extract.status.{document.status}", lang)
            if document.error:
                status = f"{status}: {document.error}"
            writer.writerow([
                document.file, found.format if found else "", found.pages or "" if found else "",
                found.metadata.document_type or "" if found else "", found.metadata.title or "" if found else "",
                len(found.goals) if found else 0, len(found.indicators) if found else 0,
                f"{found.seconds:.2f}" if found else "", status,
                document.output.name if document.output else "",
            ])
    return path
