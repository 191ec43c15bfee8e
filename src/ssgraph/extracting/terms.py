"""The words Swedish steering documents use for their goal levels, and how to find them.

Each term maps to one of four levels of the extraction, ordered from the top:
``area`` (a heading-only goal area: målområde, fokusområde, …), ``overarching``
(inriktningsmål, effektmål, kommunfullmäktiges mål, …), ``committee`` (nämndmål, …) and
``sub`` (delmål, etappmål, verksamhetsmål, …). The plain word "mål" has no level of its own:
it sits one level below the goal it is written under.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AREA, OVERARCHING, COMMITTEE, SUB = "area", "overarching", "committee", "sub"
LEVELS = (AREA, OVERARCHING, COMMITTEE, SUB)
GENERIC = "generic"  # "mål": relative to its context

_NOUN_ENDINGS = r"(?:et|en|na|n|t|er|erna)?"
# (pattern, level); the patterns are matched case-insensitively on whole words
_TERMS: tuple[tuple[str, str], ...] = (
    (r"mål-?\s?områden?" + _NOUN_ENDINGS, AREA),
    (r"fokusområden?" + _NOUN_ENDINGS, AREA),
    (r"strategi-?\s?områden?" + _NOUN_ENDINGS, AREA),
    (r"strategiska\s+områden?" + _NOUN_ENDINGS, AREA),
    (r"insatsområden?" + _NOUN_ENDINGS, AREA),
    (r"utvecklingsområden?" + _NOUN_ENDINGS, AREA),
    (r"prioritera(?:t|de)\s+områden?" + _NOUN_ENDINGS, AREA),
    (r"hållbarhetsdimension" + _NOUN_ENDINGS, AREA),
    (r"perspektiv" + _NOUN_ENDINGS, AREA),
    (r"temaområden?" + _NOUN_ENDINGS, AREA),
    (r"inriktningsmål" + _NOUN_ENDINGS, OVERARCHING),
    (r"effektmål" + _NOUN_ENDINGS, OVERARCHING),
    (r"övergripande\s+mål" + _NOUN_ENDINGS, OVERARCHING),
    (r"(?:kommun|region|landstings)?fullmäktiges\s+mål" + _NOUN_ENDINGS, OVERARCHING),
    (r"fullmäktigemål" + _NOUN_ENDINGS, OVERARCHING),
    (r"(?:kf|rf)-?mål" + _NOUN_ENDINGS, OVERARCHING),
    (r"strategisk(?:t|a)?\s+mål" + _NOUN_ENDINGS, OVERARCHING),
    (r"långsiktig(?:t|a)?\s+mål" + _NOUN_ENDINGS, OVERARCHING),
    (r"prioritera(?:t|de)\s+mål" + _NOUN_ENDINGS, OVERARCHING),
    (r"utvecklingsmål" + _NOUN_ENDINGS, OVERARCHING),
    (r"kommunmål" + _NOUN_ENDINGS, OVERARCHING),
    (r"hållbarhetsmål" + _NOUN_ENDINGS, OVERARCHING),
    (r"övergripande\s+inriktningar?", OVERARCHING),
    (r"nämndmål" + _NOUN_ENDINGS, COMMITTEE),
    (r"nämndens\s+mål" + _NOUN_ENDINGS, COMMITTEE),
    (r"styrelsens\s+mål" + _NOUN_ENDINGS, COMMITTEE),
    (r"förvaltningsmål" + _NOUN_ENDINGS, COMMITTEE),
    (r"bolagsmål" + _NOUN_ENDINGS, COMMITTEE),
    (r"delmål" + _NOUN_ENDINGS, SUB),
    (r"etappmål" + _NOUN_ENDINGS, SUB),
    (r"verksamhetsmål" + _NOUN_ENDINGS, SUB),
    (r"resultatmål" + _NOUN_ENDINGS, SUB),
    (r"aktivitetsmål" + _NOUN_ENDINGS, SUB),
    (r"mål" + _NOUN_ENDINGS, GENERIC),
)
_TERM_ALTERNATIVES = "|".join(f"(?:{pattern})" for pattern, _ in _TERMS)
_COMPILED = [(re.compile(rf"^(?:{pattern})$", re.IGNORECASE), level) for pattern, level in _TERMS]

_OWNER = r"(?:(?:vårt|vår|våra|kommunens|regionens|nämndens|styrelsens|det|de)\s+)?"
_NUMBER = r"(?:nr\.?\s*)?(?P<number>\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?|[A-Z](?:\d{1,2}(?:\.\d{1,2})?)?|[IVX]{1,4})"
# "Effektmål 2: text", "Målområde A – text", "Delmål 1.2. text", "Fokusområde: text"
_LABEL = re.compile(
    rf"^{_OWNER}(?P<term>{_TERM_ALTERNATIVES})(?:\s+{_NUMBER})?\s*(?:[:–—]|\s-|\.(?=\s))\s*(?P<text>\S.*)$",
    re.IGNORECASE,
)
# a heading "Målområde 1 Livsmiljö" (number, then the text, without punctuation)
_HEADING_LABEL = re.compile(
    rf"^{_OWNER}(?P<term>{_TERM_ALTERNATIVES})\s+{_NUMBER}\s+(?P<text>[^\d\s].*)$", re.IGNORECASE
)
# "Effektmål 2" alone: the goal text follows in the next block
_BARE_LABEL = re.compile(rf"^{_OWNER}(?P<term>{_TERM_ALTERNATIVES})(?:\s+{_NUMBER}\s*[:.]?|\s*:)$", re.IGNORECASE)
_MENTION = re.compile(rf"(?<![\wåäö])(?P<term>{_TERM_ALTERNATIVES})(?![\wåäö])", re.IGNORECASE)

# headings and lead-ins of parts that hold no goals: always (indicators, activities …), and
# words that name no goals unless a goal-area context says otherwise ("Ekonomi" as a perspective)
_PREFIX = r"^\W*(?:[\dA-Z][\d.]*\s+)?(?:(?:våra|vår|vårt|nämndens|kommunens|regionens)\s+)?"
_NEVER_GOALS = re.compile(
    _PREFIX + r"(indikator\w*|nyckeltal\w*|mätetal|mått|uppföljning\w*|bakgrund|inledning|förord|"
    r"sammanfattning|driftbudget|budget\w*|investering\w*|aktivitet\w*|åtgärd\w*|så når vi|analys\w*|bilaga\w*|"
    r"läsanvisning|om dokumentet|innehåll\w*|ordlista|begrepp|tidplan|målvärde\w*|definition\w*|"
    r"handlingsplan\w*)\b",
    re.IGNORECASE,
)
_USUALLY_NO_GOALS = re.compile(
    _PREFIX + r"(ekonomi\w*|beslut\w*|arbetssätt|uppdrag\w*|strategier|resultat\w*|ansvar\w*|styrmodell\w*|"
    r"process\w*|organisation\w*|förutsättning\w*|omvärld\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Label:
    term: str  # as written, lower case ("effektmål")
    level: str  # a level of LEVELS or GENERIC
    number: str | None
    text: str | None  # the goal's text when it follows the label


def level_of_term(term: str) -> str:
    words = re.sub(r"\s+", " ", term.strip()).casefold()
    for pattern, level in _COMPILED:
        if pattern.match(words):
            return level
    return GENERIC


def _label(match: re.Match, with_text: bool) -> Label:
    term = re.sub(r"\s+", " ", match.group("term")).casefold()
    text = match.group("text").strip() if with_text else None
    return Label(term, level_of_term(term), match.groupdict().get("number"), text)


def label_of(text: str, heading: bool = False) -> Label | None:
    """A goal label at the start of a block, with or without its text."""
    match = _LABEL.match(text)
    if match and not _is_sentence_on_term(match):
        return _label(match, True)
    if heading:
        match = _HEADING_LABEL.match(text)
        if match:
            return _label(match, True)
    match = _BARE_LABEL.match(text)
    if match:
        return _label(match, False)
    return None


def _is_sentence_on_term(match: re.Match) -> bool:
    """"Målet är att …" or "Mål. Text" without a number is prose, not a label."""
    term = match.group("term").casefold()
    return level_of_term(term) == GENERIC and not match.group("number") and term != "mål"


def mentioned_level(text: str) -> tuple[str, str] | None:
    """(term, level) of the most specific goal term a heading or lead-in names, if any."""
    found = [(m.group("term"), level_of_term(m.group("term"))) for m in _MENTION.finditer(text)]
    specific = [(t.casefold(), lv) for t, lv in found if lv != GENERIC]
    if specific:
        return specific[-1]
    return (found[-1][0].casefold(), GENERIC) if found else None


def area_term_besides(text: str) -> str:
    """The area term a heading names besides a goal term ("Fokusområden och mål"), or ""."""
    found = [m.group("term").casefold() for m in _MENTION.finditer(text)]
    areas = [t for t in found if level_of_term(t) == AREA]
    return areas[0] if areas and len(areas) < len(found) else ""


def names_no_goals(text: str, in_goal_context: bool = False) -> bool:
    """A heading or lead-in about something else than goals ("Indikatorer", "3.2 Aktiviteter")."""
    if _NEVER_GOALS.search(text):
        return True
    return not in_goal_context and bool(_USUALLY_NO_GOALS.search(text))


_SINGULAR = (
    (re.compile(r"område(?:n|na|t)$"), "område"),
    (re.compile(r"mål(?:en|et)$"), "mål"),
    (re.compile(r"perspektiv(?:en|et)$"), "perspektiv"),
    (re.compile(r"dimension(?:en|er|erna)$"), "dimension"),
    (re.compile(r"inriktning(?:ar|en|arna)$"), "inriktning"),
)
_ADJECTIVE_SINGULAR = {"prioriterade": "prioriterat", "strategiska": "strategiskt", "långsiktiga": "långsiktigt"}


def singular(term: str) -> str:
    """A term as a level's name: "målområden" → "målområde", "prioriterade områden" →
    "prioriterat område" (the document's own word, in the form the model lists)."""
    words = re.sub(r"\s+", " ", term.strip()).casefold().split(" ")
    for pattern, base in _SINGULAR:
        words[-1] = pattern.sub(base, words[-1])
    if len(words) > 1:
        words[:-1] = [_ADJECTIVE_SINGULAR.get(w, w) for w in words[:-1]]
    return " ".join(words)


def below(level: str) -> str:
    index = LEVELS.index(level)
    return LEVELS[min(index + 1, len(LEVELS) - 1)]


def rank(level: str) -> int:
    return LEVELS.index(level)
