"""The generated parts of docs/import.md: the column reference and the message list.

``python -m ssgraph.importing.docs docs/import.md`` rewrites the text between the
``<!-- generated: NAME -->`` and ``<!-- end: NAME -->`` markers; a test fails when the
page and the model have drifted apart.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ssgraph import catalogue
from ssgraph.importing import cells, checks, importer, input_limits, readers, versions  # noqa: F401
from ssgraph.importing.model import column_reference_markdown

WARNING_IDS = {checks.WORDING_NOT_ON_SCALE, cells.PADDED_ORG_CODE, readers.UNKNOWN_COLUMN, readers.UNKNOWN_SHEET,
               readers.YAML_OCTAL, readers.YAML_LEADING_ZERO, input_limits.READ_AS_ENCODING}


def message_reference_markdown() -> str:
    lines = ["| id | kind | Svenska | English |", "| --- | --- | --- | --- |"]
    for message_id in sorted(_import_message_ids()):
        sv = catalogue.text(message_id, "sv", **_placeholders())
        en = catalogue.text(message_id, "en", **_placeholders())
        kind = "warning" if message_id in WARNING_IDS else "error"
        lines.append(f"| `{message_id}` | {kind} | {sv} | {en} |")
    return "\n".join(lines) + "\n"


def _import_message_ids() -> set[str]:
    """The message ids the importing modules define (module constants), whatever else is loaded."""
    found = set()
    for module in (cells, checks, importer, input_limits, readers, versions):
        for value in vars(module).values():
            if isinstance(value, str) and value.startswith("import.") and value in catalogue.ids():
                found.add(value)
    return found


def _placeholders() -> dict[str, str]:
    names = ["value", "first_row", "target", "target_en", "chain", "first", "second", "first_en", "second_en",
             "start", "end", "goal", "top", "level", "level_en", "indicator", "document", "until", "header",
             "known", "name", "reason", "suffix", "given", "org", "version", "allowed_sv", "allowed_en", "detail",
             "character", "position", "encoding", "byte", "limit", "key", "column", "formula", "found",
             "padded", "number", "octal", "written", "code"]
    return {n: "{" + n + "}" for n in names}


SECTIONS = {
    "columns": lambda: column_reference_markdown("en"),
    "messages": message_reference_markdown,
}


def render_sections(text: str) -> str:
    for name, make in SECTIONS.items():
        pattern = re.compile(rf"(<!-- generated: {name} -->\n).*?(<!-- end: {name} -->)", re.S)
        body = make()
        text = pattern.sub(lambda m, body=body: m.group(1) + "\n" + body + "\n" + m.group(2), text)
    return text


if __name__ == "__main__":
    page = Path(sys.argv[1])
    page.write_text(render_sections(page.read_text(encoding="utf-8")), encoding="utf-8")
