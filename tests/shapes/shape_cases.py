"""Shape test cases: Turtle files under cases/<concern>/ that carry their expected findings.

Header lines (Turtle comments at the top of each case file):

    # expect: <focus> <path or -> <severity> <shape>     one line per expected finding
    # base: none                                           do not add cases/base.ttl (default: add it)
    # shape-set: organisation | catalog | reference        (default: organisation)

Terms are written as CURIEs with the project's prefixes (plus ``ssgsh:`` and ``o:`` for
``ssgid:org/0480/``); a path of alternatives is written ``rdfs:label|dcterms:description``.
The expectation is exact: the findings of base + case must be exactly the expected ones
(focus, path and severity, per shape, counted). Conforming fixtures: cases/base.ttl for the
organisation shapes, cases/<set>/conforming.ttl for the catalogue and reference shapes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ssgraph.namespaces import PREFIXES

CASES_DIR = Path(__file__).parent / "cases"
BASE_FILE = CASES_DIR / "base.ttl"
REFERENCE_DATE = dt.date(2025, 6, 1)
CURIES = {**PREFIXES, "ssgsh": "https://w3id.org/ssgraph/shapes#", "o": "https://w3id.org/ssgraph/id/org/0480/"}


def expand(term: str) -> str:
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    if "|" in term:
        return "|".join(expand(part) for part in term.split("|"))
    prefix, _, local = term.partition(":")
    if prefix in CURIES and not local.startswith("//"):
        return CURIES[prefix] + local
    return term


@dataclass
class Case:
    path: Path
    expected: list[tuple[str, str | None, str, str]] = field(default_factory=list)
    base: bool = True
    shape_set: str = "organisation"

    @property
    def id(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"


def read_case(path: Path) -> Case:
    case = Case(path)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, _, rest = line.lstrip("# ").partition(":")
        words = rest.split()
        if key == "expect":
            focus, path_term, severity, shape = words
            case.expected.append((expand(focus), None if path_term == "-" else expand(path_term), severity, expand(shape)))
        elif key == "base":
            case.base = words != ["none"]
        elif key == "shape-set":
            case.shape_set = words[0]
    return case


def all_cases() -> list[Case]:
    return [read_case(p) for p in sorted(CASES_DIR.glob("*/*.ttl"))]
