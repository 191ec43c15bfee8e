"""Document metadata from the front matter: title, kind, deciding body, date, § and diarienummer.

Swedish decisions are written in a handful of ways: "Antagen av kommunfullmäktige
2023-11-20, § 187", "Beslutad i regionfullmäktige den 26 november 2014 (§ 97)",
"Dnr KS 2023/0456", "Diarienummer: KS2016/1963-2", "Gäller från 2024-01-01".
"""

from __future__ import annotations

import re

from ssgraph.extracting.blocks import HEADING, PARAGRAPH, TABLE, Block, DocumentText, Place
from ssgraph.extracting.result import Metadata

FRONT_MATTER_BLOCKS = 60
_MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
     "november", "december"], start=1)}
_DATE = (r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}(?:[–-]\d{1,2})?\s+(?:" + "|".join(_MONTHS)
         + r")\s+\d{4})")
_BODY = (r"(?P<body>(?:kommun|region|landstings)?fullmäktige|kommunstyrelsen|regionstyrelsen|"
         r"[a-zåäö-]+nämnden|[a-zåäö-]+styrelsen|[a-zåäö-]+utskottet)")
_DECIDED = re.compile(
    r"(?:antag(?:en|et|na|s|it)|antogs|beslut(?:ad|at|ades|ats)?|fastställ(?:d|t|des|ts)|godkän(?:d|t|des))"
    rf"\b[^.\n]{{0,24}}?(?:\b(?:av|i|vid|från)\s+)?(?:{_BODY})?[^.\n]{{0,40}}?{_DATE}",
    re.IGNORECASE,
)
_BODY_ALONE = re.compile(rf"(?:antag\w*|beslut\w*|fastställ\w*)\s+(?:av|i)\s+{_BODY}", re.IGNORECASE)
_MINUTE = re.compile(r"§\s*(?P<minute>\d{1,4})")
_FILE_NUMBER = re.compile(
    r"(?:dnr|diarienummer|diarienr|dokumentnummer)\.?\s*:?\s*(?P<number>[A-ZÅÄÖ]{0,6}\s?\d{2,4}[/.-]\d{1,6}(?:[-.:/]\d+)*)",
    re.IGNORECASE,
)
_VALID_FROM = re.compile(rf"(?:gäller|giltig|gällande)\s+(?:fr\.?\s*o\.?\s*m\.?|från(?:\s+och\s+med)?)\s*:?\s*{_DATE}",
                         re.IGNORECASE)
_VALID_UNTIL = re.compile(rf"(?:gäller|giltig|gällande)\s+(?:t\.?\s*o\.?\s*m\.?|till(?:\s+och\s+med)?)\s*:?\s*{_DATE}",
                          re.IGNORECASE)
_VALIDITY = re.compile(
    r"(?:giltighetstid|gäller|giltig)\w*\s*:?\s*(?P<start>\d{4}-\d{2}-\d{2})\s*(?:–|-|—|till)\s*(?P<end>\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
_TYPES = (  # title words → model.DOCUMENT_TYPES slug; the first match wins
    (r"mål\s+och\s+budget|budget|mål-\s*och\s+resursplan|flerårsplan|verksamhetsplan\s+med\s+budget", "budget"),
    (r"program\b|programmet", "programme"),
    (r"strategi", "strategy"),
    (r"policy", "policy"),
    (r"riktlinje", "guideline"),
    (r"reglemente|regler\b", "rule"),
    (r"plan\b|planen|verksamhetsplan|handlingsplan", "plan"),
)


def iso_date(text: str) -> str | None:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    match = re.fullmatch(r"(\d{1,2})(?:[–-]\d{1,2})?\s+([a-zåäö]+)\s+(\d{4})", text, re.IGNORECASE)
    if match and match.group(2).casefold() in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).casefold()], int(match.group(3))
        if 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def body_type(name: str) -> str:
    name = name.casefold()
    if "fullmäktige" in name:
        return "council"
    if name in {"kommunstyrelsen", "regionstyrelsen"}:
        return "executive-board"
    if name.endswith("styrelsen"):
        return "company" if "bolag" in name else "executive-board"
    return "committee"


def document_type(title: str) -> str:
    for pattern, slug in _TYPES:
        if re.search(pattern, title, re.IGNORECASE):
            return slug
    return "plan"


def _front_texts(blocks: list[Block]) -> list[tuple[str, Place]]:
    texts = []
    for block in blocks[:FRONT_MATTER_BLOCKS]:
        if block.kind == TABLE:
            for r, row in enumerate(block.rows):
                texts.append((" ".join(row), block.cell_place(r, 0)))
        else:
            texts.append((block.text, block.place))
    return texts


def title_of(document: DocumentText) -> tuple[str | None, Place]:
    headings = [b for b in document.blocks[:FRONT_MATTER_BLOCKS] if b.kind == HEADING]
    if headings:
        top = min(b.rank for b in headings)
        first = next(b for b in headings if b.rank == top)
        return first.text, first.place
    if document.title and len(document.title) > 3:
        return document.title, Place(1 if document.pages else None, 1)
    first = next((b for b in document.blocks if b.kind == PARAGRAPH), None)
    return (first.text[:120], first.place) if first else (None, Place())


def read_metadata(document: DocumentText) -> Metadata:
    title, place = title_of(document)
    found = Metadata(place, 0.7 if title else 0.0, title=title)
    if title:
        found.document_type = document_type(title)
    for text, _place in _front_texts(document.blocks):
        _decision(text, found)
        if found.file_number is None and (match := _FILE_NUMBER.search(text)):
            found.file_number = re.sub(r"\s+", " ", match.group("number")).strip()
        if found.valid_from is None and (match := _VALIDITY.search(text)):
            found.valid_from, found.valid_until = match.group("start"), match.group("end")
        if found.valid_from is None and (match := _VALID_FROM.search(text)):
            found.valid_from = iso_date(match.group("date"))
        if found.valid_until is None and (match := _VALID_UNTIL.search(text)):
            found.valid_until = iso_date(match.group("date"))
    if found.decided_by and found.decision_date:
        found.confidence = 0.9
    return found


def _decision(text: str, found: Metadata) -> None:
    if found.decision_date is None:
        match = _DECIDED.search(text)
        if match:
            found.decision_date = iso_date(match.group("date"))
            if match.group("body"):
                found.decided_by = match.group("body").casefold()
            minute = _MINUTE.search(text[match.start():match.end() + 30])
            if minute and found.minute is None:
                found.minute = f"§ {minute.group('minute')}"
    if found.decided_by is None and (match := _BODY_ALONE.search(text)):
        found.decided_by = match.group("body").casefold()
    if found.decided_by:
        found.body_type = body_type(found.decided_by)
    if found.minute is None and found.decision_date and (minute := _MINUTE.search(text)):
        found.minute = f"§ {minute.group('minute')}"
