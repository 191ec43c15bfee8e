"""Small charts written as inline SVG (no plotting library: an organisation page draws dozens):
an indicator's sparkline against its target, grouped bars of coverage per organisation, an
organisation × element heat map of the SS 854000 cycle, and indicator series side by side.

Every text is escaped; the result is wrapped once as Markup for the templates.
"""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = ("#1f4e79", "#c0504d", "#4f8a3c", "#8064a2", "#d49a00", "#2a9bb0", "#7f6000", "#a0426a",
           "#5a5a5a", "#2e7d32", "#b35900", "#3949ab")
STATUS_COLOURS = {"shown": "#2e7d32", "partial": "#f0b400", "missing": "#c62828"}


def _svg(width: float, height: float, body: str, label: str) -> Markup:
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" width="{width:g}" '
                  f'height="{height:g}" role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
                  f'{body}</svg>')


def _scale(low: float, high: float, size: float, pad: float):
    span = (high - low) or 1.0
    return lambda v: pad + (size - 2 * pad) * (v - low) / span


def sparkline(observations: list[tuple[str, float]], target: float | None, label: str,
              width: int = 140, height: int = 36) -> Markup:
    """An indicator's values (oldest first) as a line, its target as a dashed green line."""
    if not observations:
        return Markup("")
    values = [v for _, v in observations] + ([target] if target is not None else [])
    y = _scale(min(values), max(values), height, 4)
    x = _scale(0, max(len(observations) - 1, 1), width, 4)
    points = " ".join(f"{x(i):.1f},{height - y(v):.1f}" for i, (_, v) in enumerate(observations))
    body = ""
    if target is not None:
        ty = height - y(target)
        body += f'<line x1="0" x2="{width}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#2e7d32" stroke-dasharray="3 2"/>'
    body += f'<polyline fill="none" stroke="#1f4e79" stroke-width="1.6" points="{points}"/>'
    last_x, last_y = points.split()[-1].split(",")
    body += f'<circle cx="{last_x}" cy="{last_y}" r="2.4" fill="#1f4e79"/>'
    return _svg(width, height, body, label)


def grouped_bars(categories: list[tuple[str, str]], series: list[tuple[str, dict[str, int]]], label: str,
                 height: int = 180) -> Markup:
    """Bars per category (key, caption), one bar per series (name, key → value)."""
    if not categories or not series:
        return Markup("")
    group = max(12, 6 * len(series) + 6)
    width = 40 + group * len(categories)
    top = max([max(values.values(), default=0) for _, values in series] + [1])
    plot = height - 36
    body = f'<line x1="36" x2="{width}" y1="{plot}" y2="{plot}" stroke="#999"/>'
    body += f'<text x="32" y="10" font-size="9" text-anchor="end">{top}</text>'
    for c, (key, caption) in enumerate(categories):
        left = 40 + c * group
        for s, (name, values) in enumerate(series):
            value = values.get(key, 0)
            bar = (plot - 8) * value / top
            body += (f'<rect x="{left + s * 6}" y="{plot - bar:.1f}" width="5" height="{bar:.1f}" '
                     f'fill="{PALETTE[s % len(PALETTE)]}"><title>{escape(name)}: {escape(caption)} – {value}'
                     f'</title></rect>')
        body += f'<text x="{left + group / 2 - 3:.1f}" y="{plot + 12}" font-size="9" text-anchor="middle">{escape(key)}</text>'
    legend_y = height - 8
    for s, (name, _) in enumerate(series):
        body += (f'<rect x="{40 + s * 120}" y="{legend_y - 8}" width="8" height="8" fill="{PALETTE[s % len(PALETTE)]}"/>'
                 f'<text x="{52 + s * 120}" y="{legend_y}" font-size="9">{escape(name[:22])}</text>')
    return _svg(max(width, 40 + 120 * len(series)), height, body, label)


def status_heatmap(rows: list[tuple[str, list[str]]], columns: list[str], label: str,
                   cell: int = 16) -> Markup:
    """Organisations (rows: name, one status per column) × elements (column captions)."""
    if not rows or not columns:
        return Markup("")
    left, top = 190, 36
    width, height = left + cell * len(columns) + 4, top + cell * len(rows) + 4
    body = ""
    for c, caption in enumerate(columns):
        body += (f'<text x="{left + c * cell + cell / 2:.1f}" y="{top - 6}" font-size="9" '
                 f'text-anchor="middle">{escape(caption)}</text>')
    for r, (name, statuses) in enumerate(rows):
        y = top + r * cell
        body += f'<text x="{left - 6}" y="{y + cell - 4}" font-size="10" text-anchor="end">{escape(name[:32])}</text>'
        for c, status in enumerate(statuses):
            body += (f'<rect x="{left + c * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" '
                     f'fill="{STATUS_COLOURS.get(status, "#ccc")}"><title>{escape(name)} · {escape(columns[c])}: '
                     f'{escape(status)}</title></rect>')
    return _svg(width, height, body, label)


def series_chart(series: list[tuple[str, list[tuple[str, float]]]], label: str, width: int = 420,
                 height: int = 150) -> Markup:
    """Several series over the same years (name, [(year, value)]), one line each."""
    series = [(name, points) for name, points in series if points]
    if not series:
        return Markup("")
    years = sorted({int(y) for _, points in series for y, _ in points if y[:4].isdigit()})
    values = [v for _, points in series for _, v in points]
    if not years:
        return Markup("")
    x = _scale(years[0], years[-1] if years[-1] != years[0] else years[0] + 1, width - 40, 6)
    y = _scale(min(values), max(values), height - 30, 4)
    body = (f'<text x="2" y="10" font-size="9">{max(values):g}</text>'
            f'<text x="2" y="{height - 22}" font-size="9">{min(values):g}</text>'
            f'<text x="40" y="{height - 4}" font-size="9">{years[0]}</text>'
            f'<text x="{width - 4}" y="{height - 4}" font-size="9" text-anchor="end">{years[-1]}</text>')
    for s, (name, points) in enumerate(series):
        colour = PALETTE[s % len(PALETTE)]
        coords = [(40 + x(int(yr[:4])), height - 24 - y(v)) for yr, v in points if yr[:4].isdigit()]
        body += (f'<polyline fill="none" stroke="{colour}" stroke-width="1.6" points="'
                 + " ".join(f"{a:.1f},{b:.1f}" for a, b in coords) + f'"><title>{escape(name)}</title></polyline>')
        for a, b in coords:
            body += f'<circle cx="{a:.1f}" cy="{b:.1f}" r="2" fill="{colour}"/>'
    return _svg(width, height, body, label)
