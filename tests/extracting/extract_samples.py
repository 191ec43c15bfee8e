"""The committed extraction corpus and its expected extractions, for the extraction tests."""

from __future__ import annotations

from pathlib import Path

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


INDEPENDENT = CORPUS / "independent"


def independent_documents() -> list[Path]:
    """The layouts written apart from the extractor (benchmarks/extract_corpus/independent)."""
    return sorted(p for p in INDEPENDENT.iterdir() if p.suffix in {".pdf", ".docx", ".html"})


def organisation_of(document: Path) -> str:
    """The import model's code of the organisation a corpus document is from (18 → 0018)."""
    code = str(yaml.safe_load((document.parent / "expected" / f"{document.stem}.yaml")
                              .read_text(encoding="utf-8"))["organisation"])
    return code.zfill(4) if len(code) <= 2 else code
