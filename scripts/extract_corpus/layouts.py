"""Kinds of layout a steering document sets its goals in, as format-independent plans.

A plan is a list of elements (title, front matter, headings, paragraphs, lists, tables,
page and column breaks). Each layout records the goals, indicators and links it puts in
the document, which become the document's expected extraction. The style (terms,
numbering, table shape, wording) is drawn from a seeded random generator, so fresh
variants of every layout can be made for held-out checks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from goalsets import GoalSet, SetGoal

AREA_TERMS = ["Målområde", "Fokusområde", "Strategiområde", "Utvecklingsområde", "Perspektiv"]
AREA_PLURALS = {"Målområde": "Målområden", "Fokusområde": "Fokusområden", "Strategiområde": "Strategiområden",
                "Utvecklingsområde": "Utvecklingsområden", "Perspektiv": "Perspektiv",
                "Prioriterat område": "Prioriterade områden"}
GOAL_TERMS = ["Inriktningsmål", "Effektmål", "Övergripande mål", "Utvecklingsmål", "Strategiskt mål"]
GOAL_PLURALS = {"Inriktningsmål": "Inriktningsmål", "Effektmål": "Effektmål", "Övergripande mål": "Övergripande mål",
                "Utvecklingsmål": "Utvecklingsmål", "Strategiskt mål": "Strategiska mål", "Nämndmål": "Nämndmål",
                "Prioriterat mål": "Prioriterade mål"}
SUB_TERMS = ["Delmål", "Etappmål", "Verksamhetsmål"]
FILLER = [
    "Kommunen arbetar systematiskt med att utveckla verksamheten och följa upp resultaten.",
    "Uppföljningen av målen sker i delårsrapporten och i årsredovisningen.",
    "Nämnderna bryter ned de övergripande målen i sina verksamhetsplaner.",
    "Dokumentet har tagits fram i dialog med förvaltningarna och de politiska partierna.",
    "Arbetet ska bidra till de globala målen i Agenda 2030 och till en hållbar utveckling.",
    "Resurserna fördelas utifrån befolkningsutvecklingen och de ekonomiska förutsättningarna.",
    "Samverkan med civilsamhället, näringslivet och andra myndigheter är en förutsättning för att lyckas.",
    "Styrmodellen bygger på tillit, dialog och en tydlig ansvarsfördelning mellan politik och förvaltning.",
    "Målen ska vara mätbara och följas upp med indikatorer som redovisas årligen.",
    "Den ekonomiska ramen för planperioden bygger på Sveriges Kommuners och Regioners prognoser.",
    "Invånarnas behov står i centrum när verksamheten planeras och genomförs.",
    "Under året har ett omfattande arbete gjorts med att se över styrdokumenten.",
    "Förvaltningen redovisar en analys av måluppfyllelsen i samband med bokslutet.",
    "Budgeten för investeringar prövas särskilt av kommunstyrelsen innan beslut fattas.",
]
INDICATOR_BANK = [
    ("Andel invånare som är nöjda med kommunens service", "%"),
    ("Nöjd medborgar-index, helhet", "index"),
    ("Andel elever med godkända betyg i alla ämnen, årskurs 9", "%"),
    ("Koldioxidutsläpp från kommunens verksamhet", "ton"),
    ("Antal nya bostäder", "antal"),
    ("Sjukfrånvaro bland medarbetarna", "%"),
    ("Andel förnybar energi i kommunens verksamheter", "%"),
    ("Väntetid till förskoleplats", "dagar"),
    ("Andel ekologiska livsmedel i kommunens verksamheter", "%"),
    ("Antal besök på biblioteken per invånare", "antal"),
]


@dataclass
class Style:
    font: str
    body: float
    leading: float
    area_term: str
    goal_term: str
    sub_term: str
    area_numbering: str  # "1", "A" or ""
    table_rules: str  # "grid", "rules" or "none"
    year_in_header: bool
    unit_column: bool
    sdg_column: bool
    toc: bool
    header: str
    footer: str
    decision_wording: int


def draw_style(rng: random.Random, goal_set: GoalSet) -> Style:
    terms = {g.level: g.term for g in goal_set.goals if g.term}
    area = _pick(terms.get("area"), AREA_TERMS, rng)
    goal = _pick(terms.get("overarching"), GOAL_TERMS, rng)
    levels = {g.level for g in goal_set.goals if g.level != "area"}
    if "committee" in levels and "overarching" not in levels:
        goal = "Nämndmål"
    title = f"{goal_set.org_name}"
    return Style(
        font=rng.choice(["Helvetica", "Times-Roman"]), body=rng.choice([9.5, 10, 10.5, 11]),
        leading=rng.choice([1.2, 1.3, 1.45]), area_term=area, goal_term=goal, sub_term=rng.choice(SUB_TERMS),
        area_numbering=rng.choice(["1", "A", ""]), table_rules=rng.choice(["grid", "rules", "none"]),
        year_in_header=rng.random() < 0.6, unit_column=rng.random() < 0.6, sdg_column=rng.random() < 0.5,
        toc=rng.random() < 0.7, header=title, footer=rng.choice(["Sida {page}", "{page}", "– {page} –",
                                                                  "Sida {page} av {pages}"]),
        decision_wording=rng.randrange(3),
    )


def _pick(term: str | None, choices: list[str], rng: random.Random) -> str:
    if term:
        for choice in choices:
            if term.casefold().startswith(choice.casefold()):
                return choice
    return rng.choice(choices)


@dataclass
class Plan:
    """The elements of one document and what a reader should find in it."""

    goal_set: GoalSet
    style: Style
    layout: str
    fmt: str
    elements: list[dict] = field(default_factory=list)
    goals: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    vision: str | None = None
    landscape: bool = False
    two_columns: bool = False

    def add(self, kind: str, **values) -> None:
        self.elements.append({"t": kind, **values})

    def expect_goal(self, goal: SetGoal, level: str, term: str, parent: str | None) -> None:
        """What the document conveys: areas, goals directly under an area or at the top
        (committee goals when labelled "Nämndmål"), and sub-goals under goals."""
        parent_level = next((g["level"] for g in self.goals if g["key"] == parent), None)
        if level != "area":
            if parent_level in (None, "area"):
                level = "committee" if term.casefold() == "nämndmål" else "overarching"
            else:
                level = "sub"
        self.goals.append({"key": goal.key, "text": goal.text, "level": level, "term": term.casefold(),
                           "parent": parent, "sdg": goal.sdg, "environmental": goal.environmental})

    def filler(self, rng: random.Random, sentences: int = 3) -> str:
        return " ".join(rng.sample(FILLER, sentences))


def children_of(goal_set: GoalSet) -> dict[str | None, list[SetGoal]]:
    children: dict[str | None, list[SetGoal]] = {}
    keys = {g.key for g in goal_set.goals}
    for goal in goal_set.goals:
        parent = goal.parent if goal.parent in keys else None
        children.setdefault(parent, []).append(goal)
    return children


def links_sentence(goal: SetGoal, rng: random.Random) -> str | None:
    parts = []
    if goal.sdg:
        numbers = _join(goal.sdg)
        parts.append(rng.choice([f"Målet bidrar till Agenda 2030 mål {numbers}.", f"Globala mål: {numbers}.",
                                 f"Målet bidrar till de globala målen {numbers}."]))
    if goal.environmental:
        parts.append(f"Målet bidrar till miljömål {_join([str(n) for n in goal.environmental])}.")
    return " ".join(parts) or None


def _join(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " och " + values[-1]


def front_matter(plan: Plan, rng: random.Random, year: int) -> None:
    goal_set = plan.goal_set
    region = goal_set.org_type.startswith("region") or len(goal_set.org_code.lstrip("0")) <= 2
    body = "regionfullmäktige" if region else "kommunfullmäktige"
    kind = rng.choice([f"Mål och budget {year}", f"Verksamhetsplan med budget {year}",
                       f"Program för hållbar utveckling {year}–{year + 3}", f"Strategisk plan {year}–{year + 2}"])
    month, day, minute = rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(10, 250)
    date = f"{year - 1}-{month:02d}-{day:02d}"
    file_number = f"{'RS' if region else 'KS'} {year - 1}/{rng.randrange(100, 2000)}"
    plan.metadata = {"title": kind, "decided_by": body, "decision_date": date, "minute": f"§ {minute}",
                     "file_number": file_number}
    plan.add("title", text=kind)
    plan.add("subtitle", text=goal_set.org_name)
    wording = [f"Antagen av {body} {date}, § {minute}", f"Beslutad av {body} {date} (§ {minute})",
               f"Fastställd av {body} den {date}, {'RF' if region else 'KF'} § {minute}"][plan.style.decision_wording]
    plan.add("front", lines=[wording, f"Dnr {file_number}", f"Gäller från {year}-01-01"])


def list_items(element: dict):
    """(depth, text, position among its siblings from 1, numbering style) of a list element's
    items; the renderers number and mark them each in their own format's way."""
    counters = {0: 0, 1: 0}
    for depth, text in element["items"]:
        counters[depth] += 1
        if depth == 0:
            counters[1] = 0
        numbered = element.get("numbered") if depth == 0 else element.get("sub_numbered")
        yield depth, text, counters[depth], numbered
