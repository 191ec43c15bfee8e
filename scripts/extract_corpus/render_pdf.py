"""Render a plan as a PDF with reportlab: running header and footer, a dot-leader table of
contents, one- or two-column or landscape pages, ruled or unruled tables, and paragraphs
that run over a page break."""

from __future__ import annotations

from pathlib import Path

from layouts import Plan, list_items
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}


def _styles(plan: Plan) -> dict[str, ParagraphStyle]:
    font, size, leading = plan.style.font, plan.style.body, plan.style.leading
    bold = BOLD[font]
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=size * 2.4, leading=size * 2.9, spaceAfter=12),
        "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=size * 1.5, leading=size * 2, spaceAfter=30),
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=size * 1.7, leading=size * 2.1, spaceBefore=14,
                             spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=size * 1.35, leading=size * 1.7, spaceBefore=10,
                             spaceAfter=6),
        "h3": ParagraphStyle("h3", fontName=bold, fontSize=size * 1.12, leading=size * 1.5, spaceBefore=8,
                             spaceAfter=4),
        "p": ParagraphStyle("p", fontName=font, fontSize=size, leading=size * leading, spaceAfter=size * 0.8),
        "item": ParagraphStyle("item", fontName=font, fontSize=size, leading=size * leading, leftIndent=18,
                               bulletIndent=6, spaceAfter=3),
        "item2": ParagraphStyle("item2", fontName=font, fontSize=size, leading=size * leading, leftIndent=36,
                                bulletIndent=24, spaceAfter=3),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=size * 0.85, leading=size * 0.85 * 1.2),
        "toc": ParagraphStyle("toc", fontName=font, fontSize=size, leading=size * 1.5),
        "bold": ParagraphStyle("bold", fontName=bold, fontSize=size, leading=size * leading, spaceBefore=6,
                               spaceAfter=size * 0.5),
        "bold1": ParagraphStyle("bold1", fontName=bold, fontSize=size * 1.25, leading=size * 1.6, spaceBefore=10,
                                spaceAfter=size * 0.5),
        "small": ParagraphStyle("small", fontName=font, fontSize=size * 0.8, leading=size, spaceAfter=2),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(plan: Plan, rows: list[list[str]], styles, width: float, spans=(), header_rows: int = 1) -> Table:
    cells = [[Paragraph(_escape(c), styles["cell"]) for c in row] for row in rows]
    columns = len(rows[0])
    weights = [3 if len(max((r[i] for r in rows), key=len)) > 20 else 1.4 for i in range(columns)]
    widths = [width * w / sum(weights) for w in weights]
    table = Table(cells, colWidths=widths, repeatRows=header_rows)
    rules = plan.style.table_rules
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, 0), BOLD[plan.style.font])]
    commands += [("SPAN", (c, r), (c + colspan - 1, r + rowspan - 1)) for r, c, rowspan, colspan in spans]
    if rules == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif rules == "rules":
        commands += [("LINEABOVE", (0, 0), (-1, 0), 1, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                     ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black)]
    else:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.9, 0.95)))
    table.setStyle(TableStyle(commands))
    return table


def render(plan: Plan, out: Path) -> int:
    styles = _styles(plan)
    page = landscape(A4) if plan.landscape else A4
    margin = 22 * mm
    state = {"pages": 0}

    def chrome(canvas, doc):
        canvas.saveState()
        canvas.setFont(plan.style.font, plan.style.body * 0.8)
        width, height = doc.pagesize
        if doc.page > 1:
            canvas.drawString(margin, height - 12 * mm, plan.style.header + " – " + plan.metadata.get("title", ""))
        text = plan.style.footer.format(page=doc.page, pages=state.get("total", "?"))
        canvas.drawCentredString(width / 2, 10 * mm, text)
        canvas.restoreState()

    doc = BaseDocTemplate(str(out), pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, title=plan.metadata.get("title", ""), author=plan.goal_set.org_name)
    width, height = page
    inner = width - 2 * margin
    one = Frame(margin, margin, inner, height - 2 * margin, id="one")
    gap = 8 * mm
    left = Frame(margin, margin, (inner - gap) / 2, height - 2 * margin, id="left")
    right = Frame(margin + (inner + gap) / 2, margin, (inner - gap) / 2, height - 2 * margin, id="right")
    doc.addPageTemplates([PageTemplate("one", [one], onPage=chrome), PageTemplate("two", [left, right], onPage=chrome)])
    story = []
    column_width = (inner - gap) / 2 if plan.two_columns else inner
    started_body = False
    for element in plan.elements:
        kind = element["t"]
        if kind in {"h", "p", "items", "split", "table", "dl"} and not started_body:
            started_body = True
            if plan.two_columns:
                story += [NextPageTemplate("two"), PageBreak()]
        story += _flowables(plan, element, styles, column_width)
    doc.build(story)
    state["total"] = doc.page
    doc.build(_rebuild(plan, styles, column_width))  # again, now that the page count is known
    return doc.page


def _rebuild(plan, styles, column_width):
    story, started = [], False
    for element in plan.elements:
        if element["t"] in {"h", "p", "items", "split", "table", "dl"} and not started:
            started = True
            if plan.two_columns:
                story += [NextPageTemplate("two"), PageBreak()]
        story += _flowables(plan, element, styles, column_width)
    return story


def _paragraph(plan, element, styles, width) -> list:
    label = element.get("label")
    text = _escape(element["text"])
    if label:
        text = f"<b>{_escape(label)}</b> {text}"
    return [Paragraph(text, styles["p"])]


def _split(plan, element, styles, width) -> list:
    """A paragraph that runs over a page (or column) break."""
    label = element.get("label")
    first = (f"<b>{_escape(label)}</b> " if label else "") + _escape(element["first"])
    brk = FrameBreak() if element.get("break") == "column" else PageBreak()
    return [Paragraph(first, styles["p"]), brk, Paragraph(_escape(element["second"]), styles["p"])]


def _marker(numbered, index: int, depth: int) -> str:
    if numbered == "a":
        return f"{chr(ord('a') + index - 1)})"
    if numbered == "roman":
        return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][index - 1] + "."
    return f"{index}." if numbered and depth == 0 else ("•" if depth == 0 else "–")


def _items(plan, element, styles, width) -> list:
    flowables = []
    for depth, text, position, numbered in list_items(element):
        bullet = _marker(numbered, position, 0 if numbered else depth)
        flowables.append(Paragraph(_escape(text), styles["item2" if depth else "item"], bulletText=bullet))
    return flowables + [Spacer(1, 6)]


def _toc(plan, element, styles, width) -> list:
    lines = [Paragraph("Innehåll", styles["h1"])]
    for number, entry in enumerate(element["entries"], start=2):
        dots = "." * max(4, 70 - len(entry))
        lines.append(Paragraph(f"{_escape(entry)} {dots} {number + 1}", styles["toc"]))
    return lines + [PageBreak()]


_RENDERERS = {
    "title": lambda plan, e, styles, width: [Spacer(1, 60), Paragraph(_escape(e["text"]), styles["title"])],
    "subtitle": lambda plan, e, styles, width: [Paragraph(_escape(e["text"]), styles["subtitle"])],
    "front": lambda plan, e, styles, width: [Paragraph(_escape(line), styles["p"]) for line in e["lines"]]
    + [PageBreak()],
    "toc": _toc,
    "h": lambda plan, e, styles, width: [CondPageBreak(40), Paragraph(
        _escape(e["text"]), styles[(f"bold{e['level']}" if e["level"] == 1 else "bold") if e.get("style") == "bold"
               else f"h{e['level']}"])],
    "dl": lambda plan, e, styles, width: [f for term, details in e["entries"] for f in
                                          [Paragraph(_escape(term), styles["bold"])]
                                          + [Paragraph(_escape(d), styles["item"]) for d in details]],
    "aside": lambda plan, e, styles, width: [Paragraph(_escape(line), styles["small"]) for line in e["lines"]],
    "p": _paragraph,
    "split": _split,
    "items": _items,
    "table": lambda plan, e, styles, width: [_table(plan, e["rows"], styles, width, e.get("spans", ()),
                                                    e.get("header_rows", 1)), Spacer(1, 10)],
}


def _flowables(plan: Plan, element: dict, styles, width: float) -> list:
    return _RENDERERS[element["t"]](plan, element, styles, width)
