"""From blocks to a goal hierarchy: which blocks are goals, on which level, under which parent.

Signals, strongest first:
- a label with the document's own term ("Effektmål 2: …", "Målområde A – …", a heading
  "Delmål 1.2" followed by its text);
- goal tables (a column headed "Mål", "Effektmål" …; see ``table_reader``);
- list items and numbered blocks under a heading or lead-in that names a goal term
  ("Kommunfullmäktiges inriktningsmål", "Nämnden har följande mål:");
- headings under a heading that names goal areas ("Målområden" → each sub-heading an area),
  and list items under a goal area.
Parents come from the nesting of headings, from numbering (1.2 under 1) and from the
order of levels (a delmål belongs to the effektmål above it). Parts that name something
else (indicators, activities, background) hold no goals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ssgraph.extracting import terms
from ssgraph.extracting.blocks import HEADING, ITEM, TABLE, Block
from ssgraph.extracting.links import is_link_statement, links_in, sdg_named
from ssgraph.extracting.result import Goal, Statement
from ssgraph.extracting.table_reader import TableReader

_VISION = re.compile(r"^(?:vår|vårt|kommunens|regionens)?\s*vision(?:en)?(?:\s+\d{4})?\s*[:.]?\s*(?P<text>.*)$",
                     re.IGNORECASE)
_VALUES = re.compile(r"^(?:vår|vårt|kommunens|regionens)?\s*(?:värdegrund(?:en)?|värderingar(?:na)?|"
                     r"grundläggande\s+värderingar)\s*[:.]?\s*(?P<text>.*)$", re.IGNORECASE)
_NAMED_SDG = re.compile(r"^(?:globalt\s+)?(?:mål|sdg)\s*(\d{1,2})\s*[:.–-]\s*(.+)$", re.IGNORECASE)
_NOT_A_CONTEXT = re.compile(r"mål\s+och\s+budget|mål-\s*och\s+resurs|mål\s+och\s+resurs|budget", re.IGNORECASE)


@dataclass
class _Frame:
    """An open heading: its rank and what it says about the blocks under it."""

    rank: int
    context: tuple[str, str] | None = None  # (term, level) for the goals below
    goal: Goal | None = None
    area_context: bool = False  # "Målområden": each sub-heading is an area
    area_term: str = ""  # "Utvecklingsområden och utvecklingsmål": a list's top items may be areas
    no_goals: bool = False
    statement: str | None = None  # "vision" or "value-base"
    children: int = 0


@dataclass
class Analysis:
    goals: list[Goal] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    tables: TableReader = field(default_factory=TableReader)


class Analyser:
    def __init__(self) -> None:
        self.frames: list[_Frame] = [_Frame(0)]
        self.result = Analysis()
        self.lead_in: tuple[str, str] | None = None  # a lead-in paragraph's goal term for the list after it
        self.pending: tuple[terms.Label, Block] | None = None  # a bare label waiting for its text
        self.last_goal: Goal | None = None
        self.list_goals: list[Goal] = []  # goals of the current list, by depth
        self.headings = 0
        self.pair_items: list[tuple[Goal, str]] = []  # top list items that may be areas, with the area term
        self.heading_goals: list[tuple[int, Goal]] = []  # goals read from headings, with their rank

    # -- the stack of open headings -------------------------------------------------
    def _open_goals(self) -> list[Goal]:
        goals = [frame.goal for frame in self.frames if frame.goal is not None]
        return goals + [g for g in self.list_goals if g is not None]

    def _context(self) -> tuple[str, str] | None:
        for frame in reversed(self.frames):
            if frame.no_goals:
                return None
            if frame.goal is not None:
                return None
            if frame.context is not None:
                return frame.context
        return None

    def _outer_context(self) -> tuple[str, str] | None:
        """The goal term a heading above the newest one names, if no goal lies between."""
        for frame in reversed(self.frames[:-1]):
            if frame.goal is not None or frame.no_goals:
                return None
            if frame.context is not None:
                return frame.context
        return None

    def _in_no_goal_part(self) -> bool:
        return any(frame.no_goals for frame in self.frames)

    def _statement(self) -> str | None:
        frame = self.frames[-1]
        return frame.statement

    def _parent_for(self, level: str, number: str = "") -> Goal | None:
        open_goals = self._open_goals()
        if number and "." in number:
            prefix = number.rsplit(".", 1)[0]
            for goal in reversed(open_goals):
                if goal.number == prefix:
                    return goal
        for goal in reversed(open_goals):
            if terms.rank(goal.level) < terms.rank(level):
                return goal
        return None

    def _heading_as_area(self, level: str) -> Goal | None:
        """A heading taken for a goal from structure alone, with goals of a named level
        (inriktningsmål, effektmål …) under it on its own level: it groups them, so it is
        their goal area ("II. Attraktivt och välkomnande" → "Inriktningsmål för området: …")."""
        above = next((frame.goal for frame in reversed(self.frames) if frame.goal is not None), None)
        if above is None or above.term or above.level == terms.AREA or terms.rank(above.level) < terms.rank(level):
            return None
        if above.parent is not None or any(g.parent is above for g in self.result.goals):
            return None
        above.level = terms.AREA
        return above

    def _level(self, level: str, number: str = "") -> str:
        """A generic "mål" sits one level below the goal it is written under."""
        if level != terms.GENERIC:
            return level
        if number and "." in number:
            prefix = number.rsplit(".", 1)[0]
            parent = next((g for g in reversed(self._open_goals()) if g.number == prefix), None)
            if parent is not None:
                return _child_level(parent)
        open_goals = self._open_goals()
        return _child_level(open_goals[-1]) if open_goals else terms.OVERARCHING

    def new_goal(self, text: str, level: str, term: str, block: Block, confidence: float, number: str = "",
                 parent: Goal | None = None) -> Goal:
        level = self._level(level, number)
        parent = parent if parent is not None else self._parent_for(level, number)
        if parent is None and term and level != terms.AREA:
            parent = self._heading_as_area(level)
        goal = Goal(block.place, confidence, text=_clean_goal_text(text), level=level, term=term, parent=parent,
                    number=number)
        if block.joined:
            goal.confidence = round(goal.confidence - 0.05, 2)
        goal.links.add(links_in(text))
        named = _NAMED_SDG.match(goal.text)
        if named:
            goal.links.sdg += [n for n in sdg_named(named.group(1), named.group(2)) if n not in goal.links.sdg]
        self.result.goals.append(goal)
        self.last_goal = goal
        return goal

    def labelled_goal(self, label: terms.Label, block: Block, confidence: float) -> Goal:
        """A goal from a label. A plain "Mål 3:" is numbering, not a level term: the goal
        keeps it in its text, takes the level of its heading, and links to the SDG it names."""
        if label.level != terms.GENERIC:
            return self.new_goal(label.text, label.level, label.term, block, confidence, label.number or "")
        context = self.lead_in or self._context()
        level, term = (context[1], context[0]) if context else (terms.GENERIC, "")
        siblings = [g for g in self.list_goals if g is not None]
        parent = siblings[0].parent if siblings and level == terms.GENERIC else None
        if parent is not None:
            level = siblings[0].level
        text = block.text if label.number else label.text  # "Mål: …" is a label, "Mål 13: …" a name
        return self.new_goal(text, level, term if level != terms.GENERIC else "", block, confidence - 0.1,
                             parent=parent)

    # -- blocks -----------------------------------------------------------------------
    def block(self, block: Block) -> None:
        if block.kind == HEADING:
            self.heading(block)
        elif block.kind == TABLE:
            self.lead_in = None
            self.list_goals = []
            self.result.tables.read(block, self)
        elif block.kind == ITEM:
            self.item(block)
        else:
            self.paragraph(block)

    def heading(self, block: Block) -> None:
        self.lead_in, self.list_goals = None, []
        while len(self.frames) > 1 and self.frames[-1].rank >= block.rank:
            self.frames.pop()
        parent_frame = self.frames[-1]
        parent_frame.children += 1
        frame = _Frame(block.rank)
        self.frames.append(frame)
        text = block.text
        self.pending = None
        self.headings += 1
        if self.headings == 1 and not terms.label_of(text, heading=True):
            return  # the document's title ("Budget 2024 med plan 2025–2026") is no part of its own
        label = terms.label_of(text, heading=True)
        if label is not None and label.text:
            frame.goal = self.labelled_goal(label, block, 0.95)
            return
        if label is not None:
            self.pending = (label, block)
            frame.goal = None
            frame.context = (label.term, label.level)
            return
        if _VISION.match(text) and len(text) < 40:
            frame.statement = "vision"
            return
        if _VALUES.match(text) and len(text) < 40:
            frame.statement = "value-base"
            return
        above = self.frames[-2]
        in_context = above.context is not None or (above.goal is not None and above.goal.level == terms.AREA)
        if terms.names_no_goals(text, in_context) and not terms.mentioned_level(text):
            frame.no_goals = True
            return
        mentioned = None if _NOT_A_CONTEXT.search(text) else terms.mentioned_level(text)
        if mentioned is not None and block.marker and self._outer_context() is not None:
            # "3.1 Fem fokusområden" under "3 Målområden": an item of the outer heading that
            # also names what its own sub-headings are
            self._heading_as_goal(block, frame)
            frame.context = mentioned if frame.goal is None else None
            return
        if mentioned is not None and (mentioned[1] != terms.GENERIC or len(text.split()) <= 5):
            if terms.names_no_goals(text) and mentioned[1] == terms.GENERIC:
                frame.no_goals = True
                return
            if mentioned[1] == terms.AREA:
                frame.area_context = True
            frame.context = mentioned
            frame.area_term = terms.area_term_besides(text) if mentioned[1] != terms.AREA else ""
            return
        self._heading_as_goal(block, frame)

    def _heading_as_goal(self, block: Block, frame: _Frame) -> None:
        """A plain heading under a goal-area or goal-term heading is itself an area or goal."""
        if self._in_no_goal_part():
            return
        above = self.frames[-2]
        context = None
        for candidate in reversed(self.frames[:-1]):
            if candidate.goal is not None or candidate.no_goals:
                break
            if candidate.context is not None:
                context = candidate.context
                break
        if context is None:
            # a sub-heading under an area (heading-only) is a goal of the level below it
            if above.goal is not None and above.goal.level == terms.AREA and _reads_like_goal(block.text):
                frame.goal = self.new_goal(block.text, terms.OVERARCHING, "", block, 0.6, block.marker)
            return
        term, level = context
        frame.goal = self.new_goal(block.text, level, term if level != terms.GENERIC else "", block, 0.8,
                                   block.marker)
        self.heading_goals.append((block.rank, frame.goal))

    def settle_areas(self) -> None:
        """Sibling headings of a heading found to be a goal area are areas too, also those
        with no goals under them (a målområde heading with prose only). Under a heading that
        names areas and goals, the top items of a nested list are the areas, the items in
        them the goals."""
        parents_of = {id(g.parent) for g in self.result.goals if g.parent is not None}
        if any(id(goal) in parents_of for goal, _ in self.pair_items):
            for goal, area_term in self.pair_items:
                for child in (g for g in self.result.goals if g.parent is goal):
                    child.level, child.term = goal.level, child.term or goal.term
                goal.level, goal.term = terms.AREA, area_term
        groups: dict[tuple[int, int], list[Goal]] = {}
        for rank, goal in self.heading_goals:
            groups.setdefault((rank, id(goal.parent)), []).append(goal)
        for siblings in groups.values():
            if any(g.level == terms.AREA for g in siblings):
                for goal in siblings:
                    if not goal.term and id(goal) not in parents_of:
                        goal.level = terms.AREA

    def paragraph(self, block: Block) -> None:
        text = block.text
        if self.pending is not None:
            label, labelled = self.pending
            self.pending = None
            goal = self.new_goal(text, label.level, label.term, labelled, 0.9, label.number or "")
            goal.place = block.place
            self.frames[-1].goal = goal
            self.frames[-1].context = None
            return
        statement = self._statement()
        if statement is not None and not any(s.kind == statement for s in self.result.statements):
            self.result.statements.append(Statement(block.place, 0.85, kind=statement, text=text))
            return
        labelled = self._labelled_statement(block)
        if labelled:
            return
        label = terms.label_of(text)
        if label is not None and label.text and not self._in_no_goal_part():
            goal = self.labelled_goal(label, block, 0.95)
            self.list_goals = [goal]
            self.lead_in = None
            return
        if is_link_statement(text) and self.last_goal is not None:
            self.last_goal.links.add(links_in(text))
            return
        mentioned = terms.mentioned_level(text)
        if mentioned and text.rstrip().endswith(":") and len(text) < 200 and not _NOT_A_CONTEXT.search(text):
            self.lead_in = mentioned
            self.list_goals = []
            return
        self.lead_in = None
        self.list_goals = []
        frame = self.frames[-1]
        if frame.goal is not None and frame.goal.description is None and frame.goal is self.last_goal:
            frame.goal.description = text

    def _labelled_statement(self, block: Block) -> bool:
        for kind, pattern in (("vision", _VISION), ("value-base", _VALUES)):
            match = pattern.match(block.text)
            if match and match.group("text") and ":" in block.text[:40]:
                if not any(s.kind == kind for s in self.result.statements):
                    self.result.statements.append(Statement(block.place, 0.95, kind=kind, text=match.group("text")))
                return True
        return False

    def item(self, block: Block) -> None:
        text = block.text
        if self.pending is not None:
            self.paragraph(block)
            return
        statement = self._statement()
        if statement == "value-base":
            self._add_value_item(block)
            return
        label = terms.label_of(text)
        if label is not None and label.text and not self._in_no_goal_part():
            goal = self.labelled_goal(label, block, 0.95)
            self._remember_list_goal(goal, block.rank)
            return
        if self._in_no_goal_part():
            return
        context = self.lead_in or self._context()
        depth = block.rank
        if depth > 0 and self.list_goals and any(g is not None for g in self.list_goals[:depth]):
            parent = next((g for g in reversed(self.list_goals[:depth]) if g is not None), None)
            goal = self.new_goal(text, _child_level(parent), "", block, 0.7, _number(block), parent=parent)
            self._remember_list_goal(goal, depth)
            return
        if context is not None:
            term, level = context
            sibling = self.list_goals[depth] if depth < len(self.list_goals) else None
            if level == terms.GENERIC and sibling is not None:  # "mål" items are siblings, not each other's
                level, term = sibling.level, sibling.term
            goal = self.new_goal(text, level, term if level != terms.GENERIC else "", block, 0.85, _number(block),
                                 parent=sibling.parent if sibling is not None else None)
            self._remember_list_goal(goal, depth)
            area_term = self.frames[-1].area_term if self.lead_in is None else ""
            if area_term and depth == 0:
                self.pair_items.append((goal, area_term))
            return
        heading_goal = self.frames[-1].goal
        if depth == 0 and heading_goal is not None and _reads_like_goal(text) and any(
                g is heading_goal for _, g in self.heading_goals) and heading_goal.level != terms.AREA:
            # items straight under a heading taken for a goal of the outer term: the heading
            # groups them, so it is their area and they are the goals of that term
            level, term = heading_goal.level, heading_goal.term
            heading_goal.level, heading_goal.term = terms.AREA, ""
            goal = self.new_goal(text, level, term, block, 0.75, _number(block), parent=heading_goal)
            self._remember_list_goal(goal, depth)
            return
        above = next((f.goal for f in reversed(self.frames) if f.goal is not None), None)
        if above is not None and above.level == terms.AREA and _reads_like_goal(text):
            goal = self.new_goal(text, terms.OVERARCHING, "", block, 0.65, _number(block), parent=above)
            self._remember_list_goal(goal, depth)

    def _remember_list_goal(self, goal: Goal, depth: int) -> None:
        self.list_goals = self.list_goals[:depth] + [None] * max(0, depth - len(self.list_goals))
        self.list_goals.append(goal)

    def _add_value_item(self, block: Block) -> None:
        existing = next((s for s in self.result.statements if s.kind == "value-base"), None)
        if existing is None:
            self.result.statements.append(Statement(block.place, 0.8, kind="value-base", text=block.text))
        else:
            existing.text = f"{existing.text}; {block.text}"


def _child_level(parent: Goal) -> str:
    """A goal written under an area is a top goal; one under a goal, without a term of its
    own, is a sub-goal (delmål) — committee goals are named as such."""
    return terms.OVERARCHING if parent.level == terms.AREA else terms.SUB


def _number(block: Block) -> str:
    return block.marker if block.marker and block.marker not in {"•", "#"} else ""


def _reads_like_goal(text: str) -> bool:
    """Under a goal area: anything but a part about indicators, activities and the like."""
    return 3 <= len(text) <= 300 and not terms.names_no_goals(text, in_goal_context=True)


def _clean_goal_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip("•").strip()


def analyse(blocks: list[Block]) -> Analysis:
    analyser = Analyser()
    for block in blocks:
        analyser.block(block)
    analyser.settle_areas()
    return analyser.result
