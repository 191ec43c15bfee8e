"""Read a Word document (.docx) into blocks with python-docx.

Headings come from the paragraph styles (Heading n / Rubrik n / Title), list items from
list styles or automatic numbering, tables cell by cell. Headers and footers live outside
the body and are never read; tables of contents (a TOC field, a content control or TOC
styles) are skipped. Pages are counted from the page breaks Word stored when it last laid
the document out, so they are the pages the officer saw.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ssgraph.extracting import errors
from ssgraph.extracting.blocks import (
    HEADING,
    ITEM,
    PARAGRAPH,
    TABLE,
    Block,
    DocumentText,
    Place,
    split_marker,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|rubrik|överskrift)\s*(\d)$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(?:toc|innehåll|innehållsförteckning)\s*\d*$", re.IGNORECASE)
_TOC_TITLE = re.compile(r"^(innehåll|innehållsförteckning|contents|table of contents)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|lista|punkt|numrer", re.IGNORECASE)


def read_docx(path: Path) -> DocumentText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if _is_encrypted_office(path):
        raise errors.encrypted(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise errors.corrupt(path, str(exc) or type(exc).__name__) from None
    except Exception as exc:  # lxml and zipfile raise many kinds for a damaged package
        raise errors.corrupt(path, f"{type(exc).__name__}: {exc}") from None
    reader = _Reader(document)
    blocks = reader.read()
    title = document.core_properties.title or None
    return DocumentText(path.name, "docx", reader.page if reader.paged else None, blocks, title)


def _is_encrypted_office(path: Path) -> bool:
    """Password-protected Office files are OLE containers, not zip packages."""
    with open(path, "rb") as handle:
        return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class _Reader:
    def __init__(self, document):
        self.document = document
        body = document.element.body
        self.paged = any(True for _ in body.iter(f"{_W}lastRenderedPageBreak")) or any(
            br.get(f"{_W}type") == "page" for br in body.iter(f"{_W}br"))
        self.page = 1
        self.paragraphs = 0
        self.tables = 0
        self.blocks: list[Block] = []
        self.in_toc = False

    def place(self) -> Place:
        return Place(self.page if self.paged else None, self.paragraphs)

    def read(self) -> list[Block]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in self.document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                self.paragraph(Paragraph(child, self.document))
            elif child.tag == f"{_W}tbl":
                self.table(Table(child, self.document))
            elif child.tag == f"{_W}sdt" and not _is_toc_control(child):
                for p in child.iter(f"{_W}p"):
                    self.paragraph(Paragraph(p, self.document))
        return self.blocks

    def _breaks_before(self, element) -> int:
        breaks = sum(1 for _ in element.iter(f"{_W}lastRenderedPageBreak"))
        breaks += sum(1 for br in element.iter(f"{_W}br") if br.get(f"{_W}type") == "page")
        return breaks

    def paragraph(self, paragraph) -> None:
        element = paragraph._p
        text = re.sub(r"\s+", " ", paragraph.text.replace("\t", "  ")).strip()
        breaks = self._breaks_before(element)
        starts_on_new_page = breaks and not _text_before_break(element)
        if starts_on_new_page or (breaks and not text):
            self._new_page(breaks)
            breaks = 0
        if not text:
            return
        style = paragraph.style.name if paragraph.style is not None else ""
        if _TOC_STYLE.match(style) or _has_toc_field(element):
            return
        if _TOC_TITLE.match(text.rstrip(":")):
            self.in_toc = True
            return
        if self.in_toc:
            if re.search(r"\s\d{1,3}$", paragraph.text.replace("\t", " ").strip()):
                return
            self.in_toc = False
        self.paragraphs += 1
        self.blocks.append(self._block(paragraph, element, style, text))
        if breaks:  # the paragraph runs over onto the next page
            self._new_page(breaks)

    def _new_page(self, breaks: int) -> None:
        self.page += breaks
        self.paragraphs = 0
        self.tables = 0

    def _block(self, paragraph, element, style: str, text: str) -> Block:
        heading = _HEADING_STYLE.match(style)
        marker, rest = split_marker(text)
        if heading:
            return Block(HEADING, rest if marker else text, self.place(), rank=int(heading.group(1)) + 1,
                         marker=marker)
        if style.casefold() in {"title", "rubrik"}:
            return Block(HEADING, text, self.place(), rank=1)
        numbering = element.find(f"{_W}pPr/{_W}numPr")
        if numbering is not None or _LIST_STYLE.search(style):
            level = numbering.find(f"{_W}ilvl") if numbering is not None else None
            depth = int(level.get(f"{_W}val", "0")) if level is not None else 0
            return Block(ITEM, rest if marker else text, self.place(), rank=depth, marker=marker or "#")
        if _all_bold(paragraph) and len(text) < 120 and not text.endswith("."):
            # typed headings rank below styled ones, a larger type above a smaller one
            return Block(HEADING, rest if marker else text, self.place(), rank=9 - _size_step(paragraph),
                         marker=marker)
        if marker:
            return Block(ITEM, rest, self.place(), marker=marker)
        return Block(PARAGRAPH, text, self.place())

    def table(self, table) -> None:
        self.tables += 1
        rows: list[list[str]] = []
        seen: set[int] = set()
        alive = []  # the cells seen, kept so that no id is reused by a later proxy
        for row in table.rows:
            cells = []
            for cell in row.cells:
                # a merged cell comes once per grid cell it covers, across and down: its
                # text stands in the first, the others are empty, so columns stay in line
                cells.append("" if id(cell._tc) in seen else re.sub(r"\s+", " ", cell.text).strip())
                seen.add(id(cell._tc))
                alive.append(cell._tc)
            rows.append(cells)
        breaks = self._breaks_before(table._tbl)
        place = Place(self.page if self.paged else None, None, self.tables)
        self.blocks.append(Block(TABLE, "", place, rows=rows))
        if breaks:
            self._new_page(breaks)


def _text_before_break(element) -> bool:
    for node in element.iter(f"{_W}t", f"{_W}lastRenderedPageBreak", f"{_W}br"):
        if node.tag == f"{_W}t" and (node.text or "").strip():
            return True
        if node.tag != f"{_W}t":
            return False
    return False


def _size_step(paragraph) -> int:
    """How much larger than the body a typed heading is set: 0 (body size) to 2."""
    sizes = [r.font.size.pt for r in paragraph.runs if r.text.strip() and r.font.size is not None]
    normal = paragraph.part.document.styles["Normal"].font.size if paragraph.part is not None else None
    body = normal.pt if normal is not None else 11.0
    if not sizes:
        return 0
    ratio = max(sizes) / body
    return 2 if ratio >= 1.5 else 1 if ratio >= 1.15 else 0


def _all_bold(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(r.bold or (r.bold is None and style_bold) for r in runs)


def _has_toc_field(element) -> bool:
    for instruction in element.iter(f"{_W}instrText"):
        if (instruction.text or "").strip().upper().startswith("TOC"):
            return True
    return any((field.get(f"{_W}instr") or "").strip().upper().startswith("TOC")
               for field in element.iter(f"{_W}fldSimple"))


def _is_toc_control(element) -> bool:
    for gallery in element.iter(f"{_W}docPartGallery"):
        if "contents" in (gallery.get(f"{_W}val") or "").lower():
            return True
    return False
