"""Read a PDF's text layer into blocks: headings, paragraphs, list items and tables.

Reading order follows the layout (two-column pages left column first); paragraphs and
list items that run over a page or column break are joined; hyphenated line ends are
mended; headings are told by size or weight against the body text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium

from ssgraph.extracting import errors
from ssgraph.extracting.blocks import (
    HEADING,
    ITEM,
    PARAGRAPH,
    TABLE,
    Block,
    DocumentText,
    Place,
    join_lines,
    split_marker,
)
from ssgraph.extracting.pdf_layout import (
    TableArea,
    find_tables,
    gutter,
    remove_running_text,
    remove_table_of_contents,
    split_at_gutter,
)
from ssgraph.extracting.pdf_lines import Line, PageLines, read_page

_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_BREAK = "break"  # a column or page break in the flow


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        reason = str(exc).lower()
        if "password" in reason or "security" in reason:
            raise errors.encrypted(path) from None
        raise errors.corrupt(path, str(exc)) from None


def read_pdf(path: Path) -> DocumentText:
    pdf = open_pdf(path)
    try:
        pages = [read_page(pdf, index) for index in range(len(pdf))]
        title = (pdf.get_metadata_dict() or {}).get("Title") or None
    except pdfium.PdfiumError as exc:
        raise errors.corrupt(path, str(exc)) from None
    finally:
        pdf.close()
    if not pages:
        raise errors.corrupt(path, "no pages")
    if sum(page.chars for page in pages) == 0:
        raise errors.no_text_layer(path)
    return DocumentText(path.name, "pdf", len(pages), blocks_of(pages), title)


def blocks_of(pages: list[PageLines]) -> list[Block]:
    remove_running_text(pages)
    found = []
    for page in pages:
        remove_table_of_contents(page)
        middle = gutter(page)
        found.append((middle, find_tables(page, unruled=middle is None)))
    flow = _Flow(_body_size(pages))  # the text outside tables: a long table's small type is not the body
    for page, (middle, tables) in zip(pages, found, strict=True):
        flow.start_page(page.number)
        for element in _reading_order(page, tables, gutter(page) if tables and middle else middle):
            if element is _BREAK:
                flow.column_break()
            elif isinstance(element, TableArea):
                flow.table(element)
            else:
                flow.line(element)
    return flow.finish()


def _body_size(pages: list[PageLines]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            for segment in line.segments:
                sizes[round(segment.size * 2) / 2] += len(segment.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _reading_order(page: PageLines, tables: list[TableArea], middle: float | None) -> list:
    if middle is None:
        elements = [(line.top, line) for line in page.lines] + [(t.top, t) for t in tables]
        return [e for _, e in sorted(elements, key=lambda pair: pair[0])]
    full, left, right = split_at_gutter(page, middle)
    right = _aligned(right, left)
    separators = sorted([(line.top, line) for line in full]
                        + [(t.top, t) for t in tables if t.x0 < middle < t.x1], key=lambda pair: pair[0])
    sided = [(t.top, t, t.x1 <= middle) for t in tables if not (t.x0 < middle < t.x1)]
    ordered: list = []
    edges = [float("-inf")] + [top for top, _ in separators] + [float("inf")]
    for index in range(len(edges) - 1):
        low, high = edges[index], edges[index + 1]
        if index > 0:
            ordered.append(separators[index - 1][1])
        in_band = [(line.top, line, True) for line in left if low <= line.top < high]
        in_band += [(line.top, line, False) for line in right if low <= line.top < high]
        in_band += [item for item in sided if low <= item[0] < high]
        left_part = sorted((e for e in in_band if e[2]), key=lambda e: e[0])
        right_part = sorted((e for e in in_band if not e[2]), key=lambda e: e[0])
        ordered += [e[1] for e in left_part]
        if left_part and right_part:
            ordered.append(_BREAK)
        ordered += [e[1] for e in right_part]
    return ordered


@dataclass
class _Open:
    kind: str
    texts: list[str]
    place: Place
    size: float
    bold: bool
    x0: float
    text_x0: float
    bottom: float
    marker: str = ""
    joined: bool = False
    depth: int = 0


@dataclass
class _Flow:
    body: float
    blocks: list[Block] = field(default_factory=list)
    current: _Open | None = None
    page: int = 0
    paragraphs: int = 0
    tables: int = 0
    broken: bool = False  # a page or column break since the last line
    styles: dict[int, tuple[float, bool]] = field(default_factory=dict)
    item_x0: list[float] = field(default_factory=list)

    def start_page(self, number: int) -> None:
        self.page, self.paragraphs, self.tables = number, 0, 0
        self.broken = True

    def column_break(self) -> None:
        self.broken = True

    def _is_heading(self, line: Line, text: str) -> bool:
        if len(text) > 200 or not re.search(r"[A-Za-zÅÄÖåäö]", text):
            return False
        if line.size >= self.body * 1.08:
            return True
        return line.bold and not text.rstrip().endswith((".", ",")) and len(text) < 120

    def _heading_goes_on(self, current: _Open, line: Line, marker: str) -> bool:
        """The next line of a heading set over two or three lines (same size and weight)."""
        return (current.kind == HEADING and not marker and not self.broken and abs(line.size - current.size) < 0.6
                and line.bold == current.bold and line.top - current.bottom < line.size * 0.9
                and len(current.texts) < 4)

    def line(self, line: Line) -> None:
        text = line.text.strip()
        if not text:
            return
        marker, rest = split_marker(text)
        current = self.current
        if current is not None and self._heading_goes_on(current, line, marker):
            self._append(current, text)
            current.bottom = line.bottom
            return
        heading = self._is_heading(line, text)
        if current is not None and self._continues(current, line, text, heading, marker):
            self._append(current, text)
            current.bottom = line.bottom
            if self.broken:
                current.joined = True
            self.broken = False
            return
        self._close()
        self.broken = False
        self.paragraphs += 1
        place = Place(self.page, self.paragraphs)
        kind = HEADING if heading else (ITEM if marker else PARAGRAPH)
        depth = self._depth(line.x0) if kind == ITEM else 0
        text_x0 = line.segments[0].x0
        if marker and len(line.segments) > 1 and line.segments[0].text.strip() in {marker, "•", marker + "."}:
            text_x0 = line.segments[1].x0
        self.current = _Open(kind, [rest if marker else text], place, line.size, line.bold, line.x0, text_x0,
                             line.bottom, marker, depth=depth)

    def _depth(self, x0: float) -> int:
        self.item_x0 = [x for x in self.item_x0 if x <= x0 + 2]
        if not self.item_x0 or x0 > self.item_x0[-1] + 2:
            self.item_x0.append(x0)
        return len(self.item_x0) - 1

    def _continues(self, current: _Open, line: Line, text: str, heading: bool, marker: str) -> bool:
        if current.kind == HEADING:
            same_style = heading and abs(line.size - current.size) < 0.6 and line.bold == current.bold
            return same_style and not marker and not self.broken and line.top - current.bottom < line.size * 0.8
        if heading or abs(line.size - current.size) > 0.6:
            return False
        previous = current.texts[-1]
        if marker:
            # "… för alla" | page break | "– Säkerställa …": a dash that goes on with the sentence
            return (self.broken and current.kind == PARAGRAPH and text[:1] in "–—"
                    and not _SENTENCE_END.search(previous))
        if self.broken:
            return _runs_on(previous, text)
        gap = line.top - current.bottom
        if gap > line.size * 0.75:
            return False
        if current.kind == ITEM:
            return line.x0 >= current.x0 + 2 or not _SENTENCE_END.search(previous)
        # a first-line indent after a finished sentence starts a new paragraph
        return not (line.x0 > current.x0 + 8 and _SENTENCE_END.search(previous))

    @staticmethod
    def _append(current: _Open, text: str) -> None:
        current.texts[-1] = join_lines(current.texts[-1], text)

    def table(self, area: TableArea) -> None:
        self._close()
        self.broken = False
        self.tables += 1
        self.blocks.append(Block(TABLE, "", Place(self.page, None, self.tables), rows=area.rows))

    def _close(self) -> None:
        current = self.current
        if current is None:
            return
        text = re.sub(r"\s+", " ", " ".join(current.texts)).strip()
        block = Block(current.kind, text, current.place, marker=current.marker, joined=current.joined)
        if current.kind == ITEM:
            block.rank = current.depth
        if current.kind == HEADING:
            self.styles[id(block)] = (round(current.size * 2) / 2, current.bold)
        else:
            self.item_x0 = self.item_x0 if current.kind == ITEM else []
        self.blocks.append(block)
        self.current = None

    def finish(self) -> list[Block]:
        self._close()
        ranks = sorted(set(self.styles.values()), key=lambda style: (-style[0], not style[1]))
        for block in self.blocks:
            style = self.styles.get(id(block))
            if style is not None:
                block.rank = ranks.index(style) + 1
        return self.blocks


def _aligned(right: list[Line], left: list[Line]) -> list[Line]:
    """The right column's lines moved onto the left column's edge, so that indents (list
    depth, continued lines, first-line indents) compare across the column break."""
    if not right or not left:
        return right
    shift = min(line.x0 for line in right) - min(line.x0 for line in left)
    return [Line(line.top, line.bottom, [replace(s, x0=s.x0 - shift, x1=s.x1 - shift) for s in line.segments])
            for line in right]


def _runs_on(previous: str, text: str) -> bool:
    """Across a page or column break: the sentence visibly goes on."""
    if _SENTENCE_END.search(previous):
        return False
    if text[:1].islower():
        return True
    return bool(re.search(r"(,|-|–|\boch|\beller|\bsamt|\bför|\bav|\btill|\bi|\bmed)$", previous.strip()))
