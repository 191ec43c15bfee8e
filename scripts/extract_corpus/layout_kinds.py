"""The layout kinds of the corpus, each a function that fills a plan (see ``layouts``)."""

from __future__ import annotations

import random
import re

from layouts import (
    AREA_PLURALS,
    GOAL_PLURALS,
    INDICATOR_BANK,
    Plan,
    children_of,
    front_matter,
    links_sentence,
)


def _area_number(plan: Plan, index: int) -> str:
    style = plan.style.area_numbering
    if style == "A":
        return chr(ord("A") + index)
    return str(index + 1) if style == "1" else ""


def _intro(plan: Plan, rng: random.Random, numbered: bool = False) -> None:
    front_matter(plan, rng, plan.goal_set.year or rng.choice([2019, 2021, 2023, 2024]))
    if plan.style.toc:
        entries = ["Inledning", "Vision", plan.metadata["title"], "Uppföljning", "Ekonomi"]
        plan.add("toc", entries=entries)
    plan.add("h", level=1, text=("1 " if numbered else "") + "Inledning")
    for _ in range(rng.randrange(2, 4)):
        plan.add("p", text=plan.filler(rng, rng.randrange(3, 6)))
    if plan.goal_set.vision:
        plan.add("h", level=1, text=("2 " if numbered else "") + "Vision")
        plan.add("p", text=plan.goal_set.vision)
        plan.vision = plan.goal_set.vision


def _outro(plan: Plan, rng: random.Random, number: str = "") -> None:
    plan.add("h", level=1, text=f"{number}Uppföljning")
    plan.add("p", text=plan.filler(rng, 4))
    plan.add("h", level=1, text=f"{str(int(number.strip()) + 1) + ' ' if number else ''}Ekonomi")
    plan.add("p", text=plan.filler(rng, 2))
    plan.add("table", rows=[["Verksamhet", "Budget 2024 (mnkr)", "Budget 2025 (mnkr)"],
                            ["Utbildning", "812,4", "830,1"], ["Vård och omsorg", "655,0", "671,9"],
                            ["Samhällsbyggnad", "143,2", "150,0"]])


def _indicator_rows(plan: Plan, rng: random.Random, goal) -> list[tuple[str, str]]:
    real = [(i["name"], i.get("unit") or "") for i in goal.indicators if i.get("name")]
    if real:
        return real[:3]
    return rng.sample(INDICATOR_BANK, rng.randrange(1, 3))


def _expect_indicator(plan: Plan, name: str, unit: str, goal_key: str | None, baseline, target) -> None:
    plan.indicators.append({"name": name, "goal": goal_key, "unit": unit or None, "baseline": baseline,
                            "target": target})


def numbered_headings(plan: Plan, rng: random.Random) -> None:
    """Numbered chapters: "3 Målområden" → "3.1 <area>" → "3.1.2 <goal>", sub-goals as a list."""
    _intro(plan, rng, numbered=True)
    children = children_of(plan.goal_set)
    tops = children.get(None, [])
    areas = [g for g in tops if g.level == "area"]
    style = plan.style
    if areas:
        plan.add("h", level=1, text=f"3 {AREA_PLURALS.get(style.area_term, style.area_term)}")
        for a, area in enumerate(areas, start=1):
            plan.add("h", level=2, text=f"3.{a} {area.text}")
            plan.expect_goal(area, "area", style.area_term, None)
            plan.add("p", text=plan.filler(rng, 2))
            for g, goal in enumerate(children.get(area.key, []), start=1):
                _numbered_goal(plan, rng, goal, f"3.{a}.{g}", 3, area.key, children)
        rest = [g for g in tops if g.level != "area"]
    else:
        rest = tops
    if rest:
        plan.add("h", level=1, text=f"{4 if areas else 3} {GOAL_PLURALS.get(style.goal_term, style.goal_term)}")
        for g, goal in enumerate(rest, start=1):
            _numbered_goal(plan, rng, goal, f"{4 if areas else 3}.{g}", 2, None, children)
    _outro(plan, rng, "5 ")


def _numbered_goal(plan, rng, goal, number, level, parent, children) -> None:
    plan.add("h", level=level, text=f"{number} {goal.text}")
    plan.expect_goal(goal, goal.level if goal.level != "area" else "overarching", "", parent)
    plan.add("p", text=plan.filler(rng, 2))
    sentence = links_sentence(goal, rng)
    if sentence:
        plan.add("p", text=sentence)
    subs = children.get(goal.key, [])
    if subs:
        plan.add("p", text=f"{plan.style.sub_term} för {number}:" if rng.random() < 0.5 else
                 f"Följande {plan.style.sub_term.lower()} gäller:")
        plan.add("items", items=[(0, s.text) for s in subs], numbered=False)
        for sub in subs:
            plan.expect_goal(sub, "sub", plan.style.sub_term, goal.key)


def bullets(plan: Plan, rng: random.Random) -> None:
    """Areas as headings with their goals as bullet lists (sub-goals nested)."""
    _intro(plan, rng)
    children = children_of(plan.goal_set)
    tops = children.get(None, [])
    style = plan.style
    areas = [g for g in tops if g.level == "area"]
    if areas:
        plan.add("h", level=1, text=AREA_PLURALS.get(style.area_term, style.area_term))
        plan.add("p", text=plan.filler(rng, 2))
        for a, area in enumerate(areas):
            number = _area_number(plan, a)
            plan.add("h", level=2, text=f"{number}. {area.text}" if number else area.text)
            plan.expect_goal(area, "area", style.area_term if not number else "", None)
            plan.add("p", text=plan.filler(rng, 2))
            _bullet_goals(plan, rng, children.get(area.key, []), area.key, children)
    rest = [g for g in tops if g.level != "area"]
    if rest:
        plural = GOAL_PLURALS.get(style.goal_term, style.goal_term)
        plan.add("h", level=1, text=f"Kommunfullmäktiges {plural.lower()}" if rng.random() < 0.5 else plural)
        plan.add("p", text=plan.filler(rng, 2))
        plan.add("p", text=f"Kommunfullmäktige har beslutat om följande {plural.lower()}:")
        _bullet_goals(plan, rng, rest, None, children, term=style.goal_term)
    _outro(plan, rng)


def _bullet_goals(plan, rng, goals, parent, children, term: str = "") -> None:
    items = []
    for goal in goals:
        items.append((0, goal.text))
        plan.expect_goal(goal, "overarching" if goal.level == "area" else goal.level, term, parent)
        for sub in children.get(goal.key, []):
            items.append((1, sub.text))
            plan.expect_goal(sub, "sub" if goal.level != "sub" else "sub", "", goal.key)
    plan.add("items", items=items, numbered=rng.random() < 0.3)


def goal_table(plan: Plan, rng: random.Random) -> None:
    """One landscape table: area, goal, indicator, unit, baseline, target (and SDG) columns."""
    plan.landscape = plan.fmt == "pdf"
    _intro(plan, rng)
    style = plan.style
    children = children_of(plan.goal_set)
    plural = GOAL_PLURALS.get(style.goal_term, style.goal_term)
    plan.add("h", level=1, text=f"{plural} och indikatorer")
    plan.add("p", text=plan.filler(rng, 2))
    areas = [g for g in children.get(None, []) if g.level == "area"]
    groups = [(a, children.get(a.key, [])) for a in areas] + [(None, [g for g in children.get(None, [])
                                                                       if g.level != "area"])]
    header = ([style.area_term] if areas else []) + [style.goal_term, "Indikator"]
    header += ["Enhet"] if style.unit_column else []
    header += ["Utgångsvärde 2019" if style.year_in_header else "Utgångsvärde", "Målvärde 2026"]
    header += ["Agenda 2030"] if style.sdg_column else []
    rows = [header]
    for area, goals in groups:
        if area is not None and goals:
            plan.expect_goal(area, "area", "", None)
        for g_index, goal in enumerate(goals):
            plan.expect_goal(goal, goal.level if goal.level != "area" else "overarching", style.goal_term,
                             area.key if area else None)
            for i_index, (name, unit) in enumerate(_indicator_rows(plan, rng, goal)):
                unit = unit or "%"
                baseline, target = rng.randrange(10, 80), rng.randrange(10, 95)
                base_text = f"{baseline}" if style.year_in_header else f"{baseline} (2019)"
                shown_name = name if style.unit_column else f"{name}, {unit}"
                first = area is not None and g_index == 0 and i_index == 0
                row = ([area.text if first else ""] if areas else [])
                row += [goal.text if i_index == 0 else "", shown_name]
                row += [unit] if style.unit_column else []
                row += [base_text, str(target)]
                row += [", ".join(goal.sdg) if i_index == 0 else ""] if style.sdg_column else []
                rows.append(row)
                _expect_indicator(plan, name if style.unit_column else shown_name, unit, goal.key, baseline, target)
    plan.add("table", rows=rows)
    for goal in plan.goal_set.goals:  # links the table does not show (unless the goal's own text names them)
        shown = next((g for g in plan.goals if g["key"] == goal.key), None)
        if shown and goal.sdg and not style.sdg_column and not re.match(r"^Mål \d+:", goal.text):
            shown["sdg"] = []
    _outro(plan, rng)


def labelled_prose(plan: Plan, rng: random.Random) -> None:
    """Goals in running prose with labels ("Effektmål 2: …"), areas as labelled headings,
    some goals broken across a page break."""
    _intro(plan, rng)
    style = plan.style
    children = children_of(plan.goal_set)
    plan.add("h", level=1, text="Mål och inriktning")
    plan.add("p", text=plan.filler(rng, 3))
    counter = [0]
    for a, top in enumerate(children.get(None, [])):
        if top.level == "area":
            number = _area_number(plan, a) or str(a + 1)
            plan.add("h", level=2, text=f"{style.area_term} {number}: {top.text}")
            plan.expect_goal(top, "area", style.area_term, None)
            plan.add("p", text=plan.filler(rng, rng.randrange(2, 5)))
            for goal in children.get(top.key, []):
                _labelled_goal(plan, rng, goal, top.key, children, counter)
        else:
            _labelled_goal(plan, rng, top, None, children, counter)
    _outro(plan, rng)


def _labelled_goal(plan, rng, goal, parent, children, counter) -> None:
    style = plan.style
    counter[0] += 1
    label = f"{style.goal_term} {counter[0]}:"
    if rng.random() < 0.3 and plan.fmt in {"pdf", "docx"}:
        words = goal.text.split()
        cut = max(1, len(words) // 2)
        plan.add("split", label=label, first=" ".join(words[:cut]), second=" ".join(words[cut:]))
    else:
        plan.add("p", label=label, text=goal.text)
    plan.expect_goal(goal, goal.level if goal.level != "area" else "overarching", style.goal_term, parent)
    plan.add("p", text=plan.filler(rng, rng.randrange(2, 4)))
    sentence = links_sentence(goal, rng)
    if sentence:
        plan.add("p", text=sentence)
    for s, sub in enumerate(children.get(goal.key, []), start=1):
        plan.add("p", label=f"{style.sub_term} {counter[0]}.{s}:", text=sub.text)
        plan.expect_goal(sub, "sub", style.sub_term, goal.key)


def two_column(plan: Plan, rng: random.Random) -> None:
    """Labelled goals and bullet lists on two-column pages."""
    plan.two_columns = True
    if rng.random() < 0.5:
        labelled_prose(plan, rng)
    else:
        bullets(plan, rng)


def bare_label(plan: Plan, rng: random.Random) -> None:
    """Headings "Effektmål 2" with the goal text in the paragraph below, each goal with an
    indicator table with actual values."""
    _intro(plan, rng)
    style = plan.style
    children = children_of(plan.goal_set)
    counter = 0
    for top in children.get(None, []):
        goals = [top]
        parent = None
        if top.level == "area":
            plan.add("h", level=1, text=f"{style.area_term}: {top.text}")
            plan.expect_goal(top, "area", style.area_term, None)
            plan.add("p", text=plan.filler(rng, 2))
            goals, parent = children.get(top.key, []), top.key
        for goal in goals:
            counter += 1
            plan.add("h", level=2, text=f"{style.goal_term} {counter}")
            plan.add("p", text=goal.text)
            plan.expect_goal(goal, goal.level if goal.level != "area" else "overarching", style.goal_term, parent)
            plan.add("p", text=plan.filler(rng, 2))
            plan.add("h", level=3, text="Indikatorer")
            rows = [["Indikator", "Utfall 2022", "Utfall 2023", "Målvärde 2026"]]
            for name, unit in _indicator_rows(plan, rng, goal):
                a, b, t = rng.randrange(10, 90), rng.randrange(10, 90), rng.randrange(10, 95)
                shown = f"{name}, {unit}" if unit and not name.endswith(unit) else name
                rows.append([shown, str(a), str(b), str(t)])
                _expect_indicator(plan, shown, unit, goal.key, None, t)
            plan.add("table", rows=rows)
    _outro(plan, rng)


def html_site(plan: Plan, rng: random.Random) -> None:
    """A municipal web page: site chrome around areas (h2) with goal lists and indicator tables."""
    if rng.random() < 0.5:
        bullets(plan, rng)
    else:
        bare_label(plan, rng)


LAYOUTS = {
    "numbered-headings": numbered_headings,
    "bullets": bullets,
    "goal-table": goal_table,
    "labelled-prose": labelled_prose,
    "two-column": two_column,
    "bare-label": bare_label,
    "web-page": html_site,
}
