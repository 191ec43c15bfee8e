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
    # a parameter given in each language may be named by language ({allowed_sv}, {allowed_en})
    def stems(text: str) -> set[str]:
        return {re.sub(r"_(sv|en)$", "", name) for name in catalogue.placeholders(text)}

    assert stems(entry.sv) == stems(entry.en), f"{entry.file}: {message_id} has different placeholders in sv and en"


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


_CODE_ID = re.compile(r"""["']([a-z][a-z0-9_]*(?:\.[a-zA-Z0-9_-]+)+)["']""")


def test_every_id_the_code_names_exists():
    """String literals that look like catalogue ids (an area the catalogue has, then a key)
    must be entries: a typo shows here, not as a raw id on a page."""
    areas = {entry.file.removesuffix(".toml") for entry in ENTRIES.values()}
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in _CODE_ID.finditer(line):
                candidate = match.group(1)
                area = candidate.split(".", 1)[0]
                if area in areas and candidate not in ENTRIES and not candidate.endswith((".py", ".rq", ".ttl", ".toml")):
                    missing.append(f"{path.relative_to(SRC)}:{number}: {candidate}")
    assert missing == []


def test_no_other_mechanism_holds_user_facing_words():
    """The old homes of words are gone: no define() calls, no per-language word tables."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bdefine\(\s*[\"'][a-z]", text) or re.search(r"[\"']sv[\"']:\s*\{", text):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
    assert not (SRC / "messages.py").exists()


def test_every_command_and_option_has_its_help_in_the_catalogue():
    """--help comes from the catalogue in both languages, never from an English text in code."""
    import click

    from ssgraph.cli import cli

    missing = []
    for key, command in [("ssgraph", cli), *cli.commands.items()]:
        if f"help.{key}" not in ENTRIES:
            missing.append(f"help.{key}")
        for param in command.params:
            if isinstance(param, click.Option) and not (
                    f"help.{key}.{param.name}" in ENTRIES or f"help.option.{param.name}" in ENTRIES):
                missing.append(f"help.{key}.{param.name}")
    assert missing == [], "add them to src/ssgraph/catalogue/help.toml"
