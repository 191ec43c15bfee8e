"""The sv/en catalogue: every entry in both languages, with the same placeholders, and every
id the templates and code name exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ssgraph import catalogue

SRC = Path(__file__).parents[1] / "src" / "ssgraph"
ENTRIES = catalogue.file_entries()


@pytest.mark.parametrize("message_id", sorted(ENTRIES))
def test_every_entry_has_both_languages_with_the_same_placeholders(message_id):
    entry = ENTRIES[message_id]
    assert entry.sv.strip(), f"{entry.file}: {message_id} has no Swedish text"
    assert entry.en.strip(), f"{entry.file}: {message_id} has no English text"
    assert catalogue.placeholders(entry.sv) == catalogue.placeholders(entry.en), (
        f"{entry.file}: {message_id} has different placeholders in sv and en")


def test_texts_render_in_the_asked_language_with_nested_references():
    ref = catalogue.Ref.to("errors.location.row", n=3)
    assert catalogue.text("errors.location.sheet", "en", name=ref) == "sheet row 3"
    assert catalogue.text("errors.location.sheet", "sv", name=catalogue.Texts("Mål", "Goals")) == "blad Mål"
    assert catalogue.text("errors.location.sheet", "en", name={"sv": "Mål", "en": "Goals"}) == "sheet Goals"
    assert catalogue.text("errors.location.sheet", "de", name="x") == "blad x"  # unknown language → Swedish


_TEMPLATE_ID = re.compile(r"""\bt\(\s*["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""")


def test_every_id_a_template_names_exists():
    missing = []
    for path in sorted(SRC.rglob("*.html")):
        for match in _TEMPLATE_ID.finditer(path.read_text(encoding="utf-8")):
            if match.group(1) not in ENTRIES:
                missing.append(f"{path.relative_to(SRC)}: {match.group(1)}")
    assert missing == []
