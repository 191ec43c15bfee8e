"""docs/import.md stays in step with the model and the messages."""

from __future__ import annotations

from pathlib import Path

from ssgraph.importing.docs import render_sections


def test_import_page_matches_the_model_and_messages():
    page = Path(__file__).resolve().parents[2] / "docs" / "import.md"
    text = page.read_text(encoding="utf-8")
    assert render_sections(text) == text, "run: python -m ssgraph.importing.docs docs/import.md"
    assert "`goals`" in text and "`import.unknown_sdg_target`" in text
