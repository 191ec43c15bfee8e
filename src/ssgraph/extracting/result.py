"""What extraction found in one document: metadata, vision, goals and indicators, each located."""

from __future__ import annotations

from dataclasses import dataclass, field

from ssgraph.extracting.blocks import Place
from ssgraph.extracting.links import Links


@dataclass
class Found:
    """Something read at a place, with how sure the reading is (0–1)."""

    place: Place
    confidence: float


@dataclass
class Goal(Found):
    text: str = ""
    level: str = ""  # a level of terms.LEVELS
    term: str = ""  # the document's own word ("effektmål"), "" when none was stated
    parent: Goal | None = None
    number: str = ""  # the document's numbering ("2.1"), if any
    description: str | None = None
    links: Links = field(default_factory=Links)

    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth() + 1


@dataclass
class Value:
    year: int | None
    value: str | None  # the number as written ("45,5"); None when only words were given


@dataclass
class Indicator(Found):
    name: str = ""
    goal: Goal | None = None
    unit: str | None = None
    direction: str | None = None  # "increase", "decrease", "maintain"
    baseline: Value | None = None
    target: Value | None = None
    actuals: list[Value] = field(default_factory=list)
    links: Links = field(default_factory=Links)


@dataclass
class Statement(Found):
    """The vision or the value base."""

    kind: str = "vision"  # "vision" or "value-base"
    text: str = ""


@dataclass
class Metadata(Found):
    title: str | None = None
    document_type: str | None = None  # a slug of model.DOCUMENT_TYPES
    decided_by: str | None = None  # the body's name as written ("kommunfullmäktige")
    body_type: str | None = None  # a slug of model.BODY_TYPES
    decision_date: str | None = None  # YYYY-MM-DD
    minute: str | None = None  # "§ 123"
    file_number: str | None = None  # diarienummer
    valid_from: str | None = None
    valid_until: str | None = None


@dataclass
class Extraction:
    file: str
    format: str
    pages: int | None
    metadata: Metadata
    statements: list[Statement] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    seconds: float = 0.0
