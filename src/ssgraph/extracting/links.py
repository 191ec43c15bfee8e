"""Links to the 2030 Agenda and the environmental quality objectives, as documents state them.

"Målet bidrar till Agenda 2030 mål 3 och 4", "Globala mål: 13", "(miljömål 1)",
"SDG 11.6", "de globala målen 3, 4 och 13". Only numbers the text states are taken; a
general "utgår från Agenda 2030" gives no link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUMBERS = r"(?P<numbers>\d{1,2}(?:\.(?:\d{1,2}|[a-c]))?(?:\s*(?:,|och|&|samt|/|\+)\s*\d{1,2}(?:\.(?:\d{1,2}|[a-c]))?)*)"
_SDG = re.compile(
    r"(?:agenda\s*2030(?::s)?|globala\s+(?:hållbarhets)?mål(?:en)?|fn:s\s+(?:globala\s+)?(?:hållbarhets)?mål(?:en)?"
    r"|sdgs?|sustainable development goals?)"
    r"\s*(?:[-–]?\s*(?:del)?mål(?:en)?)?\s*(?:nr\.?|nummer)?\s*:?\s*" + _NUMBERS + r"(?![\d.]*\d)",
    re.IGNORECASE,
)
_ENVIRONMENT = re.compile(
    r"(?:nationella\s+)?(?:miljökvalitetsmål(?:en|et)?|miljömål(?:en|et)?)\s*(?:nr\.?|nummer)?\s*:?\s*" + _NUMBERS,
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|och|&|samt|/|\+)\s*")


@dataclass
class Links:
    sdg: list[str] = field(default_factory=list)  # "3", "11.6"
    environmental: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.sdg or self.environmental)

    def add(self, other: Links) -> None:
        self.sdg += [code for code in other.sdg if code not in self.sdg]
        self.environmental += [n for n in other.environmental if n not in self.environmental]


def _codes(numbers: str) -> list[str]:
    return [part for part in _SPLIT.split(numbers.strip()) if part]


def links_in(text: str) -> Links:
    found = Links()
    for match in _SDG.finditer(text):
        for code in _codes(match.group("numbers")):
            goal = int(code.split(".")[0])
            if 1 <= goal <= 17 and code not in found.sdg:
                found.sdg.append(code)
    for match in _ENVIRONMENT.finditer(text):
        for code in _codes(match.group("numbers")):
            if code.isdigit() and 1 <= int(code) <= 16 and int(code) not in found.environmental:
                found.environmental.append(int(code))
    return found


def sdg_cell(text: str) -> list[str]:
    """A table cell under a column such as "Agenda 2030": bare numbers are SDG numbers."""
    codes = []
    for code in re.findall(r"\b\d{1,2}(?:\.(?:\d{1,2}|[a-c]))?\b", text):
        if 1 <= int(code.split(".")[0]) <= 17 and code not in codes:
            codes.append(code)
    return codes


def environmental_cell(text: str) -> list[int]:
    numbers = []
    for code in re.findall(r"\b\d{1,2}\b", text):
        if 1 <= int(code) <= 16 and int(code) not in numbers:
            numbers.append(int(code))
    return numbers


def is_link_statement(text: str) -> bool:
    """A short sentence whose point is the link itself ("Målet bidrar till Agenda 2030 mål 3.")."""
    return bool(links_in(text)) and len(text) < 220


def _fold(text: str) -> str:
    return re.sub(r"[^\wåäö]+", " ", text.casefold()).strip()


def sdg_named(number: str | None, text: str) -> list[str]:
    """"Mål 13: Bekämpa klimatförändringarna": a goal numbered and named as an SDG links to it."""
    if not number or not number.isdigit() or not 1 <= int(number) <= 17:
        return []
    from ssgraph.reference import preferred_label, sdg_iri

    title = preferred_label(sdg_iri(number), "sv")
    return [number] if title and _fold(text).startswith(_fold(title)) else []
