"""Writing the analyses' results to files: HTML (standalone), CSV, JSON, Turtle, PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from rdflib import Graph

from ssgraph.owned_files import write_text_atomically
from ssgraph.rendering.tables import csv_text


def write_text(text: str, path: Path) -> Path:
    return write_text_atomically(path, text)


def write_json(data: object, path: Path) -> Path:
    return write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", path)


def write_csv(rows: list[dict], path: Path, lang: str, translate_headers: bool = True) -> Path:
    return write_text(csv_text(rows, lang, translate_headers), path)


def write_turtle(graph: Graph, path: Path) -> Path:
    return write_text(graph.serialize(format="turtle"), path)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html_path: Path, pdf_path: Path) -> Path | None:
    """Print an HTML file to PDF with headless Chromium; None when no Chromium is installed."""
    browser = find_chromium()
    if browser is None:
        return None
    subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf_path
