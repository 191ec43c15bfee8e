"""What every reader gives the analysis: a document as a flat run of located blocks.

PDF, DOCX and HTML differ in how they say "heading", "list item" or "table"; the
readers turn each into :class:`Block` objects in reading order (headers, footers, page
numbers and tables of contents already left out), so the goal analysis never looks at a
file format again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ssgraph import catalogue

HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"  # a bulleted or numbered list item
TABLE = "table"



@dataclass(frozen=True)
class Place:
    """Where a block or cell is: page (None for HTML) and paragraph, or table, row and column."""

    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def cell(self, row: int, column: int) -> Place:
        return Place(self.page, None, self.table, row, column)

    def describe(self, lang: str = "sv") -> str:
        words = {word: catalogue.text(f"extract.place.{word}", lang) for word in ("paragraph", "table", "row", "column")}
        if self.table is not None:
            parts = [f"{words['table']} {self.table}"]
            if self.row is not None:
                parts.append(f"{words['row']} {self.row}")
            if self.column is not None:
                parts.append(f"{words['column']} {self.column}")
            return ", ".join(parts)
        return f"{words['paragraph']} {self.paragraph}" if self.paragraph is not None else ""


@dataclass
class Block:
    kind: str
    text: str
    place: Place
    rank: int = 0  # headings: 1 = the largest; items: the list depth (0 = top)
    marker: str = ""  # the numbering or bullet the block started with ("2.1", "a", "•")
    rows: list[list[str]] = field(default_factory=list)  # tables only
    joined: bool = False  # read across a page or column break

    def cell_place(self, row: int, column: int) -> Place:
        return self.place.cell(row + 1, column + 1)


@dataclass
class DocumentText:
    """One document as read: file name, format, page count and blocks in reading order."""

    file: str
    format: str  # "pdf", "docx" or "html"
    pages: int | None
    blocks: list[Block]
    title: str | None = None


BULLETS = "•◦▪▫■□●○‣∙·–—-*➢➤►✓✔"
_NUMBERING = re.compile(
    r"^(?P<marker>(?:\d{1,2}\.){1,3}\d{0,2}|\d{1,2}\)|[A-Za-z][.)]|[IVX]{1,4}\.)\s+(?=\S)"
)
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s*(?=\S)")


def split_marker(text: str) -> tuple[str, str]:
    """("1.2", "rest") for a numbered start, ("•", "rest") for a bullet, ("", text) otherwise."""
    bullet = _BULLET.match(text)
    if bullet and not text.startswith(("--", "-1", "-2")):
        return "•", text[bullet.end():]
    number = _NUMBERING.match(text)
    if number:
        marker = number.group("marker").rstrip(".)")
        rest = text[number.end():]
        # "2030 ..." is no numbering, and neither is a lone letter starting a sentence ("I ...")
        if marker.isalpha() and len(marker) == 1 and number.group("marker")[-1] not in ".)":
            return "", text
        return marker, rest
    return "", text


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


KEEP_HYPHEN_BEFORE = {"och", "eller", "samt", "till", "som", "men", "respektive"}


def join_lines(previous: str, text: str) -> str:
    """Join two lines of one paragraph or cell, mending a hyphenated word ("utveck-" + "ling")
    but keeping "hälso- och sjukvård"."""
    if not previous:
        return text
    first_word = text.split(" ", 1)[0]
    if (previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha() and text[:1].islower()
            and first_word not in KEEP_HYPHEN_BEFORE):
        return previous[:-1] + text
    return f"{previous} {text}"
