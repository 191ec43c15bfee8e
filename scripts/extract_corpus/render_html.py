"""Render a plan as a municipal web page: site header and navigation, breadcrumbs, the
content in <main>, a footer with contact details."""

from __future__ import annotations

from html import escape
from pathlib import Path

from layouts import Plan

NAV = ["Start", "Kommun och politik", "Mål och vision", "Bo och bygga", "Utbildning", "Omsorg", "Kontakt"]


def render(plan: Plan, out: Path) -> None:
    org = escape(plan.goal_set.org_name)
    parts = [
        "<!DOCTYPE html>", '<html lang="sv"><head><meta charset="utf-8">',
        f"<title>{escape(plan.metadata.get('title', ''))} – {org}</title></head><body>",
        f'<header class="site-header"><a href="/">{org}</a><nav><ul>'
        + "".join(f'<li><a href="#">{escape(n)}</a></li>' for n in NAV) + "</ul></nav></header>",
        '<div class="breadcrumbs"><a href="/">Start</a> / <a href="#">Kommun och politik</a> / Mål</div>',
        "<main>",
    ]
    for element in plan.elements:
        parts.append(_element(plan, element))
    parts += ["</main>", f'<footer><p>{org} · Telefon 0123-456 78 · kommun@example.se</p>'
              '<p>Senast uppdaterad 2024-02-01</p></footer>', "</body></html>"]
    out.write_text("\n".join(p for p in parts if p), encoding="utf-8")


def _element(plan: Plan, element: dict) -> str:
    kind = element["t"]
    if kind == "title":
        return f"<h1>{escape(element['text'])}</h1>"
    if kind == "subtitle":
        return f'<p class="ingress">{escape(element["text"])}</p>'
    if kind == "front":
        return "".join(f"<p><small>{escape(line)}</small></p>" for line in element["lines"])
    if kind == "toc":
        return ('<nav class="toc" aria-label="Innehåll"><h2>Innehåll</h2><ul>'
                + "".join(f'<li><a href="#s{i}">{escape(e)}</a></li>' for i, e in enumerate(element["entries"]))
                + "</ul></nav>")
    if kind == "h" and element.get("style") == "bold":
        return f"<p><strong>{escape(element['text'])}</strong></p>"
    if kind in _MORE:
        return _MORE[kind](element)
    if kind == "h":
        return f"<h{element['level'] + 1}>{escape(element['text'])}</h{element['level'] + 1}>"
    if kind == "p":
        label = element.get("label")
        prefix = f"<strong>{escape(label)}</strong> " if label else ""
        return f"<p>{prefix}{escape(element['text'])}</p>"
    if kind == "split":
        label = f"<strong>{escape(element['label'])}</strong> " if element.get("label") else ""
        return f"<p>{label}{escape(element['first'])} {escape(element['second'])}</p>"
    if kind == "items":
        return _items(element)
    if kind == "table":
        return _table(element)
    raise ValueError(kind)


_MORE = {
    "dl": lambda e: "<dl>" + "".join(f"<dt>{escape(term)}</dt>" + "".join(f"<dd>{escape(d)}</dd>" for d in details)
                                     for term, details in e["entries"]) + "</dl>",
    "aside": lambda e: ('<aside class="related"><h2>Relaterade sidor</h2><ul>'
                        + "".join(f'<li><a href="#">{escape(line)}</a></li>' for line in e["lines"]) + "</ul></aside>"),
}


def _table(element: dict) -> str:
    """Rows with merged cells as rowspan/colspan (the cells they cover are left out)."""
    rows, header_rows = element["rows"], element.get("header_rows", 1)
    covered, spans = set(), {}
    for r, c, rowspan, colspan in element.get("spans", ()):
        spans[(r, c)] = (rowspan, colspan)
        covered |= {(rr, cc) for rr in range(r, r + rowspan) for cc in range(c, c + colspan)} - {(r, c)}
    html = []
    for r, row in enumerate(rows):
        cell = "th" if r < header_rows else "td"
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            cells.append(f"<{cell}{attrs}>{escape(text)}</{cell}>")
        html.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table><thead>{''.join(html[:header_rows])}</thead>"
            f"<tbody>{''.join(html[header_rows:])}</tbody></table>")


def _items(element: dict) -> str:
    """A list, its depth-1 items nested in the item before them (``<ol type="a">`` for
    lettered lists, the top items in bold when they name areas)."""
    def opening(numbered) -> str:
        kind = {"a": ' type="a"', "roman": ' type="I"'}.get(numbered, "") if numbered else ""
        return f"<{'ol' if numbered else 'ul'}{kind}>"

    top, sub = element.get("numbered"), element.get("sub_numbered")
    html, open_sub = [opening(top)], False
    for depth, text in element["items"]:
        if depth and not open_sub:
            html[-1] = html[-1].removesuffix("</li>")
            html.append(opening(sub))
            open_sub = True
        if not depth and open_sub:
            html.append(f"</{'ol' if sub else 'ul'}></li>")
            open_sub = False
        shown = f"<strong>{escape(text)}</strong>" if not depth and element.get("strong_top") else escape(text)
        html.append(f"<li>{shown}</li>")
    if open_sub:
        html.append(f"</{'ol' if sub else 'ul'}></li>")
    html.append(f"</{'ol' if top else 'ul'}>")
    return "".join(html)
