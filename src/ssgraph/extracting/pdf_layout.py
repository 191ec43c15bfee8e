"""Page layout of a PDF: running headers and footers, tables of contents, tables and columns.

Works on the lines of :mod:`pdf_lines`. Everything here is about kinds of layout seen in
municipal documents (ruled and unruled tables, two-column pages, dot-leader tables of
contents, "Sida 3 av 40" footers), never about particular documents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ssgraph.extracting.blocks import join_lines
from ssgraph.extracting.pdf_lines import Line, PageLines, Rule, Segment

MARGIN_SHARE = 0.09  # top and bottom band where running headers and footers live
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|page|s\.)\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:\(|av|/|of)\s*\d{1,4}\)?)?$", re.IGNORECASE
)
_LEADERS = re.compile(r"(?:\.\s?){3,}|…{2,}|_{3,}|·{3,}")
_TOC_TITLE = re.compile(r"^(innehåll|innehållsförteckning|innehåll och läsanvisning|contents|table of contents)$",
                        re.IGNORECASE)


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold()).strip()


def remove_running_text(pages: list[PageLines]) -> None:
    """Drop page numbers and headers/footers that repeat on many pages (in place)."""
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_running_key(line.text) for line in page.lines if _in_margin(line, page)}
        counts.update(keys)
    needed = max(2, int(0.3 * len(pages)))
    for page in pages:
        kept = []
        for line in page.lines:
            if _in_margin(line, page):
                text = line.text.strip()
                if _PAGE_NUMBER.match(text) or (len(pages) > 1 and counts[_running_key(text)] >= needed):
                    continue
            kept.append(line)
        page.lines = kept


def _in_margin(line: Line, page: PageLines) -> bool:
    return line.bottom < page.height * MARGIN_SHARE or line.top > page.height * (1 - MARGIN_SHARE)


def remove_table_of_contents(page: PageLines) -> None:
    """Drop table-of-contents entries: dot leaders with a page number, or every numbered
    line on a page titled "Innehåll"."""
    titled = any(_TOC_TITLE.match(line.text.strip().rstrip(":")) for line in page.lines)
    kept = []
    for line in page.lines:
        text = line.text.strip()
        last = line.segments[-1].text.strip()
        ends_in_number = bool(re.fullmatch(r"\d{1,3}", last)) or bool(re.search(r"\s\d{1,3}$", text))
        if _LEADERS.search(text) and re.search(r"\d{1,3}$", text):
            continue
        if titled and (_TOC_TITLE.match(text.rstrip(":")) or (ends_in_number and len(line.segments) >= 1)):
            continue
        kept.append(line)
    page.lines = kept


@dataclass
class TableArea:
    top: float
    bottom: float
    x0: float
    x1: float
    rows: list[list[str]]


def _one_table_between(lines: list[Line], top: float, bottom: float) -> bool:
    """No heading or prose between two rules: the lines there are of one size."""
    sizes = {round(line.size * 2) / 2 for line in lines if top < (line.top + line.bottom) / 2 < bottom}
    return len(sizes) <= 1 and (sizes or bottom - top < 40)


def _ruled_regions(rules: list[Rule], lines: list[Line]) -> list[tuple[float, float, float, float, list[Rule]]]:
    """Groups of ruling lines stacked with the same width and only table text between them
    (a table's frame)."""
    horizontals = sorted((r for r in rules if r.horizontal), key=lambda r: r.top)
    verticals = [r for r in rules if r.vertical]
    groups: list[list[Rule]] = []
    for rule in horizontals:
        for group in groups:
            last = group[-1]
            same_span = abs(last.x0 - rule.x0) < 40 and abs(last.x1 - rule.x1) < 40
            overlaps = min(last.x1, rule.x1) - max(last.x0, rule.x0) > 0.5 * (rule.x1 - rule.x0)
            if ((same_span or overlaps) and rule.top - last.top < 140
                    and _one_table_between(lines, last.top + 1, rule.top - 1)):
                group.append(rule)
                break
        else:
            groups.append([rule])
    regions = []
    for group in groups:
        if len(group) < 2:
            continue
        top, bottom = group[0].top, group[-1].bottom
        x0, x1 = min(r.x0 for r in group), max(r.x1 for r in group)
        inside = [v for v in verticals if v.top >= top - 3 and v.bottom <= bottom + 3 and x0 - 3 <= v.x0 <= x1 + 3]
        regions.append((top, bottom, x0, x1, group + inside))
    return regions


def _merge_close(values: list[float], tolerance: float) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if merged and value - merged[-1] <= tolerance:
            continue
        merged.append(value)
    return merged


def _column_starts(lines: list[Line], verticals: list[Rule], x0: float, x1: float | None = None) -> list[float]:
    """Where the columns start: the table's inner vertical rules, or else the segment starts
    that recur from line to line."""
    if verticals:
        edges = _merge_close([v.x0 for v in verticals], 3)
        right = x1 if x1 is not None else max(edges)
        inner = [e for e in edges if x0 + 3 < e < right - 3]
        if inner:
            return _merge_close([x0 - 1] + inner, 3)
    starts: Counter[float] = Counter()
    for line in lines:
        for segment in line.segments:
            starts[round(segment.x0 / 4) * 4] += 1
    common = [x for x, n in starts.items() if n >= 2 or len(lines) <= 2]
    return _merge_close(common, 8) or [x0]


def _column_of(segment: Segment, starts: list[float]) -> int:
    index = 0
    for position, start in enumerate(starts):
        if segment.x0 + 4 >= start:
            index = position
    return index


def _table_rows(lines: list[Line], horizontals: list[Rule], starts: list[float]) -> list[list[str]]:
    """Lines into rows: a new row at a horizontal rule or at a wider gap than the one between
    the lines of a wrapped cell; evenly spaced lines are one row each."""
    cuts = _merge_close([h.top for h in horizontals], 3)
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
    size = sorted(line.size for line in lines)[len(lines) // 2]
    informative = bool(gaps) and max(gaps) - min(gaps) > 0.25 * size
    threshold = (min(gaps) + 0.25 * size) if gaps else 0.0
    rows: list[list[list[str]]] = []
    previous_band = None
    last: dict[int, tuple[int, float]] = {}  # column → (row, bottom) of its last text
    for index, line in enumerate(lines):
        middle = (line.top + line.bottom) / 2
        band = sum(1 for c in cuts if c < middle)
        cells: list[list[str]] = [[] for _ in starts]
        for segment in line.segments:
            cells[_column_of(segment, starts)].append(segment.text)
        if not rows or band != previous_band:
            new_row = True
        else:  # evenly spaced lines are rows of one line each
            new_row = gaps[index - 1] > threshold if informative else True
        if informative and rows:
            _keep_wrapped(cells, rows, last, line, band, previous_band, 0.45 * size)
            # what is left starts a row where it would land on text of the row above
            new_row = new_row or any(parts and rows[-1][p] for p, parts in enumerate(cells))
            if not any(cells):
                previous_band = band
                continue
        if new_row:
            rows.append(cells)
        else:
            for position, parts in enumerate(cells):
                rows[-1][position] += parts
        previous_band = band
        for position, parts in enumerate(cells):
            if parts:
                last[position] = (len(rows) - 1, line.bottom)
    return [[_join_cell(parts) for parts in row] for row in rows if any(row)]


def _keep_wrapped(cells, rows, last, line, band, previous_band, wrap_gap) -> None:
    """A cell merged down over several rows (a goal over its indicators) wraps its text onto
    the lines of the next rows: text that stands a wrapped line's gap below the last text of
    its column, in the same ruled band, goes on in that cell, not in the new row."""
    for position, parts in enumerate(cells):
        if not parts or position not in last:
            continue
        row, bottom = last[position]
        if line.top - bottom <= wrap_gap and band == previous_band and rows[row][position]:
            rows[row][position] += parts
            cells[position] = []
            last[position] = (row, line.bottom)


def _join_cell(parts: list[str]) -> str:
    text = ""
    for part in parts:
        text = join_lines(text, part)
    return text.strip()


def _extend_down(page: PageLines, members: list[int], used: set[int], x0: float, x1: float) -> list[int]:
    """A table whose rules frame only its header (a shaded header row): take the aligned
    lines right below it as its body."""
    extended = list(members)
    last = page.lines[members[-1]]
    body_size: float | None = None
    for index in range(members[-1] + 1, len(page.lines)):
        if index in used:
            break
        line = page.lines[index]
        if line.top - last.bottom > 2.2 * line.size or line.x0 < x0 - 6 or line.x1 > x1 + 6:
            break
        if body_size is not None and (abs(line.size - body_size) > 0.5 or (line.bold and len(line.segments) == 1)):
            break  # a heading after the table
        body_size = body_size or line.size
        if len(line.segments) < 2 and line.x0 <= x0 + 6 and line.x1 - line.x0 > 0.8 * (x1 - x0):
            break  # prose under the table
        extended.append(index)
        last = line
    return extended


def find_tables(page: PageLines, unruled: bool = True) -> list[TableArea]:
    """Ruled tables (from the page's rules) and unruled ones (aligned multi-segment lines);
    their lines are taken off the page."""
    tables: list[TableArea] = []
    used: set[int] = set()
    for top, bottom, x0, x1, rules in _ruled_regions(page.rules, page.lines):
        members = [i for i, line in enumerate(page.lines)
                   if i not in used and top - 2 <= (line.top + line.bottom) / 2 <= bottom + 2
                   and line.x1 >= x0 - 2 and line.x0 <= x1 + 2]
        if not members:
            continue
        horizontals = [r for r in rules if r.horizontal]
        if len(_merge_close([h.top for h in horizontals], 3)) <= 2 and len(members) <= 3:
            members = _extend_down(page, members, used, x0, x1)
        lines = [page.lines[i] for i in members]
        verticals = [r for r in rules if r.vertical]
        starts = _column_starts(lines, verticals, x0, x1)
        if len(starts) < 2 and not verticals:
            continue  # rules around prose (a boxed quote), not a table
        rows = _table_rows(lines, horizontals, starts)
        if len(rows) >= 1:
            used.update(members)
            tables.append(TableArea(top, bottom, x0, x1, rows))
    if unruled:
        tables += _unruled_tables(page, used)
    page.lines = [line for i, line in enumerate(page.lines) if i not in used]
    return tables


def _unruled_tables(page: PageLines, used: set[int]) -> list[TableArea]:
    """Runs of three or more lines of two or more aligned segments, away from a column gutter."""
    tables: list[TableArea] = []
    run: list[int] = []

    def close_run() -> None:
        if len(run) >= 3:
            lines = [page.lines[i] for i in run]
            starts = _column_starts(lines, [], lines[0].x0)
            multi = sum(1 for line in lines if len(line.segments) >= 2)
            if len(starts) >= 2 and multi >= 3 and not _looks_like_two_columns(lines, page.width):
                used.update(run)
                rows = _table_rows(lines, [], starts)
                tables.append(TableArea(lines[0].top, lines[-1].bottom, min(l.x0 for l in lines),
                                        max(l.x1 for l in lines), rows))
        run.clear()

    for index, line in enumerate(page.lines):
        if index in used:
            close_run()
            continue
        if len(line.segments) >= 2 or (run and _continues_table(line, page.lines[run[-1]])):
            run.append(index)
        else:
            close_run()
    close_run()
    return tables


def _continues_table(line: Line, previous: Line) -> bool:
    """A wrapped cell: one segment that starts right of the first column, close below."""
    return (len(line.segments) == 1 and line.x0 > previous.segments[0].x1 and line.top - previous.bottom < line.size)


def _looks_like_two_columns(lines: list[Line], width: float) -> bool:
    """Prose set in two columns: two segments per line, both long, meeting near the middle."""
    long_pairs = 0
    for line in lines:
        if len(line.segments) == 2:
            left, right = line.segments
            if left.x1 - left.x0 > 0.3 * width and right.x1 - right.x0 > 0.3 * width:
                long_pairs += 1
    return long_pairs * 2 >= len(lines)


def gutter(page: PageLines) -> float | None:
    """The x of a two-column page's gutter, if the page is set in two columns."""
    if len(page.lines) < 6:
        return None
    width = page.width
    bins = [0] * (int(width) + 2)
    for line in page.lines:
        for segment in line.segments:
            for x in range(max(0, int(segment.x0)), min(len(bins), int(segment.x1) + 1)):
                bins[x] += 1
    low, high = int(width * 0.35), int(width * 0.65)
    best: tuple[int, int] | None = None
    start = None
    crossing_limit = max(1, len(page.lines) // 12)
    for x in range(low, high + 1):
        if bins[x] <= crossing_limit:
            start = x if start is None else start
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
        else:
            start = None
    if best is None or best[1] - best[0] < 6:
        return None
    middle = (best[0] + best[1]) / 2
    left = sum(1 for line in page.lines if any(s.x1 < middle for s in line.segments))
    right = sum(1 for line in page.lines if any(s.x0 > middle for s in line.segments))
    return middle if left >= 4 and right >= 4 else None


def split_at_gutter(page: PageLines, middle: float) -> tuple[list[Line], list[Line], list[Line]]:
    """Full-width lines, left-column lines and right-column lines."""
    full, left, right = [], [], []
    for line in page.lines:
        if any(s.x0 < middle < s.x1 for s in line.segments):
            full.append(line)
            continue
        left_part = [s for s in line.segments if s.x1 <= middle]
        right_part = [s for s in line.segments if s.x0 >= middle]
        if left_part:
            left.append(Line(line.top, line.bottom, left_part))
        if right_part:
            right.append(Line(line.top, line.bottom, right_part))
    return full, left, right
