"""Goal and indicator tables: which column holds what, and the rows read into goals and indicators.

A header row names the columns ("Mål", "Effektmål", "Indikator", "Nyckeltal", "Enhet",
"Utgångsvärde 2019", "Målvärde 2026", "Utfall 2023", "Agenda 2030" …). Tables that name no
goal or indicator column (budget tables, time plans) are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ssgraph.extracting import terms

GOAL, AREA_COLUMN, INDICATOR, UNIT, BASELINE, TARGET, ACTUAL, DIRECTION, SDG, ENVIRONMENT = (
    "goal", "area", "indicator", "unit", "baseline", "target", "actual", "direction", "sdg", "environment")

_ROLES: tuple[tuple[str, str], ...] = (
    (r"indikator|nyckeltal|mått\b|mätetal|mätning|resultatmått|kpi\b|indicator", INDICATOR),
    (r"målvärde|målnivå|målsättning|önskat\s+läge|^mål\s*(?:år\s*)?\d{4}|^målet\s+\d{4}|target", TARGET),
    (r"utgångsvärde|utgångsläge|basvärde|baslinje|basår|nuläge|startvärde|ingångsvärde|baseline", BASELINE),
    (r"utfall|resultat|^värde|actual", ACTUAL),
    (r"^enhet|unit", UNIT),
    (r"(?<![\wåäö])riktning|önskad\s+utveckling|trend|direction", DIRECTION),  # not "inriktning"
    (r"agenda\s*2030|globala\s+mål|sdg|fn:s", SDG),
    (r"miljömål|miljökvalitetsmål", ENVIRONMENT),
)
_NUMBER = re.compile(r"[-−]?\d[\d\s\u00a0]*(?:[.,]\d+)?")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_UNITS = ("%", "procent", "kr", "tkr", "mnkr", "st", "antal", "ton", "kg", "kwh", "mwh", "gwh", "dagar", "år",
          "minuter", "timmar", "poäng", "index", "km", "m2", "m²", "ha")
_INCREASE = re.compile(r"\b(öka\w*|högre|fler|förbättra\w*|höj\w*|stärk\w*)\b|↑|≥|>", re.IGNORECASE)
_DECREASE = re.compile(r"\b(minska\w*|lägre|färre|sänk\w*|halvera\w*)\b|↓|≤|<", re.IGNORECASE)
_MAINTAIN = re.compile(r"\b(bibehåll\w*|behåll\w*|oförändr\w*|ligga kvar|minst samma)\b|→", re.IGNORECASE)


@dataclass
class Columns:
    """Column index per role; goal and area columns with the goal term their header names."""

    roles: dict[str, list[int]] = field(default_factory=dict)
    goal_level: str = terms.GENERIC
    goal_term: str = ""
    years: dict[int, int | None] = field(default_factory=dict)  # column → year named in its header

    def first(self, role: str) -> int | None:
        found = self.roles.get(role)
        return found[0] if found else None

    @property
    def useful(self) -> bool:
        return GOAL in self.roles or INDICATOR in self.roles


def _goal_header(text: str) -> tuple[str, str] | None:
    """(term, level) when a header names a goal column ("Mål", "Effektmål", "Målområde" …)."""
    folded = text.casefold().strip().rstrip(":")
    if re.search(r"målvärde|målnivå|målår|målsättning\s+\d|mål\s*\d{4}", folded):
        return None
    mentioned = terms.mentioned_level(folded)
    if mentioned is None:
        return None
    # the header must be about the goal itself, not e.g. "Kopplat till mål"
    if len(folded.split()) > 4:
        return None
    return mentioned


def classify(header: list[str]) -> Columns:
    columns = Columns()
    for index, cell in enumerate(header):
        text = cell.strip()
        if not text:
            continue
        goal = _goal_header(text)
        role = None
        if goal is not None:
            term, level = goal
            role = AREA_COLUMN if level == terms.AREA else GOAL
            if role == GOAL and GOAL not in columns.roles:
                columns.goal_level, columns.goal_term = level, term if level != terms.GENERIC else ""
        else:
            for pattern, candidate in _ROLES:
                if re.search(pattern, text, re.IGNORECASE):
                    role = candidate
                    break
        if role is None:
            continue
        columns.roles.setdefault(role, []).append(index)
        year = _YEAR.search(text)
        columns.years[index] = int(year.group(1)) if year else None
    return columns


def years_below(columns: Columns, header: list[str], row: list[str]) -> bool:
    """A second header row of years under a merged header cell ("Målvärde" over "2025 | 2027"):
    each year column takes the role of the header cell it stands under. True if it was one."""
    cells = [cell.strip() for cell in row]
    if not any(cells) or not all(not cell or re.fullmatch(r"(?:19[5-9]\d|20\d\d)", cell) for cell in cells):
        return False
    for index, cell in enumerate(cells):
        if not cell:
            continue
        owner = next((i for i in range(index, -1, -1) if i < len(header) and header[i].strip()), None)
        role = next((r for r, indexes in columns.roles.items() if owner in indexes), None)
        if role is None:
            continue
        if index not in columns.roles[role]:
            columns.roles[role].append(index)
        columns.years[index] = int(cell)
    return True


def header_row(rows: list[list[str]]) -> int | None:
    """The index of the row that names the columns (one of the first three rows)."""
    for index, row in enumerate(rows[:3]):
        if classify(row).useful:
            return index
    return None


def number_of(text: str) -> str | None:
    match = _NUMBER.search(text.replace("−", "-"))
    if not match:
        return None
    digits = re.sub(r"[\s\u00a0]", "", match.group(0))
    return digits if re.search(r"\d", digits) else None


def value_and_year(text: str, header_year: int | None) -> tuple[str | None, int | None]:
    """"45 % (2019)" → ("45", 2019); a lone year is no value."""
    year_match = re.search(r"\((19[5-9]\d|20\d\d)\)|\b(?:år|till|år)\s+(19[5-9]\d|20\d\d)\b", text)
    year = int(next(g for g in year_match.groups() if g)) if year_match else header_year
    stripped = text
    if year_match:
        stripped = text[:year_match.start()] + text[year_match.end():]
    if re.fullmatch(r"\s*(19[5-9]\d|20\d\d)\s*", stripped):
        return None, year or int(stripped)
    return number_of(stripped), year


def unit_of(texts: list[str]) -> str | None:
    for text in texts:
        match = re.search(r"\d\s*(%|procent|kr|tkr|mnkr|st\b|ton\b|kg\b|kwh|mwh|gwh|dagar\b|km\b|m2|m²|ha\b)",
                          text, re.IGNORECASE)
        if match:
            return "%" if match.group(1).casefold() in {"%", "procent"} else match.group(1)
    return None


def unit_in_name(name: str) -> str | None:
    """"Andel förnybar energi, %" or "Utsläpp (ton CO2e)": a unit written after the name."""
    match = re.search(r"(?:,|\()\s*([^,()]{1,14})\)?\s*$", name)
    if match and match.group(1).strip().casefold().split(" ")[0] in _UNITS:
        return match.group(1).strip()
    if re.search(r"\bandel(en)?\b", name, re.IGNORECASE):
        return "%"
    if re.search(r"\bantal(et)?\b", name, re.IGNORECASE):
        return "antal"
    return None


def direction_of(texts: list[str], baseline: str | None, target: str | None) -> tuple[str | None, bool]:
    """(direction, stated) from words or arrows, else from baseline and target values."""
    joined = " ".join(texts)
    for pattern, direction in ((_DECREASE, "decrease"), (_INCREASE, "increase"), (_MAINTAIN, "maintain")):
        if pattern.search(joined):
            return direction, True
    if baseline is not None and target is not None:
        try:
            a, b = float(baseline.replace(",", ".")), float(target.replace(",", "."))
        except ValueError:
            return None, False
        return ("increase" if b > a else "decrease" if b < a else "maintain"), False
    return None, False
