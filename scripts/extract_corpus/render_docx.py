"""Render a plan as a Word document with python-docx: heading styles, list styles, a typed
table of contents, a running header and footer, and page breaks (also inside a paragraph)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt
from layouts import Plan, list_items

FONTS = {"Helvetica": "Arial", "Times-Roman": "Times New Roman"}


def render(plan: Plan, out: Path) -> None:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONTS[plan.style.font]
    normal.font.size = Pt(plan.style.body + 1)
    section = document.sections[0]
    if plan.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if plan.two_columns:
        columns = section._sectPr.find(qn("w:cols"))
        if columns is None:
            columns = section._sectPr.makeelement(qn("w:cols"), {})
            section._sectPr.append(columns)
        columns.set(qn("w:num"), "2")
    section.header.paragraphs[0].text = plan.style.header
    section.footer.paragraphs[0].text = plan.style.footer.format(page="1", pages="1")
    document.core_properties.title = plan.metadata.get("title", "")
    document.core_properties.author = plan.goal_set.org_name
    for element in plan.elements:
        _element(document, plan, element)
    document.save(str(out))


def _title(document, plan, element) -> None:
    document.add_paragraph(element["text"], style="Title")


def _subtitle(document, plan, element) -> None:
    document.add_paragraph(element["text"], style="Subtitle")


def _front(document, plan, element) -> None:
    for line in element["lines"]:
        document.add_paragraph(line)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _toc(document, plan, element) -> None:
    document.add_paragraph("Innehåll", style="Heading 1")
    for number, entry in enumerate(element["entries"], start=3):
        document.add_paragraph(f"{entry}\t{number}", style="toc 1" if _has_style(document, "toc 1") else None)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _heading(document, plan, element) -> None:
    if element.get("style") == "bold":  # a heading typed as a bold paragraph, no heading style
        run = document.add_paragraph().add_run(element["text"])
        run.bold = True
        if element["level"] == 1:
            run.font.size = Pt(plan.style.body + 4)
        return
    document.add_paragraph(element["text"], style=f"Heading {element['level']}")


def _paragraph(document, plan, element) -> None:
    paragraph = document.add_paragraph()
    if element.get("label"):
        paragraph.add_run(element["label"] + " ").bold = True
    paragraph.add_run(element["text"])


def _split(document, plan, element) -> None:
    """One paragraph that runs over a page break."""
    paragraph = document.add_paragraph()
    if element.get("label"):
        paragraph.add_run(element["label"] + " ").bold = True
    run = paragraph.add_run(element["first"] + " ")
    run.add_break(WD_BREAK.PAGE)
    paragraph.add_run(element["second"])


def _items(document, plan, element) -> None:
    for depth, text, position, numbered in list_items(element):
        if numbered in {"a", "roman"}:  # typed by hand, as officers do: "a) …" with an indent
            marker = (f"{chr(ord('a') + position - 1)})" if numbered == "a" else
                      ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][position - 1] + ".")
            paragraph = document.add_paragraph(f"{marker}\t{text}")
            paragraph.paragraph_format.left_indent = Pt(18 * (depth + 1))
            paragraph.paragraph_format.first_line_indent = Pt(-18)
            continue
        style = ("List Number" if numbered else "List Bullet") + (" 2" if depth else "")
        document.add_paragraph(text, style=style)


def _dl(document, plan, element) -> None:
    for term, details in element["entries"]:
        document.add_paragraph().add_run(term).bold = True
        for detail in details:
            document.add_paragraph(detail, style="List Bullet")


def _aside(document, plan, element) -> None:
    for line in element["lines"]:
        document.add_paragraph(line)


def _table(document, plan, element) -> None:
    rows = element["rows"]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if plan.style.table_rules == "grid":
        table.style = "Table Grid"
    header_rows = element.get("header_rows", 1)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            if r < header_rows:
                for run in table.cell(r, c).paragraphs[0].runs:
                    run.bold = True
    for r, c, rowspan, colspan in element.get("spans", ()):  # merged cells keep the first cell's text
        first = table.cell(r, c)
        for rr in range(r, r + rowspan):
            for cc in range(c, c + colspan):
                if (rr, cc) != (r, c):
                    table.cell(rr, cc).text = ""
        first.merge(table.cell(r + rowspan - 1, c + colspan - 1))
        for paragraph in first.paragraphs[1:]:
            paragraph._element.getparent().remove(paragraph._element)
    document.add_paragraph()


_RENDERERS = {"title": _title, "subtitle": _subtitle, "front": _front, "toc": _toc, "h": _heading,
              "p": _paragraph, "split": _split, "items": _items, "table": _table, "dl": _dl, "aside": _aside}


def _element(document, plan: Plan, element: dict) -> None:
    _RENDERERS[element["t"]](document, plan, element)


def _has_style(document, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True
