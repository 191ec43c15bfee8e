"""Read an HTML page into blocks with lxml.

The page's main content is read (``<main>`` or ``<article>`` when there is one); site
navigation, page headers and footers, scripts and forms are left out. Headings are
``h1``–``h6``, list items keep their nesting depth and numbering, tables are read cell by
cell. HTML has no pages, so places are paragraph numbers counted over the page.
"""

from __future__ import annotations

import re
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

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "template", "svg",
         "select", "iframe"}
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "figcaption", "caption", "address"}
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "search"}
_TOC_CLASS = re.compile(r"\b(toc|table-of-contents|innehall|innehallsforteckning)\b", re.IGNORECASE)


def read_html(path: Path) -> DocumentText:
    import lxml.html
    from lxml import etree

    data = path.read_bytes()
    if not data.strip():
        raise errors.corrupt(path, "empty file")
    try:
        root = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise errors.corrupt(path, str(exc)) from None
    title_element = root.find(".//title")
    title = _text(title_element) if title_element is not None else None
    main = root.find(".//main")
    if main is None:
        articles = root.findall(".//article")
        main = articles[0] if len(articles) == 1 else root.find("body")
    reader = _Reader()
    reader.walk(main if main is not None else root, 0)
    reader.flush()
    return DocumentText(path.name, "html", None, reader.blocks, title or None)


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _skipped(element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if (element.get("role") or "") in _SKIP_ROLES:
        return True
    return bool(_TOC_CLASS.search(element.get("class") or "") or _TOC_CLASS.search(element.get("id") or ""))


class _Reader:
    def __init__(self):
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.loose: list[str] = []  # text directly inside a container, between block children
        self.rank = 1  # of the last heading

    def place(self) -> Place:
        self.paragraphs += 1
        return Place(None, self.paragraphs)

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", " ".join(self.loose)).strip()
        self.loose = []
        if text:
            self.add_text(text)

    def add_text(self, text: str) -> None:
        marker, rest = split_marker(text)
        if marker:
            self.blocks.append(Block(ITEM, rest, self.place(), marker=marker))
        else:
            self.blocks.append(Block(PARAGRAPH, text, self.place()))

    def walk(self, element, depth: int) -> None:
        if element.text and element.text.strip():
            self.loose.append(element.text)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or _skipped(child):
                self._tail(child)
                continue
            self.child(child, tag, depth)
            self._tail(child)

    def _tail(self, child) -> None:
        if child.tail and child.tail.strip():
            self.loose.append(child.tail)

    def child(self, child, tag: str, depth: int) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.flush()
            text = _text(child)
            if text:
                marker, rest = split_marker(text)
                self.rank = int(tag[1])
                self.blocks.append(Block(HEADING, rest if marker else text, self.place(), rank=self.rank,
                                         marker=marker))
        elif tag in {"ul", "ol"}:
            self.flush()
            self.items(child, depth)
        elif tag == "dl":
            self.flush()
            self.walk(child, depth)
            self.flush()
        elif tag in {"dt", "dd"}:
            self.flush()
            self.definition(child, tag)
        elif tag == "table":
            self.flush()
            self.table(child)
        elif tag == "br":
            self.flush()
        elif tag in _BLOCKS or tag == "li":
            self.flush()
            if any(isinstance(c.tag, str) and (c.tag in _BLOCKS or c.tag in {"ul", "ol", "table"}
                                               or re.fullmatch(r"h[1-6]", c.tag)) for c in child):
                self.walk(child, depth)
                self.flush()
            else:
                text = _text(child)
                if text:
                    self.add_text(text)
        else:  # inline element: part of the surrounding text
            text = _text(child)
            if text:
                self.loose.append(text)

    def definition(self, element, tag: str) -> None:
        """A definition list: each term (dt) heads what its definitions (dd) say, one rank
        below the heading above; the definitions are its items."""
        text = _text(element)
        if not text:
            return
        if tag == "dt":
            self.blocks.append(Block(HEADING, text, self.place(), rank=min(self.rank + 1, 6)))
        else:
            own, rest = split_marker(text)
            self.blocks.append(Block(ITEM, rest if own else text, self.place(), marker=own or "•"))

    def items(self, listing, depth: int) -> None:
        number = int(listing.get("start", "1") or 1) if listing.tag == "ol" else 0
        for item in listing:
            if not isinstance(item.tag, str) or item.tag != "li" or _skipped(item):
                continue
            nested = [c for c in item if isinstance(c.tag, str) and c.tag in {"ul", "ol"}]
            for sub in nested:
                item.remove(sub)
            text = _text(item)
            if text:
                marker = str(number) if listing.tag == "ol" else "•"
                own, rest = split_marker(text)
                self.blocks.append(Block(ITEM, rest if own else text, self.place(), rank=depth,
                                         marker=own or marker))
            number += 1
            for sub in nested:
                self.items(sub, depth + 1)

    def table(self, table) -> None:
        self.tables += 1
        rows = [row for row in _grid(table) if any(row)]
        if rows:
            self.blocks.append(Block(TABLE, "", Place(None, None, self.tables), rows=rows))


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 100))
    except ValueError:
        return 1


def _grid(table) -> list[list[str]]:
    """The table's rows on its grid: a cell merged across (colspan) or down (rowspan) has its
    text in its first grid cell and leaves the others empty, so columns stay in line."""
    rows: list[list[str]] = []
    pending: dict[tuple[int, int], str] = {}  # grid cells covered by a rowspan from above
    for r, row in enumerate(table.iter("tr")):
        cells: list[str] = []
        column = 0
        for cell in (c for c in row if isinstance(c.tag, str) and c.tag in {"td", "th"}):
            while (r, column) in pending:
                cells.append(pending.pop((r, column)))
                column += 1
            text, across, down = _text(cell), _span(cell, "colspan"), _span(cell, "rowspan")
            for offset in range(across):
                cells.append(text if offset == 0 else "")
                for below in range(1, down):
                    pending[(r + below, column + offset)] = ""
            column += across
        while (r, column) in pending:
            cells.append(pending.pop((r, column)))
            column += 1
        rows.append(cells)
    return rows
