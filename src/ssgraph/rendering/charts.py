"""Charts for the analyses, drawn with matplotlib's Agg backend (no display needed).

Each function returns the figure as SVG text or PNG bytes; the reports embed the SVG. Words
come from the catalogue (``chart.*``) in the report's language.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

from ssgraph import catalogue

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

OBJECTIVE_GREEN = "#2e7d32"
STATUS_COLOURS = {
    "fulfilled": "#2e7d32", "partly-fulfilled": "#f9a825", "not-fulfilled": "#c62828",
    "not-assessed": "#9e9e9e",
}


def _save(fig, fmt: str, dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, bbox_inches="tight", dpi=dpi if fmt == "png" else None,
                metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return buffer.getvalue()


def _blend(colour: str, share: float) -> tuple[float, float, float]:
    """``colour`` faded towards white: share 0 → white, 1 → full colour."""
    if share <= 0:
        return (0.95, 0.95, 0.95)
    r, g, b = to_rgb(colour)
    k = 0.2 + 0.8 * share
    return (1 - k + k * r, 1 - k + k * g, 1 - k + k * b)


def _ink(background: tuple[float, float, float]) -> str:
    r, g, b = background
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else "white"


def coverage_heatmap(result, scheme: str, fmt: str = "png", lang: str = "sv") -> bytes:
    """Organisation × SDG (or × environmental objective) heat map of goal counts.

    Each SDG column is shaded in the SDG's official colour (objectives in green); the
    number in a cell is the goal count, with the indicator count in brackets.
    """
    columns = result.sdg_columns if scheme == "sdg" else result.objective_columns
    goals = result.matrices[f"{scheme}_goals"]
    indicators = result.matrices[f"{scheme}_indicators"]
    orgs = result.organisations
    peak = max([v for row in goals.values() for v in row.values()] + [1])
    rows, cols = len(orgs), len(columns)
    fig_w = 1.6 + 0.62 * cols
    fig_h = 2.6 + 0.42 * max(rows, 1)
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    annotate = rows <= 60
    for i, org in enumerate(orgs):
        for j, column in enumerate(columns):
            count = goals[org["code"]][column.key]
            colour = column.colour if scheme == "sdg" else OBJECTIVE_GREEN
            face = _blend(colour, count / peak)
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=face, edgecolor="white", linewidth=1.5))
            if annotate and (count or indicators[org["code"]][column.key]):
                ink = _ink(face)
                ax.text(j + 0.5, i + 0.42, str(count), ha="center", va="center", fontsize=10,
                        fontweight="bold", color=ink)
                ax.text(j + 0.5, i + 0.78, f"({indicators[org['code']][column.key]})",
                        ha="center", va="center", fontsize=6.5, color=ink)
    # column heads: a coloured tile with the number, the short name below (rotated)
    for j, column in enumerate(columns):
        head = column.colour if scheme == "sdg" else OBJECTIVE_GREEN
        ax.add_patch(Rectangle((j + 0.05, -1.0), 0.9, 0.9, facecolor=head, edgecolor="none",
                               clip_on=False))
        ax.text(j + 0.5, -0.55, column.key, ha="center", va="center", color="white",
                fontsize=10, fontweight="bold", clip_on=False)
    ax.set_xlim(0, cols)
    ax.set_ylim(rows, -1.05)
    ax.set_xticks([j + 0.5 for j in range(cols)])
    ax.set_xticklabels([textwrap.shorten(c.label, 34, placeholder="…") for c in columns],
                       rotation=55, ha="right", fontsize=8)
    ax.set_yticks([i + 0.5 for i in range(rows)])
    ax.set_yticklabels([f"{o['label']} ({o['code']})" if o["label"] != o["code"] else o["code"]
                        for o in orgs], fontsize=9 if rows <= 40 else 6)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    title = catalogue.text(f"chart.heatmap_title_{scheme}", lang)
    note = catalogue.text("chart.heatmap_note", lang)
    ax.set_title(title, fontsize=13, pad=34, loc="left")
    ax.text(0, -1.35, note, fontsize=8, color="#444444", clip_on=False)
    return _save(fig, fmt, dpi=150 if annotate else 90)


def trend_chart(label: str, observations: dict[str, float], target: float | None = None,
                target_year: str | None = None, unit: str | None = None, fmt: str = "svg",
                lang: str = "sv") -> bytes:
    """Line chart of an indicator's values over time with its target as a dashed line."""
    fig, ax = plt.subplots(figsize=(5.2, 2.6))
    years = sorted(observations)
    values = [observations[y] for y in years]
    ax.plot([int(y) for y in years], values, marker="o", color="#1f4e79", linewidth=2,
            label=catalogue.text("chart.actual", lang))
    if target is not None:
        ax.axhline(target, color="#2e7d32", linestyle="--", linewidth=1.5,
                   label=catalogue.text("chart.target", lang, value=f"{target:g}")
                   + (f" ({target_year})" if target_year else ""))
    for year, value in zip(years, values, strict=True):
        ax.annotate(f"{value:g}", (int(year), value), textcoords="offset points", xytext=(0, 6),
                    ha="center", fontsize=7)
    ax.set_title(textwrap.shorten(label, 70, placeholder="…"), fontsize=10, loc="left")
    if unit:
        ax.set_ylabel(unit, fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(labelsize=8)
    ax.grid(axis="y", color="#dddddd")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=7, frameon=False, loc="best")
    return _save(fig, fmt)


RELATION_STYLE = {"exactMatch": ("#1b5e20", 2.6), "closeMatch": ("#1565c0", 1.8),
                  "relatedMatch": ("#9e9e9e", 1.0)}


def alignment_diagram(result, fmt: str = "svg", limit: int = 45) -> bytes:
    """Two columns of goals (A left, B right) with a line for each one-to-one match.

    Line colour gives the SKOS relation, line width the score; numbers refer to the table.
    """
    matches = sorted(result.matches, key=lambda c: -c.score)[:limit]
    left = sorted({c.a: c.a_label for c in matches}.items(), key=lambda kv: kv[0])
    order_a = {iri: i for i, (iri, _) in enumerate(left)}
    matches.sort(key=lambda c: order_a[c.a])
    rows = max(len(matches), 1)
    fig, ax = plt.subplots(figsize=(10, 0.9 + 0.42 * rows))
    for i, c in enumerate(matches):
        colour, width = RELATION_STYLE[c.relation]
        ax.text(0.0, i, textwrap.shorten(c.a_label, 48, placeholder="…"), ha="right", va="center",
                fontsize=10)
        ax.text(1.0, i, textwrap.shorten(c.b_label, 48, placeholder="…"), ha="left", va="center",
                fontsize=10)
        ax.plot([0.02, 0.98], [i, i], color=colour, linewidth=width * max(c.score, 0.3))
        ax.text(0.5, i - 0.12, f"{i + 1}: {c.score:.2f}", ha="center", va="bottom", fontsize=9,
                color=colour)
    ax.text(0.0, -1, result.org_a, ha="right", fontsize=12, fontweight="bold")
    ax.text(1.0, -1, result.org_b, ha="left", fontsize=12, fontweight="bold")
    for relation, (colour, width) in RELATION_STYLE.items():
        ax.plot([], [], color=colour, linewidth=width, label=f"skos:{relation}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), ncol=3, fontsize=10, frameon=False)
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(rows - 0.4, -1.6)
    ax.axis("off")
    return _save(fig, fmt)
