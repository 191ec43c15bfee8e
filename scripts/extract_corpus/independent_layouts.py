"""Layouts written apart from the extractor's rules, after how real steering documents look.

The first corpus (``layout_kinds``) was written together with the extractor. These layouts
were written afterwards, from the forms real Swedish budget documents, programmes and web
pages take, and use each organisation's own level words (``source_term`` of the real
data: "prioriterat mål", "strategisk inriktning", "utvecklingsområde" …):

- ``bold-headings``: Word documents typed without heading styles (bold paragraphs), goals
  as "Mål:" paragraphs, sub-goals as hand-typed "a)" lines, areas that have no goals of
  their own (a heading and prose only);
- ``merged-table``: a goal table with two header rows (a "Målvärde" cell over two years),
  the area cell merged down over its goals and each goal cell over its indicators;
- ``lettered-lists``: CAPITAL chapter headings, areas numbered I, II …, goals as numbered
  lists and sub-goals as a), b) …;
- ``running-text``: goals in running text, each a paragraph "Mål: …" (or the document's
  own term) among prose, with "Indikator: …" and "Koppling till Agenda 2030: …" lines;
- ``definition-list`` (HTML): a ``<dl>`` of areas (``<dt>``) and goals (``<dd>``), a
  sidebar of related pages;
- ``nested-list`` (HTML): areas as bold items of a list with the goals nested inside;
- ``brochure``: two-column pages, areas in capitals, goals as paragraphs numbered "1.2",
  a goal broken over the column break, "Sida x av y" footers.
"""

from __future__ import annotations

import random
import re

from goalsets import GoalSet, SetGoal
from layouts import FILLER, INDICATOR_BANK, Plan, Style, children_of

AREA_WORDS = ["Målområde", "Fokusområde", "Strategiområde", "Utvecklingsområde", "Prioriterat område"]
GOAL_WORDS = ["Inriktningsmål", "Effektmål", "Övergripande mål", "Prioriterat mål", "Kommunmål"]
MORE_FILLER = [
    "I detta avsnitt beskrivs hur kommunen styr mot visionen och vilka prioriteringar som gäller.",
    "Förvaltningarna ansvarar för att ta fram aktiviteter som bidrar till måluppfyllelsen.",
    "Den demografiska utvecklingen ställer krav på nya arbetssätt inom välfärden.",
    "Kommunen ska vara en attraktiv arbetsgivare med goda villkor för medarbetarna.",
    "Under planperioden genomförs en översyn av lokalförsörjningen.",
]


def own_term(goal_set: GoalSet, level: str, choices: list[str], rng: random.Random) -> str:
    """The organisation's own word for a level, cleaned of the collector's notes
    ("strategiområde 3" → "Strategiområde", "övergripande mål (RUS)" → "Övergripande mål")."""
    for goal in goal_set.goals:
        if goal.level == level and goal.term:
            term = re.split(r"\s*[(=:–']|\s+under\s", goal.term)[0]
            term = re.sub(r"\s+(?:\d+(?::\d+)?|[A-Z]\d*)$", "", term.strip())
            # an area word used for goals (Kumla: "fokusområde = nationellt miljömål") would make
            # the document say "area" where the expectation says "goal"
            area_word = level != "area" and "område" in term.casefold()
            if term and len(term.split()) <= 2 and term.casefold() not in {"mål"} and not area_word:
                return term[:1].upper() + term[1:]
    return rng.choice(choices)


def _filler(rng: random.Random, n: int) -> str:
    return " ".join(rng.sample(FILLER + MORE_FILLER, n))


def _plural(term: str) -> str:
    words = term.split()
    last = words[-1]
    if last.endswith("område"):
        words[-1] = last + "n"
    elif last.endswith("ing"):
        words[-1] = last + "ar"
    plurals = {"prioriterat": "prioriterade", "strategiskt": "strategiska"}
    if len(words) == 2 and words[0].casefold() in plurals:
        words[0] = words[0][0] + plurals[words[0].casefold()][1:]
    if len(words) == 2 and words[0].casefold() in {"prioriterad", "strategisk", "avgörande"}:
        words[0] = words[0] + ("e" if words[0].endswith("d") else "a") if words[0] != "avgörande" else words[0]
    return " ".join(words)


def _front(plan: Plan, rng: random.Random, body_words: bool = True) -> None:
    goal_set = plan.goal_set
    region = goal_set.org_type.startswith("region") or len(goal_set.org_code.lstrip("0")) <= 2
    year = goal_set.year or rng.choice([2016, 2019, 2020, 2022, 2024])
    body = "regionfullmäktige" if region else "kommunfullmäktige"
    title = rng.choice([f"Budget {year} med plan {year + 1}–{year + 2}", f"Verksamhetsplan {year}",
                        f"Flerårsplan {year}–{year + 3}", f"Mål och resursplan {year}"])
    date = f"{year - 1}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    minute, number = rng.randrange(5, 300), rng.randrange(10, 900)
    plan.metadata = {"title": title, "decided_by": body, "decision_date": date, "minute": f"§ {minute}",
                     "file_number": f"{'RS' if region else 'KS'} {year - 1}/{number}"}
    plan.add("title", text=title)
    plan.add("subtitle", text=goal_set.org_name)
    plan.add("front", lines=[f"Beslutad i {body} {date} § {minute}" if body_words else f"{body.capitalize()} {date}",
                             f"Diarienummer: {plan.metadata['file_number']}", "Dokumentansvarig: Ekonomichef"])


def _toc(plan: Plan, entries: list[str]) -> None:
    plan.add("toc", entries=entries)


def _vision(plan: Plan, bold: bool) -> None:
    if plan.goal_set.vision:
        plan.add("h", level=1, text="Vision", style="bold" if bold else None)
        plan.add("p", text=plan.goal_set.vision)
        plan.vision = plan.goal_set.vision


def _areas_and_rest(goal_set: GoalSet) -> tuple[dict, list[SetGoal], list[SetGoal]]:
    children = children_of(goal_set)
    tops = children.get(None, [])
    return children, [g for g in tops if g.level == "area"], [g for g in tops if g.level != "area"]


def _links(goal: SetGoal, rng: random.Random) -> str | None:
    parts = []
    if goal.sdg:
        parts.append(rng.choice(["Koppling till Agenda 2030: mål ", "Bidrar till globala målen "])
                     + ", ".join(goal.sdg) + ".")
    if goal.environmental:
        parts.append("Nationella miljömål: " + ", ".join(str(n) for n in goal.environmental) + ".")
    return " ".join(parts) or None


def _indicators(goal: SetGoal, rng: random.Random, count: int = 2) -> list[tuple[str, str]]:
    real = [(i["name"], i.get("unit") or "") for i in goal.indicators if i.get("name")]
    return real[:3] if real else rng.sample(INDICATOR_BANK, count)


def bold_headings(plan: Plan, rng: random.Random) -> None:
    _front(plan, rng)
    _toc(plan, ["Inledning", "Vision", "Mål", "Ekonomi"])
    plan.add("h", level=1, text="Inledning", style="bold")
    plan.add("p", text=_filler(rng, 4))
    _vision(plan, bold=True)
    children, areas, rest = _areas_and_rest(plan.goal_set)
    area_word = own_term(plan.goal_set, "area", AREA_WORDS, rng)
    goal_word = own_term(plan.goal_set, "overarching", GOAL_WORDS, rng)
    plan.add("h", level=1, text=f"{_plural(area_word)} och mål" if areas else _plural(goal_word), style="bold")
    plan.add("p", text=_filler(rng, 2))
    for area in areas:
        plan.add("h", level=2, text=area.text, style="bold")
        plan.expect_goal(area, "area", "", None)
        plan.add("p", text=_filler(rng, 2))
        _mal_paragraphs(plan, rng, children.get(area.key, []), area.key, children)
    if rest and areas:
        plan.add("h", level=2, text=_plural(goal_word), style="bold")
    _mal_paragraphs(plan, rng, rest, None, children)
    plan.add("h", level=1, text="Ekonomi", style="bold")
    plan.add("p", text=_filler(rng, 3))


def _mal_paragraphs(plan, rng, goals, parent, children) -> None:
    for goal in goals:
        label = "Mål:"
        if rng.random() < 0.25 and plan.fmt == "pdf":
            words = goal.text.split()
            cut = max(1, len(words) // 2)
            plan.add("split", label=label, first=" ".join(words[:cut]), second=" ".join(words[cut:]))
        else:
            plan.add("p", label=label, text=goal.text)
        plan.expect_goal(goal, "overarching", "mål", parent)
        subs = children.get(goal.key, [])
        if subs:
            plan.add("items", items=[(0, s.text) for s in subs], numbered="a")
            for sub in subs:
                plan.expect_goal(sub, "sub", "", goal.key)
        plan.add("p", text=_filler(rng, 1))


def merged_table(plan: Plan, rng: random.Random) -> None:
    plan.landscape = plan.fmt == "pdf"
    _front(plan, rng)
    plan.add("h", level=1, text="Inledning")
    plan.add("p", text=_filler(rng, 3))
    _vision(plan, bold=False)
    children, areas, rest = _areas_and_rest(plan.goal_set)
    area_word = own_term(plan.goal_set, "area", AREA_WORDS, rng)
    goal_word = own_term(plan.goal_set, "overarching", GOAL_WORDS, rng)
    if not rest and areas and all(g.level == "committee" for a in areas for g in children.get(a.key, [])):
        goal_word = "Nämndmål"
    plan.add("h", level=1, text="Mål, indikatorer och målvärden")
    plan.add("p", text=_filler(rng, 2))
    linked = any(g.sdg for g in plan.goal_set.goals)
    header1 = ([area_word] if areas else []) + [goal_word, "Indikator", "Målvärde", ""] + (["Agenda 2030"] if linked else [])
    header2 = ([""] if areas else []) + ["", "", "2025", "2027"] + ([""] if linked else [])
    rows, spans = [header1, header2], []
    offset = 1 if areas else 0
    for c in range(offset + 2):  # area, goal and indicator headers run down both header rows
        spans.append((0, c, 2, 1))
    spans.append((0, offset + 2, 1, 2))
    if linked:
        spans.append((0, offset + 4, 2, 1))
    # goals outside any area first: an empty area cell under an area reads as merged into it
    groups = ([(None, rest)] if rest else []) + [(a, children.get(a.key, [])) for a in areas]
    for area, goals in groups:
        _table_group(plan, rng, rows, spans, area, goals, bool(areas), linked, goal_word)
    plan.add("table", rows=rows, spans=spans, header_rows=2)
    if not linked:
        for goal in plan.goals:
            goal["sdg"] = [] if not re.match(r"^Mål \d+:", goal["text"]) else goal["sdg"]
    subs = [(g, s) for g in plan.goal_set.goals for s in children.get(g.key, []) if g.level != "area"]
    if subs:
        plan.add("h", level=2, text="Delmål")
        for goal, sub in subs:
            plan.add("p", label="Delmål:", text=sub.text)
            plan.expect_goal(sub, "sub", "delmål", goal.key)
    plan.add("h", level=1, text="Uppföljning")
    plan.add("p", text=_filler(rng, 3))


def _table_group(plan, rng, rows, spans, area, goals, with_areas: bool, linked: bool, goal_word: str) -> None:
    """The rows of one area: its cell merged down over its goals, each goal's over its indicators."""
    offset = 1 if with_areas else 0
    if area is not None:
        plan.expect_goal(area, "area", "", None)
    area_start = len(rows)
    for goal in goals:
        plan.expect_goal(goal, "committee" if goal_word == "Nämndmål" else "overarching", goal_word.casefold(),
                         area.key if area else None)
        indicators = _indicators(goal, rng, rng.randrange(1, 3))
        goal_start = len(rows)
        for i, (name, unit) in enumerate(indicators):
            shown = f"{name} ({unit})" if unit and unit not in name else name
            row = ([area.text if area is not None and len(rows) == area_start else ""] if with_areas else [])
            row += [goal.text if i == 0 else "", shown, str(rng.randrange(10, 95)), str(rng.randrange(10, 95))]
            row += [", ".join(goal.sdg) if i == 0 else ""] if linked else []
            rows.append(row)
            plan.indicators.append({"name": shown, "goal": goal.key, "unit": unit or None})
        if len(indicators) > 1:
            spans.append((goal_start, offset, len(indicators), 1))
            if linked:
                spans.append((goal_start, offset + 4, len(indicators), 1))
    if area is not None and len(rows) - area_start > 1:
        spans.append((area_start, 0, len(rows) - area_start, 1))
    if area is not None and not goals:
        rows.append([area.text, "", "", "", ""] + ([""] if linked else []))


def lettered_lists(plan: Plan, rng: random.Random) -> None:
    _front(plan, rng, body_words=False)
    _toc(plan, ["INLEDNING", "VISION OCH MÅL", "EKONOMISKA RAMAR"])
    plan.add("h", level=1, text="KAPITEL 1. INLEDNING")
    plan.add("p", text=_filler(rng, 4))
    _vision(plan, bold=False)
    children, areas, rest = _areas_and_rest(plan.goal_set)
    goal_word = own_term(plan.goal_set, "overarching", GOAL_WORDS, rng)
    plan.add("h", level=1, text="KAPITEL 2. VISION OCH MÅL")
    plan.add("p", text=_filler(rng, 2))
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    for a, area in enumerate(areas):
        plan.add("h", level=2, text=f"{roman[a]}. {area.text}")
        plan.expect_goal(area, "area", "", None)
        plan.add("p", text=_filler(rng, 2))
        goals = children.get(area.key, [])
        if goals:
            plan.add("p", text=f"{_plural(goal_word)} för området:")
            _lettered(plan, goals, area.key, children, goal_word)
    if rest:
        plan.add("h", level=2, text=f"{roman[len(areas)]}. {_plural(goal_word)}" if areas else _plural(goal_word))
        plan.add("p", text=f"Fullmäktige har fastställt följande {_plural(goal_word).casefold()}:")
        _lettered(plan, rest, None, children, goal_word)
    plan.add("h", level=1, text="KAPITEL 3. EKONOMISKA RAMAR")
    plan.add("p", text=_filler(rng, 3))


def _lettered(plan, goals, parent, children, goal_word) -> None:
    items = []
    for goal in goals:
        items.append((0, goal.text))
        plan.expect_goal(goal, "overarching", goal_word.casefold(), parent)
        for sub in children.get(goal.key, []):
            items.append((1, sub.text))
            plan.expect_goal(sub, "sub", "", goal.key)
    plan.add("items", items=items, numbered="a" if parent is None else True, sub_numbered="a")


def running_text(plan: Plan, rng: random.Random) -> None:
    _front(plan, rng)
    plan.add("h", level=1, text="Inledning")
    plan.add("p", text=_filler(rng, 4))
    _vision(plan, bold=False)
    children, areas, rest = _areas_and_rest(plan.goal_set)
    goal_word = own_term(plan.goal_set, "overarching", GOAL_WORDS + ["Mål"], rng)
    label = rng.choice([f"{goal_word}:", "Mål:"])
    plan.add("h", level=1, text="Kommunens styrning" if not plan.goal_set.org_type.startswith("region")
             else "Regionens styrning")
    plan.add("p", text=_filler(rng, 3))
    for area in areas:
        plan.add("h", level=2, text=area.text)
        plan.expect_goal(area, "area", "", None)
        _prose_goals(plan, rng, children.get(area.key, []), area.key, children, label)
    if rest:
        if areas:
            plan.add("h", level=2, text="Övriga mål")
        _prose_goals(plan, rng, rest, None, children, label)
    plan.add("h", level=1, text="Ekonomiska förutsättningar")
    plan.add("p", text=_filler(rng, 3))


def _prose_goals(plan, rng, goals, parent, children, label) -> None:
    for goal in goals:
        plan.add("p", text=_filler(rng, rng.randrange(1, 3)))
        plan.add("p", label=label, text=goal.text)
        plan.expect_goal(goal, "overarching", label.rstrip(":").casefold(), parent)
        links = _links(goal, rng)
        if links:
            plan.add("p", text=links)
        else:
            plan.goals[-1]["sdg"], plan.goals[-1]["environmental"] = [], []
        for name, unit in _indicators(goal, rng, 1):
            plan.add("p", text=f"Indikator: {name}" + (f" ({unit})" if unit and unit not in name else ""))
        for sub in children.get(goal.key, []):
            plan.add("p", label="Delmål:", text=sub.text)
            plan.expect_goal(sub, "sub", "delmål", goal.key)


def definition_list(plan: Plan, rng: random.Random) -> None:
    _front(plan, rng)
    plan.add("aside", lines=["Budget och ekonomi", "Protokoll och handlingar", "Politisk organisation"])
    plan.add("p", text=_filler(rng, 2))
    _vision(plan, bold=False)
    children, areas, rest = _areas_and_rest(plan.goal_set)
    goal_word = own_term(plan.goal_set, "overarching", GOAL_WORDS, rng)
    plan.add("h", level=1, text=f"Så styr vi – {_plural(goal_word).casefold()}")
    entries = []
    for area in areas:
        goals = children.get(area.key, [])
        entries.append((area.text, [g.text for g in goals]))
        plan.expect_goal(area, "area", "", None)
        for goal in goals:
            plan.expect_goal(goal, "overarching", "", area.key)
    for number, goal in enumerate(rest, start=1):
        entries.append((f"{goal_word} {number}", [goal.text]))
        plan.expect_goal(goal, "overarching", goal_word.casefold(), None)
    plan.add("dl", entries=entries)
    subs = [(g, s) for g in plan.goal_set.goals if g.level != "area" for s in children.get(g.key, [])]
    for goal, sub in subs:
        plan.add("p", label="Delmål:", text=sub.text)
        plan.expect_goal(sub, "sub", "delmål", goal.key)
    plan.add("p", text="Sidan granskades senast 2024-03-01.")


def nested_list(plan: Plan, rng: random.Random) -> None:
    _front(plan, rng)
    plan.add("p", text=_filler(rng, 2))
    _vision(plan, bold=False)
    children, areas, rest = _areas_and_rest(plan.goal_set)
    area_word = own_term(plan.goal_set, "area", AREA_WORDS, rng)
    goal_word = own_term(plan.goal_set, "overarching", GOAL_WORDS, rng)
    items = []
    if areas:
        plan.add("h", level=1, text=f"{_plural(area_word)} och {_plural(goal_word).casefold()}")
        for area in areas:
            items.append((0, area.text))
            plan.expect_goal(area, "area", "", None)
            for goal in children.get(area.key, []):
                items.append((1, goal.text))
                plan.expect_goal(goal, "overarching", "", area.key)
        plan.add("items", items=items, strong_top=True)
    if rest:
        plan.add("h", level=1, text=_plural(goal_word))
        plan.add("items", items=[(0, g.text) for g in rest], numbered=True)
        for goal in rest:
            plan.expect_goal(goal, "overarching", goal_word.casefold(), None)
    plan.add("aside", lines=["Vision 2030", "Årsredovisning", "Kontakta oss"])


def brochure(plan: Plan, rng: random.Random) -> None:
    plan.two_columns = True
    _front(plan, rng)
    _toc(plan, ["Inledning", "Mål", "Uppföljning"])
    plan.add("h", level=1, text="INLEDNING")
    plan.add("p", text=_filler(rng, 5))
    _vision(plan, bold=False)
    children, areas, rest = _areas_and_rest(plan.goal_set)
    goal_word = own_term(plan.goal_set, "overarching", GOAL_WORDS, rng)
    plan.add("h", level=1, text=_plural(goal_word).upper())
    plan.add("p", text=_filler(rng, 4))
    groups = [(a, children.get(a.key, [])) for a in areas] + ([(None, rest)] if rest else [])
    split_done = False
    for a, (area, goals) in enumerate(groups, start=1):
        if area is not None:
            plan.add("h", level=2, text=area.text.upper())
            plan.expect_goal(area, "area", "", None)
            plan.add("p", text=_filler(rng, 3))
        for g, goal in enumerate(goals, start=1):
            text = f"{a}.{g} {goal.text}"
            words = text.split()
            if not split_done and len(words) > 6:
                cut = len(words) // 2
                plan.add("split", first=" ".join(words[:cut]), second=" ".join(words[cut:]), **{"break": "column"})
                split_done = True
            else:
                plan.add("p", text=text)
            plan.expect_goal(goal, "overarching", "", area.key if area is not None else None)
            plan.add("p", text=_filler(rng, 2))
    plan.add("h", level=1, text="UPPFÖLJNING")
    plan.add("p", text=_filler(rng, 4))


LAYOUTS = {
    "bold-headings": bold_headings,
    "merged-table": merged_table,
    "lettered-lists": lettered_lists,
    "running-text": running_text,
    "definition-list": definition_list,
    "nested-list": nested_list,
    "brochure": brochure,
}
# (layout, format, goal set): every organisation at least once, every layout at least twice
DOCUMENTS = (
    ("bold-headings", "docx", "1270-tomelilla/A_overgripande_mal"),
    ("bold-headings", "pdf", "18-region-orebro-lan/B_RUS_2022_2030"),
    ("bold-headings", "docx", "1489-alingsas/A_prioriterade_mal_2016_2018"),
    ("bold-headings", "pdf", "18-region-orebro-lan/H_VP2015_fullmaktiges_mal"),
    ("merged-table", "docx", "1484-lysekil/A_budget2022"),
    ("merged-table", "pdf", "1415-stenungsund/B_2019_2020"),
    ("merged-table", "html", "0182-nacka/A_kommunstyrelsen_verksamhetsresultat"),
    ("lettered-lists", "pdf", "18-region-orebro-lan/A_RUS_2018_2030"),
    ("lettered-lists", "docx", "1415-stenungsund/A_2016_2017"),
    ("lettered-lists", "pdf", "2132-nordanstig/A_kf_mal_2020_2023"),
    ("running-text", "pdf", "1881-kumla/A_miljoprogram_2012_2016"),
    ("running-text", "html", "1415-stenungsund/D_2022_agenda2030"),
    ("running-text", "docx", "18-region-orebro-lan/C_VP2020_effektmal"),
    ("definition-list", "html", "1270-tomelilla/A_overgripande_mal"),
    ("definition-list", "html", "0180-stockholm/A_inriktningsmal_2021"),
    ("nested-list", "html", "1482-kungalv/A_social_oversiktsplan_mal"),
    ("nested-list", "html", "1484-lysekil/A_budget2022"),
    ("brochure", "pdf", "1489-alingsas/A_prioriterade_mal_2016_2018"),
    ("brochure", "pdf", "1482-kungalv/B_inriktning_2017_2019"),
    ("brochure", "pdf", "1415-stenungsund/C_2021"),
)
# never looked at while the extractor was tuned on this corpus
HELD_OUT_ORGANISATIONS = ("0180", "1270", "1489", "2132")
HELD_OUT_LAYOUTS = ("definition-list", "brochure")


def draw_style(rng: random.Random, goal_set: GoalSet) -> Style:
    return Style(font=rng.choice(["Helvetica", "Times-Roman"]), body=rng.choice([9, 10, 11]),
                 leading=rng.choice([1.15, 1.3, 1.5]), area_term="", goal_term="", sub_term="Delmål",
                 area_numbering="", table_rules=rng.choice(["grid", "rules", "none"]), year_in_header=True,
                 unit_column=False, sdg_column=False, toc=True, header=goal_set.org_name,
                 footer=rng.choice(["Sida {page} av {pages}", "{page}", "{page} ({pages})"]), decision_wording=0)
