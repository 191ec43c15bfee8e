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
    if kind == "h":
        return f"<h{element['level'] + 1}>{escape(element['text'])}</h{element['level'] + 1}>"
    if kind == "p":
        label = element.get("label")
        prefix = f"<strong>{escape(label)}</strong> " if label else ""
        return f"<p>{prefix}{escape(element['text'])}</p>"
    if kind == "split":
        return f"<p><strong>{escape(element['label'])}</strong> {escape(element['first'])} {escape(element['second'])}</p>"
    if kind == "items":
        return _items(element)
    if kind == "table":
        rows = element["rows"]
        head = "".join(f"<th>{escape(c)}</th>" for c in rows[0])
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    raise ValueError(kind)


def _items(element: dict) -> str:
    tag = "ol" if element.get("numbered") else "ul"
    html, open_sub = [f"<{tag}>"], False
    items = element["items"]
    for depth, text in items:
        if depth and not open_sub:
            html[-1] = html[-1].removesuffix("</li>")
            html.append("<ul>")
            open_sub = True
        if not depth and open_sub:
            html.append("</ul></li>")
            open_sub = False
        html.append(f"<li>{escape(text)}</li>")
    if open_sub:
        html.append("</ul></li>")
    html.append(f"</{tag}>")
    return "".join(html)
