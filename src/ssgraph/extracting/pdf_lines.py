"""A PDF page's text layer as lines of segments, read with pypdfium2 (PDFium).

PDFium gives characters with boxes, sizes and font names; here they become lines (by
vertical overlap) and, within a line, segments split at wide gaps or at the vertical
rules of a ruled table, so table cells and the two halves of a two-column page stay
apart. Ruling lines are read from the page's path objects.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD = 0x40000


@dataclass
class Segment:
    x0: float
    x1: float
    text: str
    size: float
    bold: bool


@dataclass
class Line:
    top: float  # distance from the top of the page
    bottom: float
    segments: list[Segment] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segments)


@dataclass
class Rule:
    """A horizontal or vertical ruling line (top-based coordinates)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) <= 2.5 and (self.x1 - self.x0) > 8

    @property
    def vertical(self) -> bool:
        return (self.x1 - self.x0) <= 2.5 and (self.bottom - self.top) > 6


@dataclass
class PageLines:
    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[Rule]
    chars: int  # characters in the text layer (0: a scanned page)


@dataclass
class _Glyph:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    space_before: bool = False


def _glyphs(textpage, height: float) -> list[_Glyph]:
    """Visible characters with loose boxes (advance widths), each knowing whether the text
    stream had a space (or line break) just before it."""
    count = textpage.count_chars()
    glyphs: list[_Glyph] = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    rect = pdfium_c.FS_RECTF()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    raw = textpage.raw
    last_font: tuple[bytes, int] | None = None
    bold = False
    space = False
    for index in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        char = chr(code) if code not in (0, 0xFFFE, 0xFFFF) else " "
        if code == 2:  # PDFium's mark for a hyphen at a line end
            char = "-"
        if char.isspace() or char == "\u00a0":
            space = True
            continue
        pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top)
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect)
        pdfium_c.FPDFText_GetFontInfo(raw, index, name, 128, flags)
        font = (name.value, flags.value)
        if font != last_font:
            lowered = name.value.decode("latin-1").lower()
            bold = bool(flags.value & _FORCE_BOLD) or any(w in lowered for w in _BOLD_WORDS)
            last_font = font
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        x0, x1 = min(rect.left, left.value), max(rect.right, right.value)
        glyphs.append(_Glyph(char, x0, x1, height - top.value, height - bottom.value, size, bold, space))
        space = False
    return glyphs


def _rules(page, height: float) -> list[Rule]:
    rules = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        rule = Rule(left, height - top, right, height - bottom)
        if rule.horizontal or rule.vertical:
            rules.append(rule)
        elif (right - left) > 8 and (top - bottom) > 6:  # a cell's box: its four edges
            rules += [Rule(left, height - top, right, height - top), Rule(left, height - bottom, right, height - bottom),
                      Rule(left, height - top, left, height - bottom), Rule(right, height - top, right, height - bottom)]
    return rules


def _runs(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs in content-stream order, cut where the text jumps (new line, other column):
    a run is never interleaved with another when lines are built."""
    runs: list[list[_Glyph]] = []
    for glyph in glyphs:
        if glyph.bottom <= glyph.top:
            continue
        if runs:
            previous = runs[-1][-1]
            size = max(previous.size, glyph.size, 1.0)
            same_line = abs(glyph.bottom - previous.bottom) < 0.35 * size
            if same_line and previous.x0 - 1 <= glyph.x0 <= previous.x1 + 0.9 * size:
                runs[-1].append(glyph)
                continue
        runs.append([glyph])
    return runs


def _line_of(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Group runs into lines: sorted by middle, a run joins a line it overlaps vertically."""
    runs = _runs(glyphs)
    runs.sort(key=lambda run: ((min(g.top for g in run) + max(g.bottom for g in run)) / 2, run[0].x0))
    lines: list[list[list[_Glyph]]] = []
    bounds: list[tuple[float, float]] = []
    for run in runs:
        top, bottom = min(g.top for g in run), max(g.bottom for g in run)
        middle = (top + bottom) / 2
        if lines:
            line_top, line_bottom = bounds[-1]
            if line_top - 0.5 <= middle <= line_bottom + 0.5:
                lines[-1].append(run)
                bounds[-1] = (min(line_top, top), max(line_bottom, bottom))
                continue
        lines.append([run])
        bounds.append((top, bottom))
    return [[g for run in sorted(line, key=lambda r: r[0].x0) for g in run] for line in lines]


def _segments(glyphs: list[_Glyph], cuts: list[float]) -> list[Segment]:
    """Split one line (glyphs in reading order) into segments at gaps wider than about an em,
    or at a table's vertical rule."""
    segments: list[Segment] = []
    words: list[str] = []
    current: list[_Glyph] = []

    def close() -> None:
        if current:
            text = "".join(words).strip()
            if text:
                size = max(g.size for g in current)
                bold = sum(g.bold for g in current) >= 0.9 * len(current)
                segments.append(Segment(current[0].x0, current[-1].x1, text, size, bold))
        current.clear()
        words.clear()

    for glyph in glyphs:
        if current:
            previous = current[-1]
            gap = glyph.x0 - previous.x1
            em = max(previous.size, glyph.size, 1.0)
            if gap > 0.9 * em or any(previous.x1 - 0.5 <= cut <= glyph.x0 + 0.5 for cut in cuts):
                close()
            elif gap > 0.2 * em or (glyph.space_before and gap > -0.05 * em):
                words.append(" ")
        current.append(glyph)
        words.append(glyph.char)
    close()
    return segments


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageLines:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(textpage, height)
        finally:
            textpage.close()
        rules = _rules(page, height)
    finally:
        page.close()
    vertical_cuts = [r for r in rules if r.vertical]
    lines: list[Line] = []
    for row in _line_of(glyphs):
        top = min(g.top for g in row)
        bottom = max(g.bottom for g in row)
        cuts = [r.x0 for r in vertical_cuts if r.top - 2 <= top and bottom <= r.bottom + 2]
        segments = _segments(row, cuts)
        if segments:
            lines.append(Line(top, bottom, segments))
    chars = len(glyphs)
    return PageLines(index + 1, width, height, lines, rules, chars)
