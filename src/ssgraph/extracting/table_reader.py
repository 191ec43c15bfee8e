"""Read goal and indicator tables into goals and indicators (see ``tables`` for the columns).

A row with a goal cell starts a goal; a row whose goal cell is empty (a merged cell)
belongs to the goal above. Indicator columns give one indicator per row, with unit,
baseline, target and actual values and their years. A table with indicators but no goal
column measures the goal it follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ssgraph.extracting import tables, terms
from ssgraph.extracting.blocks import Block
from ssgraph.extracting.links import Links, environmental_cell, links_in, sdg_cell
from ssgraph.extracting.result import Goal, Indicator, Value


@dataclass
class TableReader:
    indicators: list[Indicator] = field(default_factory=list)
    last_header: list[str] | None = None  # a table that goes on over a page repeats its header
    last_goal: Goal | None = None

    def read(self, block: Block, analyser) -> None:
        header_index = tables.header_row(block.rows)
        if header_index is None:
            return
        columns = tables.classify(block.rows[header_index])
        body = [list(row) for row in block.rows[header_index + 1:]]
        first_row = header_index + 1
        if body and tables.years_below(columns, block.rows[header_index], body[0]):
            body, first_row = body[1:], first_row + 1
        _group_column(columns, body)
        header = [cell.casefold() for cell in block.rows[header_index]]
        continued = header == self.last_header and self.last_goal is not None
        current: Goal | None = self.last_goal if continued else (
            None if tables.GOAL in columns.roles else _goal_above(analyser))
        self.last_header = header
        areas: dict[str, Goal] = {}
        for offset, row in enumerate(body, start=first_row):
            cells = row + [""] * (len(block.rows[header_index]) - len(row))
            if not any(cell.strip() for cell in cells):
                continue
            area = self._area(cells, columns, block, offset, analyser, areas)
            goal_cell = _cell(cells, columns.first(tables.GOAL))
            if goal_cell:
                current = self._goal(goal_cell, columns, block, offset, analyser, area)
            if current is not None:
                current.links.add(_row_links(cells, columns))
            name = _cell(cells, columns.first(tables.INDICATOR))
            if name:
                self.indicators.append(_indicator(name, cells, columns, block, offset, current))
        self.last_goal = current

    @staticmethod
    def _area(cells, columns, block, offset, analyser, areas) -> Goal | None:
        text = _cell(cells, columns.first(tables.AREA_COLUMN))
        if not text:
            return list(areas.values())[-1] if areas else None
        if text not in areas:
            column = columns.first(tables.AREA_COLUMN)
            area_block = Block(block.kind, text, block.cell_place(offset, column))
            areas[text] = analyser.new_goal(text, terms.AREA, "", area_block, 0.85)
        return areas[text]

    @staticmethod
    def _goal(text, columns, block, offset, analyser, area) -> Goal:
        column = columns.first(tables.GOAL)
        goal_block = Block(block.kind, text, block.cell_place(offset, column))
        level = columns.goal_level
        if area is not None and level == terms.GENERIC:
            level = terms.OVERARCHING
        return analyser.new_goal(text, level, columns.goal_term, goal_block, 0.9, parent=area)


def _group_column(columns: tables.Columns, body: list[list[str]]) -> None:
    """A column left of the goal column, named by no known word, whose cells stand only on
    the first row of each group (merged down over its goals): the goal areas."""
    goal = columns.first(tables.GOAL)
    if goal is None or goal == 0 or tables.AREA_COLUMN in columns.roles:
        return
    column = goal - 1
    if any(column in indexes for indexes in columns.roles.values()):
        return
    filled = [_cell(row, column) for row in body if _cell(row, column)]
    goals = [_cell(row, goal) for row in body if _cell(row, goal)]
    if filled and len(filled) < len(goals) and all(len(text) <= 120 for text in filled):
        columns.roles[tables.AREA_COLUMN] = [column]


def _goal_above(analyser) -> Goal | None:
    for frame in reversed(analyser.frames):
        if frame.goal is not None:
            return frame.goal
    return analyser.last_goal


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _row_links(cells: list[str], columns: tables.Columns) -> Links:
    found = Links()
    for index in columns.roles.get(tables.SDG, []):
        found.sdg += [c for c in sdg_cell(_cell(cells, index)) if c not in found.sdg]
    for index in columns.roles.get(tables.ENVIRONMENT, []):
        found.environmental += [n for n in environmental_cell(_cell(cells, index)) if n not in found.environmental]
    return found


def _indicator(name: str, cells: list[str], columns: tables.Columns, block: Block, offset: int,
               goal: Goal | None) -> Indicator:
    column = columns.first(tables.INDICATOR)
    indicator = Indicator(block.cell_place(offset, column), 0.9, name=name, goal=goal)
    unit_cell = _cell(cells, columns.first(tables.UNIT))
    value_cells = [_cell(cells, i) for role in (tables.BASELINE, tables.TARGET, tables.ACTUAL)
                   for i in columns.roles.get(role, [])]
    indicator.unit = unit_cell or tables.unit_in_name(name) or tables.unit_of(value_cells)
    for role in (tables.BASELINE, tables.TARGET):
        index = columns.first(role)
        if index is not None and _cell(cells, index):
            value, year = tables.value_and_year(_cell(cells, index), columns.years.get(index))
            if value is not None or year is not None:
                setattr(indicator, role, Value(year, value))
    for index in columns.roles.get(tables.ACTUAL, []):
        text = _cell(cells, index)
        if text:
            value, year = tables.value_and_year(text, columns.years.get(index))
            if value is not None:
                indicator.actuals.append(Value(year, value))
    words = [_cell(cells, columns.first(tables.DIRECTION)), _cell(cells, columns.first(tables.TARGET))]
    direction, stated = tables.direction_of([w for w in words if w],
                                            indicator.baseline.value if indicator.baseline else None,
                                            indicator.target.value if indicator.target else None)
    indicator.direction = direction
    if direction is not None and not stated:
        indicator.confidence = 0.8
    indicator.links.add(_row_links(cells, columns))
    indicator.links.add(links_in(name))
    if goal is None:
        indicator.confidence = 0.6
    return indicator
